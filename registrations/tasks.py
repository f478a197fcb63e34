"""The scheduled jobs, all in one place: each is a task of Django's task framework that the scheduler in
`manage.py run_worker` enqueues at its time (django-crontask), and any worker runs. Times are Prague's."""

import logging

from crontask import cron
from django.core.management import call_command
from django.tasks import task

from .mail.send import resume_stalled
from .services.digest import digest_send_due
from .services.messaging import rules_send_due
from .services.privacy import event_anonymise, events_due_for_anonymisation
from .services.registration import registration_expire_unconfirmed
from .services.reservations import reservations_release_due

logger = logging.getLogger(__name__)


@cron("*/1 * * * *")
@task()
def resume_stalled_emails() -> int:
    """E-mails whose worker died while sending them, taken over once their lease has ended."""
    return resume_stalled()


@cron("5 * * * *")
@task()
def expire_unconfirmed_registrations() -> int:
    """Registrations never confirmed within REGISTRATION_CONFIRM_HOURS: deleted, with their e-mail log."""
    return registration_expire_unconfirmed()


@cron("*/5 * * * *")
@task()
def release_country_reservations() -> int:
    """Seats reserved per country and still unused on a part's release date: opened to everyone and given
    to the waiting list in its order (each person moved up gets the usual e-mail in their language)."""
    return reservations_release_due()


@cron("15 3 * * *")
@task()
def anonymise_past_events() -> int:
    """The personal data of events that ended ANONYMISE_AFTER_DAYS ago: blanked; the counts stay."""
    return sum(event_anonymise(event=event) for event in events_due_for_anonymisation())


@cron("30 3 * * *")
@task()
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@cron("45 3 * * *")
@task()
def prune_finished_tasks() -> None:
    """Finished tasks' records older than a week (they hold ids, never personal data)."""
    call_command("prune_db_task_results", min_age_days=7, verbosity=0)


@cron("*/10 * * * *")
@task()
def send_automatic_emails() -> int:
    """The automatic e-mails whose moment has come (reminders, thank-yous), each once per registrant."""
    return rules_send_due()


@cron("0 7 * * *")
@task()
def send_daily_digests() -> int:
    """The organisers' daily digest of the last 24 hours, to those who subscribed, once a day."""
    return digest_send_due()
