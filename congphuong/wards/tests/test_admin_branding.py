"""The back office shows the ward a cadre works for (`admin_ward_settings`): their one ward's name from
its settings in one query; the ward of the address opened for a superuser; the portal's name for a
cadre whose ward has no settings."""

import pytest
from django.test import RequestFactory

from congphuong.editorial.roles import ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.wards import roles
from congphuong.wards.admin_branding import admin_ward_settings
from congphuong.wards.models import WardSettings
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db


def _request(user, host="testserver"):
    request = RequestFactory().get("/admin/", HTTP_HOST=host)
    request.user = user
    return request


def test_a_cadre_sees_their_ward_a_superuser_the_ward_of_the_address(django_assert_num_queries):
    make_ward(hostname="testserver", name="Phường Bến Nghé", default=True)
    theirs = make_ward(hostname="phuong-b.test", name="Phường Đa Kao")
    group = ensure_roles([theirs.root_page]).by_site[theirs.pk][roles.EDITOR]
    cadre = make_user("bientap_dakao", group)

    with django_assert_num_queries(2):  # the cadre's wards, then their ward's settings
        assert admin_ward_settings(_request(cadre)).short_name == "Phường Đa Kao"
    boss = make_user("quantri_he_thong", is_superuser=True)
    assert admin_ward_settings(_request(boss)).short_name == "Phường Bến Nghé"

    WardSettings.objects.filter(site=theirs).delete()
    assert admin_ward_settings(_request(make_user("bientap_dakao_2", group))) is None  # the portal's name
