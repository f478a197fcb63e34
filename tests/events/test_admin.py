import io

import pytest
from PIL import Image

from events.models import Event, Photo
from tests.factories import make_event, make_partner

pytestmark = pytest.mark.django_db


def event_form_data(event: Event, **changes) -> dict:
    data = {
        "slug": event.slug,
        "order": event.order,
        "published": "on",
        "date_precision": event.date_precision,
        "start_date": "2023-06-21",
        "end_date": "2023-06-22",
        "country": event.country,
        "host": event.host_id,
        "programme-TOTAL_FORMS": 0,
        "programme-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "documents-TOTAL_FORMS": 0,
        "documents-INITIAL_FORMS": 0,
    }
    for field in ("title", "theme", "summary", "description", "report", "city", "venue"):
        for code in ("cs", "sk", "pl", "hu", "en"):
            data[f"{field}_{code}"] = getattr(event, f"{field}_{code}") or ""
    data.update(changes)
    return data


def test_event_list_marks_the_languages_still_missing(staff_client):
    make_event(title_hu="", title_pl="", title_cs="Seminář")
    html = staff_client.get("/admin/events/event/").content.decode()
    assert '<span class="translation-status__lang">pl</span>' in html
    assert '<span class="translation-status__lang">hu</span>' in html


def test_missing_translations_count_inline_items_and_name_the_fields(staff_client):
    """A photo caption or a document title written only in Czech leaves the event untranslated."""
    event = make_event()  # every field of the event itself in five languages
    Photo.objects.create(
        event=event, image="photos/x.jpg", width=480, height=320, caption_cs="Zahájení", caption_en="Opening"
    )
    html = staff_client.get("/admin/events/event/").content.decode()
    assert '<span class="translation-status__lang">sk</span> photo 1: caption</li>' in html
    assert '<span class="translation-status__lang">en</span>' not in html
    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert "photo 1: caption" in html


def test_missing_translations_name_the_objects_own_fields(staff_client):
    make_event(theme_cs="Téma", theme_pl="")
    html = staff_client.get("/admin/events/event/").content.decode()
    assert '<span class="translation-status__lang">pl</span> theme</li>' in html


def test_view_on_site_and_language_switch_script_in_the_event_form(staff_client):
    """The link goes straight to the page (admin-translation.js swaps the language for the tab's)."""
    event = make_event()
    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert f'href="/cs/events/{event.slug}/" class="viewsitelink"' in html
    assert "js/admin-translation.js" in html


def test_photo_inline_shows_a_thumbnail(staff_client):
    event = make_event()
    Photo.objects.create(
        event=event,
        image="photos/x.jpg",
        width=480,
        height=320,
        renditions=[{"width": 480, "height": 320, "name": "photos/renditions/x-480.webp"}],
    )
    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    thumbnail = '<img class="admin-thumbnail" src="/media/photos/renditions/x-480.webp" width="480" height="320"'
    assert thumbnail in html


def test_event_form_has_the_five_languages_side_by_side(staff_client):
    event = make_event()
    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    for code in ("cs", "sk", "pl", "hu", "en"):
        assert f'name="title_{code}"' in html
    assert "tabbed_translation_fields.js" in html
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


def test_editing_an_event_in_hungarian_shows_on_the_hungarian_page(staff_client):
    event = make_event()
    response = staff_client.post(
        f"/admin/events/event/{event.pk}/change/", event_form_data(event, title_hu="Záró szeminárium Olomoucban")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "<h1>Záró szeminárium Olomoucban</h1>" in staff_client.get(f"/hu/events/{event.slug}/").content.decode()


def photo_post(staff_client, event: Event, upload: io.BytesIO, name: str):
    upload.name = name
    data = event_form_data(
        event,
        **{
            "photos-TOTAL_FORMS": 1,
            "photos-0-image": upload,
            "photos-0-order": 0,
            "photos-0-caption_cs": "Fotka",
        },
    )
    return staff_client.post(f"/admin/events/event/{event.pk}/change/", data)


def png_bytes(size=(2000, 1500), mode="RGB") -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new(mode, size, "navy").save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def test_uploaded_photo_gets_webp_renditions(staff_client):
    event = make_event(host=make_partner())
    response = photo_post(staff_client, event, png_bytes(), "hall.png")
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert [r["width"] for r in photo.renditions] == [480, 960, 1600]
    assert all(r["name"].endswith(".webp") for r in photo.renditions)
    html = staff_client.get(f"/en/events/{event.slug}/").content.decode()
    assert 'loading="lazy"' in html
    assert "480w" in html
    assert 'width="960" height="720"' in html


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "logo.png", "SVG images are not accepted"),
        (b"%PDF-1.4 not an image", "photo.jpg", "The file is not an image"),
    ],
)
def test_admin_refuses_svg_and_non_images_with_a_clear_message(staff_client, content, name, message):
    event = make_event()
    response = photo_post(staff_client, event, io.BytesIO(content), name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Photo.objects.exists()


def test_admin_refuses_a_decompression_bomb(staff_client):
    event = make_event()
    bomb = png_bytes(size=(10000, 10000), mode="1")
    assert len(bomb.getvalue()) < 100_000
    response = photo_post(staff_client, event, bomb, "bomb.png")
    assert "megapixels" in response.content.decode()
    assert not Photo.objects.exists()
