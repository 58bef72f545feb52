"""A citizen from an old ward finds, from the 404 page of an old link, which ward they belong to now."""

import re

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS
from congphuong.units import loading
from congphuong.wards.models import WardSettings

from .test_units import small_file

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_citizen_finds_the_new_ward_and_its_portal(live_server, chromium, ward, tmp_path):
    loading.load(small_file(tmp_path))
    row = WardSettings.objects.get(site=ward)
    row.unit_code = "26977"
    row.save()
    context = chromium.new_context(viewport={"width": 375, "height": 812}, locale="vi-VN")
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1).*"), lambda route: route.abort())
    page = context.new_page()
    response = page.goto(live_server.url + "/tin-tuc/bai-cu-cua-phuong-1/")
    assert response.status == 404
    page.get_by_role("link", name="tra cứu phường, xã mới").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Phường cũ của tôi nay là phường nào?"
    page.get_by_label("Tên phường, xã cũ").fill("phuong 1 tan binh")
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu").click()
    result = page.locator(".unit-result").first
    assert "Phường 1, Quận Tân Bình" in result.inner_text()
    assert "Phường Tân Sơn Hòa" in result.inner_text()
    portal = result.get_by_role("link", name="Cổng thông tin của Phường Tân Sơn Hòa")
    assert portal.get_attribute("href") == ward.root_url  # the ward's one canonical origin
    context.close()
