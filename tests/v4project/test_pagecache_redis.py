"""The page cache's content version in Redis, for app servers that share no disk (v4project/pagecache/version.py):
seen by every process at once, never handed out again after Redis restarts, and no caching while Redis is
away. Each test runs a Redis server of its own, so it can stop and start it."""

import logging
import shutil
import subprocess
import time
from collections.abc import Callable

import pytest

from tests.servers import free_port, wait_for_port
from v4project.pagecache import version


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process, "redis-server")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def soon(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
    return True


@pytest.fixture
def shared_stamps(redis_server):
    """`shared_stamps()`: one process's copy of the stamp in `redis_server`, stopped after the test."""
    made = []

    def make() -> version.SharedStamp:
        made.append(version.SharedStamp(redis_server.url))
        return made[-1]

    yield make
    for stamps in made:
        stamps.close()


def test_a_change_published_by_another_server_is_seen_at_once(shared_stamps):
    here, elsewhere = shared_stamps(), shared_stamps()
    before = here.read()
    assert before is not None
    started = time.monotonic()
    elsewhere.bump()
    assert soon(lambda: here.read() != before, seconds=1.0)
    assert time.monotonic() - started < 0.1
    assert here.read() == elsewhere.read()


def test_without_redis_nothing_is_cached_and_a_restarted_redis_never_brings_back_an_old_stamp(
    redis_server, shared_stamps, caplog
):
    stamps = shared_stamps()
    seen = {stamps.read()}
    stamps.bump()
    seen.add(stamps.read())
    assert None not in seen

    redis_server.stop()
    assert soon(lambda: stamps.read() is None)  # no stamp: no page is kept or served
    with caplog.at_level(logging.ERROR, logger="v4project.pagecache.version"):
        stamps.bump()  # a save while Redis is away
    assert "not published" in caplog.text
    assert stamps.read() is None

    redis_server.start()  # empty, as a restarted Redis without persistence is
    assert soon(lambda: stamps.read() is not None, seconds=10)
    assert stamps.read() not in seen
    # The change made while Redis was away was published on reconnecting: the counter moved past the start.
    assert stamps.read().split(b"#")[0].endswith(b":1")


def test_stamps_of_one_epoch_only_move_forwards():
    assert version.is_newer(b"abc:3", None)
    assert version.is_newer(b"abc:10", b"abc:9")
    assert not version.is_newer(b"abc:9", b"abc:10")
    assert version.is_newer(b"new:1", b"abc:10")
