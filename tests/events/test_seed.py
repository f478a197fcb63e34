"""`manage.py load_content`: the real project in five languages, safe on a live site."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from events import seed
from events.models import Event, Page, Partner, ProgrammeItem
from registrations.models import Part, Registration

pytestmark = pytest.mark.django_db

TRANSLATED = {
    Partner: ["name", "description"],
    Event: ["title", "summary", "description"],
    Page: ["title", "body"],
}


def snapshot() -> dict:
    return {
        model.__name__: sorted(tuple(sorted(row.items())) for row in model.objects.values())
        for model in (Partner, Event, ProgrammeItem, Page, Part)
    }


def load_content() -> None:
    call_command("load_content", stdout=io.StringIO())


def test_load_content_loads_the_real_project_in_five_languages_and_nothing_else(settings):
    settings.DEBUG = False  # as in production
    load_content()
    assert Partner.objects.count() == 4
    assert Event.objects.count() == 4
    assert set(Page.objects.values_list("slug", flat=True)) == set(Page.Slug.values)
    for model, fields in TRANSLATED.items():
        for obj in model.objects.all():
            for field in fields:
                for code in ("cs", "sk", "pl", "hu", "en"):
                    assert getattr(obj, f"{field}_{code}"), f"{obj} has no {field}_{code}"
    olomouc = Event.objects.get(slug="olomouc-2023")
    assert "Olomouc" in olomouc.title_cs
    assert "SMART" in olomouc.description_cs.upper()
    assert (str(olomouc.start_date), str(olomouc.end_date)) == ("2023-06-21", "2023-06-22")
    # Registration opened on 15 May 2023 and closed when the seminar began: open in the demo's June 2023 only.
    assert not olomouc.registration_is_open()
    demo_day = timezone.make_aware(datetime.datetime(2023, 6, 1, 12))
    assert olomouc.registration_is_open(demo_day)
    assert not olomouc.registration_is_open(demo_day.replace(day=21, hour=0))
    assert sorted(Part.objects.values_list("capacity", flat=True)) == [45, 120]
    # Unknown facts stay unknown: no invented times or dates.
    assert not ProgrammeItem.objects.exclude(start_time=None).exists()
    assert Event.objects.get(slug="slovakia").start_date is None
    # No account, no registration: nothing a live site must not have.
    assert not get_user_model().objects.exists()
    assert not Registration.objects.exists()


def test_load_content_twice_changes_nothing():
    load_content()
    first = snapshot()
    load_content()
    assert snapshot() == first


def test_what_staff_changed_stays_and_what_they_deleted_stays_deleted():
    load_content()
    olomouc = Event.objects.get(slug="olomouc-2023")
    olomouc.title_hu = "Záró szeminárium (szerkesztve)"
    olomouc.registration_closes = None
    olomouc.save()
    Part.objects.filter(event=olomouc, order=2).update(capacity=50)
    Page.objects.filter(slug="contact").update(body_en="Write to us.")
    deleted = ProgrammeItem.objects.filter(event=olomouc).first()
    deleted_key = (deleted.day, deleted.order)
    deleted.delete()
    load_content()
    olomouc.refresh_from_db()
    assert olomouc.title_hu == "Záró szeminárium (szerkesztve)"
    assert olomouc.registration_closes is None
    assert Part.objects.get(event=olomouc, order=2).capacity == 50
    assert Page.objects.get(slug="contact").body_en == "Write to us."
    assert not ProgrammeItem.objects.filter(event=olomouc, day=deleted_key[0], order=deleted_key[1]).exists()


def test_a_new_version_of_the_content_reaches_the_fields_staff_have_not_changed(monkeypatch):
    load_content()
    Event.objects.filter(slug="olomouc-2023").update(summary_hu="Saját összefoglaló.")
    original = seed.load

    def newer(name: str) -> list[dict]:
        records = original(name)
        if name == "workshops":
            for record in records:
                if record["slug"] == "olomouc-2023":
                    record["summary"] = {code: f"New summary ({code})." for code in ("cs", "sk", "pl", "hu", "en")}
        return records

    monkeypatch.setattr(seed, "load", newer)
    load_content()
    olomouc = Event.objects.get(slug="olomouc-2023")
    assert (olomouc.summary_cs, olomouc.summary_en) == ("New summary (cs).", "New summary (en).")
    assert olomouc.summary_hu == "Saját összefoglaló."


def test_content_loaded_before_its_record_existed_is_only_filled_where_empty():
    load_content()
    seed.LoadedContent.objects.all().delete()  # a database loaded by an older version
    Event.objects.filter(slug="olomouc-2023").update(summary_pl="", summary_hu="Saját összefoglaló.")
    load_content()
    olomouc = Event.objects.get(slug="olomouc-2023")
    assert olomouc.summary_pl
    assert olomouc.summary_hu == "Saját összefoglaló."
