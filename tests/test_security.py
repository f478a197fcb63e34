"""Markup typed by a visitor or staff comes out as text everywhere it is shown, and every place that
turns escaping off carries a review note beside it."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from registrations.mail import build as emails
from registrations.mail.organisers import build_message_email, build_rule_email
from registrations.models import AutomaticRule, EmailLog, Message
from tests.factories import in_all_languages, make_event, make_part, make_registration

ROOT = Path(__file__).resolve().parent.parent
PAYLOADS = ['"><script>alert(1)</script>', "<img src=x onerror=alert(1)>"]
UNSAFE = re.compile(r"mark_safe\(|\|\s*safe\b|SafeString\(")


def test_every_mark_safe_and_safe_filter_has_a_review_note():
    unreviewed = []
    for path in [*ROOT.glob("events/**/*.py"), *ROOT.glob("registrations/**/*.py"), *ROOT.glob("v4project/**/*.py")]:
        unreviewed += _unreviewed(path, ROOT)
    for path in ROOT.glob("templates/**/*.html"):
        unreviewed += _unreviewed(path, ROOT)
    assert unreviewed == [], "each needs a 'Review note:' comment on its line or the line above"


def _unreviewed(path: Path, root: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for number, line in enumerate(lines):
        if UNSAFE.search(line) and "import" not in line:
            context = line + (lines[number - 1] if number else "")
            if "Review note" not in context:
                found.append(f"{path.relative_to(root)}:{number + 1}")
    return found


def test_the_review_note_check_finds_an_unreviewed_use(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("x = 1\nhtml = mark_safe(user_input)\n", encoding="utf-8")
    assert _unreviewed(sample, tmp_path) == ["sample.py:2"]
    sample.write_text("x = 1\n# Review note: constant markup only.\nhtml = mark_safe('<br>')\n", encoding="utf-8")
    assert _unreviewed(sample, tmp_path) == []


@pytest.fixture
def hostile(pages):
    payload = PAYLOADS[0] + PAYLOADS[1]
    event = make_event(
        slug="olomouc-2023",
        registration_opens="2020-01-01T00:00:00Z",
        **in_all_languages("title", "Seminar " + PAYLOADS[1]),
        **in_all_languages("summary", payload),
        **in_all_languages("description", payload),
    )
    part = make_part(event, capacity=10, **in_all_languages("name", "Tour " + PAYLOADS[0]))
    registration = make_registration(
        event,
        parts=[part],
        seat_status="confirmed",
        first_name=PAYLOADS[0],
        last_name=PAYLOADS[1],
        organisation=payload,
        diet="other",
        diet_other=payload,
        note=payload,
    )
    return registration


def assert_escaped(html: str, where: str) -> None:
    assert "<script>alert(1)</script>" not in html, where
    assert "<img src=x onerror=alert(1)>" not in html, where
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x onerror=alert(1)&gt;" in html, where


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_public_and_private_pages_show_markup_as_text(hostile, lang):
    client = Client()
    for path in (
        f"/{lang}/",
        f"/{lang}/events/",
        f"/{lang}/events/olomouc-2023/",
        f"/{lang}/registration/{hostile.token}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_escaped(response.content.decode(), path)


@pytest.mark.django_db
def test_the_admin_list_shows_markup_as_text(hostile, staff_client):
    html = staff_client.get("/admin/registrations/registration/").content.decode()
    assert_escaped(html, "admin list")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", EmailLog.Kind.values)
def test_every_email_escapes_markup_in_its_html_part(hostile, kind):
    message = _build(hostile, kind)
    html = next(content for content, mimetype in message.alternatives if mimetype == "text/html")
    assert "<script>alert(1)</script>" not in html
    assert "onerror=alert(1)>" not in html
    assert "\n" not in message.subject
    assert "\r" not in message.subject
    # The plain-text part is text: the markup is shown as typed, which is harmless there.
    assert "<" in message.body or kind in {"data_deleted", "data_exported", "link_again", "confirm_address"}
    mail.outbox = []


def _build(registration, kind):
    """The e-mail of `kind`; the organisers' ones with markup typed by staff too (texts and placeholders)."""
    typed = PAYLOADS[0] + " {name} {event} {parts} " + PAYLOADS[1]
    language = registration.language
    if kind == EmailLog.Kind.MESSAGE:
        message = Message.objects.create(event=registration.event, subject_en=typed, body_en=typed)
        return build_message_email(registration, message=message, token=registration.token)
    if kind == EmailLog.Kind.AUTOMATIC:
        rule = AutomaticRule.objects.get(event=registration.event, kind="reminder")
        setattr(rule, f"opening_{language}", typed)
        setattr(rule, f"subject_{language}", typed)
        return build_rule_email(registration, rule=rule, token=registration.token)
    return emails.build_message(registration, kind=kind, token=registration.token, part=registration.seats.first().part)


@pytest.mark.django_db
def test_the_portal_and_its_exports_show_markup_as_text(hostile, client):
    from tests.registrations.staff_users import make_user

    client.force_login(make_user("organiser"))
    html = client.get("/en/portal/events/olomouc-2023/").content.decode()
    assert_escaped(html, "portal list")
    csv_text = b"".join(client.get("/en/portal/events/olomouc-2023/participants.csv").streaming_content).decode()
    # A CSV is text, not a page: the markup stays as typed, quoted, and nothing in it becomes a formula.
    assert '"""><script>alert(1)</script><img src=x onerror=alert(1)>"' in csv_text


@pytest.mark.django_db
def test_the_checkin_page_shows_markup_as_text(hostile, client):
    from tests.registrations.staff_users import make_user

    client.force_login(make_user("organiser"))
    html = client.get("/en/checkin/").content.decode()
    assert_escaped(html, "check-in")
