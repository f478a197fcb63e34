"""The public registration pages: the form (also refilled from the visitor's own answers), "check your e-mail",
"send my link again"."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods

from events.models import Event
from v4project import clock
from v4project.headers import private
from v4project.pagecache import cached_page

from ..drafts import draft_from_answers, draft_keep, draft_read
from ..exceptions import RegistrationClosedError
from ..forms import LinkAgainForm
from ..http import busy_when_locked
from ..phones import phone_display
from ..ratelimit import limit_posts
from ..services import registration as services
from .forms import RegistrationForm


def registration_event(slug: str) -> Event:
    event = get_object_or_404(Event.objects.published(), slug=slug)
    if event.registration_opens is None:
        raise Http404("This event takes no registrations.")
    return event


def closed_message(event: Event) -> str:
    if clock.now() < event.registration_opens:
        opens = date_format(timezone.localtime(event.registration_opens), "DATETIME_FORMAT")
        return gettext("Registration opens on %(date)s.") % {"date": opens}
    return gettext("Registration is closed.")


@require_http_methods(["GET", "POST"])
@cached_page  # the form, with each visitor's own CSRF token (v4project/pagecache)
@limit_posts("register")
@busy_when_locked
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = registration_event(slug)
    context = {"event": event}
    if not event.registration_is_open():
        context["closed_message"] = closed_message(event)
        return render(request, "registrations/register.html", context, status=403 if request.method == "POST" else 200)
    form = RegistrationForm(request.POST or None, event=event)
    # Post to the page itself, never to a #fragment of it: that would take the focus off the errors.
    form.helper.form_action = request.path
    if request.method == "POST" and form.is_valid():
        # A filled honeypot gets the same answer as everyone, and nothing is stored or sent.
        if not form.is_spam:
            try:
                services.registration_start(
                    event=event, data=form.cleaned_data, parts=form.cleaned_data["parts"], language=get_language()
                )
            except RegistrationClosedError:
                context["closed_message"] = closed_message(event)
                return render(request, "registrations/register.html", context, status=403)
        # The answers go back with the visitor, for "check your e-mail" to name the address and "start again"
        # to refill the form: the same for a new address, a known one and a bot.
        response = redirect("registrations:check_email", slug=event.slug)
        draft_keep(response, event=event, draft=draft_from_answers(form.cleaned_data))
        return response
    context["form"] = form
    return render(request, "registrations/register.html", context)


@require_GET
@private  # it names the visitor's address
def check_email(request: HttpRequest, slug: str) -> HttpResponse:
    """The same page whether the address was new or already registered: the site never tells. It names the
    address the visitor typed, from their own answers (drafts.py), and offers to start again from them."""
    event = registration_event(slug)
    draft = draft_read(request, event=event)
    context = {
        "event": event,
        "hours": settings.REGISTRATION_CONFIRM_HOURS,
        "sent_to": draft.get("email", "") if draft and draft.get("sent") else "",
    }
    return render(request, "registrations/check_email.html", context)


@require_GET
@private  # it shows the visitor's answers
def register_again(request: HttpRequest, slug: str) -> HttpResponse:
    """The form filled in with the visitor's own answers (a wrong address, or a registration cancelled): it is
    sent to the form's own address, and the address and the privacy notice are confirmed again as ever.
    Without answers, or once registration has closed, the form's page says what there is to say."""
    event = registration_event(slug)
    draft = draft_read(request, event=event)
    if draft is None or not event.registration_is_open():
        return redirect("registrations:register", slug=event.slug)
    initial = {**draft, "phone": phone_display(draft.get("phone", ""))}
    form = RegistrationForm(initial=initial, event=event)
    form.helper.form_action = reverse("registrations:register", kwargs={"slug": event.slug})
    return render(request, "registrations/register.html", {"event": event, "form": form, "refilled": True})


@require_http_methods(["GET", "POST"])
@limit_posts("link-again")
@busy_when_locked
def resend(request: HttpRequest) -> HttpResponse:
    form = LinkAgainForm(request.POST or None)
    # Post to the page itself, never to a #fragment of it: that would take the focus off the errors.
    form.helper.form_action = request.path
    if request.method == "POST" and form.is_valid():
        services.registration_link_again_request(email=form.cleaned_data["email"])
        return redirect(f"{request.path}?sent=1")
    return render(request, "registrations/resend.html", {"form": form, "sent": request.GET.get("sent") == "1"})
