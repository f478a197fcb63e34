"""Uploaded files on S3-compatible storage (django-storages), as docs/deploy.md allows for app servers that
share no disk: a photo uploaded in the admin, its renditions and a document land in the bucket, nothing in
MEDIA_ROOT, and the public pages link to the bucket. A local S3 server (moto) stands in for the real one."""

import io
import json
import urllib.request

import boto3
import pytest
from django.conf import settings as django_settings
from moto.server import ThreadedMotoServer

from events.models import Photo
from tests.events.test_admin import event_form_data, photo_post, png_bytes
from tests.factories import make_event, make_partner
from tests.servers import free_port

pytestmark = pytest.mark.django_db

BUCKET = "v4-media"


@pytest.fixture
def bucket(settings, tmp_path):
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test", "region_name": "eu-central-1"}
    s3 = boto3.client("s3", endpoint_url=endpoint, **credentials)
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    # docs/deploy.md: the public may read the bucket's objects (the pages link to them without signatures).
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
        ],
    }
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(policy))
    settings.MEDIA_ROOT = tmp_path / "media"
    # What settings.py builds from S3_BUCKET, S3_ENDPOINT_URL, S3_REGION and the two keys.
    settings.STORAGES = {
        **django_settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "eu-central-1",
                "access_key": "test",
                "secret_key": "test",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    yield s3, endpoint
    server.stop()


def test_photos_and_documents_live_in_the_bucket_and_pages_link_to_it(staff_client, bucket):
    s3, endpoint = bucket
    event = make_event(host=make_partner())
    assert photo_post(staff_client, event, png_bytes(), "hall.png").status_code == 302
    photo = Photo.objects.get()
    stored = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert {photo.image.name, *(r["name"] for r in photo.renditions)} <= stored
    assert (photo.width, photo.height) == (2000, 1500)

    html = staff_client.get(f"/en/events/{event.slug}/").content.decode()
    rendition_url = f"{endpoint}/{BUCKET}/{photo.renditions[0]['name']}"
    assert rendition_url in html
    with urllib.request.urlopen(rendition_url) as response:
        assert response.read()[8:12] == b"WEBP"

    pdf = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    pdf.name = "invitation.pdf"
    data = event_form_data(
        event,
        **{
            "photos-TOTAL_FORMS": 1,
            "photos-INITIAL_FORMS": 1,
            "photos-0-id": photo.pk,
            "photos-0-event": event.pk,
            "photos-0-order": 0,
            "documents-TOTAL_FORMS": 1,
            "documents-0-file": pdf,
            "documents-0-title_cs": "Pozvánka",
            "documents-0-title_en": "Invitation",
            "documents-0-language": "cs",
            "documents-0-order": 0,
        },
    )
    assert staff_client.post(f"/admin/events/event/{event.pk}/change/", data).status_code == 302
    document = event.documents.get()
    assert s3.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read().startswith(b"%PDF-")

    # Nothing of it on this server's disk: another app server reads the same bucket.
    media = django_settings.MEDIA_ROOT
    assert not any(path.is_file() and path.name != ".page-cache-stamp" for path in media.rglob("*"))
