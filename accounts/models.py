"""The sign-in lockouts as the organisers see them in the admin: django-axes' own table, under our name."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _


class LoginLockout(AccessAttempt):
    """Failed sign-ins of one user name from one address in the last 15 minutes (accounts/lockout.py)."""

    class Meta:
        proxy = True
        ordering = ["-attempt_time"]
        verbose_name = _("sign-in lockout")
        verbose_name_plural = _("sign-in lockouts")
