"""The learning officer imports lists through the real admin, in headless Chromium.

A household workbook with a bad row is refused with a Vietnamese message naming its sheet and row,
and nothing is stored; the good workbook is checked, confirmed and lands in the registry with a
report. The demo account `khuyenhoc` downloads the citizens' template from the import page, fills it
as an officer would (openpyxl) and imports it; the same file again adds nobody twice and says who is
already there; a workbook with bad rows into a registry that already holds data: the messages name the
row and the column, and the registry is left as it was.
"""

import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from congphuong.core.tests.browser import BROWSER_MARKS, sign_in
from congphuong.learning.choices import LearningModel
from congphuong.learning.models import Citizen, Household, HouseholdMember, Registration

from .factories import PASSWORD, CitizenFactory, HouseholdFactory, QuarterFactory, make_criteria_set, officer
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


def _signed_in(chromium, base, password=PASSWORD):  # noqa: F811 (the fixture's value)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True)
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1).*"), lambda route: route.abort())
    page = context.new_page()
    sign_in(page, base, "khuyenhoc", password)
    return page


def _open_import(page):
    """Through the menu, as the officer finds it."""
    page.get_by_role("button", name="Xã hội học tập").click()
    with page.expect_navigation():
        page.get_by_role("list", name="Xã hội học tập").get_by_role("link", name="Nhập từ Excel").click()
    assert page.locator("h1").first.inner_text().strip() == "Nhập danh sách từ Excel"


def _upload(page, name, data, kind="ho-gia-dinh"):
    page.select_option("select[name=kind]", kind)
    page.set_input_files("input[name=file]", {"name": name, "mimeType": XLSX, "buffer": data})
    with page.expect_navigation():
        page.get_by_role("button", name="Kiểm tra tệp").click()
    page.wait_for_load_state()


def test_learning_officer_imports_a_bad_then_a_good_workbook(live_server, registry, chromium):  # noqa: F811
    page = _signed_in(chromium, live_server.url)
    _open_import(page)

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


@pytest.fixture
def demo_registry(settings, tmp_path):
    """The first demo ward with its demo accounts (`khuyenhoc` works on it only), two quarters, a
    criteria set for Công dân học tập, and a registry that already holds a household and a citizen."""
    from wagtail.models import Site

    from congphuong.demo.accounts import ensure_demo_accounts
    from congphuong.demo.builder import WARDS
    from congphuong.editorial.roles import ensure_roles
    from congphuong.wards.tests.factories import make_ward

    settings.LEARNING_PRIVATE_ROOT = str(tmp_path / "private")
    Site.objects.all().delete()
    ward = make_ward(hostname=WARDS[0].hostname, name=WARDS[0].name, default=True)
    make_ward(hostname=WARDS[1].hostname, name=WARDS[1].name)
    ensure_roles()
    ensure_demo_accounts()
    make_criteria_set(LearningModel.CITIZEN, valid_from=datetime.date(2020, 1, 1))
    first = QuarterFactory(site=ward, name="Khu phố 1")
    QuarterFactory(site=ward, name="Khu phố 2")
    HouseholdFactory(site=ward, quarter=first, code="KP1-015", head_name="Đỗ Văn Tâm")
    CitizenFactory(site=ward, quarter=first, full_name="Vũ Thị Mai")
    return ward


