"""Every page of registrations, under the language prefix, in the "registrations" namespace: one include per
surface."""

from django.urls import include, path

app_name = "registrations"

urlpatterns = [
    path("", include("registrations.public.urls")),
    # "registration/link/" (public) comes first: no token is "link".
    path("registration/<str:token>/", include("registrations.private.urls")),
    path("portal/", include("registrations.portal.urls")),
    path("checkin/", include("registrations.checkin.urls")),
]
