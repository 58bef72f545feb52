"""Reports sent upward: the year-end summary, the six-month review and the ward's
Thông tư 25/2023 self-assessment dossier. Aggregates only, no personal data."""

import datetime

from django.db.models import Count, Q

from . import ledger, stats
from .choices import LearningModel, Status
from .documents import Report, Section, Table
from .models import Evidence, Registration
from .numbers import plain_number, vnd

REPORT_KINDS = {
    "tong-ket-nam": "Báo cáo tổng kết năm",
    "so-ket-6-thang": "Báo cáo sơ kết 6 tháng",
    "ho-so-tt25": "Hồ sơ tự đánh giá cộng đồng học tập cấp xã (Thông tư 25/2023/TT-BGDĐT)",
}


def ward_names(site):
    from congphuong.wards.models import WardSettings

    settings = WardSettings.objects.filter(site=site).first()
    if settings:
        return settings.official_name, settings.parent_unit, settings.short_name
    return f"ỦY BAN NHÂN DÂN {site.site_name.upper()}", "", site.site_name


def _place_date(short_name, day):
    place = short_name.replace("Phường ", "").replace("Xã ", "") if short_name else ""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _progress_section(site, year, heading):
    rows = stats.progress(site, year)
    table = Table(
        "Kết quả theo mô hình",
        ["Mô hình", "Tổng số", "Đăng ký", "Được công nhận", "Tỷ lệ (%)", "Chỉ tiêu (%)"],
        [
            [
                row.label,
                row.denominator,
                row.registered,
                row.recognised,
                row.recognised_percent if row.recognised_percent is not None else "–",
                row.target_label,
            ]
            for row in rows
        ],
        widths=(40, 12, 12, 14, 10, 16),
    )
    reached = [row.label for row in rows if row.reached]
    behind = [row.label for row in rows if row.target and not row.reached]
    paragraphs = []
    if reached:
        paragraphs.append("Đã đạt chỉ tiêu: " + "; ".join(reached) + ".")
    if behind:
        paragraphs.append("Chưa đạt chỉ tiêu: " + "; ".join(behind) + ".")
    return Section(heading, paragraphs, [table])


def _quarter_section(site, year):
    rows = stats.by_quarter(site, year)
    return Section(
        "Kết quả theo khu phố",
        tables=[
            Table(
                "Theo khu phố",
                [
                    "Khu phố",
                    "Số hộ",
                    "Hộ đăng ký",
                    "Gia đình học tập",
                    "Tỷ lệ (%)",
                    "Công dân học tập",
                    "Cộng đồng học tập",
                ],
                [
                    [
                        row.name,
                        row.households,
                        row.families_registered,
                        row.families_recognised,
                        row.families_percent if row.families_percent is not None else "–",
                        row.citizens_recognised,
                        row.community_status,
                    ]
                    for row in rows
                ],
                widths=(22, 10, 12, 14, 10, 14, 22),
            )
        ],
    )


def _fund_section(site, start, end):
    rows = ledger.period_summary(site, start, end, "quy")
    opening = ledger.balance_before(site, start)
    closing = rows[-1].closing_balance if rows else opening
    income = sum(row.income_cash for row in rows)
    spending = sum(row.spending_cash for row in rows)
    in_kind = sum(row.income_in_kind for row in rows)
    paragraphs = [
        f"Số dư đầu kỳ {vnd(opening)}; thu bằng tiền {vnd(income)}; chi bằng tiền {vnd(spending)}; "
        f"số dư cuối kỳ {vnd(closing)}. Hiện vật nhận được ước tính {vnd(in_kind)}."
    ]
    tables = [
        Table(
            "Thu chi quỹ theo quý",
            ["Kỳ", "Thu tiền", "Thu hiện vật", "Chi tiền", "Chi hiện vật", "Số dư cuối kỳ"],
            [
                [
                    row.label,
                    row.income_cash,
                    row.income_in_kind,
                    row.spending_cash,
                    row.spending_in_kind,
                    row.closing_balance,
                ]
                for row in rows
            ],
            money_columns=(1, 2, 3, 4, 5),
        ),
        Table(
            "Thu theo nguồn",
            ["Nguồn thu", "Số tiền"],
            [list(item) for item in ledger.income_by_source(site, start, end)],
            money_columns=(1,),
            widths=(70, 30),
        ),
        Table(
            "Chi theo khoản",
            ["Khoản chi", "Số tiền"],
            [list(item) for item in ledger.spending_by_category(site, start, end)],
            money_columns=(1,),
            widths=(70, 30),
        ),
    ]
    return Section("Quỹ khuyến học", paragraphs, tables)


