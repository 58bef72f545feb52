"""Fund arithmetic: balance at any date, cash book, periods; Decimal only."""

import datetime
from decimal import Decimal

import pytest

from congphuong.learning import ledger
from congphuong.learning.choices import ExpenseCategory, FundPurpose, ReceiptKind, ReceiptSource
from congphuong.learning.models import FundExpense, FundOpening, FundReceipt
from congphuong.learning.numbers import plain_number, vnd

pytestmark = pytest.mark.django_db
D = datetime.date


def receipt(
    site, day, amount, voucher, kind=ReceiptKind.CASH, source=ReceiptSource.MEMBERS, purpose=FundPurpose.GENERAL
):
    return FundReceipt.objects.create(
        site=site,
        date=day,
        amount=Decimal(amount),
        voucher_number=voucher,
        kind=kind,
        source=source,
        purpose=purpose,
        description=f"Thu {voucher}",
        in_kind_description="Vở" if kind == ReceiptKind.IN_KIND else "",
    )


def expense(site, day, amount, voucher, kind=ReceiptKind.CASH, category=ExpenseCategory.SCHOLARSHIP):
    return FundExpense.objects.create(
        site=site,
        date=day,
        amount=Decimal(amount),
        voucher_number=voucher,
        kind=kind,
        category=category,
        description=f"Chi {voucher}",
        approver_legacy="Chủ tịch Hội",
    )


@pytest.fixture
def fund(ward):
    FundOpening.objects.create(site=ward, date=D(2025, 1, 1), amount=Decimal(1_000_000))
    receipt(ward, D(2024, 12, 20), 999_999, "PT-CU")  # before the opening balance: already inside it
    receipt(ward, D(2025, 1, 10), 2_500_000, "PT-1", source=ReceiptSource.PIGGY_BANK, purpose=FundPurpose.SCHOLARSHIP)
    receipt(ward, D(2025, 2, 3), 700_000, "PT-2")
    receipt(ward, D(2025, 2, 3), 5_000_000, "PT-HV", kind=ReceiptKind.IN_KIND, source=ReceiptSource.DONORS)
    expense(ward, D(2025, 2, 3), 1_200_000, "PC-1")
    expense(ward, D(2025, 4, 15), 300_000, "PC-2", category=ExpenseCategory.LEARNING_CENTRE)
    expense(ward, D(2025, 4, 16), 5_000_000, "PC-HV", kind=ReceiptKind.IN_KIND, category=ExpenseCategory.GOOD_PUPILS)
    return ward


def test_balance_at_any_date(fund):
    assert ledger.balance_on(fund, D(2024, 12, 31)) == 0
    assert ledger.balance_before(fund, D(2025, 1, 1)) == Decimal(1_000_000)
    assert ledger.balance_on(fund, D(2025, 1, 1)) == Decimal(1_000_000)
    assert ledger.balance_on(fund, D(2025, 1, 10)) == Decimal(3_500_000)
    assert ledger.balance_on(fund, D(2025, 2, 3)) == Decimal(3_000_000)  # 3.5M + 0.7M − 1.2M; in-kind ignored
    assert ledger.balance_on(fund, D(2025, 12, 31)) == Decimal(2_700_000)
    assert isinstance(ledger.balance_on(fund, D(2025, 12, 31)), Decimal)


def test_cash_book_running_balance(fund):
    book = ledger.cash_book(fund, D(2025, 2, 1), D(2025, 4, 30))
    assert book.opening_balance == Decimal(3_500_000)
    assert [(line.voucher, line.receipt, line.expense, line.balance) for line in book.lines] == [
        ("PT-2", Decimal(700_000), 0, Decimal(4_200_000)),
        ("PC-1", 0, Decimal(1_200_000), Decimal(3_000_000)),
        ("PC-2", 0, Decimal(300_000), Decimal(2_700_000)),
    ]
    assert book.total_receipts == Decimal(700_000) and book.total_expenses == Decimal(1_500_000)
    assert book.closing_balance == Decimal(2_700_000) == ledger.balance_on(fund, D(2025, 4, 30))
    assert book.in_kind_receipts == Decimal(5_000_000) and book.in_kind_expenses == Decimal(5_000_000)


