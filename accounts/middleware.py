"""Two-factor sign-in, enforced for every signed-in request (after django-otp's OTPMiddleware).

- A session of an account with two-factor sign-in that has not shown a code (signed in before the app was
  added, in another browser) is signed out: it must sign in again, with the code.
- With TWO_FACTOR_REQUIRED on, a superuser or organiser without it reaches only their account pages (to
  set it up) and signing out, until they have set it up.

A session that has shown no code is looked at again at most once a minute (`RECHECK_SECONDS`): "no app, not
required" is remembered in the session meanwhile, so an everyday request costs no query.
"""

import time

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor
from .views import with_next

CHECKED = "accounts_two_factor_checked"
RECHECK_SECONDS = 60
ALLOWED_WITHOUT_TWO_FACTOR = {("accounts", None), ("admin", "logout")}


def needs_nothing(user) -> bool:
    return not two_factor.has_two_factor(user) and not two_factor.is_required(user)


def remember_check_at_sign_in(sender, request, user, **kwargs) -> None:
    """user_logged_in receiver (accounts/apps.py): a sign-in has just looked."""
    if request is not None and hasattr(request, "session") and needs_nothing(user):
        request.session[CHECKED] = time.time()


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if time.time() - request.session.get(CHECKED, 0) < RECHECK_SECONDS:
            return None
        if two_factor.has_two_factor(user):
            logout(request)
            return redirect_to_login(request.get_full_path())
        if two_factor.is_required(user):
            if self.allowed(request):
                return None
            return redirect(with_next(reverse("accounts:two_factor_set_up"), request.get_full_path()))
        request.session[CHECKED] = time.time()
        return None

    @staticmethod
    def allowed(request) -> bool:
        match = request.resolver_match
        if match is None:
            return False
        return bool({(match.namespace, None), (match.namespace, match.url_name)} & ALLOWED_WITHOUT_TWO_FACTOR)