def _awards_section(site, start, end):
    summary = stats.awards_summary(site, start, end)
    return Section(
        "Khen thưởng, học bổng",
        [f"Tổng cộng {plain_number(summary['count'])} suất, trị giá {vnd(summary['total'])}."],
        [
            Table(
                "Theo loại",
                ["Loại", "Số suất", "Số tiền"],
                [[row["label"], row["count"], row["total"]] for row in summary["by_category"]],
                money_columns=(2,),
                widths=(60, 15, 25),
            ),
            Table(
                "Theo trường",
                ["Trường", "Số suất", "Số tiền"],
                [[row["school"], row["count"], row["total"]] for row in summary["by_school"]],
                money_columns=(2,),
                widths=(60, 15, 25),
            ),
            Table(
                "Theo lớp",
                ["Lớp", "Số suất", "Số tiền"],
                [[row["grade"], row["count"], row["total"]] for row in summary["by_grade"]],
                money_columns=(2,),
                widths=(60, 15, 25),
            ),
        ],
    )


def _cycle_section(site, year):
    counts = dict(
        Registration.objects.filter(site=site, year=year).values_list("status").annotate(n=Count("pk")).order_by()
    )
    return Section(
        "Tiến độ đánh giá",
        tables=[
            Table(
                "Số hồ sơ theo bước",
                ["Bước", "Số hồ sơ"],
                [[label, counts.get(value, 0)] for value, label in Status.choices],
                widths=(70, 30),
            )
        ],
    )


def year_end(site, year, today=None) -> Report:
    today = today or datetime.date.today()
    unit, parent, short = ward_names(site)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return Report(
        title=f"Báo cáo tổng kết công tác khuyến học, xây dựng xã hội học tập năm {year}",
        unit_name=unit,
        parent_unit=parent,
        subtitle=f"Số liệu từ 01/01/{year} đến 31/12/{year}",
        place_date=_place_date(short, today),
        sections=[
            _progress_section(site, year, "I. Kết quả xây dựng các mô hình học tập"),
            _quarter_section(site, year),
            _cycle_section(site, year),
            _fund_section(site, start, end),
            _awards_section(site, start, end),
        ],
        signer_title="TM. Ủy ban nhân dân",
    )


def six_month(site, year, today=None) -> Report:
    today = today or datetime.date.today()
    unit, parent, short = ward_names(site)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    registered = Registration.objects.filter(site=site, year=year).aggregate(
        total=Count("pk"),
        submitted=Count("pk", filter=~Q(status=Status.REGISTERED)),
    )
    return Report(
        title=f"Báo cáo sơ kết 6 tháng đầu năm {year} công tác khuyến học, xây dựng xã hội học tập",
        unit_name=unit,
        parent_unit=parent,
        subtitle=f"Số liệu từ 01/01/{year} đến 30/06/{year}",
        place_date=_place_date(short, today),
        sections=[
            Section(
                "I. Đăng ký các mô hình học tập",
                [
                    f"Đã có {plain_number(registered['total'])} lượt đăng ký các mô hình học tập năm {year}, "
                    f"trong đó {plain_number(registered['submitted'])} hồ sơ đã nộp tự đánh giá."
                ],
            ),
            _progress_section(site, year, "II. Kết quả so với chỉ tiêu"),
            _fund_section(site, start, end),
            _awards_section(site, start, end),
        ],
        signer_title="TM. Ủy ban nhân dân",
    )


class NoDossier(Exception):
    pass


