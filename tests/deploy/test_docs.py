"""docs/deploy.md does what README promises: every scheduled job installed, every command real, and the
production settings of env.example pass `check --deploy` on a migrated database."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
DEPLOY = (ROOT / "docs" / "deploy.md").read_text()
UNITS = ROOT / "docs" / "deploy"


def promised_jobs() -> set[str]:
    """The `manage.py …` commands README's paragraph on scheduled jobs names."""
    paragraph = README[README.index("Scheduled jobs in production") :].split("\n\n")[0]
    return set(re.findall(r"manage\.py (\w+)", paragraph))


def installed_jobs() -> set[str]:
    """Commands run by a service whose timer the installation (section 4 of docs/deploy.md) copies and
    enables."""
    installation = DEPLOY[DEPLOY.index("## 4.") : DEPLOY.index("## 5.")]
    enabled = set(re.findall(r"systemctl enable --now [^\n]*", installation))
    timers = {name for line in enabled for name in re.findall(r"(v4-[\w-]+)\.timer", line)}
    jobs = set()
    for timer in timers:
        assert f"docs/deploy/{timer}.timer" in installation, f"{timer}.timer is enabled but never copied"
        assert f"docs/deploy/{timer}.service" in installation, f"{timer}.service is never copied"
        service = (UNITS / f"{timer}.service").read_text()
        jobs |= set(re.findall(r"^ExecStart=.*manage\.py (\w+)", service, flags=re.MULTILINE))
    return jobs


def test_every_scheduled_job_readme_promises_is_installed_by_the_deployment_guide():
    promised = promised_jobs()
    assert {"expire_registrations", "anonymise_registrations", "clearsessions"} <= promised
    assert promised <= installed_jobs()


def test_every_command_the_guides_name_exists():
    named = set(re.findall(r"manage\.py (\w+)", README + DEPLOY))
    assert named <= set(get_commands())


def test_the_guide_loads_the_real_content_and_creates_its_own_superuser():
    commands = re.findall(r"^sudo -E -u v4 \.venv/bin/python manage\.py (\w+)", DEPLOY, flags=re.MULTILINE)
    assert "load_content" in commands
    assert "createsuperuser" in commands
    assert "seed_demo" not in commands


def env_example() -> dict[str, str]:
    values = {}
    for line in (UNITS / "env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, value = line.split("=", 1)
            values[name] = value.strip('"')
    return values


@pytest.mark.django_db(transaction=True)  # no open transaction holding SQLite's lock against the check
def test_the_production_settings_pass_the_deployment_check():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        database = f"sqlite:///{settings['NAME']}"
    else:
        database = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    env = {**os.environ, **env_example(), "SECRET_KEY": secrets.token_urlsafe(50), "DATABASE_URL": database}
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # set for the tests, not production
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--database", "default", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert env["TRUSTED_PROXIES"] == "127.0.0.1"
    assert env["TWO_FACTOR_REQUIRED"] == "1"
