"""Reports sent upward, aggregates only (no personal data), every figure computed from the records:

- by the People's Committee (drafted by its culture-society office) to the education department:
  the six-month review (frozen at 30/6, beside 30/6 of the previous year), the year-end report
  (cut off before the province's 15/12 deadline), the lifelong-learning week (1–7/10) and the
  ward's Thông tư 25/2023 self-assessment dossier;
- by the ward's Hội Khuyến học to the association above it: the fund report.
"""

import datetime

from django.db.models import Count, Q, Sum

from . import ledger, stats
from .choices import LearningModel, Status
from .documents import Report, Section, Table
from .models import Evidence, Registration
from .numbers import plain_number, vnd

REPORT_KINDS = {
    "so-ket-6-thang": "Báo cáo sơ kết 6 tháng",
    "tong-ket-nam": "Báo cáo tổng kết năm",
    "tuan-le-hoc-tap": "Báo cáo Tuần lễ hưởng ứng học tập suốt đời (1–7/10)",
    "bao-cao-quy": "Báo cáo quỹ khuyến học",
    "ho-so-tt25": "Hồ sơ tự đánh giá cộng đồng học tập cấp xã (Thông tư 25/2023/TT-BGDĐT)",
}
# Who signs and to whom (shown beside each report on the dashboard).
COMMITTEE_ROUTE = "Ủy ban nhân dân phường gửi Sở Giáo dục và Đào tạo"
REPORT_ROUTES = {
    "so-ket-6-thang": COMMITTEE_ROUTE,
    "tong-ket-nam": COMMITTEE_ROUTE,
    "tuan-le-hoc-tap": COMMITTEE_ROUTE,
    "bao-cao-quy": "Hội Khuyến học phường gửi Hội Khuyến học cấp trên",
    "ho-so-tt25": "Ủy ban nhân dân phường gửi cơ quan cấp trên xét công nhận",
}
# The year-end report goes to the province, which reports to the Ministry before 15/12 (QĐ 677/QĐ-TTg):
# the ward's figures are cut off before that. 30/11 is the software's default, not a rule: the ward
# chooses the date its province asks for, up to 14/12.
YEAR_END_CUTOFF = (11, 30)
PROVINCE_DEADLINE = (12, 15)
WEEK = ((10, 1), (10, 7))  # Tuần lễ hưởng ứng học tập suốt đời

# Two signatories: the People's Committee (its culture-society office drafts) to the education
# department, and the ward's Hội Khuyến học to the association above it for the fund.
COMMITTEE_SIGNER = "TM. Ủy ban nhân dân"
COMMITTEE_OFFICE = "Phòng Văn hóa – Xã hội"
ASSOCIATION_SIGNER = "TM. Ban Chấp hành Hội Khuyến học"


class BadCutoff(Exception):
    pass


def year_end_cutoff(year, raw="") -> datetime.date:
    """The year-end report's cut-off: `raw` (dd/mm/yyyy) or 30/11; within the year and before 15/12."""
    if not raw:
        return datetime.date(year, *YEAR_END_CUTOFF)
    try:
        day = datetime.datetime.strptime(raw.strip(), "%d/%m/%Y").date()
    except ValueError as exc:
        raise BadCutoff(f"Ngày chốt số liệu “{raw[:20]}” không đúng dạng ngày/tháng/năm, ví dụ 30/11/{year}.") from exc
    deadline = datetime.date(year, *PROVINCE_DEADLINE)
    if day.year != year or day >= deadline:
        raise BadCutoff(
            f"Ngày chốt số liệu báo cáo tổng kết năm {year} phải trong năm {year} và trước ngày "
            f"{deadline:%d/%m/%Y} (hạn tỉnh, thành phố báo cáo lên Bộ Giáo dục và Đào tạo)."
        )
    return day


def ward_names(site):
    from congphuong.wards.models import WardSettings

    settings = WardSettings.objects.filter(site=site).first()
    if settings:
        return settings.official_name, settings.parent_unit, settings.short_name
    return f"ỦY BAN NHÂN DÂN {site.site_name.upper()}", "", site.site_name


def _education_department(parent):
    return f"Sở Giáo dục và Đào tạo {parent}" if parent else "Sở Giáo dục và Đào tạo tỉnh, thành phố"


def _committee(report_kwargs, site):
    """The People's Committee's letterhead, recipient and signer."""
    unit, parent, short = ward_names(site)
    return {
        "unit_name": unit,
        "parent_unit": parent,
        "recipient": _education_department(parent),
        "prepared_by": COMMITTEE_OFFICE,
        "signer_title": COMMITTEE_SIGNER,
        **report_kwargs,
    }


