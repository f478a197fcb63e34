import os
import subprocess
import sys
from pathlib import Path

import pytest

from v4project.settings import database_from_url

ROOT = Path(__file__).resolve().parent.parent


def import_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", "import v4project.settings"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_a_development_or_short_secret_key():
    assert "too short" in import_settings(DEBUG="0", SECRET_KEY="short").stderr
    key = "development-only-key-never-used-in-production"
    assert import_settings(DEBUG="0", SECRET_KEY=key).returncode != 0


def test_production_starts_with_a_real_secret_key():
    assert import_settings(DEBUG="0", SECRET_KEY="x" * 50).returncode == 0


def test_debug_is_off_unless_asked_for():
    result = subprocess.run(
        [sys.executable, "-c", "from v4project import settings; print(settings.DEBUG)"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "DEBUG"}, "SECRET_KEY": "y" * 50},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


def test_database_url_for_postgres_uses_persistent_connections():
    config = database_from_url("postgres://postgres:p%40ss@127.0.0.1:5432/test")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"], config["NAME"]) == (
        "postgres",
        "p@ss",
        "127.0.0.1",
        "5432",
        "test",
    )
    assert config["CONN_MAX_AGE"] >= 60


def test_database_url_for_sqlite_takes_relative_and_absolute_paths():
    assert database_from_url("sqlite:///db.sqlite3")["NAME"] == ROOT / "db.sqlite3"
    assert database_from_url("sqlite:////srv/v4/x.sqlite3")["NAME"] == Path("/srv/v4/x.sqlite3")
    assert database_from_url("sqlite:////srv/v4/x.sqlite3")["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_database_url_with_an_unknown_scheme_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        database_from_url("mysql://root@localhost/db")
