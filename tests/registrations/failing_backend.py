"""An e-mail backend whose server is down: stands in for the SMTP server, which leaves the machine."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RefusingEmailBackend(BaseEmailBackend):
    """A server that refuses the recipient for good (a 5xx answer): trying again would not help."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.cz": (550, b"5.1.1 No such user")})
