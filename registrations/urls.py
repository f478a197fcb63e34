from django.urls import include, path

from . import private, private_data, views

app_name = "registrations"

urlpatterns = [
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("events/<slug:slug>/register/check-your-email/", views.check_email, name="check_email"),
    path("registration/link/", views.resend, name="resend"),
    path("registration/<str:token>/", private.manage, name="manage"),
    path("registration/<str:token>/confirm/", private.confirm, name="confirm"),
    path("registration/<str:token>/cancel/", private.cancel, name="cancel"),
    path("registration/<str:token>/qr.svg", private.qr_code, name="qr"),
    path("registration/<str:token>/calendar.ics", private.calendar, name="calendar"),
    path("registration/<str:token>/my-data.json", private_data.data_download, name="data_download"),
    path("registration/<str:token>/delete/", private_data.data_delete, name="data_delete"),
    path("checkin/<str:code>/", views.checkin_card, name="checkin_card"),
    # The partner associations' portal and the organisers' check-in at the door.
    path("portal/", include("registrations.portal_urls")),
    path("checkin/", include("registrations.checkin_urls")),
]
