"""The deployment's system checks (`check --deploy --database default`, docs/deploy.md)."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from v4project.checks import check_cache_table

pytestmark = pytest.mark.django_db

MISSING = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "never_created"}}


def test_a_missing_cache_table_fails_the_deployment_check():
    with override_settings(CACHES=MISSING):
        errors = run_checks(include_deployment_checks=True, databases=["default"], tags=["caches"])
    assert [error.id for error in errors] == ["v4.E001"]
    assert "createcachetable" in errors[0].hint


def test_the_cache_table_of_the_test_database_passes():
    assert check_cache_table(databases=["default"]) == []


def test_the_check_queries_no_database_unless_asked():
    with override_settings(CACHES=MISSING):
        assert check_cache_table(databases=None) == []
