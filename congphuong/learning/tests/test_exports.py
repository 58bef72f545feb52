"""Excel exports read in Vietnamese: headings, choice labels, Có/Không, dates dd/mm/yyyy."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congphuong.learning.choices import LearningModel, ReceiptKind, ReceiptSource, Status
from congphuong.learning.models import FundReceipt, Registration
from congphuong.learning.viewsets import VIEWSETS

from .factories import HouseholdFactory, MemberFactory, make_criteria_set, officer

pytestmark = pytest.mark.django_db


def rows_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows()]


def test_every_list_is_exportable():
    assert all(viewset.list_export for viewset in VIEWSETS)


def test_household_export_has_vietnamese_headings_and_values(client, ward):
    household = HouseholdFactory(site=ward, code="KP1-007", head_name="Phạm Thị Xuất", address="7 đường Số 7")
    MemberFactory(household=household)
    MemberFactory(household=household, birth_year=2010)
    client.force_login(officer())
    rows = rows_of(client.get(reverse("learning_household:index") + "?export=xlsx"))
    assert [cell.value for cell in rows[0]] == [
        "Phường",
        "Mã hộ",
        "Khu phố",
        "Họ tên chủ hộ",
        "Địa chỉ",
        "Số thành viên",
        "Đã chuyển đi / xóa khỏi sổ",
    ]
    assert [cell.value for cell in rows[1]] == [
        ward.site_name,
        "KP1-007",
        household.quarter.name,
        "Phạm Thị Xuất",
        "7 đường Số 7",
        2,
        "Không",
    ]


def test_registration_export_shows_labels_and_day_first_dates(client, ward):
    household = HouseholdFactory(site=ward, head_name="Hộ Ngày Tháng")
    Registration.objects.create(
        site=ward,
        year=2025,
        learning_model=LearningModel.FAMILY,
        household=household,
        criteria_set=make_criteria_set(valid_from=datetime.date(2020, 1, 1)),
        registered_on=datetime.date(2025, 3, 14),
        status=Status.SELF_ASSESSED,
    )
    client.force_login(officer())
    rows = rows_of(client.get(reverse("learning_registration:index") + "?export=xlsx"))
    headings = [cell.value for cell in rows[0]]
    values = dict(zip(headings, rows[1], strict=True))
    assert "Mô hình" in headings and "Trạng thái" in headings
    assert values["Mô hình"].value == "Gia đình học tập"
    assert values["Trạng thái"].value == Status.SELF_ASSESSED.label
    registered = values["Ngày đăng ký"]
    stored = registered.value
    assert (stored.date() if isinstance(stored, datetime.datetime) else stored) == datetime.date(2025, 3, 14)
    assert registered.number_format == "dd/mm/yyyy"
    assert not [cell.value for cell in rows[1] if cell.value in ("gia_dinh", "tu_danh_gia", "True", "False")]


def test_receipt_export_in_xlsx_and_csv(client, ward):
    FundReceipt.objects.create(
        site=ward,
        date=datetime.date(2025, 11, 20),
        voucher_number="PT-2025/020",
        source=ReceiptSource.PIGGY_BANK,
        kind=ReceiptKind.CASH,
        amount=Decimal(2_350_000),
        description="Mổ heo đất khuyến học",
    )
    client.force_login(officer())
    rows = rows_of(client.get(reverse("learning_receipt:index") + "?export=xlsx"))
    values = dict(zip([cell.value for cell in rows[0]], rows[1], strict=True))
    assert values["Nguồn thu"].value == "Heo đất khuyến học"
    assert values["Hình thức"].value == "Tiền mặt, chuyển khoản"
    assert values["Ngày thu"].number_format == "dd/mm/yyyy"
    assert values["Số tiền / giá trị ước tính"].value == 2_350_000
    response = client.get(reverse("learning_receipt:index") + "?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "20/11/2025" in text and "Heo đất khuyến học" in text and "heo_dat" not in text


def test_every_export_has_a_vietnamese_file_and_sheet_name():
    for viewset in VIEWSETS:
        name = viewset.export_filename
        assert name.isascii() and "_" not in name and "learning" not in name, name
        assert name == name.lower()


def test_household_export_is_named_in_vietnamese(client, ward):
    HouseholdFactory(site=ward)
    client.force_login(officer())
    response = client.get(reverse("learning_household:index") + "?export=xlsx")
    assert 'filename="ho-gia-dinh.xlsx"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert load_workbook(io.BytesIO(content)).sheetnames == ["Hộ gia đình"]