def _filled_template(template, rows):
    """The downloaded template with `rows` ({header: value}) written under its example row."""
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook["Công dân học tập"]
    headers = [cell.value for cell in sheet[1]]
    for number, row in enumerate(rows, start=3):
        for header, value in row.items():
            sheet.cell(row=number, column=headers.index(header) + 1, value=value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _counts(site):
    return (
        Citizen.objects.filter(site=site).count(),
        Registration.objects.filter(site=site).count(),
        Household.objects.filter(site=site).count(),
    )


def test_demo_officer_imports_citizens_from_the_downloaded_template(live_server, demo_registry, chromium):  # noqa: F811
    from congphuong.demo.accounts import DEMO_PASSWORD

    ward, year = demo_registry, datetime.date.today().year
    page = _signed_in(chromium, live_server.url, password=DEMO_PASSWORD)
    _open_import(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tệp mẫu công dân đăng ký Công dân học tập (.xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    with open(download.value.path(), "rb") as handle:
        template = handle.read()

    # A good list: three citizens, one of a household already in the book, two registering this year.
    good = _filled_template(
        template,
        [
            {"Họ và tên": "Nguyễn Thị Lan", "Năm sinh": 1985, "Giới tính": "Nữ", "Khu phố": "Khu phố 1",
             "Mã hộ": "KP1-015", "Đăng ký Công dân học tập năm": year},
            {"Họ và tên": "Trần Văn Hùng", "Năm sinh": 1972, "Giới tính": "nam", "Khu phố": "Khu phố 2",
             "Cán bộ, công chức, viên chức": "x", "Đăng ký Công dân học tập năm": year},
            {"Họ và tên": "Lê Minh Khoa", "Năm sinh": 2001, "Giới tính": "Nam", "Khu phố": "khu pho 2"},
        ],
    )  # fmt: skip
    before = _counts(ward)
    assert before == (1, 0, 1)
    _upload(page, "cong-dan-hoc-tap.xlsx", good, kind="cong-dan")
    report = page.locator("section[aria-labelledby=ket-qua]")
    text = report.inner_text()
    assert "Tệp hợp lệ. Khi nhập sẽ thêm: 3 công dân, 2 lượt đăng ký. Chưa có gì được lưu." in text
    assert "Nguyễn Thị Lan" in text and "Lê Minh Khoa" in text  # the preview of the first rows
    assert "VÍ DỤ" not in text  # the template's example row is not imported
    assert _counts(ward) == before  # a dry run until confirmed
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận nhập vào sổ").click()
    page.wait_for_load_state()
    assert "Đã nhập: 3 công dân, 2 lượt đăng ký." in page.locator(".messages").inner_text()
    listing = page.locator("main").inner_text()
    assert "Nguyễn Thị Lan" in listing and "Trần Văn Hùng" in listing and "Lê Minh Khoa" in listing
    assert _counts(ward) == (4, 2, 1)
    lan = Citizen.objects.get(site=ward, full_name="Nguyễn Thị Lan")
    assert lan.household.code == "KP1-015" and lan.sex == "nu"
    assert Citizen.objects.get(site=ward, full_name="Trần Văn Hùng").is_public_staff

    # The same file again, by mistake: it says the people are already there and adds nobody twice.
    _open_import(page)
    _upload(page, "cong-dan-hoc-tap.xlsx", good, kind="cong-dan")
    text = page.locator("section[aria-labelledby=ket-qua]").inner_text()
    assert "Không có gì mới để nhập: 3 dòng của tệp đã có trong sổ từ trước" in text
    assert "Dòng 3: công dân 'Nguyễn Thị Lan' (sinh năm 1985, Khu phố 1) đã có trong sổ" in text
    assert page.get_by_role("button", name="Xác nhận nhập vào sổ").count() == 0
    assert _counts(ward) == (4, 2, 1)

    # A bad list: good rows and bad ones; nothing of it may be stored.
    bad = _filled_template(
        template,
        [
            {"Họ và tên": "Phan Thị Hòa", "Năm sinh": 1990, "Giới tính": "Nữ", "Khu phố": "Khu phố 1"},
            {"Họ và tên": "Đặng Văn Phúc", "Năm sinh": datetime.datetime(1990, 5, 4), "Giới tính": "Nam",
             "Khu phố": "Khu phố 1"},
            {"Họ và tên": "Hồ Thị Yến", "Năm sinh": 1995, "Giới tính": "Khác", "Khu phố": "Khu phố 9"},
            {"Họ và tên": "Mai Văn Sơn", "Năm sinh": 1988, "Giới tính": "Nam", "Khu phố": "Khu phố 2",
             "Mã hộ": "KP9-999"},
        ],
    )  # fmt: skip
    before = _counts(ward)
    _open_import(page)
    _upload(page, "cong-dan-hoc-tap-loi.xlsx", bad, kind="cong-dan")
    text = page.locator("section[aria-labelledby=ket-qua]").inner_text()
    assert "Tệp có lỗi nên chưa nhập dòng nào" in text
    assert "Trang “Công dân học tập”" in text
    assert "Dòng 4: năm sinh '04/05/1990' không hợp lệ; chỉ ghi năm, ví dụ 1990" in text
    assert "Dòng 5: giới tính 'Khác' không hợp lệ; chọn một trong: Nam; Nữ" in text
    assert "Dòng 5: khu phố 'Khu phố 9' chưa có trong danh mục khu phố (đã có: Khu phố 1; Khu phố 2)" in text
    assert "Dòng 6: mã hộ 'KP9-999' chưa có trong sổ" in text
    assert "Dòng 3" not in text  # the good row is not blamed
    assert page.get_by_role("button", name="Xác nhận nhập vào sổ").count() == 0
    assert _counts(ward) == before
    assert not Citizen.objects.filter(full_name="Phan Thị Hòa").exists()