def test_cash_book_starting_before_the_opening_balance(fund):
    book = ledger.cash_book(fund, D(2024, 12, 1), D(2025, 1, 31))
    assert book.opening_balance == Decimal(1_000_000)
    assert [line.voucher for line in book.lines] == ["PT-1"]  # the 2024 receipt is inside the opening balance
    assert book.closing_balance == Decimal(3_500_000)


def test_periods_and_purposes(fund):
    rows = ledger.period_summary(fund, D(2025, 1, 1), D(2025, 12, 31), "quy")
    assert [row.label for row in rows] == ["Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"]
    first, second = rows[0], rows[1]
    assert first.income_cash == Decimal(3_200_000) and first.income_in_kind == Decimal(5_000_000)
    assert first.spending_cash == Decimal(1_200_000) and first.closing_balance == Decimal(3_000_000)
    assert second.spending_cash == Decimal(300_000) and second.spending_in_kind == Decimal(5_000_000)
    assert rows[-1].closing_balance == Decimal(2_700_000)
    months = ledger.period_summary(fund, D(2025, 1, 1), D(2025, 3, 31), "thang")
    assert [row.label for row in months] == ["Tháng 01/2025", "Tháng 02/2025", "Tháng 03/2025"]
    assert months[2].closing_balance == Decimal(3_000_000)
    assert dict(ledger.income_by_source(fund, D(2025, 1, 1), D(2025, 12, 31))) == {
        "Hội viên đóng góp": Decimal(700_000),
        "Nhà hảo tâm, doanh nghiệp": Decimal(5_000_000),
        "Heo đất khuyến học": Decimal(2_500_000),
    }
    assert dict(ledger.income_by_purpose(fund, D(2025, 1, 1), D(2025, 12, 31)))["Học bổng"] == Decimal(2_500_000)
    assert dict(ledger.spending_by_category(fund, D(2025, 1, 1), D(2025, 12, 31))) == {
        "Học bổng": Decimal(1_200_000),
        "Khen thưởng học sinh giỏi": Decimal(5_000_000),
        "Hỗ trợ trung tâm học tập cộng đồng": Decimal(300_000),
    }


def test_without_opening_balance(ward):
    receipt(ward, D(2025, 5, 1), 100, "PT-1")
    expense(ward, D(2025, 5, 2), 40, "PC-1")
    assert ledger.balance_on(ward, D(2025, 5, 2)) == Decimal(60)
    assert ledger.cash_book(ward, D(2025, 5, 2), D(2025, 5, 31)).opening_balance == Decimal(100)


def test_money_formatting():
    assert vnd(Decimal("1500000")) == "1.500.000 đ"
    assert vnd(Decimal("-2500")) == "-2.500 đ"
    assert plain_number(Decimal("12.50")) == "12,5"
    assert plain_number(Decimal("70.00")) == "70"
    assert plain_number(1234567) == "1.234.567"


def test_cash_book_names_each_lines_purpose_and_adds_up_per_purpose(fund):
    book = ledger.cash_book(fund, D(2025, 1, 5), D(2025, 2, 28))
    assert [(line.voucher, line.purpose) for line in book.lines] == [
        ("PT-1", "Học bổng"),
        ("PT-2", "Quỹ chung"),
        ("PC-1", "Quỹ chung"),
    ]
    rows = {row.label: row for row in book.purposes}
    assert rows["Học bổng"].opening == 0 and rows["Học bổng"].received == Decimal(2_500_000)
    assert rows["Học bổng"].balance == Decimal(2_500_000)
    assert rows["Quỹ chung"].opening == Decimal(1_000_000) and rows["Quỹ chung"].spent == Decimal(1_200_000)
    assert sum(row.opening for row in book.purposes) == book.opening_balance
    assert sum(row.balance for row in book.purposes) == book.closing_balance


def test_cash_book_per_purpose_when_the_opening_balance_falls_inside_the_period(fund):
    book = ledger.cash_book(fund, D(2024, 12, 1), D(2025, 3, 31))
    assert sum(row.opening for row in book.purposes) == book.opening_balance == Decimal(1_000_000)
    assert sum(row.balance for row in book.purposes) == book.closing_balance == Decimal(3_000_000)
