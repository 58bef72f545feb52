"""Fund arithmetic: balance at any date, the cash book, totals by period and purpose.

Everything is Decimal in whole đồng. The cash book counts cash only; in-kind gifts
are reported beside it at their estimated value.
"""

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import pgettext

from congphuong.core.language import is_english

from .choices import ExpenseCategory, FundPurpose, ReceiptKind, ReceiptSource
from .models import FundExpense, FundOpening, FundReceipt
from .numbers import vnd

ZERO = Decimal(0)


def opening_for(site):
    return FundOpening.objects.filter(site=site).first()


def _opening(site, opening):
    """`opening` when the caller already has it (False means: looked up, there is none)."""
    if opening is False:
        return None
    return opening if opening is not None else opening_for(site)


def _effective(queryset, opening):
    """Entries dated before the opening balance are already inside it."""
    return queryset.filter(date__gte=opening.date) if opening is not None else queryset


def _cash(queryset, opening):
    return _effective(queryset.filter(kind=ReceiptKind.CASH), opening)


def balance_on(site, day: datetime.date, opening=None) -> Decimal:
    """Cash in the fund at the end of `day`."""
    opening = _opening(site, opening)
    if opening is not None and day < opening.date:
        return ZERO
    start = opening.amount if opening else ZERO
    receipts = _cash(FundReceipt.objects.filter(site=site, date__lte=day), opening).total()
    expenses = _cash(FundExpense.objects.filter(site=site, date__lte=day), opening).total()
    return start + receipts - expenses


def balance_before(site, day: datetime.date, opening=None) -> Decimal:
    """Cash in the fund at the start of `day` (the opening balance counts from its own date)."""
    opening = _opening(site, opening)
    if opening is not None and opening.date == day:
        return opening.amount
    return balance_on(site, day - datetime.timedelta(days=1), opening if opening is not None else False)


@dataclass
class CashBookLine:
    date: datetime.date
    voucher: str
    description: str
    receipt: Decimal
    expense: Decimal
    balance: Decimal
    purpose: str = ""  # the earmark's label (Nguồn quỹ)


@dataclass
class CashBook:
    start: datetime.date
    end: datetime.date
    opening_balance: Decimal
    lines: list[CashBookLine] = field(default_factory=list)
    total_receipts: Decimal = ZERO
    total_expenses: Decimal = ZERO
    in_kind_receipts: Decimal = ZERO
    in_kind_expenses: Decimal = ZERO
    purposes: list["PurposeBalance"] = field(default_factory=list)  # each earmark over the period

    @property
    def closing_balance(self) -> Decimal:
        return self.opening_balance + self.total_receipts - self.total_expenses


def cash_book(site, start: datetime.date, end: datetime.date) -> CashBook:
    """Sổ quỹ tiền mặt from `start` to `end` inclusive: opening balance, lines, running balance.

    When the ledger's opening balance falls inside the period, the book starts from it.
    """
    opening = opening_for(site)
    if opening is not None and start < opening.date <= end:
        book = CashBook(start=start, end=end, opening_balance=opening.amount)
    else:
        book = CashBook(
            start=start, end=end, opening_balance=balance_before(site, start, opening if opening is not None else False)
        )
    labels = dict(FundPurpose.choices)
    entries = []
    for receipt in _cash(FundReceipt.objects.filter(site=site, date__range=(start, end)), opening):
        entries.append((receipt.date, 0, receipt.voucher_number, receipt.description, receipt.amount, ZERO, receipt))
    for expense in _cash(FundExpense.objects.filter(site=site, date__range=(start, end)), opening):
        entries.append((expense.date, 1, expense.voucher_number, expense.description, ZERO, expense.amount, expense))
    running = book.opening_balance
    for day, _order, voucher, description, receipt, expense, entry in sorted(entries, key=lambda e: e[:3]):
        running += receipt - expense
        book.total_receipts += receipt
        book.total_expenses += expense
        purpose = labels.get(entry.purpose, entry.purpose)
        book.lines.append(CashBookLine(day, voucher, description, receipt, expense, running, purpose))
    book.purposes = purpose_balances_over(site, start, end, opening if opening is not None else False)
    in_kind = {"kind": ReceiptKind.IN_KIND, "date__range": (start, end)}
    book.in_kind_receipts = _effective(FundReceipt.objects.filter(site=site, **in_kind), opening).total()
    book.in_kind_expenses = _effective(FundExpense.objects.filter(site=site, **in_kind), opening).total()
    return book


