"""Partner associations register their delegation: one person or a table, the person confirms and consents."""

import io
import re

import pytest
from django.core import mail
from openpyxl import Workbook

from registrations.exceptions import PrivacyNotAcceptedError
from registrations.models import EmailLog, Registration, Seat
from registrations.services import registration as registration_services
from tests.registrations.portal.portal_world import login, url

pytestmark = pytest.mark.django_db


def delegate(event, **overrides) -> dict:
    data = {
        "first_name": "Ľudovít",
        "last_name": "Šťastný",
        "email": "ludovit@obec.sk",
        "organisation": "Obec Košeca",
        "position": "starosta",
        "language": "sk",
        "parts": [event.seminar.pk, event.tour.pk],
    }
    data.update(overrides)
    return data


def add(client, event, **overrides):
    return client.post(url("delegation", slug=event.slug), delegate(event, **overrides), follow=True)


def confirm_link(message) -> str:
    return re.search(r"http://[^\s]+/confirm/", message.body).group(0).removeprefix("http://testserver")


def test_a_partner_adds_a_delegate_of_its_own_country_who_gets_the_email_in_her_language(
    client, accounts, django_capture_on_commit_callbacks
):
    login(client, "partner-sk")
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, accounts_event(), country="HU")
    assert "1 invitation has been sent" in response.text
    person = Registration.objects.get(email="ludovit@obec.sk")
    assert (person.status, person.country, person.language) == ("pending", "SK", "sk")
    assert person.privacy_accepted_at is None
    assert not person.consent_sharing
    assert not person.consent_photos
    assert person.invited_by.country == "SK"
    [message] = mail.outbox
    assert message.to == ["ludovit@obec.sk"]
    assert "vás zaregistroval" in message.body
    assert "Partner" in message.body
    assert person.invited_by.name_sk in message.body
    assert "Invited, not yet confirmed" in response.text
    assert "Šťastný" in response.text


def accounts_event():
    from events.models import Event

    return with_parts(Event.objects.get(slug="olomouc-test"))


def with_parts(event):
    event.seminar, event.tour = list(event.parts.order_by("order", "pk"))[:2]
    return event


def test_the_public_forms_checks_apply_to_a_delegate(client, accounts):
    login(client, "partner-sk")
    response = add(client, accounts_event(), email="bad", first_name="Zuz\u200bana", parts=[])
    assert response.status_code == 200
    assert not Registration.objects.filter(first_name__startswith="Zuz").exists()
    errors = response.context["form"].errors
    assert {"email", "first_name", "parts"} <= set(errors)


def test_a_known_address_tells_the_partner_only_that_an_invitation_went(
    client, accounts, django_capture_on_commit_callbacks
):
    event = accounts_event()
    login(client, "partner-sk")
    before = Registration.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, event, email="SHARED.cz@example.org")
    assert "1 invitation has been sent" in response.text
    assert Registration.objects.count() == before
    # The person already registered gets their own link again; the partner sees nothing of them.
    assert [m.to for m in mail.outbox] == [["shared.cz@example.org"]]
    assert EmailLog.objects.filter(kind=EmailLog.Kind.LINK_AGAIN, recipient="shared.cz@example.org").exists()
    assert "shared.cz@example.org" not in response.text


def test_the_person_accepts_the_privacy_notice_herself_on_the_confirmation_page(
    client, accounts, django_capture_on_commit_callbacks
):
    event = accounts_event()
    login(client, "partner-sk")
    with django_capture_on_commit_callbacks(execute=True):
        add(client, event)
    link = confirm_link(mail.outbox[0])
    client.logout()
    page = client.get(link)
    assert 'name="privacy"' in page.text
    assert 'name="consent_sharing"' in page.text
    refused = client.post(link, {})
    assert refused.status_code == 200
    assert "privacy" in refused.context["form"].errors
    assert Registration.objects.get(email="ludovit@obec.sk").status == "pending"
    client.post(link, {"privacy": "on", "consent_sharing": "on"})
    person = Registration.objects.get(email="ludovit@obec.sk")
    assert person.status == "active"
    assert person.privacy_accepted_at is not None
    assert person.privacy_language == "sk"
    assert person.consent_sharing
    assert not person.consent_photos
    assert set(person.seats.values_list("status", flat=True)) == {Seat.Status.CONFIRMED}


