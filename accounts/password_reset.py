"""Forgotten password: Django's reset by e-mail, in the visitor's language, with the site's templates.

The request page answers the same whether or not an account uses the address, and its e-mail is a task of
the worker (accounts/tasks.py). The link in the e-mail works once, for an hour
(PASSWORD_RESET_TIMEOUT), and carries a secret in its path, which the logs leave out (v4project/logs.py,
docs/deploy/nginx.conf). Two-factor sign-in still asks for its code after a reset.
"""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator

from registrations.ratelimit import limit_posts

from .forms import PasswordResetForm


@method_decorator(limit_posts("password-reset"), name="dispatch")
class RequestView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_sent")


class SentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_set.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class DoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_done.html"
