"""The partner portal, included under /<lang>/portal/ in the "registrations" namespace (hence "portal_")."""

from django.urls import path

from . import delegation, views

urlpatterns = [
    path("", views.home, name="portal_home"),
    path("events/<slug:slug>/", views.participants, name="portal_participants"),
    path("events/<slug:slug>/participants.csv", views.export_csv, name="portal_export_csv"),
    path("events/<slug:slug>/participants-excel.csv", views.export_csv_excel, name="portal_export_csv_excel"),
    path("events/<slug:slug>/participants.xlsx", views.export_xlsx, name="portal_export_xlsx"),
    path("events/<slug:slug>/delegation/", delegation.delegation, name="portal_delegation"),
    path("events/<slug:slug>/delegation/import/", delegation.delegation_import, name="portal_delegation_import"),
    path(
        "events/<slug:slug>/delegation/<int:pk>/send-again/",
        delegation.invitation_send_again,
        name="portal_invitation_send_again",
    ),
    path(
        "events/<slug:slug>/delegation/<int:pk>/withdraw/",
        delegation.invitation_withdraw,
        name="portal_invitation_withdraw",
    ),
]
