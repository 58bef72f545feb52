"""One row per ward for the city's IT team, in a bounded number of queries.

Five queries whatever the number of wards: the Sites with their board snapshot and the date of
the latest publish in their tree (a subquery), then one grouped count each for overdue questions,
overdue information requests and ward cadres without an authenticator app. Sorting is done on
the rows in Python (a city has at most a few hundred wards).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.db.models.lookups import StartsWith
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Site

from congphuong.core.spreadsheets import set_xlsx_value
from congphuong.feedback.models import Question
from congphuong.information_access.models import InformationRequest

SHEET_NAME = "Tổng quan thành phố"

# Sort key (query parameter `sap_xep`, "-" in front for descending) → column header.
COLUMNS = {
    "phuong": "Phường",
    "bang": "Bảng theo dõi công khai",
    "hoi_dap": "Hỏi đáp quá hạn",
    "yeu_cau": "Yêu cầu cung cấp thông tin quá hạn",
    "dang_bai": "Đăng bài gần nhất",
    "chua_2fa": "Cán bộ chưa bật xác thực hai lớp",
}
DEFAULT_SORT = "phuong"


@dataclass
class WardRow:
    site: Site
    name: str
    url: str
    snapshot: object | None
    questions_overdue: int
    requests_overdue: int
    last_published: datetime.datetime | None
    without_2fa: int

    @property
    def assessment_url(self) -> str:
        """The ward's "Tự đánh giá" (read-only for a city administrator)."""
        from django.urls import reverse

        return f"{reverse('assessment_self_assessment')}?phuong={self.site.pk}"

    @property
    def board_url(self) -> str:
        from django.urls import reverse

        return f"{reverse('organisation_compliance_board')}?phuong={self.site.pk}"

    @property
    def board_label(self) -> str:
        return self.snapshot.label if self.snapshot is not None else "Chưa tính"

    @property
    def board_computed_at(self):
        return self.snapshot.computed_at if self.snapshot is not None else None

    def sort_value(self, key):
        if key == "phuong":
            return self.name.casefold()
        if key == "bang":
            return self.snapshot.problems if self.snapshot is not None else -1
        if key == "hoi_dap":
            return self.questions_overdue
        if key == "yeu_cau":
            return self.requests_overdue
        if key == "dang_bai":
            return self.last_published.timestamp() if self.last_published else float("-inf")
        return self.without_2fa


def parse_sort(raw: str | None) -> tuple[str, bool]:
    """(column key, descending) from `?sap_xep=`; an unknown key sorts by ward name."""
    raw = (raw or "").strip()
    descending = raw.startswith("-")
    key = raw.lstrip("-")
    if key not in COLUMNS:
        return DEFAULT_SORT, False
    return key, descending


def _counts_by_site(queryset, site_field="site_id") -> dict[int, int]:
    rows = queryset.order_by().values(site_field).annotate(n=Count("pk", distinct=True)).values_list(site_field, "n")
    return dict(rows)


def ward_rows(today=None, sort: str | None = None) -> list[WardRow]:
    today = today or timezone.localdate()
    latest_publish = (
        Page.objects.filter(
            StartsWith(F("path"), OuterRef("root_page__path")), live=True, last_published_at__isnull=False
        )
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    sites = list(Site.objects.select_related("board_snapshot").annotate(last_published=Subquery(latest_publish)))
    questions = _counts_by_site(Question.objects.overdue(today))
    requests = _counts_by_site(InformationRequest.objects.overdue(today))
    enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    cadres = get_user_model()._default_manager.filter(is_active=True, groups__ward_role__isnull=False)
    without_2fa = _counts_by_site(cadres.exclude(Exists(enrolled)), "groups__ward_role__site_id")

    rows = []
    for site in sites:
        try:
            snapshot = site.board_snapshot
        except Site.board_snapshot.RelatedObjectDoesNotExist:
            snapshot = None
        rows.append(
            WardRow(
                site=site,
                name=site.site_name or site.hostname,
                url=site.root_url,
                snapshot=snapshot,
                questions_overdue=questions.get(site.pk, 0),
                requests_overdue=requests.get(site.pk, 0),
                last_published=site.last_published,
                without_2fa=without_2fa.get(site.pk, 0),
            )
        )
    key, descending = parse_sort(sort)
    rows.sort(key=lambda row: row.name.casefold())  # ties stay in name order, either direction
    rows.sort(key=lambda row: row.sort_value(key), reverse=descending)
    return rows


def refresh_snapshots(today=None) -> int:
    """Recompute every ward's board snapshot from the board itself; returns the number of wards."""
    from congphuong.organisation.compliance.board import build_board

    from .models import WardBoardSnapshot

    now = timezone.now()
    count = 0
    for site in Site.objects.all():
        board = build_board(site, today)
        WardBoardSnapshot.objects.update_or_create(
            site=site,
            defaults={
                "computed_at": now,
                "categories": len(board.rows),
                "missing": len(board.missing_rows),
                "overdue": board.overdue_count,
                "due_soon": board.due_soon_count,
                "late": board.late_count,
            },
        )
        count += 1
    return count


def _local(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def export_xlsx(rows: list[WardRow]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAME
    headers = [*COLUMNS.values(), "Địa chỉ trang", "Bảng theo dõi tính lúc"]
    for column, header in enumerate(headers, start=1):
        set_xlsx_value(sheet, 1, column, header).font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        values = [
            row.name,
            row.board_label,
            row.questions_overdue,
            row.requests_overdue,
            _local(row.last_published),
            row.without_2fa,
            row.url,
            _local(row.board_computed_at),
        ]
        for column, value in enumerate(values, start=1):
            cell = set_xlsx_value(sheet, number, column, value)
            if isinstance(value, datetime.datetime):
                cell.number_format = "DD/MM/YYYY HH:MM"
    for letter, width in zip("ABCDEFGH", (30, 40, 16, 22, 20, 22, 32, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
