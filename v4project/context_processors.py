"""Template context of every page: the demo banner's day."""

from django.http import HttpRequest

from . import clock


def demo(request: HttpRequest) -> dict:
    """`demo_today`: the day the site pretends it is, for the banner of base.html; None on the real clock."""
    return {"demo_today": clock.today() if clock.demo_date() else None}