# --- Totals by period --------------------------------------------------------------------------------

# The labels are msgids of the English catalogue (pgettext "period"): the public fund page under /en/
# prints them translated; the admin and its reports stay Vietnamese.
PERIODS = {"thang": "Tháng", "quy": "Quý", "nam": "Năm"}


def _period_key(kind, year, month):
    """(key, label) of the period holding `month`, the label in the active language ("Quý I/2026",
    "Q1 2026" under /en/)."""
    if kind == "thang":
        return (year, month), pgettext("period", "Tháng %(month)s") % {"month": f"{month:02d}/{year}"}
    if kind == "quy":
        quarter = (month - 1) // 3 + 1
        if is_english():
            return (year, quarter), f"Q{quarter} {year}"
        return (year, quarter), f"Quý {['I', 'II', 'III', 'IV'][quarter - 1]}/{year}"
    return (year,), pgettext("period", "Năm %(year)s") % {"year": year}


@dataclass
class PeriodRow:
    label: str
    short_label: str = ""
    income_cash: Decimal = ZERO
    income_in_kind: Decimal = ZERO
    spending_cash: Decimal = ZERO
    spending_in_kind: Decimal = ZERO
    closing_balance: Decimal = ZERO

    @property
    def income(self):
        return self.income_cash + self.income_in_kind

    @property
    def spending(self):
        return self.spending_cash + self.spending_in_kind


def _monthly(queryset):
    return (
        queryset.annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
        .values("y", "m", "kind")
        .annotate(total=Sum("amount"))
        .order_by("y", "m")
    )


def period_summary(site, start: datetime.date, end: datetime.date, kind="quy", opening=None) -> list[PeriodRow]:
    """Income, spending and closing cash balance for each month, quarter or year in [start, end]."""
    rows: OrderedDict = OrderedDict()
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        key, label = _period_key(kind, year, month)
        short = f"{month:02d}/{year}" if kind == "thang" else label  # a chart's axis: "01/2026"
        rows.setdefault(key, PeriodRow(label, short))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    opening = _opening(site, opening)
    for entry in _monthly(_effective(FundReceipt.objects.filter(site=site, date__range=(start, end)), opening)):
        row = rows[_period_key(kind, entry["y"], entry["m"])[0]]
        if entry["kind"] == ReceiptKind.CASH:
            row.income_cash += entry["total"]
        else:
            row.income_in_kind += entry["total"]
    for entry in _monthly(_effective(FundExpense.objects.filter(site=site, date__range=(start, end)), opening)):
        row = rows[_period_key(kind, entry["y"], entry["m"])[0]]
        if entry["kind"] == ReceiptKind.CASH:
            row.spending_cash += entry["total"]
        else:
            row.spending_in_kind += entry["total"]
    running = balance_before(site, start, opening if opening is not None else False)
    opening_key = None
    if opening is not None and start < opening.date <= end:
        opening_key = _period_key(kind, opening.date.year, opening.date.month)[0]
    for key, row in rows.items():
        if key == opening_key:
            running += opening.amount
        running += row.income_cash - row.spending_cash
        row.closing_balance = running
    return list(rows.values())


def totals_by(queryset, field_name, choices) -> list[tuple[str, Decimal]]:
    """[(label, total)] for each choice that has entries, in the choices' order."""
    found = dict(queryset.values_list(field_name).annotate(total=Sum("amount")).order_by())
    return [(label, found[value]) for value, label in choices if found.get(value)]


def _entries(model, site, start, end, opening):
    return _effective(model.objects.filter(site=site, date__range=(start, end)), _opening(site, opening))


