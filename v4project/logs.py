"""Logs: one line per event, and no personal data in them.

Private links carry a secret token in their path, door QR codes a check-in code, password-reset links a
token, and messages may mention an e-mail address; all are replaced before a line is written. Staff
actions in the admin are logged with who did what (the object by type and id, never by its name).
"""

import json
import logging
import re

PRIVATE_PATHS = re.compile(r"(/(?:registration|checkin)/)(?!link/|day/|seat/)[^/\s?\"']+")
# A password-reset link: /<lang>/account/reset/<user>/<token>/.
RESET_PATHS = re.compile(r"(/account/reset/)[^/\s?\"']+/[^/\s?\"']+")
EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


def redact(text: str) -> str:
    text = RESET_PATHS.sub(r"\1[private]", PRIVATE_PATHS.sub(r"\1[private]", text))
    return EMAIL.sub("[e-mail]", text)


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class OneLineFormatter(logging.Formatter):
    """`time level logger message` on one line; a traceback follows as one JSON-escaped field."""

    def format(self, record: logging.LogRecord) -> str:
        line = f"{self.formatTime(record)} {record.levelname} {record.name} {json.dumps(record.getMessage())}"
        if record.exc_text or record.exc_info:
            trace = record.exc_text or self.formatException(record.exc_info)
            line += f" exc={json.dumps(redact(trace))}"
        return line


def log_admin_action(sender, instance, created: bool, **kwargs) -> None:
    """post_save receiver for the admin's LogEntry: who changed what, in the application log too."""
    if created:
        logging.getLogger("v4.staff").info(
            "staff user=%s action=%s object=%s.%s id=%s",
            instance.user_id,
            {1: "add", 2: "change", 3: "delete"}.get(instance.action_flag, instance.action_flag),
            instance.content_type.app_label if instance.content_type else "-",
            instance.content_type.model if instance.content_type else "-",
            instance.object_id,
        )
