"""The password-reset e-mail, as a task of the worker: the account is looked up, the one-hour link made and
the e-mail sent there, in the visitor's language. A mail server that fails for a while is tried again."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.tasks import task
from django.utils import timezone, translation

from registrations.mail.send import is_temporary
from v4project.tasks import forget_when_finished

from .forms import PasswordResetForm


@forget_when_finished
@task()
def send_password_reset(email: str, language: str, attempt: int = 1) -> None:
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    site = urlsplit(settings.SITE_URL)
    try:
        with translation.override(language):
            form.send_now(
                domain_override=site.netloc,
                use_https=site.scheme == "https",
                subject_template_name="accounts/emails/password_reset_subject.txt",
                email_template_name="accounts/emails/password_reset.txt",
                extra_email_context={"site_url": settings.SITE_URL, "hours": settings.PASSWORD_RESET_TIMEOUT // 3600},
            )
    except Exception as error:
        if not is_temporary(error) or attempt > len(settings.EMAIL_RETRY_DELAYS):
            raise
        later = timezone.now() + datetime.timedelta(seconds=settings.EMAIL_RETRY_DELAYS[attempt - 1])
        send_password_reset.using(run_after=later).enqueue(email, language, attempt + 1)
