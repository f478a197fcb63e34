"""The partner portal, included under /<lang>/portal/ in the "registrations" namespace (hence "portal_")."""

from django.urls import path

from . import portal

urlpatterns = [
    path("", portal.home, name="portal_home"),
    path("events/<slug:slug>/", portal.participants, name="portal_participants"),
    path("events/<slug:slug>/participants.csv", portal.export_csv, name="portal_export_csv"),
    path("events/<slug:slug>/participants.xlsx", portal.export_xlsx, name="portal_export_xlsx"),
]
