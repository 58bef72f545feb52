"""The admin screen "Sáp nhập phường": superusers only; the report first, then the merge on confirmation."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from congphuong.editorial.models import WardRoleGroup
from congphuong.editorial.tests.factories import make_user
from congphuong.legacy.models import OldHostname
from congphuong.wards.roles import SITE_ADMIN_KEY

from .conftest import NEW, P1

pytestmark = pytest.mark.django_db


def test_a_ward_admin_is_refused(client, world):
    admin_group = WardRoleGroup.objects.get(site=world["new"], role=SITE_ADMIN_KEY).group
    client.force_login(make_user("quantri_tsh", admin_group))
    url = reverse("merger_merge_wards")
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"old": [P1], "into": NEW, "confirm": "True"}).status_code in (302, 403)
    assert Site.objects.filter(hostname=P1).exists()


def test_the_city_it_team_sees_the_report_then_confirms(client, world, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("it_thanhpho", "it@example.vn", "Mat-khau-2025!"))
    url = reverse("merger_merge_wards")
    page = client.get(url)
    assert page.status_code == 200 and "Sáp nhập phường" in page.content.decode()
    report = client.post(url, {"old": [P1], "into": NEW})
    html = report.content.decode()
    assert "Báo cáo chạy thử" in html and "Phường 1 (cũ)" in html and "Xác nhận sáp nhập" in html
    assert Site.objects.filter(hostname=P1).exists()  # nothing yet
    done = client.post(url, {"old": [P1], "into": NEW, "confirm": "True"}, follow=True)
    assert "Đã sáp nhập Phường 1 (cũ) vào Phường Tân Sơn Hòa" in done.content.decode()
    assert not Site.objects.filter(hostname=P1).exists()
    assert OldHostname.objects.get(hostname=P1).site == world["new"]
