"""The public registration pages, in the "registrations" namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("events/<slug:slug>/register/check-your-email/", views.check_email, name="check_email"),
    path("events/<slug:slug>/register/again/", views.register_again, name="register_again"),
    path("registration/link/", views.resend, name="resend"),
]
