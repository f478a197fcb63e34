import pytest
from django.contrib.auth.models import Group


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", [1, 2, 3])
def test_staff_groups_exist_with_their_permissions_after_every_flush(run):
    organisers = Group.objects.get(name="Organisers")
    assert organisers.permissions.filter(codename="checkin_registration").exists()
    assert Group.objects.get(name="Editors").permissions.filter(codename="change_event").exists()
