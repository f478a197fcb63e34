"""The content version of the page cache: a stamp that every cached page carries and that a save replaces.

A page whose stamp is not the current one is never served. Where the stamp lives depends on the setting:

- **One machine** (no `REDIS_URL`): a random token in a small file beside the media files, replaced after
  each commit that changes what a public page shows. Every process of the machine sees a replaced file at
  once, for the price of one small read per request instead of a query.
- **Several app servers** (`REDIS_URL`): they share no disk, so the stamp lives in Redis. Each process keeps
  a copy in memory, and a thread of its own, subscribed to a Redis channel, replaces that copy as soon as any
  server publishes a change: a request reads memory, with no round trip. The stamp is "epoch:counter": a
  change increments the counter and publishes the result in one script, so copies only move forwards; the
  epoch, chosen at random whenever Redis starts empty, keeps a restarted Redis from ever handing out an old
  stamp again. While a process has lost its subscription it has no stamp and caches nothing, and a stamp
  it reads after reconnecting never matches a page kept before (it may have missed a change meanwhile).
  A change that cannot be published waits and is published first when Redis answers again.
"""

import logging
import os
import secrets
import threading
from pathlib import Path

import redis
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

STAMP_NAME = ".page-cache-stamp"


def read_stamp() -> bytes | None:
    """The current stamp; None while there is none (no page is cached then)."""
    if settings.REDIS_URL:
        return shared_stamp(settings.REDIS_URL).read()
    try:
        fd = os.open(stamp_path(), os.O_RDONLY)
    except OSError:
        return None
    try:
        return os.read(fd, 64) or None
    finally:
        os.close(fd)


def bump_content_version() -> None:
    """Every cached page is out of date from now on, in every process (of every app server)."""
    if settings.REDIS_URL:
        shared_stamp(settings.REDIS_URL).bump()
        return
    # A new file replaces the old one in one step, so a reader sees either the old stamp or the new one.
    # When no new stamp can be written, the old one is removed, which stops the caching rather than serving
    # old pages.
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


def stamp_path() -> Path:
    return Path(settings.MEDIA_ROOT) / STAMP_NAME


EPOCH_KEY = "v4:page-cache:epoch"
COUNTER_KEY = "v4:page-cache:counter"
CHANNEL = "v4:page-cache:changed"
# KEYS: epoch, counter; ARGV: a new epoch (used only when Redis has none), the channel or "" (read only).
STAMP_SCRIPT = """
redis.call('SET', KEYS[1], ARGV[1], 'NX')
local stamp
if ARGV[2] == '' then
  stamp = redis.call('GET', KEYS[1]) .. ':' .. (redis.call('GET', KEYS[2]) or '0')
else
  stamp = redis.call('GET', KEYS[1]) .. ':' .. redis.call('INCR', KEYS[2])
  redis.call('PUBLISH', ARGV[2], stamp)
end
return stamp
"""
# How often the listener looks for a change that is waiting to be published, and pings Redis.
POLL_SECONDS = 1.0
RETRY_SECONDS = 1.0


def is_newer(candidate: bytes, current: bytes | None) -> bool:
    """Stamps of one epoch only move forwards; a new epoch (Redis started empty) replaces any other."""
    if current is None:
        return True
    new_epoch, _, new_count = candidate.partition(b":")
    epoch, _, count = current.partition(b":")
    return new_epoch != epoch or int(new_count) > int(count)


class SharedStamp:
    """This process's copy of the stamp in Redis, kept current by a subscription (the module says how)."""

    def __init__(self, url: str):
        self.url = url
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self.script = self.client.register_script(STAMP_SCRIPT)
        self.lock = threading.Lock()
        self.stamp: bytes | None = None
        self.generation = 0  # subscriptions so far: a stamp read on a new one never matches an old page
        self.pending = False  # a change waits to be published
        self.pid: int | None = None
        self.subscribed = threading.Event()
        self.closed = threading.Event()

    def close(self) -> None:
        """Stop following (for tests: a process follows its stamp for as long as it lives)."""
        self.closed.set()

    def read(self) -> bytes | None:
        if self.pid != os.getpid():
            self.start()
        stamp = self.stamp
        return None if stamp is None else b"%s#%d" % (stamp, self.generation)

    def bump(self) -> None:
        try:
            self.advance(self.run_script(CHANNEL))
        except redis.RedisError:
            logger.exception("page cache version not published; pages are not cached until it is")
            with self.lock:
                self.pending = True
                self.stamp = None

    def run_script(self, channel: str) -> bytes:
        return self.script(keys=[EPOCH_KEY, COUNTER_KEY], args=[secrets.token_hex(8), channel])

    def advance(self, stamp: bytes) -> None:
        with self.lock:
            if not self.pending and is_newer(stamp, self.stamp):
                self.stamp = stamp

    def start(self) -> None:
        """Subscribe from this process (a forked worker starts its own), and wait briefly for the first stamp."""
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            self.stamp = None
            self.subscribed = threading.Event()
            # A forked process must not share the parent's sockets.
            self.client.connection_pool.reset()
            threading.Thread(target=self.listen, name="page-cache-version", daemon=True).start()
        self.subscribed.wait(2)

    def listen(self) -> None:
        while not self.closed.is_set():
            try:
                self.follow()
            except (redis.RedisError, OSError):
                logger.warning("page cache lost its Redis subscription; pages are not cached until it is back")
            with self.lock:
                self.stamp = None
            self.subscribed.set()
            self.closed.wait(RETRY_SECONDS)

    def follow(self) -> None:
        pubsub = self.client.pubsub()
        try:
            pubsub.subscribe(CHANNEL)
            # From the confirmation on, no change is missed: only then is the current stamp read.
            confirmation = pubsub.get_message(timeout=5)
            if confirmation is None or confirmation["type"] != "subscribe":
                raise redis.ConnectionError("no confirmation of the subscription")
            with self.lock:
                self.generation += 1
                pending, self.pending = self.pending, False
            stamp = self.run_script(CHANNEL if pending else "")
            with self.lock:
                self.stamp = stamp
            self.subscribed.set()
            while not self.closed.is_set():
                if self.pending:
                    with self.lock:
                        self.pending = False
                    self.advance(self.run_script(CHANNEL))
                message = pubsub.get_message(timeout=POLL_SECONDS)
                if message is None:
                    pubsub.ping()
                elif message["type"] == "message":
                    self.advance(message["data"])
        finally:
            pubsub.close()


_shared: dict[str, SharedStamp] = {}


def shared_stamp(url: str) -> SharedStamp:
    stamp = _shared.get(url)
    if stamp is None:
        stamp = _shared.setdefault(url, SharedStamp(url))
    return stamp
