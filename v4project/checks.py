"""System checks of the deployment (run by `manage.py check --deploy --database default`, docs/deploy.md)."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.checks import Error, Tags, Warning, register
from django.db import connections, router


@register(Tags.caches, deploy=True)
def check_cache_table(app_configs=None, databases=None, **kwargs) -> list[Error]:
    """The database cache needs its table (`manage.py createcachetable`); without it every use of the cache
    fails and /healthz answers 503. Looked up only in the databases the check is asked about."""
    errors = []
    for alias, cache in caches.settings.items():
        backend = caches[alias]
        if not isinstance(backend, DatabaseCache):
            continue
        database = router.db_for_read(backend.cache_model_class)
        if databases is None or database not in databases:
            continue
        table = cache["LOCATION"]
        if table not in connections[database].introspection.table_names():
            errors.append(
                Error(
                    f"The cache table {table!r} of cache {alias!r} does not exist in database {database!r}.",
                    hint="Run `manage.py createcachetable`.",
                    id="v4.E001",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def demo_date_in_production(app_configs=None, **kwargs) -> list[Warning]:
    """DEMO_DATE shifts the site's clock (v4project/clock.py): for the demo only, never for a deployment."""
    if getattr(settings, "DEMO_DATE", None) is None:
        return []
    return [
        Warning(
            f"DEMO_DATE is set ({settings.DEMO_DATE.isoformat()}): the site behaves as if it were that day and "
            "says so on every page.",
            hint="Remove DEMO_DATE from the environment of a deployment; it is for the demo only.",
            id="v4.W001",
        )
    ]