def _place_date(short_name, day):
    place = short_name.replace("Phường ", "").replace("Xã ", "") if short_name else ""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _progress_section(site, year, heading, day=None):
    rows = stats.progress(site, year, day)
    table = Table(
        "Kết quả theo mô hình",
        ["Mô hình", "Tổng số", "Đăng ký", "Được công nhận", "Tỷ lệ (%)", "Chỉ tiêu (%)"],
        [
            [
                row.label,
                row.denominator,
                row.registered if row.registered is not None else "–",
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


def _comparison_section(site, year, day, heading):
    """Figures at `day` beside the same day of the previous year (the six-month report)."""
    before = datetime.date(year - 1, day.month, day.day)
    now = stats.progress(site, year, day)
    then = {row.kind: row for row in stats.progress(site, year - 1, before)}

    def shown(value):
        return value if value is not None else "–"

    rows = []
    for row in now:
        old = then[row.kind]
        change = (
            row.recognised_percent - old.recognised_percent
            if row.recognised_percent is not None and old.recognised_percent is not None
            else None
        )
        rows.append(
            [
                row.label,
                row.denominator,
                shown(row.registered),
                row.recognised,
                shown(row.recognised_percent),
                old.recognised,
                shown(old.recognised_percent),
                shown(change),
                row.target_label,
            ]
        )
    return Section(
        heading,
        [f"Số liệu chốt đến ngày {day:%d/%m/%Y}, so với cùng kỳ (ngày {before:%d/%m/%Y})."],
        [
            Table(
                "So với cùng kỳ năm trước",
                [
                    "Mô hình",
                    "Tổng số",
                    "Đăng ký",
                    "Được công nhận",
                    "Tỷ lệ (%)",
                    f"Công nhận cùng kỳ {year - 1}",
                    f"Tỷ lệ cùng kỳ {year - 1} (%)",
                    "Tăng, giảm (điểm %)",
                    "Chỉ tiêu (%)",
                ],
                rows,
                widths=(30, 9, 9, 10, 8, 10, 10, 9, 18),
            )
        ],
    )


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


def year_end(site, year, today=None, cutoff=None) -> Report:
    """The year-end report, cut off before the province's deadline (figures as at `cutoff`)."""
    today = today or datetime.date.today()
    cutoff = cutoff or year_end_cutoff(year)
    _unit, _parent, short = ward_names(site)
    return Report(
        **_committee(
            {
                "title": f"Báo cáo tổng kết công tác khuyến học, xây dựng xã hội học tập năm {year}",
                "subtitle": f"Số liệu từ 01/01/{year} đến ngày chốt {cutoff:%d/%m/%Y} (gửi trước 15/12)",
                "place_date": _place_date(short, today),
                "sections": [
                    _progress_section(site, year, "I. Kết quả xây dựng các mô hình học tập", cutoff),
                    _quarter_section(site, year),
                    _cycle_section(site, year),
                    Section(
                        "Quỹ khuyến học",
                        [
                            "Thu chi quỹ khuyến học do Hội Khuyến học phường báo cáo Hội Khuyến học cấp trên "
                            "(báo cáo quỹ khuyến học riêng)."
                        ],
                    ),
                ],
            },
            site,
        )
    )


def six_month(site, year, today=None) -> Report:
    """Figures frozen at 30/6, compared with 30/6 of the previous year."""
    today = today or datetime.date.today()
    _unit, _parent, short = ward_names(site)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    registered = Registration.objects.filter(site=site, year=year, registered_on__lte=end).aggregate(
        total=Count("pk"),
        submitted=Count("pk", filter=~Q(status=Status.REGISTERED)),
    )
    return Report(
        **_committee(
            {
                "title": f"Báo cáo sơ kết 6 tháng đầu năm {year} công tác khuyến học, xây dựng xã hội học tập",
                "subtitle": f"Số liệu từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}, so với cùng kỳ năm {year - 1}",
                "place_date": _place_date(short, today),
                "sections": [
                    Section(
                        "I. Đăng ký các mô hình học tập",
                        [
                            f"Đến ngày {end:%d/%m/%Y} có {plain_number(registered['total'])} lượt đăng ký các mô hình "
                            f"học tập năm {year}, trong đó {plain_number(registered['submitted'])} hồ sơ đã nộp tự "
                            "đánh giá."
                        ],
                    ),
                    _comparison_section(site, year, end, "II. Kết quả so với cùng kỳ và chỉ tiêu"),
                ],
            },
            site,
        )
    )


def learning_week(site, year, today=None) -> Report:
    """The lifelong-learning week (1–7/10): what the records show of the week, and the figures at its end."""
    from .models import Award, Evidence, FundReceipt, RecognitionDecision

    today = today or datetime.date.today()
    _unit, _parent, short = ward_names(site)
    start, end = datetime.date(year, *WEEK[0]), datetime.date(year, *WEEK[1])
    labels = dict(LearningModel.choices)
    registered = dict(
        Registration.objects.filter(site=site, registered_on__range=(start, end))
        .values_list("learning_model")
        .annotate(n=Count("pk"))
        .order_by()
    )
    decisions = RecognitionDecision.objects.filter(site=site, signed_on__range=(start, end)).annotate(
        n=Count("registrations", filter=Q(registrations__status=Status.RECOGNISED))
    )
    awards = Award.objects.filter(site=site, awarded_on__range=(start, end)).aggregate(
        n=Count("pk"), total=Sum("amount")
    )
    receipts = ledger.income_by_source(site, start, end)
    evidence = Evidence.objects.filter(registration__site=site, uploaded_at__date__range=(start, end)).count()
    receipt_count = FundReceipt.objects.filter(site=site, date__range=(start, end)).count()
    rows = [[labels[value], registered.get(value, 0)] for value, _label in LearningModel.choices]
    return Report(
        **_committee(
            {
                "title": f"Báo cáo kết quả Tuần lễ hưởng ứng học tập suốt đời năm {year}",
                "subtitle": f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
                "place_date": _place_date(short, today),
                "sections": [
                    Section(
                        "I. Kết quả trong Tuần lễ (tính từ hồ sơ của phần mềm)",
                        [
                            f"Đăng ký mới các mô hình học tập: {plain_number(sum(registered.values()))} lượt.",
                            f"Quyết định công nhận ký trong tuần: {plain_number(len(decisions))}, công nhận "
                            f"{plain_number(sum(d.n for d in decisions))} hồ sơ.",
                            f"Khen thưởng, học bổng trao trong tuần: {plain_number(awards['n'])} suất, "
                            f"{vnd(awards['total'] or 0)}.",
                            f"Phiếu thu quỹ khuyến học trong tuần: {plain_number(receipt_count)} phiếu, "
                            f"{vnd(sum(total for _label, total in receipts))}.",
                            f"Minh chứng tự đánh giá tải lên trong tuần: {plain_number(evidence)}.",
                            "Các hoạt động không ghi trong phần mềm (sinh hoạt chuyên đề, trưng bày sách…) do "
                            "phường bổ sung khi gửi báo cáo.",
                        ],
                        [
                            Table("Đăng ký mới trong tuần", ["Mô hình", "Số lượt"], rows, widths=(70, 30)),
                            Table(
                                "Thu quỹ trong tuần theo nguồn",
                                ["Nguồn thu", "Số tiền"],
                                [list(item) for item in receipts],
                                money_columns=(1,),
                                widths=(70, 30),
                            ),
                        ],
                    ),
                    _progress_section(site, year, f"II. Kết quả các mô hình đến ngày {end:%d/%m/%Y}", end),
                ],
            },
            site,
        )
    )


def _purpose_section(site, day):
    rows = ledger.balances_by_purpose(site, day)
    return Section(
        f"Số dư theo nguồn quỹ đến ngày {day:%d/%m/%Y}",
        tables=[
            Table(
                "Số dư theo nguồn",
                ["Nguồn quỹ", "Số dư đầu", "Đã thu", "Đã chi", "Còn lại"],
                [[row.label, row.opening, row.received, row.spent, row.balance] for row in rows],
                money_columns=(1, 2, 3, 4),
                widths=(36, 16, 16, 16, 16),
            )
        ],
    )


def fund_report(site, year, today=None) -> Report:
    """The fund, from the ward's Hội Khuyến học to the association above it (the second signatory)."""
    today = today or datetime.date.today()
    _unit, parent, short = ward_names(site)
    start, end = datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), today)
    above = f"Hội Khuyến học {parent}" if parent else "Hội Khuyến học cấp trên"
    return Report(
        title=f"Báo cáo thu, chi quỹ khuyến học năm {year}",
        unit_name=f"Hội Khuyến học {short}".upper(),
        parent_unit=above.upper(),
        subtitle=f"Số liệu từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}",
        place_date=_place_date(short, today),
        recipient=above,
        sections=[_fund_section(site, start, end), _purpose_section(site, end), _awards_section(site, start, end)],
        signer_title=ASSOCIATION_SIGNER,
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
        signer_title=COMMITTEE_SIGNER,
        recipient=_education_department(parent),
        prepared_by=COMMITTEE_OFFICE,
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
        # Once the level above has decided, the council's level is the ward's proposal, kept apart.
        council = registration.level_name
        if registration.status == Status.RECOGNISED:
            council = registration.proposed_level_name or registration.level_name
        elif registration.status == Status.NOT_RECOGNISED:
            council = registration.proposed_level_name
        paragraphs.append("Kết quả hội đồng: " + (f"đạt {council}." if council else "chưa đạt Mức 1."))
    if registration.status == Status.NOT_RECOGNISED:
        note = registration.events.filter(to_status=Status.NOT_RECOGNISED).values_list("note", flat=True).last()
        paragraphs.append(f"Kết quả xét công nhận: {note or 'không được công nhận.'}")
    if registration.decision:
        paragraphs.append(f"Cơ quan cấp trên công nhận: {registration.level_name}.")
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
        signer_title=COMMITTEE_SIGNER,
        recipient=_education_department(parent),
        prepared_by=COMMITTEE_OFFICE,
    )


def build(kind, site, year, cutoff=None):
    if kind == "tong-ket-nam":
        return year_end(site, year, cutoff=cutoff)
    if kind == "so-ket-6-thang":
        return six_month(site, year)
    if kind == "tuan-le-hoc-tap":
        return learning_week(site, year)
    if kind == "bao-cao-quy":
        return fund_report(site, year)
    if kind == "ho-so-tt25":
        return ward_dossier(site, year)
    raise KeyError(kind)
