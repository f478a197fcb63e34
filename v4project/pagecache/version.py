"""The content version of the page cache: a stamp that every cached page carries and that a save replaces.

A random token in a small file beside the media files, replaced after each commit that changes what a
public page shows. Every request reads the file, one small read; a page whose stamp is not the current one
is never served. A file rather than the shared cache because every process of the machine sees a replaced
file at once, for the price of a read instead of a database query; several app servers share it with the
media files.
"""

import logging
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

STAMP_NAME = ".page-cache-stamp"


def stamp_path() -> Path:
    return Path(settings.MEDIA_ROOT) / STAMP_NAME


def read_stamp() -> bytes | None:
    """The current stamp; None while there is none (no page is cached then)."""
    try:
        fd = os.open(stamp_path(), os.O_RDONLY)
    except OSError:
        return None
    try:
        return os.read(fd, 64) or None
    finally:
        os.close(fd)


def bump_content_version() -> None:
    """Every cached page is out of date from now on, in every process: a new file replaces the old one in
    one step, so a reader sees either the old stamp or the new one. When no new stamp can be written, the
    old one is removed, which stops the caching rather than serving old pages."""
    path = stamp_path()
    temporary = path.with_name(f"{path.name}.{secrets.token_hex(6)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(secrets.token_hex(16).encode())
        temporary.replace(path)
    except OSError:
        logger.exception("page cache stamp not replaced; pages are not cached until it is")
        for leftover in (temporary, path):
            leftover.unlink(missing_ok=True)


def bump_after_commit(using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the stamp once the current transaction commits (at once outside one), once per transaction
    however many rows it changes."""
    connection = connections[using]
    if connection.in_atomic_block and any(entry[1] is bump_content_version for entry in connection.run_on_commit):
        return
    transaction.on_commit(bump_content_version, using=using, robust=True)
