"""Context of the public pages: aggregates, charts, and only the names a ward may publish."""

import datetime

from django.db.models import Count, Sum
from django.utils.translation import gettext, pgettext
from wagtail.models import Site

from congphuong.core.pagination import paginate

from . import charts, ledger, stats
from .consent import publishable_awards
from .models import Award, Donor, FundReceipt

MIN_YEAR, MAX_YEAR = 2000, 2100


def chosen_year(request, default=None):
    """?nam=YYYY, or the default with a message when the value is not a year."""
    default = default or datetime.date.today().year
    raw = request.GET.get("nam", "").strip()
    if not raw:
        return default, ""
    if raw.isdigit() and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw), ""
    return default, gettext("Năm “%(value)s” không hợp lệ; đang hiện số liệu năm %(year)s.") % {
        "value": raw[:20],
        "year": default,
    }


def _site(page, request):
    return Site.find_for_request(request) or page.get_site()


def progress_chart(rows, year):
    shown = [row for row in rows if row.denominator]
    return charts.bar_chart(
        gettext("Tỷ lệ được công nhận năm %(year)s so với chỉ tiêu") % {"year": year},
        gettext(
            "Mỗi dòng là một mô hình học tập; thanh là tỷ lệ đã được công nhận, vạch đen là chỉ tiêu. "
            "Số liệu chi tiết ở bảng ngay sau biểu đồ."
        ),
        [gettext(row.short_label) for row in shown],
        [(gettext("Tỷ lệ được công nhận"), [row.recognised_percent or 0 for row in shown], None)],
        unit="%",
        markers=(gettext("Chỉ tiêu"), [row.target_percent for row in shown]),
        max_value=100,
    )


def quarter_chart(rows, year):
    return charts.bar_chart(
        gettext("Gia đình học tập theo khu phố năm %(year)s") % {"year": year},
        gettext("Số hộ đăng ký và số hộ được công nhận Gia đình học tập ở từng khu phố; số liệu ở bảng sau biểu đồ."),
        [row.name for row in rows],
        [
            (gettext("Hộ đăng ký"), [row.families_registered for row in rows], None),
            (gettext("Hộ được công nhận"), [row.families_recognised for row in rows], None),
        ],
    )


def latest_recognition_year(site):
    """The last year with recognitions: the public page opens on finished figures."""
    from .choices import Status
    from .models import Registration

    year = (
        Registration.objects.filter(site=site, status=Status.RECOGNISED)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    return year or datetime.date.today().year


def statistics_context(page, request):
    site = _site(page, request)
    year, year_error = chosen_year(request, latest_recognition_year(site))
    rows = stats.progress(site, year)
    quarters = stats.by_quarter(site, year)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    awards = stats.awards_summary(site, start, end)
    return {
        "year": year,
        "year_error": year_error,
        "years": stats.years_with_data(site),
        "progress": rows,
        "progress_chart": progress_chart(rows, year),
        "quarters": quarters,
        "quarter_chart": quarter_chart(quarters, year) if quarters else "",
        "ward_recognition": stats.ward_recognition(site, year),
        "awards": awards,
        "fund_balance": ledger.balance_on(site, min(end, datetime.date.today())),
        "balance_day": min(end, datetime.date.today()),
    }


def fund_chart(rows, year):
    return charts.column_chart(
        gettext("Thu, chi quỹ khuyến học theo tháng năm %(year)s") % {"year": year},
        gettext(
            "Cột xanh là tổng thu, cột đỏ là tổng chi (gồm cả hiện vật theo giá trị ước tính) của từng tháng; "
            "số liệu ở bảng thu chi theo kỳ."
        ),
        [row.short_label for row in rows],
        [
            (pgettext("fund", "Thu"), [row.income for row in rows], None),
            (pgettext("fund", "Chi"), [row.spending for row in rows], None),
        ],
    )


def fund_context(page, request):
    site = _site(page, request)
    year, year_error = chosen_year(request)
    period = request.GET.get("ky", "quy")
    period_error = ""
    if period not in ledger.PERIODS:
        period_error = gettext("Kỳ báo cáo không hợp lệ; đang hiện theo quý.")
        period = "quy"
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    opening = ledger.opening_for(site) or False
    rows = ledger.period_summary(site, start, end, period, opening)
    monthly = rows if period == "thang" else ledger.period_summary(site, start, end, "thang", opening)
    awards = Award.objects.filter(site=site, awarded_on__range=(start, end))
    award_figures = awards.aggregate(count=Count("pk"), total=Sum("amount"))
    # Names only with the consents in force, and never for a hardship or social award (consent.py).
    published = publishable_awards(
        awards.order_by("category", "recipient_name").only(
            "recipient_name", "birth_year", "school", "grade", "category", "amount", "in_kind", "awarded_on"
        )
    )
    donors = (
        Donor.objects.filter(site=site, may_publish_name=True, receipts__date__range=(start, end))
        .annotate(total=Sum("receipts__amount"), count=Count("receipts"))
        .order_by("-total", "name")
    )
    anonymous = (
        FundReceipt.objects.filter(site=site, date__range=(start, end))
        .exclude(donor__may_publish_name=True)
        .aggregate(total=Sum("amount"), count=Count("pk"))
    )
    return {
        "year": year,
        "year_error": year_error or period_error,
        "years": stats.years_with_data(site),
        "period": period,
        "periods": ledger.PERIODS,
        "rows": rows,
        "totals": {
            "income_cash": sum(row.income_cash for row in rows),
            "income_in_kind": sum(row.income_in_kind for row in rows),
            "spending_cash": sum(row.spending_cash for row in rows),
            "spending_in_kind": sum(row.spending_in_kind for row in rows),
        },
        "opening_balance": ledger.balance_before(site, start, opening),
        "closing_balance": rows[-1].closing_balance if rows else 0,
        "fund_chart": fund_chart(monthly, year),
        "income_by_source": ledger.income_by_source(site, start, end, opening),
        "income_by_purpose": ledger.income_by_purpose(site, start, end, opening),
        "spending_by_category": ledger.spending_by_category(site, start, end, opening),
        "award_count": award_figures["count"],
        "award_total": award_figures["total"] or 0,
        "published_awards": paginate(request, published, per_page=50),
        "unpublished_award_count": award_figures["count"] - len(published),
        "donors": donors,
        "anonymous_total": anonymous["total"] or 0,
        "anonymous_count": anonymous["count"],
    }
