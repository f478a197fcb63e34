"""The content pages under the language prefix, in the "events" namespace."""

from django.urls import path

from . import views
from .models import Page

app_name = "events"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("project/", views.ProjectView.as_view(), name="project"),
    path("partners/", views.PartnersView.as_view(), name="partners"),
    path("contact/", views.PageView.as_view(slug=Page.Slug.CONTACT), name="contact"),
    path("privacy/", views.PageView.as_view(slug=Page.Slug.PRIVACY), name="privacy"),
    path("accessibility/", views.PageView.as_view(slug=Page.Slug.ACCESSIBILITY), name="accessibility"),
    path("events/", views.EventListView.as_view(), name="list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("events/<slug:slug>/calendar.ics", views.event_calendar, name="calendar"),
    path("events/<slug:slug>/documents/<int:pk>/", views.document_download, name="document"),
]
