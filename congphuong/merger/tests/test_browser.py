"""The city's IT team merges an old ward through the admin screen "Sáp nhập phường", in a browser:
the menu, the form, the dry-run report, the confirmation, and what the old portal's links do after."""

import pytest
from django.test import Client
from wagtail.models import Site

from congphuong.core.tests.browser import BROWSER_MARKS, sign_in
from congphuong.legacy.models import OldHostname

from .conftest import NEW, P1, build_world, fetch_world

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Mat-khau-Thanh-pho-2025!"


@pytest.fixture
def world(transactional_db, tmp_path):
    """Its own wards: the module-wide build (`built_world`) lives in a transaction a live server's
    test cannot run inside."""
    return fetch_world(build_world(tmp_path))


def test_the_city_it_team_merges_an_old_ward_from_the_admin(live_server, chromium, world, django_user_model):
    django_user_model.objects.create_superuser("it_thanhpho", "it@example.vn", PASSWORD)
    moved = world["articles"][P1][0]
    old_url = moved.url_path[len(world["p1"].root_page.url_path) - 1 :]  # the article's path on the old host

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    sign_in(page, live_server.url, "it_thanhpho", PASSWORD)

    page.get_by_role("button", name="Cấu hình").click()
    page.get_by_role("link", name="Sáp nhập phường").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Sáp nhập phường"

    # Nothing chosen: the form says what is missing, in Vietnamese, and nothing moves.
    page.get_by_role("button", name="Xem báo cáo chạy thử").click()
    page.wait_for_load_state()
    assert "Vui lòng chọn ít nhất một phường cũ." in page.content()

    # The same wards are offered as old wards and as other successors of a split: pick by field.
    page.check(f"input[name=old][value='{P1}']")
    page.select_option("select[name=into]", NEW)
    page.get_by_role("button", name="Xem báo cáo chạy thử").click()
    page.wait_for_load_state()
    report = page.locator("#bao-cao").locator("..").inner_text()
    assert "Phường 1" in report and "Tân Sơn Hòa" in report
    assert Site.objects.filter(hostname=P1).exists()  # the report changed nothing

    page.get_by_role("button", name="Xác nhận sáp nhập").click()
    page.wait_for_load_state()
    assert "Đã sáp nhập Phường 1" in page.locator(".messages").inner_text()
    assert "Kết quả" in page.locator("#ket-qua").inner_text()
    context.close()

    assert not Site.objects.filter(hostname=P1).exists()
    assert OldHostname.objects.get(hostname=P1).site == world["new"]
    moved.refresh_from_db()
    assert moved.path.startswith(world["new"].root_page.path)
    answer = Client(HTTP_HOST=P1).get(old_url)
    assert answer.status_code == 301 and answer["Location"].endswith(moved.url_path.split("/", 2)[2])
