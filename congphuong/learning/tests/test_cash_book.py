"""The cash book page and its exports: each line's earmark and each earmark's balance over the period."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congphuong.learning.choices import ExpenseCategory, FundPurpose, ReceiptKind, ReceiptSource
from congphuong.learning.models import FundExpense, FundReceipt

from .factories import officer

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def book(ward):
    common = {"site": ward, "kind": ReceiptKind.CASH}
    FundReceipt.objects.create(
        **common,
        date=D(2025, 3, 1),
        amount=Decimal(4_000_000),
        voucher_number="PT-01",
        source=ReceiptSource.DONORS,
        purpose=FundPurpose.SCHOLARSHIP,
        description="Doanh nghiệp tặng học bổng",
    )
    FundReceipt.objects.create(
        **common,
        date=D(2025, 3, 2),
        amount=Decimal(600_000),
        voucher_number="PT-02",
        source=ReceiptSource.MEMBERS,
        description="Hội viên đóng hội phí",
    )
    FundExpense.objects.create(
        **common,
        date=D(2025, 3, 20),
        amount=Decimal(1_500_000),
        voucher_number="PC-01",
        category=ExpenseCategory.SCHOLARSHIP,
        purpose=FundPurpose.SCHOLARSHIP,
        description="Trao ba suất học bổng",
        approver_legacy="Chủ tịch Hội",
    )
    return ward


def test_page_and_spreadsheet_show_the_earmarks(client, book):
    client.force_login(officer())
    period = f"?phuong={book.pk}&tu=2025-03-01&den=2025-03-31"
    html = client.get(reverse("learning_cash_book") + period).content.decode()
    assert '<th scope="col">Nguồn quỹ</th>' in html and "Số dư theo nguồn quỹ" in html

    response = client.get(reverse("learning_cash_book") + period + "&export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Sổ quỹ", "Số dư theo nguồn quỹ"]
    lines = list(workbook["Sổ quỹ"].iter_rows(values_only=True))
    assert lines[0][3] == "Nguồn quỹ"
    assert [(row[1], row[3]) for row in lines[2:5]] == [
        ("PT-01", "Học bổng"),
        ("PT-02", "Quỹ chung"),
        ("PC-01", "Học bổng"),
    ]
    purposes = {row[0]: row[1:] for row in workbook["Số dư theo nguồn quỹ"].iter_rows(min_row=2, values_only=True)}
    assert purposes["Học bổng"] == (0, 4_000_000, 1_500_000, 2_500_000)
    assert purposes["Quỹ chung"] == (0, 600_000, 0, 600_000)
    assert lines[-1][6] == sum(row[3] for row in purposes.values()) == 3_100_000
