"""gunicorn servers, wrk runs and what the workers' /proc says about their memory."""

import contextlib
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
WRK = ["wrk", "-t2", "-c20", "-d5s", "--latency", "--timeout", "5s"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def memory(self, field: str) -> list[int]:
        """VmHWM (peak) or VmRSS (now) of each worker, in kB."""
        values = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            values.append(int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1)))
        return values

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(app: str, env: dict, ready_path: str, log: Path) -> Server:
    """gunicorn with the same settings for the site and the ceiling: 2 sync workers on 127.0.0.1."""
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), app, "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--log-level", "warning"]
    handle = log.open("ab")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=handle)  # noqa: S603 - fixed command
    server = Server(process, port)
    for _ in range(150):
        try:
            urllib.request.urlopen(server.base + ready_path, timeout=2)  # noqa: S310 - our own local server
            if len(server.worker_pids()) == WORKERS:
                return server
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"gunicorn {app} did not start; see {log}")


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    requests: int
    bad: int  # non-2xx/3xx answers and socket errors


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(output: str) -> WrkResult:
    latency = dict(re.findall(r"^\s*(50|90|99)%\s+([\d.]+(?:us|ms|s))\s*$", output, re.MULTILINE))
    if "50" not in latency or "99" not in latency:
        raise RuntimeError("wrk gave no latency distribution:\n" + output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return WrkResult(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(latency["50"]),
        p90_ms=_ms(latency["90"]),
        p99_ms=_ms(latency["99"]),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        bad=(int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, errors.groups())) if errors else 0),
    )


def wrk(url: str, *, cookie: str = "", script: Path | None = None) -> WrkResult:
    command = list(WRK)
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout  # noqa: S603 - wrk
    wait_until_idle(url)
    return parse_wrk(output)


def connections_in_time_wait() -> int:
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), Path(table).open() as lines:
            count += sum(1 for line in lines if line.split()[3:4] == ["06"])
    return count


def wait_for_free_ports(most: int = 2000, timeout: float = 70.0) -> None:
    """Closed connections stay in TIME_WAIT for a minute, and with tens of thousands of them (the previous
    benchmark's, say) every connect() searches the ephemeral ports: wait until they have gone."""
    deadline = time.monotonic() + timeout
    while connections_in_time_wait() > most and time.monotonic() < deadline:
        time.sleep(1)


def wait_until_idle(url: str, timeout: float = 60.0) -> None:
    """gunicorn still answers the requests queued when wrk stopped, and behind a slow page (the admin list
    takes a second each) that is many seconds of work: the next run must not start into it. Idle is when
    /healthz (a 404 on the hello app, just as quick) is answered at once, twice in a row."""
    parts = urllib.parse.urlsplit(url)
    probe = f"{parts.scheme}://{parts.netloc}/healthz"
    quick, deadline = 0, time.monotonic() + timeout
    while quick < 2 and time.monotonic() < deadline:
        started = time.perf_counter()
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(probe, timeout=timeout).close()  # noqa: S310 - our own local server
        quick = quick + 1 if time.perf_counter() - started < 0.05 else 0
        time.sleep(0.2)


CONFIRM_LUA = """
-- Each request confirms another pending registration: thread n takes tokens n, n+T, n+2T, ...
tokens = {%(tokens)s}
threads = 0
function setup(thread)
  thread:set("first", threads)
  threads = threads + 1
end
function init(args)
  index = first
end
function request()
  local token = tokens[(index %% #tokens) + 1]
  index = index + %(threads)d
  return wrk.format("POST", "/cs/registration/" .. token .. "/confirm/", {
    ["Cookie"] = "csrftoken=%(cookie)s",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "csrfmiddlewaretoken=%(token)s")
end
"""


def confirm_script(tokens: list[str], csrf_cookie: str, csrf_token: str, directory: Path) -> Path:
    path = directory / "confirm.lua"
    path.write_text(
        CONFIRM_LUA
        % {
            "tokens": ",".join(f'"{token}"' for token in tokens),
            "threads": 2,
            "cookie": csrf_cookie,
            "token": csrf_token,
        }
    )
    return path


def warm_up(base: str, tokens: list[str], csrf_cookie: str, csrf_token: str) -> None:
    """A few confirmations one at a time, as a site that has been up for a while has answered some."""
    for token in tokens:
        request = urllib.request.Request(  # noqa: S310 - our own local server
            f"{base}/cs/registration/{token}/confirm/",
            data=f"csrfmiddlewaretoken={csrf_token}".encode(),
            headers={"Cookie": f"csrftoken={csrf_cookie}"},
        )
        with contextlib.suppress(urllib.error.HTTPError):  # the redirect to the private page is not followed
            urllib.request.urlopen(request, timeout=10).close()  # noqa: S310


def csrf_pair(form_url: str) -> tuple[str, str]:
    """A CSRF cookie and a form token that goes with it, from one GET of a form page."""
    with urllib.request.urlopen(form_url, timeout=10) as response:  # noqa: S310 - our own local server
        html = response.read().decode()
        cookies = response.headers.get_all("Set-Cookie") or []
    cookie = next(re.match(r"csrftoken=([^;]+)", c).group(1) for c in cookies if c.startswith("csrftoken="))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


def timed_get(url: str, cookie: str = "") -> tuple[float, bytes, dict]:
    """Seconds to the last byte, the body and the headers of one GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own local server
        body = response.read()
        headers = dict(response.headers)
    return time.perf_counter() - started, body, headers


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="bench-v4-"))
