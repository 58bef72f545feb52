"""Reports upward (XLSX and PDF), SVG charts, the criteria-version admin screens, the demo."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congphuong.learning import charts, reports, workflow
from congphuong.learning.choices import Assessment, LearningModel
from congphuong.learning.documents import PdfFontMissing, font_paths
from congphuong.learning.models import CriteriaSet, Evidence, Registration

from .factories import make_criteria_set, national_admin, officer, points_by_code

pytestmark = pytest.mark.django_db


def has_font():
    try:
        font_paths()
    except PdfFontMissing:
        return False
    return True


@pytest.fixture
def ward_dossier(ward):
    criteria_set = make_criteria_set(
        learning_model=LearningModel.WARD,
        criteria=(("1", [("1.1", 2, True), ("1.2", 2, False)]), ("2", [("2.1", 2, False)])),
        levels=(("Mức 1", 1, None, None, Decimal(1)), ("Mức 2", 2, None, None, Decimal(2))),
        validity_months=36,
        assessment=Assessment.MET,  # Thông tư 25/2023: met / not met per level, no points
    )
    registration = Registration.objects.create(
        site=ward, year=2025, learning_model=LearningModel.WARD, criteria_set=criteria_set
    )
    Evidence.objects.create(
        registration=registration, indicator=criteria_set.indicators().get(code="1.1"), title="Nghị quyết của Đảng ủy"
    )
    user = officer()
    points = points_by_code(criteria_set, {"1.1": 2, "1.2": 1, "2.1": 2})
    workflow.save_self_assessment(registration, user, points, submit=True)
    workflow.council_score(registration, user, points)
    return registration


def test_ward_dossier_xlsx(client, ward, ward_dossier):
    assert ward_dossier.level_name == "Mức 1"
    client.force_login(officer("canbo2"))
    response = client.get(reverse("learning_report", args=["ho-so-tt25", "xlsx"]) + f"?phuong={ward.pk}&nam=2025")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    summary = [row[0].value for row in book["Tổng hợp"].iter_rows()]
    assert "BÁO CÁO TỰ ĐÁNH GIÁ CỘNG ĐỒNG HỌC TẬP CẤP XÃ NĂM 2025" in summary
    assert "Kết quả hội đồng: đạt Mức 1." in summary
    # No point totals anywhere in the dossier ("5 điểm", "Tổng điểm tự đánh giá").
    assert not any(re.search(r"\d điểm|tổng điểm", str(line).lower()) for line in summary if line)
    rows = [[cell.value for cell in row] for row in book["Kết quả từng chỉ tiêu"].iter_rows()]
    assert ["1.1", "Chỉ số 1.1", "Như Mức 1", "Đạt Mức 2", "Đạt Mức 2", "Nghị quyết của Đảng ủy"] in rows
    assert ["1.2", "Chỉ số 1.2", "Như Mức 1", "Đạt Mức 1 (chưa đạt Mức 2)", "Đạt Mức 1 (chưa đạt Mức 2)"] in [
        row[:5] for row in rows
    ]


def test_missing_dossier_is_a_message(client, ward):
    client.force_login(officer())
    response = client.get(
        reverse("learning_report", args=["ho-so-tt25", "pdf"]) + f"?phuong={ward.pk}&nam=2024", follow=True
    )
    assert "Phường chưa có hồ sơ cộng đồng học tập cấp xã năm 2024." in response.content.decode()


@pytest.mark.skipif(not has_font(), reason="fonts-dejavu-core is not installed")
def test_pdf_reports_carry_vietnamese_text(client, ward, ward_dossier):
    client.force_login(officer("canbo2"))
    for kind in reports.REPORT_KINDS:
        response = client.get(reverse("learning_report", args=[kind, "pdf"]) + f"?phuong={ward.pk}&nam=2025")
        assert response.status_code == 200, kind
        assert response.content.startswith(b"%PDF-")
    report = reports.year_end(ward, 2025)
    from congphuong.learning.documents import report_to_pdf

    pdf = report_to_pdf(report)
    assert b"+DejaVuSans" in pdf and b"/ToUnicode" in pdf  # embedded Unicode font, text extractable


def test_year_end_and_six_month_reports_have_the_sections(ward):
    year_end = reports.year_end(ward, 2025, today=datetime.date(2025, 12, 20))
    assert [section.heading for section in year_end.sections][:1] == ["I. Kết quả xây dựng các mô hình học tập"]
    assert year_end.place_date.endswith("ngày 20 tháng 12 năm 2025")
    six = reports.six_month(ward, 2025)
    assert "30/06/2025" in six.subtitle


def test_charts_are_accessible_and_escaped():
    svg = charts.bar_chart(
        "Tỷ lệ <công nhận>", "Mô tả & chi tiết", ["Khu phố <1>"], [("Đăng ký", [Decimal("12.5")], None)], unit="%"
    )
    assert svg.startswith("<svg") and 'role="img"' in svg and "aria-labelledby=" in svg
    assert "<title id=" in svg and "Tỷ lệ &lt;công nhận&gt;" in svg and "Mô tả &amp; chi tiết" in svg
    assert "Khu phố &lt;1&gt;" in svg and "12,5%" in svg
    assert "style=" not in svg  # the CSP forbids inline styles
    column = charts.column_chart("Thu chi", "Mô tả", ["01/2025", "02/2025"], [("Thu", [Decimal(1_500_000), 0], None)])
    assert "Thu 01/2025: 1.500.000" in column


def test_new_criteria_version_from_the_admin(client, ward):
    criteria_set = make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    client.force_login(officer())
    # A shared set is versioned by the national administrators only.
    response = client.get(reverse("learning_criteria_new_version", args=[criteria_set.pk]))
    assert response.status_code == 403
    client.force_login(national_admin())
    response = client.post(
        reverse("learning_criteria_new_version", args=[criteria_set.pk]),
        {"version": "2026 (sửa đổi)", "valid_from": "2026-01-01", "close_current": "on"},
    )
    assert response.status_code == 302
    new = CriteriaSet.objects.get(version="2026 (sửa đổi)")
    assert new.indicators().count() == 3 and new.levels.count() == 1
    criteria_set.refresh_from_db()
    assert criteria_set.valid_to == datetime.date(2025, 12, 31)
    bad = client.post(
        reverse("learning_criteria_new_version", args=[criteria_set.pk]),
        {"version": "cũ hơn", "valid_from": "2019-01-01"},
    )
    assert "Phiên bản mới phải có hiệu lực sau" in bad.content.decode()


def test_dashboard_renders_charts_and_tables(client, ward, ward_dossier):
    client.force_login(officer("canbo2"))
    response = client.get(reverse("learning_dashboard") + f"?phuong={ward.pk}&nam=2025")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đăng ký và công nhận theo mô hình, năm 2025" in html and 'role="img"' in html
    assert "Gia đình học tập (tỷ lệ hộ gia đình)" in html
    response = client.get(reverse("learning_dashboard") + "?nam=20x5")
    assert response.status_code == 200


def test_demo_builds_once(ward):
    from congphuong.learning.demo import build_demo
    from congphuong.learning.models import Household, LearningSocietyPage

    home = ward.root_page.specific
    page = build_demo(home, ward)
    assert page.live and page.show_in_menus and isinstance(page, LearningSocietyPage)
    households = Household.objects.filter(site=ward).count()
    assert households == 120
    assert Registration.objects.filter(site=ward, status="cong_nhan").exists()
    # The demo follows issue 16: families only provisionally (their set expired), the ward's decision
    # from the body of its own row of "Cơ quan công nhận", a plan of its own for this year.
    from congphuong.learning.models import RecognisingBody, Target

    families = Registration.objects.filter(site=ward, learning_model=LearningModel.FAMILY)
    assert families.exists() and not families.filter(status="cong_nhan").exists()
    assert all(registration.criteria_expired for registration in families)
    ward_decision = Registration.objects.get(site=ward, learning_model=LearningModel.WARD).decision
    assert ward_decision.recognising_body == RecognisingBody.objects.get(site=ward)
    assert Target.objects.filter(site=ward, year=datetime.date.today().year).exists()
    # The demo fund never spends an earmarked purpose beyond its balance, on any day.
    from congphuong.learning import ledger
    from congphuong.learning.models import FundExpense, FundReceipt

    days = {*FundReceipt.objects.filter(site=ward).values_list("date", flat=True)}
    days |= {*FundExpense.objects.filter(site=ward).values_list("date", flat=True)}
    assert days
    short = [
        (day, row.label, row.balance)
        for day in sorted(days)
        for row in ledger.balances_by_purpose(ward, day)
        if row.balance < 0
    ]
    assert short == []
    assert build_demo(home, ward).pk == page.pk
    assert Household.objects.filter(site=ward).count() == households
