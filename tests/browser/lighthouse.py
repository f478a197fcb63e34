"""`make audit`: Lighthouse on the home page, an event and the registration form in Czech and Hungarian,
against the site as production serves it (DEBUG off, compressed static files, gunicorn).

Reports go to audit/ (HTML and JSON per page, and summary.md). Exits non-zero when accessibility, best
practices or SEO falls below 1.0 on any page; performance (mobile preset) is recorded, the goal 0.95.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "audit"
LIGHTHOUSE = Path(__file__).parent / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run --disable-quic"
)
PAGES = ["{lang}/", "{lang}/events/olomouc-2023/", "{lang}/events/olomouc-2023/register/"]
LANGUAGES = ["cs", "hu"]
REQUIRED = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
PERFORMANCE_GOAL = 0.95


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def production_env(port: int) -> dict:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{OUT / 'db.sqlite3'}",
        "STATIC_ROOT": str(OUT / "static"),
        "MEDIA_ROOT": str(OUT / "media"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DEMO_PASSWORD": secrets.token_urlsafe(16),
        # The registration form as visitors met it before the seminar (on the real clock it has closed).
        "DEMO_DATE": "2023-06-01",
    }


def start_server(env: dict, port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "v4project.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def audit(url: str, name: str, *, attempts: int = 3) -> dict[str, float]:
    """One Lighthouse run. A run that fails outright (Lighthouse's own "NO_NAVSTART: please run Lighthouse
    again" when Chromium's trace comes back incomplete) is tried again; a low score never is."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output=html",
        f"--output-path={OUT / name}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--quiet",
    ]
    for attempt in range(1, attempts + 1):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=False)
        if run.returncode == 0:
            break
        print(f"note: Lighthouse failed on {url} (attempt {attempt} of {attempts})")
    else:
        raise SystemExit(f"Lighthouse could not audit {url}")
    report = json.loads((OUT / f"{name}.report.json").read_text())
    return {key: category["score"] for key, category in report["categories"].items()}


def main() -> int:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir()
    port = free_port()
    env = production_env(port)
    for command in (["migrate", "--noinput"], ["createcachetable"], ["load_content"], ["collectstatic", "--noinput"]):
        manage(env, *command)
    server = start_server(env, port)
    rows = []
    try:
        for lang in LANGUAGES:
            for page in PAGES:
                path = page.format(lang=lang)
                name = path.strip("/").replace("/", "-")
                rows.append((path, audit(f"http://127.0.0.1:{port}/{path}", name)))
    finally:
        server.terminate()
        server.wait(timeout=20)
    lines = ["| page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|"]
    failures = []
    for path, scores in rows:
        lines.append(
            f"| /{path} | "
            + " | ".join(f"{scores[key]:.2f}" for key in ("performance", "accessibility", "best-practices", "seo"))
            + " |"
        )
        failures += [
            f"/{path}: {key} {scores[key]:.2f} < {limit}" for key, limit in REQUIRED.items() if scores[key] < limit
        ]
        if scores["performance"] < PERFORMANCE_GOAL:
            print(f"note: /{path} performance {scores['performance']:.2f} is below the goal {PERFORMANCE_GOAL}")
    summary = "\n".join(lines)
    (OUT / "summary.md").write_text(summary + "\n")
    print(summary)
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
