"""The partner portal, included under /<lang>/portal/ in the "registrations" namespace (hence "portal_")."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="portal_home"),
    path("events/<slug:slug>/", views.participants, name="portal_participants"),
    path("events/<slug:slug>/participants.csv", views.export_csv, name="portal_export_csv"),
    path("events/<slug:slug>/participants.xlsx", views.export_xlsx, name="portal_export_xlsx"),
]
