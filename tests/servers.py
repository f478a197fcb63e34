"""The production set-up of docs/deploy in a test: gunicorn on the test database, and nginx running
docs/deploy/nginx.conf itself, with only its ports, paths and certificate rewritten. Clients connect from
their own 127.x.y.z addresses, as visitors from many places would."""

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
SITE_CONFIG = ROOT / "docs" / "deploy" / "nginx.conf"
GUNICORN = Path(sys.executable).with_name("gunicorn")
# Django sees nginx's Host without the port; the test settings allow this name.
HOST = "localhost"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, what: str) -> None:
    for _ in range(200):
        if process.poll() is not None:
            pytest.fail(f"{what} stopped at start (exit code {process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"{what} did not listen on port {port}")


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        pytest.fail("nginx is not installed: `make test` installs it (apt-get install nginx)")
    return found


def database_url() -> str:
    """The test database this test runs on, as DATABASE_URL for gunicorn."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def start_gunicorn(port: int, *, env: dict[str, str] | None = None) -> subprocess.Popen:
    """gunicorn with the site on the test database at 127.0.0.1:`port`, once it answers /healthz."""
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "v4project.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "8",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": database_url(),
            "PYTHONPATH": str(ROOT),
            **(env or {}),
        },
    )
    wait_for_port(port, server, "gunicorn")
    wait_until_healthy(f"http://127.0.0.1:{port}")
    return server


def wait_until_healthy(url: str) -> None:
    """The server is listening; wait until a worker has booted and answers (slow on a busy machine)."""
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            return
        except OSError:  # refused, reset or timed out while the worker starts
            time.sleep(0.1)
    pytest.fail(f"the server at {url} did not answer /healthz")


def rewrite(config: str, replacements: list[tuple[str, str]]) -> str:
    """Each pattern must match, so the test fails when nginx.conf changes under it."""
    for pattern, replacement in replacements:
        config, count = re.subn(pattern, replacement, config, flags=re.MULTILINE)
        assert count, f"docs/deploy/nginx.conf no longer has {pattern!r}"
    return config


@dataclass
class Nginx:
    folder: Path
    https_port: int
    http_port: int
    process: subprocess.Popen | None = None

    @property
    def access_log(self) -> Path:
        return self.folder / "v4.access.log"

    @property
    def error_log(self) -> Path:
        return self.folder / "v4.error.log"

    def logs(self, *, containing: str = "", timeout: float = 5.0) -> str:
        """Both logs; with `containing`, once that text is in them (nginx writes a request's line after its
        answer has left, so the last request may not be there yet) or the timeout has passed."""
        deadline = time.monotonic() + timeout
        while True:
            text = "".join(path.read_text() for path in (self.access_log, self.error_log) if path.exists())
            if containing in text or time.monotonic() > deadline:
                return text
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


def start_nginx(folder: Path, *, upstream_port: int) -> Nginx:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=v4.example.org",
            "-days",
            "1",
            "-keyout",
            str(folder / "key.pem"),
            "-out",
            str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    nginx = Nginx(folder=folder, https_port=free_port(), http_port=free_port())
    (folder / "media").mkdir(exist_ok=True)
    site = rewrite(
        SITE_CONFIG.read_text(),
        [
            (r"^\s*listen \[::\]:\d+.*\n", ""),  # the test machine may have no IPv6
            (r"listen 80;", f"listen 127.0.0.1:{nginx.http_port};"),
            (r"listen 443 ssl http2;", f"listen 127.0.0.1:{nginx.https_port} ssl http2;"),
            (r"/etc/letsencrypt/live/v4\.example\.org/fullchain\.pem", str(folder / "cert.pem")),
            (r"/etc/letsencrypt/live/v4\.example\.org/privkey\.pem", str(folder / "key.pem")),
            (r"server 127\.0\.0\.1:8001", f"server 127.0.0.1:{upstream_port}"),
            (r"/var/log/nginx/", f"{folder}/"),
            (r"alias /srv/v4/media/;", f"alias {folder}/media/;"),
        ],
    )
    (folder / "site.conf").write_text(site)
    temp = "\n".join(
        f"  {name}_temp_path {folder}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {folder}/nginx.pid;\nerror_log {folder}/main.error.log;\n"
        f"events {{}}\nhttp {{\n  access_log off;\n{temp}\n  include {folder}/site.conf;\n}}\n"
    )
    binary = nginx_binary()
    check = subprocess.run(
        [binary, "-t", "-q", "-e", str(folder / "main.error.log"), "-c", str(folder / "nginx.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    nginx.process = subprocess.Popen([binary, "-e", str(folder / "main.error.log"), "-c", str(folder / "nginx.conf")])
    wait_for_port(nginx.https_port, nginx.process, "nginx")
    return nginx


@dataclass
class Visitor:
    """One browser at one address: keeps its cookies, sends what a browser sends to the https site."""

    nginx: Nginx
    address: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, *, data: dict | None = None, headers: dict | None = None):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(
            "127.0.0.1", self.nginx.https_port, source_address=(self.address, 0), context=context, timeout=30
        )
        sent = {"Host": HOST, "Origin": f"https://{HOST}", "Referer": f"https://{HOST}{path}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            response.text = response.read().decode(errors="replace")
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def post_form(self, path: str, data: dict, **kwargs):
        """GET the form first, as a browser does, for its CSRF cookie and token; then POST it."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no CSRF token on {path} ({page.status})"
        return self.post(path, {**data, "csrfmiddlewaretoken": token.group(1)}, **kwargs)
