"""Bảng theo dõi công khai thông tin: what a ward publishes, what is missing, what is late.

`build_board(site, today)` reads the ward's mandatory categories, resolves each
through its source adapter (sources.py) and compares every dated item against
its deadline in working days:

- **quá hạn** (overdue): not public yet and the due date has passed;
- **sắp đến hạn** (due soon): not public yet, due within the category's warning window;
- **đăng trễ** (late): made public after the due date (looked back over LOOKBACK_DAYS).

The due date is the source's own when it keeps one (a question's "hạn trả lời"),
otherwise the reference date plus the category's deadline in working days.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.core.exceptions import FieldError
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder

from congphuong.core.workdays import WorkdayCalendar

from .sources import KIND_QUESTIONS, Source, get_source

logger = logging.getLogger(__name__)

LOOKBACK_DAYS = 180
MAX_LISTED = 10

OVERDUE = "overdue"
DUE_SOON = "due_soon"
LATE = "late"


@dataclass
class Finding:
    state: str
    title: str
    url: str
    ref_date: datetime.date | None
    due_date: datetime.date
    public_date: datetime.date | None
    working_days: int  # overdue by / late by / left
    is_question: bool = False
    wording: tuple[str, str] | tuple[()] = ()  # the source's own (pending, done), see sources.Source

    @property
    def description(self) -> str:
        pending, done = self.wording or (("Chưa trả lời", "Trả lời") if self.is_question else ("Chưa đăng", "Đăng"))
        if self.state == OVERDUE:
            return f"{pending}, quá hạn {self.working_days} ngày làm việc (hạn {self.due_date:%d/%m/%Y})"
        if self.state == DUE_SOON:
            left = "hôm nay là hạn cuối" if self.working_days == 0 else f"còn {self.working_days} ngày làm việc"
            return f"{pending}, {left} (hạn {self.due_date:%d/%m/%Y})"
        return (
            f"{done} ngày {self.public_date:%d/%m/%Y}, trễ {self.working_days} ngày làm việc "
            f"(hạn {self.due_date:%d/%m/%Y})"
        )


@dataclass
class Row:
    category: object
    source: Source | None
    available: bool = True
    live_count: int = 0
    last_updated: datetime.datetime | None = None
    findings: list[Finding] = field(default_factory=list)
    note: str = ""

    def _of(self, state):
        return [finding for finding in self.findings if finding.state == state]

    @property
    def overdue(self):
        return self._of(OVERDUE)

    @property
    def due_soon(self):
        return self._of(DUE_SOON)

    @property
    def late(self):
        return self._of(LATE)

    @property
    def exists(self) -> bool:
        return self.available and self.live_count > 0

    @property
    def status(self) -> str:
        """unavailable | missing | overdue | due_soon | late | ok"""
        if not self.available:
            return "unavailable"
        if self.overdue:
            return "overdue"
        if not self.live_count and self.source is not None and self.source.kind != KIND_QUESTIONS:
            return "missing"
        if self.due_soon:
            return "due_soon"
        if self.late:
            return "late"
        return "ok"

    @property
    def status_label(self) -> str:
        return {
            "unavailable": "Chưa có (cổng chưa có chức năng này)",
            "missing": "Chưa có",
            "overdue": "Có mục quá hạn",
            "due_soon": "Có mục sắp đến hạn",
            "late": "Có mục đăng trễ",
            "ok": "Đạt",
        }[self.status]

    @property
    def listed_findings(self):
        order = {OVERDUE: 0, DUE_SOON: 1, LATE: 2}
        return sorted(self.findings, key=lambda f: (order[f.state], f.due_date))[:MAX_LISTED]

    @property
    def is_questions(self) -> bool:
        return self.source is not None and self.source.kind == KIND_QUESTIONS


@dataclass
class Board:
    site: object
    today: datetime.date
    rows: list[Row]
    removals: list

    @property
    def question_findings(self) -> list[Finding]:
        found = [f for row in self.rows if row.is_questions for f in row.findings if f.state in (OVERDUE, DUE_SOON)]
        return sorted(found, key=lambda f: f.due_date)

    @property
    def missing_rows(self):
        return [row for row in self.rows if row.status in ("missing", "unavailable")]

    @property
    def overdue_count(self) -> int:
        return sum(len(row.overdue) for row in self.rows if not row.is_questions)

    @property
    def due_soon_count(self) -> int:
        return sum(len(row.due_soon) for row in self.rows if not row.is_questions)

    @property
    def late_count(self) -> int:
        return sum(len(row.late) for row in self.rows)

    @property
    def questions_overdue(self) -> int:
        return sum(1 for f in self.question_findings if f.state == OVERDUE)

    @property
    def questions_due_soon(self) -> int:
        return sum(1 for f in self.question_findings if f.state == DUE_SOON)


def _local_date(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def evaluate(ref_date, explicit_due, public_at, deadline, warn, today, calendar, since):
    """(state, due date, working days) for one item, or None when nothing is to report."""
    if explicit_due is not None:
        due = explicit_due
    elif ref_date is not None and deadline is not None:
        due = calendar.add_working_days(ref_date, deadline)
    else:
        return None
    public_date = _local_date(public_at)
    if public_date is not None:
        if public_date > due and public_date >= since:
            return LATE, due, calendar.working_days_between(due, public_date)
        return None
    if today > due:
        return OVERDUE, due, calendar.working_days_between(due, today)
    left = calendar.working_days_between(today, due)
    if left <= warn:
        return DUE_SOON, due, left
    return None


def build_row(category, site, today, calendar) -> Row:
    source = get_source(category.source)
    row = Row(category=category, source=source)
    if source is None:
        row.available = False
        row.note = "Nguồn nội dung không còn trong hệ thống; hãy chọn lại."
        return row
    try:
        resolved = source.resolve(site, category, today)
        if resolved is None:
            row.available = False
            return row
        items = resolved.items
        # One query for both (a dashboard shows the board: two per category were a third of its queries).
        summary = items.filter(board_live=True).aggregate(last=Max("board_updated"), live=Count("pk", distinct=True))
        row.live_count = summary["live"]
        row.last_updated = summary["last"]
        row.note = resolved.note
        finder = AdminURLFinder()
        is_question = source.kind == KIND_QUESTIONS
        deadline = category.deadline_working_days
        warn = category.warn_working_days
        since = today - datetime.timedelta(days=LOOKBACK_DAYS)
        if deadline is None and source.kind != KIND_QUESTIONS:
            return row
        candidates = items.filter(Q(board_ref__isnull=False) | Q(board_due__isnull=False)).filter(
            Q(board_public__isnull=True) | Q(board_ref__gte=since) | Q(board_due__gte=since)
        )
        for item in candidates.values("pk", "board_title", "board_ref", "board_due", "board_public").order_by():
            result = evaluate(
                item["board_ref"], item["board_due"], item["board_public"], deadline, warn, today, calendar, since
            )
            if result is None:
                continue
            state, due, days = result
            url = finder.get_edit_url(items.model(pk=item["pk"])) or ""
            public_date = _local_date(item["board_public"])
            row.findings.append(
                Finding(
                    state,
                    item["board_title"],
                    url,
                    item["board_ref"],
                    due,
                    public_date,
                    days,
                    is_question,
                    source.wording,
                )
            )
        for title, ref in resolved.missing:
            result = evaluate(ref, None, None, deadline or 0, warn, today, calendar, since)
            if result is not None:
                state, due, days = result
                row.findings.append(Finding(state, title, "", ref, due, None, days))
    except (FieldError, LookupError, AttributeError, ValueError, TypeError) as error:
        # Another app changed its models: say so on the board rather than break the admin.
        logger.warning("Compliance source %s failed: %s", category.source, error)
        row.available = False
        row.note = "Không đọc được nội dung của phần này (cấu trúc dữ liệu đã thay đổi)."
    return row


def build_board(site, today=None) -> Board:
    from ..models import DisclosureRemoval, MandatoryCategory

    today = today or timezone.localdate()
    calendar = WorkdayCalendar.load()  # the table of days off and make-up days, read once
    categories = MandatoryCategory.objects.for_site(site).select_related("disclosure_category", "source_page")
    rows = [build_row(category, site, today, calendar) for category in categories]
    removals = list(
        DisclosureRemoval.objects.filter(
            site=site, created_at__gte=timezone.now() - datetime.timedelta(days=LOOKBACK_DAYS)
        ).select_related("user")[:20]
    )
    return Board(site, today, rows, removals)
