"""A forgotten password is reset by e-mail, in the visitor's language, without telling anyone which
addresses have accounts."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tests.registrations.staff_users import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"
NEW_PASSWORD = "Zelený-čaj-v-Olomouci-2023"


def reset_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("accounts:password_reset")


def ask(client, email: str, *, language: str = "en", address: str = "203.0.113.7"):
    return client.post(reset_url(language), {"email": email}, REMOTE_ADDR=address)


def test_known_and_unknown_addresses_get_the_same_answer(client, django_capture_on_commit_callbacks):
    make_user("partner")
    with django_capture_on_commit_callbacks(execute=True):
        known = ask(client, "partner@example.org")
        unknown = ask(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/en/account/password-reset/sent/"
    assert [message.to for message in mail.outbox] == [["partner@example.org"]]


def test_the_email_is_in_the_visitors_language_and_its_link_sets_a_new_password(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://v4.example.org"
    partner = make_user("partner")
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, "PARTNER@example.org", language="cs")
    message = mail.outbox[0]
    assert message.subject == "Nové heslo k Vašemu účtu na webu projektu V4"
    link = re.search(r"https://v4\.example\.org(/cs/account/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert link, message.body
    assert partner.get_username() in message.body
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    assert "new_password1" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/cs/account/reset/done/"
    partner.refresh_from_db()
    assert partner.check_password(NEW_PASSWORD)
    # The link works once.
    again = client.get(link.group(1), follow=True).content.decode()
    with translation.override("cs"):
        assert translation.gettext("This link no longer works") in again


def test_the_email_is_a_task_of_the_worker_whose_record_goes_once_it_has_run(
    client, django_capture_on_commit_callbacks
):
    """The answer does the same work for every address (one task, committed with nothing else); the worker
    looks the account up, makes the link and sends. The task's record holds the address: it goes once run."""
    make_user("partner")
    with django_capture_on_commit_callbacks(execute=False) as run_by_the_worker:
        assert ask(client, "partner@example.org").status_code == 302
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="accounts.tasks.send_password_reset").count() == 1
    for callback in run_by_the_worker:
        callback()
    assert [message.to for message in mail.outbox] == [["partner@example.org"]]
    assert not DBTaskResult.objects.exists()


def test_the_eleventh_request_from_one_address_is_refused(client):
    for _ in range(10):
        assert ask(client, "nobody@example.org").status_code == 302
    assert ask(client, "nobody@example.org").status_code == 429
    assert ask(client, "nobody@example.org", address="198.51.100.4").status_code == 302


def test_a_bad_address_gets_a_message_in_the_visitors_language(client):
    response = ask(client, "not an address", language="hu")
    assert response.status_code == 200
    assert '<html lang="hu">' in response.content.decode()
    assert mail.outbox == []


@override_settings(PASSWORD_RESET_TIMEOUT=60 * 60)
def test_the_sign_in_page_links_to_it(client):
    page = client.get("/pl/account/sign-in/").content.decode()
    assert 'href="/pl/account/password-reset/"' in page
