"""Fund ledger rules a ward's treasurer knows: closed periods are final, corrections are
adjusting entries, each earmarked purpose has its own balance, the approver is a person with a role."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congphuong.learning import ledger
from congphuong.learning.choices import ExpenseCategory, FundPurpose, ReceiptSource
from congphuong.learning.models import FundClosing, FundExpense, FundOpening, FundReceipt
from congphuong.learning.models.fund import fund_approvers
from congphuong.wards.tests.factories import make_ward

from .factories import leader, make_user, officer

pytestmark = pytest.mark.django_db
D = datetime.date
LOCKED = "thuộc kỳ đã khóa sổ"


def _messages(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def chair(ward):
    return leader("chutich_hoi", sites=[ward])


@pytest.fixture
def books(ward, chair):
    """2025 closed at 31/12/2025; one receipt and one expense inside it, one receipt after."""
    FundOpening.objects.create(site=ward, date=D(2025, 1, 1), amount=Decimal(2_000_000))
    old_receipt = FundReceipt.objects.create(
        site=ward,
        date=D(2025, 5, 18),
        voucher_number="PT-2025/010",
        source=ReceiptSource.DONORS,
        purpose=FundPurpose.SCHOLARSHIP,
        amount=Decimal(10_000_000),
        description="Ủng hộ học bổng học sinh vượt khó",
    )
    old_expense = FundExpense.objects.create(
        site=ward,
        date=D(2025, 9, 5),
        voucher_number="PC-2025/004",
        category=ExpenseCategory.SCHOLARSHIP,
        purpose=FundPurpose.SCHOLARSHIP,
        amount=Decimal(3_000_000),
        description="Trao học bổng năm học 2025-2026",
        approved_by=chair,
        recipient_count=3,
    )
    FundReceipt.objects.create(
        site=ward,
        date=D(2026, 1, 10),
        voucher_number="PT-2026/001",
        source=ReceiptSource.MEMBERS,
        amount=Decimal(1_500_000),
        description="Hội viên đóng góp quý 1",
    )
    FundClosing.objects.create(site=ward, closed_through=D(2025, 12, 31), note="Đã đối chiếu sổ quỹ năm 2025")
    return old_receipt, old_expense


# --- Model level: no code path edits or deletes a voucher of a closed period ---------------------------


def test_a_voucher_of_a_closed_period_cannot_be_edited_or_deleted(books):
    old_receipt, old_expense = books
    old_receipt.amount = Decimal(9_000_000)
    with pytest.raises(ValidationError, match=LOCKED):
        old_receipt.save()
    with pytest.raises(ValidationError, match=LOCKED):
        old_receipt.full_clean()
    with pytest.raises(ValidationError, match=LOCKED):
        old_expense.delete()
    with pytest.raises(ValidationError, match="kỳ đã khóa sổ"):
        FundReceipt.objects.filter(pk=old_receipt.pk).update(amount=Decimal(1))
    with pytest.raises(ValidationError, match="kỳ đã khóa sổ"):
        FundExpense.objects.filter(site=old_expense.site).delete()
    old_receipt.refresh_from_db()
    assert old_receipt.amount == Decimal(10_000_000)
    assert FundExpense.objects.filter(pk=old_expense.pk).exists()


def test_a_voucher_of_an_open_period_can_still_be_corrected_in_place(books, ward):
    open_receipt = FundReceipt.objects.get(voucher_number="PT-2026/001")
    open_receipt.amount = Decimal(1_600_000)
    open_receipt.save()
    open_receipt.refresh_from_db()
    assert open_receipt.amount == Decimal(1_600_000)
    open_receipt.delete()
    assert not FundReceipt.objects.filter(voucher_number="PT-2026/001").exists()


def test_no_new_voucher_dated_inside_a_closed_period(books, ward):
    late = FundReceipt(
        site=ward,
        date=D(2025, 12, 30),
        voucher_number="PT-2025/099",
        source=ReceiptSource.MEMBERS,
        amount=Decimal(100_000),
        description="Ghi bổ sung",
    )
    with pytest.raises(ValidationError) as error:
        late.full_clean()
    assert "Sổ quỹ đã khóa đến hết ngày 31/12/2025" in str(error.value.message_dict["date"])
    with pytest.raises(ValidationError):
        late.save()
    moved = FundReceipt.objects.get(voucher_number="PT-2026/001")
    moved.date = D(2025, 6, 1)  # moving an open voucher back into the closed year is the same thing
    with pytest.raises(ValidationError):
        moved.save()


def test_a_closing_is_final_and_the_next_one_comes_later(books, ward):
    closing = FundClosing.objects.get(site=ward)
    with pytest.raises(ValidationError, match="không được mở lại"):
        closing.delete()
    closing.closed_through = D(2024, 12, 31)
    with pytest.raises(ValidationError):
        closing.save()
    earlier = FundClosing(site=ward, closed_through=D(2025, 6, 30))
    with pytest.raises(ValidationError) as error:
        earlier.full_clean()
    assert "hãy chọn một ngày sau đó" in str(error.value)
    opening = FundOpening.objects.get(site=ward)
    opening.amount = Decimal(0)
    with pytest.raises(ValidationError, match="số dư ban đầu"):
        opening.save()


def test_a_closing_locks_only_its_own_ward(books):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    receipt = FundReceipt.objects.create(
        site=other,
        date=D(2025, 5, 1),
        voucher_number="PT-2025/010",
        source=ReceiptSource.MEMBERS,
        amount=Decimal(200_000),
        description="Thu phường khác",
    )
    receipt.amount = Decimal(250_000)
    receipt.save()  # the other ward has closed nothing
    assert FundReceipt.objects.get(pk=receipt.pk).amount == Decimal(250_000)


# --- Adjusting entries ----------------------------------------------------------------------------------


def test_an_adjusting_entry_corrects_a_closed_voucher(books, ward):
    old_receipt, _old_expense = books
    before = ledger.balance_on(ward, D(2026, 1, 31))
    adjustment = FundReceipt(
        site=ward,
        date=D(2026, 1, 15),
        voucher_number="PT-2026/ĐC-001",
        source=old_receipt.source,
        purpose=old_receipt.purpose,
        amount=Decimal(-500_000),
        adjusts=old_receipt,
        description="Điều chỉnh PT-2025/010: ghi thừa 500.000 đồng",
    )
    adjustment.full_clean()
    adjustment.save()
    assert ledger.balance_on(ward, D(2026, 1, 31)) == before - Decimal(500_000)
    assert ledger.balance_on(ward, D(2025, 12, 31)) == Decimal(2_000_000 + 10_000_000 - 3_000_000)  # closed figure
    assert list(old_receipt.adjustments.all()) == [adjustment]


def test_a_negative_amount_is_only_an_adjustment(ward, books):
    bare = FundReceipt(
        site=ward,
        date=D(2026, 2, 1),
        voucher_number="PT-2026/002",
        source=ReceiptSource.MEMBERS,
        amount=Decimal(-100_000),
        description="Âm mà không điều chỉnh gì",
    )
    with pytest.raises(ValidationError) as error:
        bare.full_clean()
    assert "Số tiền âm chỉ dùng cho phiếu điều chỉnh" in str(error.value.message_dict["amount"])


# --- Balances per earmarked purpose -------------------------------------------------------------------


def test_balances_per_purpose(books, ward, chair):
    FundExpense.objects.create(
        site=ward,
        date=D(2026, 1, 20),
        voucher_number="PC-2026/001",
        category=ExpenseCategory.ACTIVITIES,
        purpose=FundPurpose.GENERAL,
        amount=Decimal(700_000),
        description="Chi hoạt động phong trào",
        approved_by=chair,
    )
    rows = {row.purpose: row for row in ledger.balances_by_purpose(ward, D(2026, 1, 31))}
    assert rows[FundPurpose.SCHOLARSHIP].balance == Decimal(10_000_000 - 3_000_000)
    assert rows[FundPurpose.GENERAL].balance == Decimal(2_000_000 + 1_500_000 - 700_000)
    assert rows[FundPurpose.AWARDS].balance == 0
    assert sum(row.balance for row in rows.values()) == ledger.balance_on(ward, D(2026, 1, 31))


# --- The approver is an account with the right role in the ward ----------------------------------------


def test_the_approver_must_be_a_leader_of_the_ward(books, ward, chair):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    stranger = leader("lanhdao_khac", sites=[other])
    clerk = officer("canbo_thuquy", sites=[ward])
    draft = {
        "site": ward,
        "date": D(2026, 2, 5),
        "voucher_number": "PC-2026/002",
        "category": ExpenseCategory.SCHOLARSHIP,
        "purpose": FundPurpose.SCHOLARSHIP,
        "amount": Decimal(1_000_000),
        "description": "Học bổng",
    }
    for wrong, message in (
        (None, "Hãy chọn người duyệt chi."),
        (stranger, "được phân công phường này"),
        (clerk, "Lãnh đạo duyệt"),
    ):
        with pytest.raises(ValidationError) as error:
            FundExpense(approved_by=wrong, **draft).full_clean()
        assert message in str(error.value.message_dict["approved_by"])
    FundExpense(approved_by=chair, **draft).full_clean()
    assert list(fund_approvers([ward.pk])) == [chair]


def test_a_legacy_text_approver_is_kept_and_shown(ward):
    expense = FundExpense.objects.create(
        site=ward,
        date=D(2024, 3, 1),
        voucher_number="PC-2024/001",
        category=ExpenseCategory.ACTIVITIES,
        amount=Decimal(100_000),
        description="Phiếu cũ",
        approver_legacy="Lê Thị Hồng Nhung – Chủ tịch Hội",
    )
    assert expense.approver_display() == "Lê Thị Hồng Nhung – Chủ tịch Hội"
    expense.recipient_count = 1
    expense.full_clean()  # an old voucher stays editable without an account until its period is closed


# --- Through the admin, as the ward's learning officer ------------------------------------------------


@pytest.fixture
def officer_client(client, ward, books):
    client.force_login(officer("canbo_a", sites=[ward]))
    return client


def _expense_post(expense, **changes):
    data = {
        "site": expense.site_id,
        "date": expense.date.strftime("%Y-%m-%d"),
        "voucher_number": expense.voucher_number,
        "kind": expense.kind,
        "category": expense.category,
        "purpose": expense.purpose,
        "amount": str(expense.amount),
        "description": expense.description,
        "approved_by": expense.approved_by_id or "",
        "recipient_count": expense.recipient_count,
        "adjusts": "",
    }
    data.update(changes)
    return data


def test_admin_refuses_to_edit_or_delete_a_closed_voucher(officer_client, books):
    _old_receipt, old_expense = books
    page = officer_client.get(reverse("learning_expense:edit", args=[old_expense.pk]))
    assert page.status_code == 200
    assert any(LOCKED in message for message in _messages(page))

    response = officer_client.post(
        reverse("learning_expense:edit", args=[old_expense.pk]), _expense_post(old_expense, amount="300000")
    )
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    old_expense.refresh_from_db()
    assert old_expense.amount == Decimal(3_000_000)

    response = officer_client.post(reverse("learning_expense:delete", args=[old_expense.pk]), follow=True)
    assert FundExpense.objects.filter(pk=old_expense.pk).exists()
    assert any(LOCKED in message for message in _messages(response))


def test_admin_records_an_adjusting_entry_and_still_deletes_an_open_voucher(officer_client, books, ward, chair):
    _old_receipt, old_expense = books
    response = officer_client.post(
        reverse("learning_expense:add"),
        {
            **_expense_post(old_expense),
            "date": "2026-01-20",
            "voucher_number": "PC-2026/ĐC-001",
            "amount": "-200000",
            "description": "Điều chỉnh PC-2025/004: một em không nhận học bổng",
            "recipient_count": "0",
            "adjusts": old_expense.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    adjustment = FundExpense.objects.get(voucher_number="PC-2026/ĐC-001")
    assert adjustment.adjusts == old_expense and adjustment.approved_by == chair
    rows = {row.purpose: row for row in ledger.balances_by_purpose(ward, D(2026, 1, 31))}
    assert rows[FundPurpose.SCHOLARSHIP].balance == Decimal(10_000_000 - 3_000_000 + 200_000)

    response = officer_client.post(reverse("learning_expense:delete", args=[adjustment.pk]))
    assert response.status_code == 302
    assert not FundExpense.objects.filter(pk=adjustment.pk).exists()


def test_admin_offers_only_the_wards_approvers(officer_client, ward, chair):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    leader("lanhdao_khac", sites=[other])
    make_user("bientap_a", sites=[ward])
    html = officer_client.get(reverse("learning_expense:add")).content.decode()
    assert f'value="{chair.pk}"' in html
    assert "lanhdao_khac" not in html and "bientap_a" not in html


# --- No earmarked purpose is spent beyond what it holds ------------------------------------------------


FEB_5 = D(2026, 2, 5)


def _scholarship_payment(ward, chair, amount, number="PC-2026/002", day=FEB_5, **extra):
    return FundExpense(
        site=ward,
        date=day,
        voucher_number=number,
        category=ExpenseCategory.SCHOLARSHIP,
        purpose=FundPurpose.SCHOLARSHIP,
        amount=Decimal(amount),
        description="Trao học bổng học kỳ II",
        approved_by=chair,
        recipient_count=2,
        **extra,
    )


def test_a_payment_beyond_the_purposes_balance_is_refused(books, ward, chair):
    """Scholarship money: 10,000,000 received, 3,000,000 paid → 7,000,000 left, whatever the general fund holds."""
    too_much = _scholarship_payment(ward, chair, 7_500_000)
    with pytest.raises(ValidationError) as error:
        too_much.full_clean()
    message = " ".join(error.value.message_dict["purpose"])
    assert "Nguồn “Học bổng” chỉ còn 7.000.000 đ có thể chi từ ngày 05/02/2026" in message
    assert "bị âm 500.000 đ" in message and "Không được chi quá số dư" in message
    # Exactly the balance is fine; after it, the purpose is empty.
    exact = _scholarship_payment(ward, chair, 7_000_000)
    exact.full_clean()
    exact.save()
    rows = {row.purpose: row for row in ledger.balances_by_purpose(ward, D(2026, 2, 28))}
    assert rows[FundPurpose.SCHOLARSHIP].balance == 0 and rows[FundPurpose.GENERAL].balance == Decimal(3_500_000)
    # Raising it afterwards is refused too.
    exact.amount = Decimal(7_000_001)
    with pytest.raises(ValidationError):
        exact.full_clean()
    # In-kind gifts handed on are not cash: no balance to check.
    gift = _scholarship_payment(ward, chair, 900_000, number="PC-2026/003", kind="hien_vat")
    gift.full_clean()


def test_a_back_dated_payment_may_not_empty_a_purpose_already_spent_later(books, ward, chair):
    _scholarship_payment(ward, chair, 6_000_000, number="PC-2026/010", day=D(2026, 3, 1)).save()
    # On 05/02 the purpose holds 7,000,000, but 6,000,000 of it is already paid on 01/03.
    early = _scholarship_payment(ward, chair, 2_000_000, number="PC-2026/009", day=D(2026, 2, 5))
    with pytest.raises(ValidationError) as error:
        early.full_clean()
    assert "chỉ còn 1.000.000 đ" in " ".join(error.value.message_dict["purpose"])


def test_the_officer_is_refused_in_the_admin_and_nothing_is_stored(officer_client, books, ward, chair):
    _old_receipt, old_expense = books
    response = officer_client.post(
        reverse("learning_expense:add"),
        {
            **_expense_post(old_expense),
            "date": "2026-02-05",
            "voucher_number": "PC-2026/020",
            "amount": "8000000",
            "description": "Trao học bổng học kỳ II",
        },
    )
    assert response.status_code == 200
    assert "Nguồn “Học bổng” chỉ còn 7.000.000 đ" in response.content.decode()
    assert not FundExpense.objects.filter(voucher_number="PC-2026/020").exists()
    # The general fund holds 3,500,000: a payment of 3,000,000 from it goes through.
    response = officer_client.post(
        reverse("learning_expense:add"),
        {
            **_expense_post(old_expense),
            "date": "2026-02-05",
            "voucher_number": "PC-2026/020",
            "purpose": FundPurpose.GENERAL,
            "amount": "3000000",
            "description": "Chi hoạt động phong trào",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_receipt_whose_money_was_spent_cannot_be_deleted(officer_client, books, ward, chair):
    awards_in = FundReceipt.objects.create(
        site=ward,
        date=D(2026, 2, 1),
        voucher_number="PT-2026/005",
        source=ReceiptSource.DONORS,
        purpose=FundPurpose.AWARDS,
        amount=Decimal(2_000_000),
        description="Ủng hộ khen thưởng học sinh giỏi",
    )
    spare = FundReceipt.objects.create(
        site=ward,
        date=D(2026, 2, 2),
        voucher_number="PT-2026/006",
        source=ReceiptSource.DONORS,
        purpose=FundPurpose.AWARDS,
        amount=Decimal(500_000),
        description="Ủng hộ thêm",
    )
    FundExpense.objects.create(
        site=ward,
        date=D(2026, 2, 10),
        voucher_number="PC-2026/030",
        category=ExpenseCategory.GOOD_PUPILS,
        purpose=FundPurpose.AWARDS,
        amount=Decimal(1_800_000),
        description="Khen thưởng học sinh giỏi",
        approved_by=chair,
    )
    response = officer_client.post(reverse("learning_receipt:delete", args=[awards_in.pk]), follow=True)
    assert FundReceipt.objects.filter(pk=awards_in.pk).exists()
    assert any("tiền của nguồn “Khen thưởng” đã được chi" in message for message in _messages(response))
    # 2,500,000 in, 1,800,000 out: the 500,000 receipt may still go.
    spare.delete()
    assert not FundReceipt.objects.filter(pk=spare.pk).exists()


def test_the_opening_balance_is_the_general_funds_from_its_own_day(ward, chair):
    FundOpening.objects.create(site=ward, date=D(2026, 1, 1), amount=Decimal(2_000_000))
    payment = FundExpense(
        site=ward,
        date=D(2026, 1, 1),
        voucher_number="PC-2026/001",
        category=ExpenseCategory.ACTIVITIES,
        purpose=FundPurpose.GENERAL,
        amount=Decimal(2_000_000),
        description="Chi hoạt động đầu năm",
        approved_by=chair,
    )
    payment.full_clean()  # exactly the opening balance
    payment.amount = Decimal(2_000_001)
    with pytest.raises(ValidationError) as error:
        payment.full_clean()
    assert "Nguồn “Quỹ chung” chỉ còn 2.000.000 đ có thể chi từ ngày 01/01/2026" in str(error.value)
