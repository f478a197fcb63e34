import os
import subprocess
import sys
from pathlib import Path

import pytest

from v4project.settings import database_from_url

ROOT = Path(__file__).resolve().parent.parent


def import_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "SITE_URL"}}
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
    assert import_settings(DEBUG="0", SECRET_KEY="x" * 50, SITE_URL="https://v4.example.org").returncode == 0


def test_debug_is_off_unless_asked_for():
    result = subprocess.run(
        [sys.executable, "-c", "from v4project import settings; print(settings.DEBUG)"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DEBUG"},
            "SECRET_KEY": "y" * 50,
            "SITE_URL": "https://x.org",
        },
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


def settings_value(expression: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "SITE_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", f"from v4project import settings; print(({expression},))"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "x" * 50}


def test_production_refuses_to_start_without_its_public_address():
    result = import_settings(DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "SITE_URL is not set" in result.stderr
    assert "must be an http" in import_settings(**PRODUCTION, SITE_URL="v4.example.org").stderr


def test_development_links_point_to_the_development_server():
    assert settings_value("settings.SITE_URL", DEBUG="1") == "('http://127.0.0.1:8000',)"


def test_an_https_address_turns_on_secure_cookies_and_hsts():
    expression = "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS"
    assert settings_value(expression, **PRODUCTION, SITE_URL="https://v4.example.org") == "(True, True, 31536000)"
    assert settings_value(expression, **PRODUCTION, SITE_URL="http://127.0.0.1:8001") == "(False, False, 0)"
    redirected = settings_value(expression, **PRODUCTION, SITE_URL="http://v4.example.org", SECURE_SSL_REDIRECT="1")
    assert redirected == "(True, True, 31536000)"


def test_trusted_proxies_are_read_and_checked():
    value = settings_value("settings.TRUSTED_PROXIES", DEBUG="1", TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/24")
    assert value == "([IPv4Network('127.0.0.1/32'), IPv4Network('10.0.0.0/24')],)"
    assert settings_value("settings.TRUSTED_PROXIES", DEBUG="1") == "([],)"
    bad = import_settings(DEBUG="1", TRUSTED_PROXIES="nginx")
    assert "TRUSTED_PROXIES must list IP addresses" in bad.stderr


def test_redis_url_is_checked_and_shared_by_the_cache_the_page_cache_and_the_scheduler():
    expression = "settings.REDIS_URL, settings.CACHES['default']['BACKEND'], settings.CRONTASK['REDIS_URL']"
    value = settings_value(expression, DEBUG="1", REDIS_URL="redis://10.0.0.5:6379/1")
    assert (
        value == "('redis://10.0.0.5:6379/1', 'django.core.cache.backends.redis.RedisCache', 'redis://10.0.0.5:6379/1')"
    )
    assert "must be a redis://" in import_settings(DEBUG="1", REDIS_URL="10.0.0.5:6379").stderr


def test_s3_bucket_moves_uploads_to_s3_with_links_that_do_not_expire():
    assert settings_value("settings.STORAGES['default']['BACKEND']", DEBUG="1") == (
        "('django.core.files.storage.FileSystemStorage',)"
    )
    default = "settings.STORAGES['default']"
    options = f"{default}['BACKEND'], {default}['OPTIONS']['bucket_name'], {default}['OPTIONS']['querystring_auth']"
    value = settings_value(options, DEBUG="1", S3_BUCKET="v4-media", S3_ENDPOINT_URL="https://s3.example.org")
    assert value == "('storages.backends.s3.S3Storage', 'v4-media', False)"


def worker_max_wait(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "WORKER_MAX_WAIT_SECONDS"}}
    return subprocess.run(
        [sys.executable, "-c", "from v4project import settings; print(settings.WORKER_MAX_WAIT_SECONDS)"],
        cwd=ROOT,
        env={**clean, "SECRET_KEY": "y" * 50, "SITE_URL": "https://x.org", **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_the_worker_lets_visitors_go_first_in_production_and_never_waits_in_development():
    assert worker_max_wait() == "20"
    assert worker_max_wait(DEBUG="1") == "0"  # `make run`: each e-mail in the console at once
    assert worker_max_wait(WORKER_MAX_WAIT_SECONDS="5") == "5"
