"""Signing in and out, in two steps when the account has two-factor sign-in, for staff and partners alike.

The admin, the partner portal and the check-in send anonymous visitors here (LOGIN_URL, and /admin/login/
redirects here too), so there is one sign-in page with one lockout and one two-factor step.

After a correct password, an account with two-factor sign-in is not signed in yet: the session remembers
who passed the first step, for `CODE_STEP_SECONDS`, and the code step signs them in.
"""

import time

import django_otp
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice

from registrations.portal.selectors import portal_visibility

from . import two_factor
from .forms import CodeForm, SignInForm

PENDING = "accounts_pending_sign_in"
CODE_STEP_SECONDS = 5 * 60


def landing_url(user) -> str:
    """Where a user goes after signing in with no page to return to."""
    if user.is_staff:
        return reverse("admin:index")
    if portal_visibility(user=user) is not None:
        return reverse("registrations:portal_home")
    return reverse("events:home")


def safe_next(request: HttpRequest, url: str | None) -> str | None:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def with_next(url: str, next_url: str | None) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user)

    def form_valid(self, form) -> HttpResponse:
        user = form.get_user()
        next_url = self.get_redirect_url() or landing_url(user)
        if two_factor.has_two_factor(user):
            self.request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "at": time.time(),
                "next": next_url,
            }
            return redirect("accounts:sign_in_code")
        auth_login(self.request, user)
        if two_factor.is_required(user):
            return redirect(with_next(reverse("accounts:two_factor_set_up"), next_url))
        return redirect(next_url)


sign_in = SignInView.as_view()


def pending_user(request: HttpRequest):
    """Who passed the password step in this session within the last few minutes, with their backend."""
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > CODE_STEP_SECONDS:
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending.get("user"), is_active=True).first()
    return user, pending


@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    user, pending = pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        messages.info(request, _("Please sign in again: the time for entering the code has run out."))
        return redirect("accounts:sign_in")
    form = CodeForm(request.POST or None, request=request, user=user)
    if request.method == "POST" and form.is_valid():
        del request.session[PENDING]
        auth_login(request, user, backend=pending["backend"])
        django_otp.login(request, form.device)
        if isinstance(form.device, StaticDevice):  # a recovery code, used up now
            left = len(two_factor.recovery_codes(user))
            message = ngettext(
                "You have signed in with a recovery code; %(count)d is left. You can make new ones here.",
                "You have signed in with a recovery code; %(count)d are left. You can make new ones here.",
                left,
            )
            messages.warning(request, message % {"count": left})
            return redirect("accounts:two_factor")
        return redirect(pending["next"])
    return render(request, "accounts/sign_in_code.html", {"form": form})


# Signing out is a POST (Django refuses a GET) and ends on the sign-in page.
sign_out = auth_views.LogoutView.as_view(next_page=reverse_lazy("accounts:sign_in"))


@never_cache
def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """/admin/login/: the admin's own sign-in page would skip the two-factor step, so it sends here."""
    next_url = safe_next(request, request.GET.get("next")) or reverse("admin:index")
    return redirect(with_next(reverse("accounts:sign_in"), next_url))
