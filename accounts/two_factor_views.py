"""The account's two-factor sign-in page: set it up, see and renew the recovery codes, turn it off.

Changing it needs a session that has shown a code (once there is an app), so a stolen session cookie alone
cannot replace the app or read the codes.
"""

import functools

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import two_factor
from .forms import SetUpForm
from .views import safe_next, with_next


def verified_only(view):
    """Once there is an app, only a session that has shown a code may change anything."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if two_factor.has_two_factor(request.user) and not request.user.is_verified():
            return redirect("accounts:two_factor")
        return view(request, *args, **kwargs)

    return wrapped


@login_required
@require_http_methods(["GET"])
def overview(request: HttpRequest) -> HttpResponse:
    context = {
        "enabled": two_factor.has_two_factor(request.user),
        "required": two_factor.is_required(request.user),
        "codes_left": len(two_factor.recovery_codes(request.user)),
    }
    return render(request, "accounts/two_factor.html", context)


@login_required
@verified_only
@require_http_methods(["GET", "POST"])
def set_up(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request, request.GET.get("next"))
    device = two_factor.pending_device(user=request.user)
    form = SetUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.two_factor_confirm(device=device, code=form.cleaned_data["code"]) is not None:
            device.refresh_from_db()
            django_otp.login(request, device)
            messages.success(request, _("Two-factor sign-in is on. Keep your recovery codes somewhere safe."))
            return redirect(with_next(reverse("accounts:recovery_codes"), next_url))
        form.add_error("code", _("This code is not valid. Please try again."))
    context = {
        "form": form,
        "qr": two_factor.qr_data_uri(device),
        "secret": two_factor.secret_for_typing(device),
        "required": two_factor.is_required(request.user),
    }
    return render(request, "accounts/two_factor_set_up.html", context)


@login_required
@verified_only
@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if not two_factor.has_two_factor(request.user):
        return redirect("accounts:two_factor")
    if request.method == "POST":
        two_factor.recovery_codes_renew(user=request.user)
        messages.success(request, _("New recovery codes are ready; the earlier ones no longer work."))
        return redirect("accounts:recovery_codes")
    context = {"codes": two_factor.recovery_codes(request.user), "next": safe_next(request, request.GET.get("next"))}
    return render(request, "accounts/recovery_codes.html", context)


@login_required
@verified_only
@require_POST
def turn_off(request: HttpRequest) -> HttpResponse:
    if two_factor.is_required(request.user):
        messages.error(request, _("Your account needs two-factor sign-in: it cannot be turned off."))
    else:
        two_factor.two_factor_turn_off(user=request.user)
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:two_factor")