def income_by_source(site, start, end, opening=None):
    return totals_by(_entries(FundReceipt, site, start, end, opening), "source", ReceiptSource.choices)


def income_by_purpose(site, start, end, opening=None):
    return totals_by(_entries(FundReceipt, site, start, end, opening), "purpose", FundPurpose.choices)


def spending_by_category(site, start, end, opening=None):
    return totals_by(_entries(FundExpense, site, start, end, opening), "category", ExpenseCategory.choices)


# --- Balances per earmarked purpose --------------------------------------------------------------------


@dataclass
class PurposeBalance:
    purpose: str
    label: str
    received: Decimal = ZERO
    spent: Decimal = ZERO
    opening: Decimal = ZERO

    @property
    def balance(self) -> Decimal:
        return self.opening + self.received - self.spent


def balances_by_purpose(site, day: datetime.date, opening=None) -> list[PurposeBalance]:
    """Cash left for each purpose at the end of `day`: money given for scholarships is spent on them.

    The opening balance had no earmark recorded, so it counts as the general fund. Adjusting
    entries (negative or positive) count in the purpose they name. The sum of the rows is
    `balance_on(site, day)`.
    """
    opening = _opening(site, opening)
    rows = {value: PurposeBalance(value, label) for value, label in FundPurpose.choices}
    if opening is None or day >= opening.date:
        if opening is not None:
            rows[FundPurpose.GENERAL].opening = opening.amount
        for model, attr in ((FundReceipt, "received"), (FundExpense, "spent")):
            entries = _cash(model.objects.filter(site=site, date__lte=day), opening)
            for purpose, total in entries.values_list("purpose").annotate(total=Sum("amount")).order_by():
                setattr(rows[purpose], attr, total)
    return list(rows.values())


def purpose_balances_over(site, start: datetime.date, end: datetime.date, opening=None) -> list[PurposeBalance]:
    """Each earmark over a period, as the cash book shows it: balance at the start, received, spent, left.

    Built from the balances on the eve of `start` and at the end of `end`, so the rows add up to the
    cash book's own opening and closing balances (an opening balance dated inside the period is the
    general fund's opening).
    """
    before = balances_by_purpose(site, start - datetime.timedelta(days=1), opening)
    after = balances_by_purpose(site, end, opening)
    return [
        PurposeBalance(
            purpose=late.purpose,
            label=late.label,
            opening=early.balance + late.opening - early.opening,
            received=late.received - early.received,
            spent=late.spent - early.spent,
        )
        for early, late in zip(before, after, strict=True)
    ]


# --- No purpose spent beyond what it holds ---------------------------------------------------------------


@dataclass
class Shortfall:
    label: str
    day: datetime.date  # the voucher's date
    available: Decimal  # what the purpose can still give from that day on, without the voucher
    after: Decimal  # the purpose's lowest balance with the voucher (below zero)
    deleting: bool = False

    @property
    def message(self) -> str:
        if self.deleting:
            return (
                f"Không xóa được phiếu thu này: tiền của nguồn “{self.label}” đã được chi, xóa phiếu làm nguồn bị âm "
                f"{vnd(-self.after)}. Hãy sửa hoặc xóa phiếu chi của nguồn này trước, hoặc lập phiếu điều chỉnh."
            )
        return (
            f"Nguồn “{self.label}” chỉ còn {vnd(self.available)} có thể chi từ ngày {self.day:%d/%m/%Y}; phiếu "
            f"này làm nguồn bị âm {vnd(-self.after)}. Không được chi quá số dư của nguồn đã thu theo mục đích: "
            "hãy chọn nguồn khác ở ô “Chi từ nguồn”, giảm số tiền, hoặc ghi phiếu thu vào nguồn này trước."
        )


