"""The learning officer imports a household list through the real admin, in headless Chromium.

A workbook with a bad row is refused with a Vietnamese message naming its sheet and row, and nothing
is stored; the good workbook is checked, confirmed and lands in the registry with a report.
"""

import datetime
import re

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS
from congphuong.learning.models import Household, HouseholdMember, Registration

from .factories import PASSWORD, QuarterFactory, make_criteria_set, officer
from .test_import import GOOD_HOUSEHOLDS, GOOD_MEMBERS, workbook

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def registry(ward, settings, tmp_path):
    settings.LEARNING_PRIVATE_ROOT = str(tmp_path / "private")
    make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    QuarterFactory(site=ward, name="Khu phố 1")
    QuarterFactory(site=ward, name="Khu phố 2")
    officer("khuyenhoc")
    return ward


def _signed_in(chromium, base):  # noqa: F811 (the fixture's value)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1).*"), lambda route: route.abort())
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "khuyenhoc")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/(?!login)"))
    return page


def _upload(page, name, data):
    page.select_option("select[name=kind]", "ho-gia-dinh")
    page.set_input_files("input[name=file]", {"name": name, "mimeType": XLSX, "buffer": data})
    with page.expect_navigation():
        page.get_by_role("button", name="Kiểm tra tệp").click()
    page.wait_for_load_state()


def test_learning_officer_imports_a_bad_then_a_good_workbook(live_server, registry, chromium):  # noqa: F811
    page = _signed_in(chromium, live_server.url)
    # Through the menu, as the officer finds it.
    page.get_by_role("button", name="Xã hội học tập").click()
    with page.expect_navigation():
        page.get_by_role("list", name="Xã hội học tập").get_by_role("link", name="Nhập từ Excel").click()
    assert page.locator("h1").first.inner_text().strip() == "Nhập danh sách từ Excel"

    bad_members = GOOD_MEMBERS + [["KP1-001", "19a5", "Nữ", "Tiểu học", "Nội trợ", ""]]  # sheet Thành viên, row 5
    _upload(page, "danh-sach-loi.xlsx", workbook(GOOD_HOUSEHOLDS, bad_members))
    result = page.locator("section[aria-labelledby=ket-qua]")
    text = result.inner_text()
    assert "Tệp có lỗi nên chưa nhập dòng nào" in text
    assert "Trang “Thành viên”" in text
    assert "Dòng 5: năm sinh '19a5' không hợp lệ" in text
    assert page.get_by_role("button", name="Xác nhận nhập vào sổ").count() == 0
    assert not Household.objects.exists() and not HouseholdMember.objects.exists()

    _upload(page, "danh-sach.xlsx", workbook(GOOD_HOUSEHOLDS, GOOD_MEMBERS))
    text = page.locator("section[aria-labelledby=ket-qua]").inner_text()
    assert "Tệp hợp lệ. Khi nhập sẽ thêm: 2 hộ gia đình, 1 lượt đăng ký, 3 thành viên. Chưa có gì được lưu." in text
    assert not Household.objects.exists()  # a dry run until confirmed
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận nhập vào sổ").click()
    page.wait_for_load_state()
    assert "/admin/xa-hoi-hoc-tap/" in page.url
    assert "Đã nhập: 2 hộ gia đình, 1 lượt đăng ký, 3 thành viên." in page.locator(".messages").inner_text()
    listing = page.locator("main").inner_text()
    assert "Lê Thị Hoa" in listing and "Trần Văn Bình" in listing
    assert Household.objects.filter(site=registry).count() == 2
    assert HouseholdMember.objects.count() == 3 and Registration.objects.count() == 1
