"""The registrant's own pages under /<lang>/registration/<token>/, in the "registrations" namespace."""

from django.urls import path

from . import data, views

urlpatterns = [
    path("", views.manage, name="manage"),
    path("confirm/", views.confirm, name="confirm"),
    path("cancel/", views.cancel, name="cancel"),
    path("colleague/", views.colleague, name="colleague"),
    path("new-link/", views.link_replace, name="link_replace"),
    path("register-again/", views.register_again, name="register_again_from"),
    path("qr.svg", views.qr_code, name="qr"),
    path("calendar.ics", views.calendar, name="calendar"),
    path("certificate.pdf", views.certificate, name="certificate"),
    path("my-data.json", data.data_download, name="data_download"),
    path("delete/", data.data_delete, name="data_delete"),
]
