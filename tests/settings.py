"""The test configuration: production settings with what only tests need changed."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
# DEBUG is off here as in production, which insists on the public address for e-mailed links.
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from v4project.settings import *  # noqa: F403

# Tests do not run collectstatic, so no manifest; WhiteNoise still serves the files.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Tasks are rows of the database, as in production, run by the test process once their transaction commits
# (tests/tasks.py), so a test reads mail.outbox right after the request. A worker that a test starts as a
# process of its own (tests/workers.py) gets production's backend and the test's SMTP server instead.
TASKS = {"default": {"BACKEND": os.environ.get("TEST_TASKS_BACKEND", "tests.tasks.RunOnCommitBackend")}}
if os.environ.get("TEST_SMTP_PORT"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": int(os.environ["TEST_SMTP_PORT"]), "timeout": 10},
        }
    }
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# A server that a test starts with a MEDIA_ROOT of its own (tests/deploy/test_two_servers.py) keeps it.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# The real clock, whatever the environment says; a test that needs another day sets it (v4project/clock.py).
DEMO_DATE = None

# One test database per test run, so two runs on one machine (a developer and CI, say) never share it.
_run = os.environ.get("TEST_RUN_ID", str(os.getpid()))
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory: threads of the live server and race tests need real SQLite locking.
    DATABASES["default"]["TEST"] = {"NAME": BASE_DIR / f".test-db-{_run}.sqlite3"}  # noqa: F405
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_v4_{_run}"}  # noqa: F405
