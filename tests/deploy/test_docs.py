"""docs/deploy.md does what README promises: every scheduled job run by the worker it installs, every command
real, and the
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
    """The scheduled jobs README's paragraph on them names."""
    paragraph = README[README.index("Scheduled jobs run in the worker") :].split("\n\n")[0]
    return set(re.findall(r"`(\w+)` \(", paragraph))


def scheduled_jobs() -> set[str]:
    """The jobs the worker's scheduler starts: every app's `tasks` module, as `run_worker` loads them."""
    from crontask import scheduler

    from registrations.management.commands.run_worker import load_scheduled_jobs

    load_scheduled_jobs()
    return {job.name for job in scheduler.get_jobs()}


def installed_services() -> set[str]:
    """The systemd units the installation (section 4 of docs/deploy.md) copies and enables."""
    installation = DEPLOY[DEPLOY.index("## 4.") : DEPLOY.index("## 5.")]
    enabled = {name for line in re.findall(r"systemctl enable --now ([^\n]*)", installation) for name in line.split()}
    for name in enabled:
        assert f"docs/deploy/{name}.service" in installation, f"{name}.service is enabled but never copied"
    return enabled


def test_every_scheduled_job_readme_promises_runs_in_the_worker_the_guide_installs():
    promised = promised_jobs()
    assert {"expire_unconfirmed_registrations", "anonymise_past_events", "clear_expired_sessions"} <= promised
    assert promised == scheduled_jobs()
    assert "v4-worker" in installed_services()
    worker = (UNITS / "v4-worker.service").read_text()
    assert re.search(r"^ExecStart=.*manage\.py run_worker$", worker, flags=re.MULTILINE)
    assert not list(UNITS.glob("*.timer"))  # one worker service, no timer per job


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
