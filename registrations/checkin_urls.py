"""Check-in at the door, under /<lang>/checkin/. Every route has two segments or none, so none of them can
be taken for the QR card's `checkin/<code>/` (listed before this include)."""

from django.urls import path

from . import checkin

urlpatterns = [
    path("", checkin.checkin_list, name="checkin"),
    path("day/<int:part_id>/", checkin.checkin_list, name="checkin_day"),
    path("seat/<int:seat_id>/", checkin.checkin_mark, name="checkin_mark"),
]
