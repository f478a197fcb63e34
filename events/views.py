"""The public content pages: home, project, partners, the workshops, content pages, documents, machines' files."""

from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.shortcuts import get_object_or_404
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from v4project.pagecache import cached_page

from . import documents
from .calendar import event_calendar_bytes
from .models import Document, Event, Page, Partner, Photo
from .structured_data import event_json_ld


def published_events():
    return Event.objects.published().select_related("host")


class PageMixin:
    """Adds a content page (by slug) to the context; a page not yet written is a 404, not an empty page."""

    slug = ""

    def get_page(self) -> Page:
        return get_object_or_404(Page, slug=self.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.get_page(), **kwargs)


@method_decorator(cached_page, name="dispatch")
class HomeView(TemplateView):
    template_name = "events/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            project=Page.objects.filter(slug=Page.Slug.PROJECT).first(),
            events=published_events(),
            partners=Partner.objects.all(),
            **kwargs,
        )


@method_decorator(cached_page, name="dispatch")
class ProjectView(PageMixin, TemplateView):
    template_name = "events/project.html"
    slug = Page.Slug.PROJECT

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            partners=Partner.objects.all(),
            contact=Page.objects.filter(slug=Page.Slug.CONTACT).first(),
            **kwargs,
        )


@method_decorator(cached_page, name="dispatch")
class PartnersView(PageMixin, TemplateView):
    template_name = "events/partners.html"
    slug = Page.Slug.PARTNERS

    def get_context_data(self, **kwargs):
        hosted = Prefetch("hosted_events", queryset=Event.objects.published())
        return super().get_context_data(partners=Partner.objects.prefetch_related(hosted), **kwargs)


@method_decorator(cached_page, name="dispatch")
class PageView(PageMixin, TemplateView):
    template_name = "events/page.html"


@method_decorator(cached_page, name="dispatch")
class EventListView(ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"

    def get_queryset(self):
        return published_events()


@method_decorator(cached_page, name="dispatch")
class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return published_events().prefetch_related(
            "programme",
            Prefetch("photos", queryset=Photo.objects.all()),
            Prefetch("documents", queryset=Document.objects.all()),
        )

    def get_context_data(self, **kwargs):
        event = self.object
        programme_days: dict = {}
        for item in event.programme.all():
            programme_days.setdefault(item.day, []).append(item)
        speakers = list(dict.fromkeys(name for item in event.programme.all() for name in item.speaker_list))
        photos = event.photos.all()
        og_image = photos[0].renditions[-1]["name"] if photos and photos[0].renditions else None
        url = self.request.build_absolute_uri(event.get_absolute_url())
        image = self.request.build_absolute_uri(default_storage.url(og_image)) if og_image else None
        return super().get_context_data(
            programme_days=programme_days.items(),
            speakers=speakers,
            og_image=image,
            json_ld=event_json_ld(event, url=url, image=image),
            **kwargs,
        )


@require_GET
def event_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(published_events(), slug=slug)
    if not event.has_exact_dates:
        raise Http404("This event has no dates yet.")
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(event_calendar_bytes(event, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_GET
def document_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """Documents are always downloads, named and typed by what they really are (also a file stored before
    uploads were renamed by their content): a file can never be shown by the browser as a page of ours."""
    document = get_object_or_404(Document, pk=pk, event__slug=slug, event__published=True)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    try:
        kind = documents.document_kind(handle)
    except documents.ZipTooLargeError:
        kind = None
    if kind is None:
        handle.close()
        raise Http404("Not a document.")
    name = f"{slugify(document.title) or 'document'}.{kind}"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=documents.CONTENT_TYPES[kind])


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/registration/",
        "Disallow: /*/portal/",
        "Disallow: /*/checkin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages that name no icon (the admin, error pages)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Like Django's, but with the request, so the page speaks the visitor's language."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_path": request.path}))
