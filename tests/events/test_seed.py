import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from events.models import Event, Page, Partner, ProgrammeItem

pytestmark = pytest.mark.django_db

TRANSLATED = {
    Partner: ["name", "description"],
    Event: ["title", "summary", "description"],
    Page: ["title", "body"],
}


def snapshot() -> dict:
    return {
        model.__name__: sorted(tuple(sorted(row.items())) for row in model.objects.values())
        for model in (Partner, Event, ProgrammeItem, Page)
    }


def test_seed_demo_loads_the_real_project_in_five_languages(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-for-tests")
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - discarded output
    assert Partner.objects.count() == 4
    assert Event.objects.count() == 4
    assert set(Page.objects.values_list("slug", flat=True)) == set(Page.Slug.values)
    for model, fields in TRANSLATED.items():
        for obj in model.objects.all():
            for field in fields:
                for code in ("cs", "sk", "pl", "hu", "en"):
                    assert getattr(obj, f"{field}_{code}"), f"{obj} has no {field}_{code}"
    olomouc = Event.objects.get(slug="olomouc-2023")
    assert "Olomouc" in olomouc.title_cs and "SMART" in olomouc.description_cs.upper()
    assert (str(olomouc.start_date), str(olomouc.end_date)) == ("2023-06-21", "2023-06-22")
    # Registration opened on 15 May 2023 and closed when the seminar began: open in the demo's June 2023 only.
    assert not olomouc.registration_is_open()
    demo_day = timezone.make_aware(datetime.datetime(2023, 6, 1, 12))
    assert olomouc.registration_is_open(demo_day)
    assert not olomouc.registration_is_open(demo_day.replace(day=21, hour=0))
    # Unknown facts stay unknown: no invented times or dates.
    assert not ProgrammeItem.objects.exclude(start_time=None).exists()
    assert Event.objects.get(slug="slovakia").start_date is None
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("a-demo-password-for-tests")


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - discarded output
    first = snapshot()
    password = get_user_model().objects.get(username="admin").password
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - discarded output
    assert snapshot() == first
    assert get_user_model().objects.get(username="admin").password == password
