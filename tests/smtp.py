"""A real SMTP server for the tests (aiosmtpd, in a thread of the test process): it keeps what it receives,
and can refuse for a while (451, "try again later") or be slow to answer, as mail servers are."""

import asyncio
import email
import email.policy
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller

from tests.servers import free_port


@dataclass
class Sink:
    refuse_until: float = 0.0  # time.monotonic() until which every message is refused with 451
    refuse_for: float = 0.0  # or: seconds from the first message on (a slow machine starts its worker late)
    delay: float = 0.0  # seconds before each message is accepted
    messages: list = field(default_factory=list)
    refusals: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refuse_for and not self.refuse_until:
            self.refuse_until = time.monotonic() + self.refuse_for
        if time.monotonic() < self.refuse_until:
            with self.lock:
                self.refusals += 1
            return "451 4.3.0 Mail server busy, try again later"
        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 2.0.0 OK"

    def recipients(self) -> list[str]:
        with self.lock:
            return [str(message["To"]) for message in self.messages]

    def wait_for(self, count: int, *, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while len(self.recipients()) < count and time.monotonic() < deadline:
            time.sleep(0.05)


@contextmanager
def smtp_server(**options) -> Iterator[tuple[Sink, int]]:
    sink = Sink(**options)
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()