def test_no_one_confirms_an_invited_person_without_her_consent(client, accounts, django_capture_on_commit_callbacks):
    event = accounts_event()
    login(client, "partner-sk")
    add(client, event)
    person = Registration.objects.get(email="ludovit@obec.sk")
    with pytest.raises(PrivacyNotAcceptedError):
        registration_services.registration_confirm(registration=person)
    assert Registration.objects.get(pk=person.pk).status == "pending"
    assert not person.seats.exists()


def test_a_partner_never_sees_resends_or_withdraws_another_countrys_invitation(
    client, accounts, django_capture_on_commit_callbacks
):
    event = accounts_event()
    login(client, "partner-cz")
    add(client, event, email="jana@obec.cz", last_name="Nováková")
    czech = Registration.objects.get(email="jana@obec.cz")
    assert czech.country == "CZ"
    login(client, "partner-sk")
    page = client.get(url("delegation", slug=event.slug))
    assert "Nováková" not in page.text
    assert "jana@obec.cz" not in page.text
    mail.outbox.clear()
    for action in ("invitation_send_again", "invitation_withdraw"):
        response = client.post(url(action, slug=event.slug, pk=czech.pk))
        assert response.status_code == 404
    assert Registration.objects.filter(pk=czech.pk, status="pending").exists()
    assert not EmailLog.objects.filter(registration=czech, kind=EmailLog.Kind.CONFIRM_ADDRESS).count() > 1


def test_organisers_and_editors_do_not_register_delegations_in_the_portal(client, accounts):
    for user in ("organiser", "editor"):
        login(client, user)
        assert client.get(url("delegation", slug="olomouc-test")).status_code == 403


def test_send_again_and_withdraw_an_own_invitation(client, accounts, django_capture_on_commit_callbacks):
    event = accounts_event()
    login(client, "partner-sk")
    add(client, event)
    person = Registration.objects.get(email="ludovit@obec.sk")
    EmailLog.objects.filter(registration=person).update(created="2023-01-01T00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url("invitation_send_again", slug=event.slug, pk=person.pk), follow=True)
    assert "sent again" in again.text
    assert person.emails.filter(kind=EmailLog.Kind.CONFIRM_ADDRESS).count() == 2
    too_soon = client.post(url("invitation_send_again", slug=event.slug, pk=person.pk), follow=True)
    assert "few minutes ago" in too_soon.text
    assert person.emails.filter(kind=EmailLog.Kind.CONFIRM_ADDRESS).count() == 2
    gone = client.post(url("invitation_withdraw", slug=event.slug, pk=person.pk), follow=True)
    assert "withdrawn" in gone.text
    assert not Registration.objects.filter(pk=person.pk).exists()
    assert not EmailLog.objects.filter(recipient="ludovit@obec.sk").exists()


TABLE = (
    "First name\tLast name\tE-mail\tOrganisation\tPosition\tLanguage\n"
    "Ľudovít\tŠťastný\tludovit@obec.sk\tObec Košeca\tstarosta\tsk\n"
    "Mária\tKováčová\tmaria@obec.sk\tMesto Žilina\tprimátorka\t\n"
    "Ödön\tGyőrffy\todon@obec.sk\tKomárno\tpolgármester\thu\n"
)


def test_a_pasted_table_is_previewed_and_then_sent_all_at_once(client, accounts, django_capture_on_commit_callbacks):
    event = accounts_event()
    login(client, "partner-sk")
    parts = [event.seminar.pk]
    preview = client.post(url("delegation_import", slug=event.slug), {"table": TABLE, "parts": parts, "preview": "1"})
    assert [row.number for row in preview.context["rows"]] == [2, 3, 4]
    assert not preview.context["has_errors"]
    assert not Registration.objects.filter(email__endswith="@obec.sk").exists()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            url("delegation_import", slug=event.slug),
            {"table": preview.context["table_text"], "parts": parts, "send": "1"},
            follow=True,
        )
    assert "3 invitations have been sent" in sent.text
    people = {r.email: r for r in Registration.objects.filter(email__endswith="@obec.sk")}
    assert {r.country for r in people.values()} == {"SK"}
    assert people["maria@obec.sk"].language == "sk"
    assert people["odon@obec.sk"].language == "hu"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(people)