def _lowest_balance(site_id, purpose, start, opening, exclude=None, extra=None):
    """The lowest end-of-day cash balance of `purpose` from `start` on, leaving out the stored voucher
    `exclude` ((model, pk)) and adding `extra` ((day, signed amount))."""
    before = start - datetime.timedelta(days=1)
    balance = next(
        row.balance for row in balances_by_purpose(site_id, before, opening or False) if row.purpose == purpose
    )
    if opening is not None and before < opening.date <= start and purpose == FundPurpose.GENERAL:
        balance += opening.amount  # the opening balance is the general fund's from its own day
    moves = {}
    for model, sign in ((FundReceipt, 1), (FundExpense, -1)):
        entries = _cash(model.objects.filter(site_id=site_id, purpose=purpose, date__gte=start), opening)
        if exclude and exclude[0] is model:
            entries = entries.exclude(pk=exclude[1])
        for day, total in entries.values_list("date").annotate(total=Sum("amount")).order_by():
            moves[day] = moves.get(day, ZERO) + sign * total
    if extra is not None:
        moves[extra[0]] = moves.get(extra[0], ZERO) + extra[1]
    lowest = balance
    for day in sorted(moves):
        balance += moves[day]
        lowest = min(lowest, balance)
    return lowest


def overspending_if_deleted(receipt) -> Shortfall | None:
    """Why deleting a stored cash receipt would leave its purpose below zero (money already spent), or None."""
    stored = FundReceipt._base_manager.filter(pk=receipt.pk).values("site_id", "date", "purpose", "kind").first()
    if stored is None or stored["kind"] != ReceiptKind.CASH:
        return None
    opening = _opening(stored["site_id"], None)
    if opening is not None and stored["date"] < opening.date:
        return None
    exclude = (FundReceipt, receipt.pk)
    current = _lowest_balance(stored["site_id"], stored["purpose"], stored["date"], opening)
    proposed = _lowest_balance(stored["site_id"], stored["purpose"], stored["date"], opening, exclude)
    if proposed >= 0 or proposed >= current:
        return None
    label = dict(FundPurpose.choices).get(stored["purpose"], stored["purpose"])
    return Shortfall(label, stored["date"], ZERO, proposed, deleting=True)


def overspending(voucher) -> Shortfall | None:
    """Why saving `voucher` (a receipt or an expense, new or changed) would spend an earmarked purpose
    beyond its balance, or None.

    Cash only (in-kind gifts are handed on, not paid). A purpose must never go below zero on any day
    from the voucher's date on; only a change that makes it lower than it already is gets refused, so
    books that were short before this rule still let their other vouchers be corrected.
    """
    if not (voucher.site_id and voucher.date and voucher.purpose) or voucher.amount is None:
        return None
    model = type(voucher)
    sign = 1 if model is FundReceipt else -1
    stored = model._base_manager.filter(pk=voucher.pk).values("date", "purpose", "kind", "amount").first()
    effect = sign * voucher.amount if voucher.kind == ReceiptKind.CASH else ZERO
    if stored is None and effect >= 0:
        return None  # money in (or in kind): nothing gets lower
    if stored is not None:
        before = sign * stored["amount"] if stored["kind"] == ReceiptKind.CASH else ZERO
        same_place = (stored["date"], stored["purpose"]) == (voucher.date, voucher.purpose)
        if (same_place and effect >= before) or (stored["purpose"] != voucher.purpose and effect >= 0):
            return None
    opening = _opening(voucher.site_id, None)
    if opening is not None and voucher.date < opening.date:
        return None  # inside the opening balance
    start = voucher.date
    if stored is not None and stored["purpose"] == voucher.purpose:
        start = min(start, stored["date"])
    if opening is not None:
        start = max(start, opening.date)
    exclude = (model, voucher.pk) if stored is not None else None
    current = _lowest_balance(voucher.site_id, voucher.purpose, start, opening)
    proposed = _lowest_balance(voucher.site_id, voucher.purpose, start, opening, exclude, (voucher.date, effect))
    if proposed >= 0 or proposed >= current:
        return None
    available = _lowest_balance(voucher.site_id, voucher.purpose, voucher.date, opening, exclude)
    label = dict(FundPurpose.choices).get(voucher.purpose, voucher.purpose)
    return Shortfall(label, voucher.date, max(available, ZERO), proposed)
