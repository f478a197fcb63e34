"""Check-in at the door, under /<lang>/checkin/, in the "registrations" namespace. The lists and marks have two
segments or more, or none, so none of them can be taken for the QR card's one-segment `<code>/`."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.checkin_list, name="checkin"),
    path("day/<int:part_id>/", views.checkin_list, name="checkin_day"),
    path("day/<int:part_id>/walk-in/", views.walk_in, name="checkin_walk_in"),
    path("day/<int:part_id>/waiting-list/", views.waitlist_fill, name="checkin_waitlist_fill"),
    path("seat/<int:seat_id>/", views.checkin_mark, name="checkin_mark"),
    path("<str:code>/", views.checkin_card, name="checkin_card"),
]