def test_a_table_with_bad_rows_lists_every_error_and_saves_nothing(client, accounts):
    event = accounts_event()
    login(client, "partner-sk")
    table = TABLE + "Bad\t\tnot-an-address\tX\t\txx\nTwice\tSame\tLUDOVIT@obec.sk\tObec\t\tsk\n"
    response = client.post(
        url("delegation_import", slug=event.slug),
        {"table": table, "parts": [event.seminar.pk], "send": "1"},
    )
    rows = {row.number: row.errors for row in response.context["rows"]}
    assert not rows[2]
    assert not rows[3]
    assert len(rows[5]) == 3  # last name, e-mail, language
    assert any("row 2" in error for error in rows[6])
    assert "2 rows have errors" in response.text
    assert not Registration.objects.filter(email__icontains="obec.sk").exists()


def test_an_xlsx_file_is_read_and_a_huge_table_is_refused(client, accounts):
    event = accounts_event()
    login(client, "partner-sk")
    book = Workbook()
    for line in TABLE.splitlines():
        book.active.append(line.split("\t"))
    data = io.BytesIO()
    book.save(data)
    upload = io.BytesIO(data.getvalue())
    upload.name = "delegation.xlsx"
    response = client.post(
        url("delegation_import", slug=event.slug), {"file": upload, "parts": [event.seminar.pk], "preview": "1"}
    )
    assert len(response.context["rows"]) == 3
    assert not response.context["has_errors"]
    huge = "".join(f"A\tB\ta{n}@obec.sk\tO\t\tsk\n" for n in range(201))
    refused = client.post(url("delegation_import", slug=event.slug), {"table": huge, "parts": [event.seminar.pk]})
    assert "at most 200 rows" in refused.text
    broken = io.BytesIO(b"not a workbook")
    broken.name = "x.xlsx"
    bad = client.post(url("delegation_import", slug=event.slug), {"file": broken, "parts": [event.seminar.pk]})
    assert bad.status_code == 200
    assert "could not be read" in bad.text


def test_the_list_puts_the_own_country_first_and_labels_whose_totals_they_are(client, accounts, olomouc):
    from django.utils import timezone

    Seat.objects.filter(registration__last_name="Private-SK", part=olomouc.seminar).update(checked_in_at=timezone.now())
    Seat.objects.filter(registration__last_name="Shared-CZ", part=olomouc.seminar).update(checked_in_at=timezone.now())
    login(client, "partner-sk")
    add(client, with_parts(olomouc))
    response = client.get(url("participants", slug=olomouc.slug))
    names = [row.registration.last_name for row in response.context["rows"]]
    assert names[:3] == sorted(names[:3])
    assert {name.split("-")[1] for name in names[:3]} == {"SK"}
    assert all(not name.endswith("-SK") for name in names[3:])
    assert response.context["countries"][0]["country"] == "SK"
    counts = {row["country"]: (row["count"], row["all"]) for row in response.context["countries"]}
    assert counts["CZ"] == (2, 3)
    assert counts["SK"] == (3, 3)
    totals = {part.pk: (part.own_confirmed, part.all_confirmed) for part in response.context["parts"]}
    assert totals[olomouc.seminar.pk] == (2, 10)
    assert "Your country (Slovakia)" in response.text
    assert "Everyone" in response.text
    assert "1 invitation of yours is not yet confirmed" in response.text
    # Who has checked in: shown for the own country; another country's check-in is not theirs to see.
    assert response.text.count("checked in at") == 1
