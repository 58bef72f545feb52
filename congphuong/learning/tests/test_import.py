"""Excel import: template, row-level Vietnamese messages, dry run, all-or-nothing commit."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from congphuong.learning import importer
from congphuong.learning.choices import LearningModel, OccupationGroup, SchoolingStatus, Sex
from congphuong.learning.models import Citizen, Household, HouseholdMember, Registration

from .factories import QuarterFactory, editor, make_criteria_set, officer

pytestmark = pytest.mark.django_db

HOUSEHOLD_HEADERS = ["Mã hộ", "Khu phố", "Họ tên chủ hộ", "Địa chỉ", "Đăng ký Gia đình học tập năm"]
MEMBER_HEADERS = ["Mã hộ", "Năm sinh", "Giới tính", "Tình trạng học tập", "Nhóm nghề nghiệp", "Là chủ hộ"]
TODAY = datetime.date(2026, 3, 10)


def workbook(households, members):
    book = Workbook()
    sheet = book.active
    sheet.title = "Hộ gia đình"
    sheet.append(HOUSEHOLD_HEADERS)
    for row in households:
        sheet.append(row)
    sheet = book.create_sheet("Thành viên")
    sheet.append(MEMBER_HEADERS)
    for row in members:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


@pytest.fixture
def quarters(ward):
    make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    return [QuarterFactory(site=ward, name="Khu phố 1"), QuarterFactory(site=ward, name="Khu phố 2")]


GOOD_HOUSEHOLDS = [
    ["VÍ DỤ", "Khu phố 1", "Nguyễn Văn Mẫu", "1 đường Mẫu", 2026],  # the template's example row: skipped
    ["KP1-001", "Khu phố 1", "Lê Thị Hoa", "12 hẻm 3 đường Số 1", 2026],
    ["KP2-001", "khu pho 2", "Trần Văn Bình", "40 đường Số 2", None],
]
GOOD_MEMBERS = [
    ["KP1-001", 1975, "Nữ", "Không còn đi học (đã học xong)", "Kinh doanh, buôn bán", "x"],
    ["KP1-001", 2012, "Nam", "Trung học cơ sở", "Học sinh, sinh viên", ""],
    ["KP2-001", 1960, "nam", "da hoc xong", "Hưu trí", "x"],
]


def test_dry_run_stores_nothing_and_commit_stores_everything(ward, quarters):
    data = workbook(GOOD_HOUSEHOLDS, GOOD_MEMBERS)
    report = importer.run_import("ho-gia-dinh", data, ward, commit=False, today=TODAY)
    assert report.ok, report.errors
    assert report.created == {"Hộ gia đình": 2, "Lượt đăng ký": 1, "Thành viên": 3}
    assert not Household.objects.exists() and not Registration.objects.exists()

    report = importer.run_import("ho-gia-dinh", data, ward, commit=True, today=TODAY)
    assert report.committed
    assert Household.objects.count() == 2 and HouseholdMember.objects.count() == 3
    bình = Household.objects.get(code="KP2-001")
    assert bình.quarter == quarters[1]  # matched without tone marks
    assert bình.members.get().schooling == "da_hoc_xong"
    registration = Registration.objects.get()
    assert registration.learning_model == LearningModel.FAMILY and registration.year == 2026
    assert registration.household.code == "KP1-001"


def test_row_errors_are_listed_in_vietnamese(ward, quarters):
    members = GOOD_MEMBERS + [
        ["KP1-001", 1980, "Nam", "Tiểu học", "Nội trợ", ""],
        ["KP1-001", 1981, "Nam", "Tiểu học", "Nội trợ", ""],
        ["KP1-001", "19a5", "Nữ", "Tiểu học", "Nội trợ", ""],  # row 7
        ["KP9-999", 2000, "Khác", "Đi chơi", "Phi hành gia", ""],
    ]
    households = GOOD_HOUSEHOLDS + [["KP1-001", "Khu phố 7", "", "", "20x6"]]
    report = importer.run_import("ho-gia-dinh", workbook(households, members), ward, commit=True, today=TODAY)
    messages = [str(error) for error in report.errors]
    assert "Dòng 7: năm sinh '19a5' không hợp lệ" in messages
    assert "Dòng 5: mã hộ 'KP1-001' bị lặp trong tệp" in messages
    assert "Dòng 5: khu phố 'Khu phố 7' chưa có trong danh mục khu phố (đã có: Khu phố 1; Khu phố 2)" in messages
    assert "Dòng 5: thiếu họ tên chủ hộ" in messages
    assert "Dòng 5: năm đăng ký '20x6' không hợp lệ" in messages
    assert "Dòng 8: mã hộ 'KP9-999' không có ở trang “Hộ gia đình”" in messages
    # Enumerated columns list what they accept.
    assert "Dòng 8: giới tính 'Khác' không hợp lệ; chọn một trong: Nam; Nữ" in messages
    schooling = next(m for m in messages if m.startswith("Dòng 8: tình trạng học tập 'Đi chơi' không hợp lệ; chọn"))
    assert all(str(label) in schooling for _c, label in SchoolingStatus.choices)
    occupation = next(m for m in messages if m.startswith("Dòng 8: nhóm nghề nghiệp 'Phi hành gia' không hợp lệ; chọn"))
    assert all(str(label) in occupation for _c, label in OccupationGroup.choices)
    assert set(report.errors_by_sheet()) == {"Hộ gia đình", "Thành viên"}


def test_a_bad_row_rolls_back_the_rows_already_written(ward, quarters):
    # The good households and members come first and are written before the bad row is met.
    members = GOOD_MEMBERS + [["KP2-001", "năm ngoái", "Nữ", "Tiểu học", "Nội trợ", ""]]
    report = importer.run_import("ho-gia-dinh", workbook(GOOD_HOUSEHOLDS, members), ward, commit=True, today=TODAY)
    assert not report.committed
    assert [str(error) for error in report.errors] == ["Dòng 5: năm sinh 'năm ngoái' không hợp lệ"]
    assert Household.objects.count() == 0
    assert HouseholdMember.objects.count() == 0
    assert Registration.objects.count() == 0


def test_file_level_problems(ward, quarters):
    assert importer.run_import("ho-gia-dinh", b"not an excel file", ward).errors == [
        "Tệp không phải Excel (.xlsx). Nếu là tệp .xls cũ, hãy mở và lưu lại dưới dạng .xlsx."
    ]
    book = Workbook()
    book.active.title = "Hộ gia đình"
    book.active.append(["Mã hộ", "Khu phố"])
    output = io.BytesIO()
    book.save(output)
    report = importer.run_import("ho-gia-dinh", output.getvalue(), ward)
    assert "Trang “Hộ gia đình” thiếu cột “Họ tên chủ hộ”." in report.errors


def test_citizens_import(ward, quarters):
    make_criteria_set(learning_model=LearningModel.CITIZEN, valid_from=datetime.date(2020, 1, 1))
    book = Workbook()
    sheet = book.active
    sheet.title = "Công dân học tập"
    sheet.append(
        [
            "Họ và tên",
            "Năm sinh",
            "Giới tính",
            "Khu phố",
            "Mã hộ",
            "Cán bộ, công chức, viên chức",
            "Đăng ký Công dân học tập năm",
        ]
    )
    sheet.append(["Phạm Thị Học", 1992, "Nữ", "Khu phố 2", "", "x", 2026])
    output = io.BytesIO()
    book.save(output)
    report = importer.run_import("cong-dan", output.getvalue(), ward, commit=True, today=TODAY)
    assert report.committed, report.errors
    citizen = Citizen.objects.get()
    assert citizen.is_public_staff and citizen.quarter.name == "Khu phố 2"
    assert Registration.objects.get().is_public_staff


def test_template_download_and_upload_through_the_admin(client, ward, quarters):
    client.force_login(officer())
    response = client.get(reverse("learning_import_template", args=["ho-gia-dinh"]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Hộ gia đình", "Thành viên", "Hướng dẫn", "Danh mục"]
    assert book["Danh mục"].sheet_state == "hidden"
    assert [cell.value for cell in book["Hộ gia đình"][1]] == HOUSEHOLD_HEADERS
    assert book["Hộ gia đình"]["A2"].value == "VÍ DỤ"
    assert "  • Khu phố 1" in [row[0].value for row in book["Hướng dẫn"].iter_rows()]

    # The template itself imports as "no data rows" rather than creating the example.
    response = client.post(
        reverse("learning_import"),
        {"kind": "ho-gia-dinh", "site": ward.pk, "file": SimpleUploadedFile("mau.xlsx", response.content)},
    )
    assert "Tệp không có dòng dữ liệu nào" in response.content.decode()

    bad = workbook(GOOD_HOUSEHOLDS, GOOD_MEMBERS + [["KP1-001", "19a5", "Nữ", "Tiểu học", "Nội trợ", ""]])
    response = client.post(
        reverse("learning_import"),
        {"kind": "ho-gia-dinh", "site": ward.pk, "file": SimpleUploadedFile("ds.xlsx", bad)},
    )
    page = response.content.decode()
    assert "Dòng 5: năm sinh &#x27;19a5&#x27; không hợp lệ" in page
    assert 'name="token"' not in page

    response = client.post(
        reverse("learning_import"),
        {
            "kind": "ho-gia-dinh",
            "site": ward.pk,
            "file": SimpleUploadedFile("ds.xlsx", workbook(GOOD_HOUSEHOLDS, GOOD_MEMBERS)),
        },
    )
    token = response.context["token"]
    assert token and not Household.objects.exists()
    response = client.post(reverse("learning_import_commit"), {"token": token})
    assert response.status_code == 302
    assert Household.objects.count() == 2
    # The same token cannot be used twice.
    response = client.post(reverse("learning_import_commit"), {"token": token}, follow=True)
    assert "Phiên nhập đã hết hạn hoặc đã được nhập" in response.content.decode()
    assert Household.objects.count() == 2
    # The same file again: told that it is all there already, not that the file is wrong.
    response = client.post(
        reverse("learning_import"),
        {
            "kind": "ho-gia-dinh",
            "site": ward.pk,
            "file": SimpleUploadedFile("ds.xlsx", workbook(GOOD_HOUSEHOLDS, GOOD_MEMBERS)),
        },
    )
    page = response.content.decode()
    assert "không có gì mới để nhập, sổ giữ nguyên" in page and "Tệp có lỗi" not in page
    assert 'name="token"' not in page and Household.objects.count() == 2


def test_import_needs_permission(client, ward, quarters):
    client.force_login(editor())
    assert client.get(reverse("learning_import")).status_code == 403
    assert client.get(reverse("learning_import_template", args=["ho-gia-dinh"])).status_code == 403


def test_members_of_a_household_row_with_errors_point_to_that_row(ward, quarters):
    households = [*GOOD_HOUSEHOLDS, ["KP2-002", "Khu phố 9", "Võ Văn Cường", "5 đường Số 5", None]]  # row 5
    members = [
        *GOOD_MEMBERS,
        ["KP2-002", 1970, "Nam", "Tiểu học", "Nội trợ", "x"],
        ["KP2-002", 1972, "Nữ", "Tiểu học", "Nội trợ", ""],
    ]
    report = importer.run_import("ho-gia-dinh", workbook(households, members), ward, commit=True, today=TODAY)
    messages = [str(error) for error in report.errors]
    assert not any("không có ở trang" in message for message in messages)
    assert messages == [
        "Dòng 5: khu phố 'Khu phố 9' chưa có trong danh mục khu phố (đã có: Khu phố 1; Khu phố 2)",
        "Dòng 5: chưa thêm được thành viên của hộ 'KP2-002' vì dòng 5 ở trang “Hộ gia đình” có lỗi; sửa dòng đó trước",
    ]
    assert not Household.objects.exists()


def test_an_excel_date_is_echoed_as_the_cadre_wrote_it(ward, quarters):
    members = [["KP1-001", datetime.datetime(1990, 5, 4), "Nữ", "Tiểu học", "Nội trợ", ""]]
    report = importer.run_import("ho-gia-dinh", workbook(GOOD_HOUSEHOLDS, members), ward, today=TODAY)
    assert [str(error) for error in report.errors] == [
        "Dòng 2: năm sinh '04/05/1990' không hợp lệ; chỉ ghi năm, ví dụ 1990"
    ]


def test_importing_the_same_file_again_says_it_is_already_there(ward, quarters):
    data = workbook(GOOD_HOUSEHOLDS, GOOD_MEMBERS)
    assert importer.run_import("ho-gia-dinh", data, ward, commit=True, today=TODAY).committed
    again = importer.run_import("ho-gia-dinh", data, ward, commit=True, today=TODAY)
    assert not again.committed
    # Two household rows and three member rows: five rows, however many notes each row gets.
    assert again.errors == [
        "Không có gì mới để nhập: 5 dòng của tệp đã có trong sổ từ trước (có thể tệp này đã được nhập). "
        "Xem danh sách bên dưới."
    ]
    assert "Tệp không có dòng dữ liệu nào" not in again.errors[0]
    assert any("KP1-001" in warning and "đã có trong sổ" in warning for warning in again.warnings)
    assert Household.objects.count() == 2


def test_importing_the_same_citizens_again_adds_nobody_twice(ward, quarters):
    make_criteria_set(learning_model=LearningModel.CITIZEN, valid_from=datetime.date(2020, 1, 1))
    book = Workbook()
    sheet = book.active
    sheet.title = "Công dân học tập"
    sheet.append(["Họ và tên", "Năm sinh", "Giới tính", "Khu phố", "Đăng ký Công dân học tập năm"])
    sheet.append(["Phạm Thị Học", 1992, "Nữ", "Khu phố 2", 2026])
    sheet.append(["Phạm Văn Học", 1992, "Nam", "Khu phố 2", None])
    output = io.BytesIO()
    book.save(output)
    assert importer.run_import("cong-dan", output.getvalue(), ward, commit=True, today=TODAY).committed
    again = importer.run_import("cong-dan", output.getvalue(), ward, commit=True, today=TODAY)
    assert not again.committed
    assert again.errors[0].startswith("Không có gì mới để nhập: 2 dòng của tệp đã có trong sổ từ trước")
    assert "Dòng 2: công dân 'Phạm Thị Học' (sinh năm 1992, Khu phố 2) đã có trong sổ" in again.warnings[0]
    assert Citizen.objects.count() == 2 and Registration.objects.count() == 1
    # Another person: same name in another khu phố, or another birth year.
    sheet.append(["PHẠM THỊ  HỌC", 1992, "Nữ", "Khu phố 1", None])
    sheet.append(["Phạm Thị Học", 1993, "Nữ", "Khu phố 2", None])
    output = io.BytesIO()
    book.save(output)
    third = importer.run_import("cong-dan", output.getvalue(), ward, commit=True, today=TODAY)
    assert third.committed and third.created == {"Công dân": 2}
    assert len([w for w in third.warnings if "đã có trong sổ" in w]) == 2
    assert Citizen.objects.count() == 4


def test_template_gives_every_enumerated_column_a_drop_down(ward, quarters):
    book = load_workbook(io.BytesIO(importer.template_workbook("ho-gia-dinh", ward)))
    lists = book["Danh mục"]
    for spec in importer.HOUSEHOLD_SHEETS:
        sheet = book[spec.name]
        validated = {}
        for validation in sheet.data_validations.dataValidation:
            assert validation.type == "list"
            for cell_range in validation.sqref.ranges:
                validated[cell_range.min_col] = validation.formula1
        for index, column in enumerate(spec.columns, start=1):
            if column.key in ("quarter", "sex", "schooling", "occupation", "is_head"):
                assert index in validated, f"{spec.name}: {column.header} has no drop-down"
                source = validated[index].split("!")[1].replace("$", "")
                values = [cell.value for row in lists[source] for cell in row]
                if column.key == "quarter":
                    assert values == ["Khu phố 1", "Khu phố 2"]
                if column.key == "schooling":
                    assert values == [str(label) for _c, label in SchoolingStatus.choices]
                if column.key == "sex":
                    assert values == [str(label) for _c, label in Sex.choices]


def test_an_expired_criteria_set_is_explained_once_with_what_to_do(ward):
    make_criteria_set(valid_from=datetime.date(2016, 1, 1), valid_to=datetime.date(2020, 12, 31), version="2016")
    QuarterFactory(site=ward, name="Khu phố 1")
    households = [
        ["KP1-001", "Khu phố 1", "Lê Thị Hoa", "12 hẻm 3 đường Số 1", 2026],
        ["KP1-002", "Khu phố 1", "Trần Văn Bình", "40 đường Số 2", 2026],
    ]
    report = importer.run_import("ho-gia-dinh", workbook(households, []), ward, commit=False, today=TODAY)
    assert not report.ok
    messages = [str(error) for error in report.errors]
    assert len(messages) == 2
    assert all("để trống cột “Đăng ký Gia đình học tập năm”" in message for message in messages)
    explained = [warning for warning in report.warnings if "hết hiệu lực từ ngày 01/01/2021" in warning]
    assert len(explained) == 1 and "Tạo phiên bản mới" in explained[0]
    # Leaving the year blank imports the households without registering them.
    blank = [[*row[:4], None] for row in households]
    report = importer.run_import("ho-gia-dinh", workbook(blank, []), ward, commit=True, today=TODAY)
    assert report.ok and Household.objects.filter(site=ward).count() == 2
    assert not Registration.objects.filter(site=ward).exists()
