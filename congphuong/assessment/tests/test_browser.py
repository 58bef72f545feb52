"""A ward's leader opens "Tự đánh giá" from the admin menu and reads what their portal lacks."""

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS, sign_in
from congphuong.editorial.roles import APPROVER, ensure_roles
from congphuong.editorial.tests.factories import PASSWORD, make_user
from congphuong.organisation.permissions import ensure_organisation_permissions

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_leader_sees_the_missing_english_section_and_unmeasured_speed(live_server, chromium, home, article):
    groups = ensure_roles([home])
    ensure_organisation_permissions()
    make_user("lanhdao", groups[APPROVER], first_name="Trần", last_name="Văn Lãnh")
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    sign_in(page, live_server.url, "lanhdao", PASSWORD)
    page.get_by_role("link", name="Tự đánh giá").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Tự đánh giá cổng thông tin"
    english = page.locator("tr", has_text="Phần tiếng Anh")
    assert "Chưa đạt" in english.inner_text() and "tổ chức bộ máy" in english.inner_text()
    speed = page.locator("tr", has_text="Trang chủ: tốc độ")
    assert "Chưa đo" in speed.inner_text() and "measure_portal" in speed.inner_text()
    summary = page.locator("table.assessment-summary")
    assert "Tốc độ trang" in summary.inner_text()
    context.close()
