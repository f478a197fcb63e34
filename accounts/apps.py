"""The sign-in app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in for staff and partners: the lockout, two-factor sign-in, the password reset."""

    name = "accounts"
    verbose_name = _("Sign-in")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import remember_check_at_sign_in

        user_logged_in.connect(remember_check_at_sign_in, dispatch_uid="accounts_two_factor_checked")
