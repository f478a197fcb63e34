"""System checks of our own: `manage.py check --deploy` warns when the site runs on a shifted clock."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def demo_date_in_production(app_configs, **kwargs) -> list[Warning]:
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