def ward_dossier(site, year, today=None) -> Report:
    today = today or datetime.date.today()
    registration = (
        Registration.objects.filter(site=site, year=year, learning_model=LearningModel.WARD)
        .select_related("criteria_set", "decision")
        .first()
    )
    if registration is None:
        raise NoDossier(f"Phường chưa có hồ sơ cộng đồng học tập cấp xã năm {year}.")
    unit, parent, short = ward_names(site)
    criteria_set = registration.criteria_set
    self_points, council_points = registration.score_map("self"), registration.score_map("council")
    evidence = {}
    for item in Evidence.objects.filter(registration=registration).select_related("document"):
        evidence.setdefault(item.indicator_id, []).append(item.title)
    if not criteria_set.uses_points:
        return _ward_dossier_by_level(site, year, today, registration, self_points, council_points, evidence)
    rows = []
    for criterion in criteria_set.ordered_criteria():
        rows.append([f"Tiêu chí {criterion.code}", criterion.title, criterion.max_points, "", "", ""])
        for indicator in criterion.indicators.all():
            rows.append(
                [
                    indicator.code,
                    indicator.text,
                    indicator.max_points,
                    self_points.get(indicator.pk, "") if self_points.get(indicator.pk) is not None else "",
                    council_points.get(indicator.pk, "") if council_points.get(indicator.pk) is not None else "",
                    "; ".join(evidence.get(indicator.pk, [])),
                ]
            )
    paragraphs = [
        f"Căn cứ: {criteria_set.legal_basis}",
        f"Bộ tiêu chí: {criteria_set} (hiệu lực từ {criteria_set.valid_from:%d/%m/%Y}).",
        f"Trạng thái hồ sơ: {registration.get_status_display()}.",
    ]
    if registration.self_total is not None:
        paragraphs.append(f"Tổng điểm tự đánh giá: {plain_number(registration.self_total)}.")
    if registration.council_total is not None:
        paragraphs.append(
            f"Kết quả hội đồng: {plain_number(registration.council_total)} điểm"
            + (f", đạt {registration.level_name}." if registration.level_name else ", chưa đạt mức công nhận.")
        )
    if registration.decision:
        paragraphs.append(
            f"Quyết định công nhận số {registration.decision.number} ngày {registration.decision.signed_on:%d/%m/%Y}; "
            f"có giá trị đến ngày {registration.valid_until:%d/%m/%Y}."
        )
    return Report(
        title=f"Báo cáo tự đánh giá cộng đồng học tập cấp xã năm {year}",
        unit_name=unit,
        parent_unit=parent,
        subtitle="Theo Thông tư 25/2023/TT-BGDĐT; số liệu từ 01/01 đến 31/12 năm đánh giá",
        place_date=_place_date(short, today),
        sections=[
            Section(
                "I. Kết quả tự đánh giá theo tiêu chí",
                paragraphs,
                [
                    Table(
                        "Điểm từng chỉ số",
                        ["Số hiệu", "Nội dung", "Điểm tối đa", "Tự đánh giá", "Hội đồng", "Minh chứng"],
                        rows,
                        widths=(12, 48, 11, 11, 11, 30),
                    )
                ],
            ),
            _progress_section(site, year, "II. Số liệu các mô hình học tập trên địa bàn"),
            _fund_section(site, datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        ],
        signer_title="TM. Ủy ban nhân dân",
    )


def _ward_dossier_by_level(site, year, today, registration, self_points, council_points, evidence) -> Report:
    """Thông tư 25/2023: each indicator met or not met at Mức 1 and Mức 2 — no points, no totals."""
    from .scoring import level_label

    unit, parent, short = ward_names(site)
    criteria_set = registration.criteria_set
    rows = []
    for criterion in criteria_set.ordered_criteria():
        rows.append([f"Tiêu chí {criterion.code}", criterion.title, "", "", "", ""])
        for indicator in criterion.indicators.all():
            rows.append(
                [
                    indicator.code,
                    indicator.text,
                    indicator.text_level2 or "Như Mức 1",
                    level_label(self_points.get(indicator.pk)),
                    level_label(council_points.get(indicator.pk)),
                    "; ".join(evidence.get(indicator.pk, [])),
                ]
            )
    paragraphs = [
        f"Căn cứ: {criteria_set.legal_basis}",
        f"Bộ tiêu chí: {criteria_set} (hiệu lực từ {criteria_set.valid_from:%d/%m/%Y}). Mỗi chỉ tiêu được đánh giá "
        "đạt hoặc chưa đạt ở Mức 1 và Mức 2, không chấm điểm.",
        f"Trạng thái hồ sơ: {registration.get_status_display()}.",
    ]
    if registration.status in (Status.SCORED, Status.RECOGNISED, Status.NOT_RECOGNISED):
        paragraphs.append(
            "Kết quả hội đồng: " + (f"đạt {registration.level_name}." if registration.level_name else "chưa đạt Mức 1.")
        )
    if registration.decision:
        paragraphs.append(
            f"Quyết định công nhận số {registration.decision.number} ngày {registration.decision.signed_on:%d/%m/%Y}; "
            f"có giá trị đến ngày {registration.valid_until:%d/%m/%Y}."
        )
    return Report(
        title=f"Báo cáo tự đánh giá cộng đồng học tập cấp xã năm {year}",
        unit_name=unit,
        parent_unit=parent,
        subtitle="Theo Thông tư 25/2023/TT-BGDĐT; số liệu từ 01/01 đến 31/12 năm đánh giá",
        place_date=_place_date(short, today),
        sections=[
            Section(
                "I. Kết quả tự đánh giá theo tiêu chí",
                paragraphs,
                [
                    Table(
                        "Kết quả từng chỉ tiêu",
                        ["Số hiệu", "Yêu cầu Mức 1", "Yêu cầu Mức 2", "Tự đánh giá", "Hội đồng", "Minh chứng"],
                        rows,
                        widths=(12, 40, 30, 18, 18, 26),
                    )
                ],
            ),
            _progress_section(site, year, "II. Số liệu các mô hình học tập trên địa bàn"),
            _fund_section(site, datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        ],
        signer_title="TM. Ủy ban nhân dân",
    )


def build(kind, site, year):
    if kind == "tong-ket-nam":
        return year_end(site, year)
    if kind == "so-ket-6-thang":
        return six_month(site, year)
    if kind == "ho-so-tt25":
        return ward_dossier(site, year)
    raise KeyError(kind)
