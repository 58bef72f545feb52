"""Ward isolation: a ward A user never sees, edits, exports or imports ward B's data."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from congphuong.learning.choices import AwardCategory, ExpenseCategory, LearningModel, ReceiptSource, Status, UnitKind
from congphuong.learning.models import (
    Award,
    Clan,
    CriteriaSet,
    Donor,
    FundExpense,
    FundReceipt,
    Household,
    RecognitionDecision,
    Registration,
    Target,
    Unit,
    WardAssignment,
)
from congphuong.learning.roles import SITE_ADMIN
from congphuong.wards.tests.factories import make_ward

from .factories import (
    CitizenFactory,
    HouseholdFactory,
    MemberFactory,
    QuarterFactory,
    leader,
    make_criteria_set,
    make_user,
    national_admin,
    officer,
)
from .test_import import GOOD_HOUSEHOLDS, GOOD_MEMBERS, workbook

pytestmark = pytest.mark.django_db

OTHER = "Bên Kia"  # every name of ward B contains this


def fill_ward(site, tag, criteria_set):
    """One record of every kind in `site`, each name carrying `tag`."""
    quarter = QuarterFactory(site=site, name=f"Khu phố {tag}")
    household = HouseholdFactory(site=site, quarter=quarter, head_name=f"Chủ hộ {tag}", code=f"{tag[:3]}-1")
    MemberFactory(household=household, birth_year=1970)
    clan = Clan.objects.create(site=site, name=f"Họ {tag}", quarter=quarter, households_count=4)
    unit = Unit.objects.create(site=site, name=f"Trường {tag}", kind=UnitKind.SCHOOL, staff_count=30, is_public=True)
    citizen = CitizenFactory(site=site, quarter=quarter, full_name=f"Công dân {tag}")
    registration = Registration.objects.create(
        site=site,
        year=2025,
        learning_model=LearningModel.FAMILY,
        household=household,
        criteria_set=criteria_set,
        status=Status.RECOGNISED,
    )
    decision = RecognitionDecision.objects.create(
        site=site,
        number=f"12/QĐ-{tag[:3]}",
        signed_on=datetime.date(2025, 12, 20),
        year=2025,
        learning_model=LearningModel.FAMILY,
        signer_name=f"Người ký {tag}",
        signer_title="Chủ tịch",
    )
    donor = Donor.objects.create(site=site, name=f"Nhà hảo tâm {tag}")
    receipt = FundReceipt.objects.create(
        site=site,
        date=datetime.date(2025, 3, 1),
        voucher_number=f"PT-{tag[:3]}",
        source=ReceiptSource.DONORS,
        amount=Decimal(1_000_000),
        donor=donor,
        description=f"Ủng hộ {tag}",
    )
    expense = FundExpense.objects.create(
        site=site,
        date=datetime.date(2025, 9, 5),
        voucher_number=f"PC-{tag[:3]}",
        category=ExpenseCategory.SCHOLARSHIP,
        amount=Decimal(400_000),
        description=f"Học bổng {tag}",
        approver_legacy=f"Duyệt {tag}",
    )
    award = Award.objects.create(
        site=site,
        school_year="2024-2025",
        awarded_on=datetime.date(2025, 9, 5),
        category=AwardCategory.GOOD_PUPIL,
        recipient_name=f"Học sinh {tag}",
        school=f"Trường {tag}",
        grade="Lớp 9",
        amount=Decimal(400_000),
    )
    target = Target.objects.create(site=site, kind=LearningModel.FAMILY, year=2025, percent=75, legal_basis=tag)
    return {
        "learning_quarter": quarter,
        "learning_household": household,
        "learning_clan": clan,
        "learning_unit": unit,
        "learning_citizen": citizen,
        "learning_registration": registration,
        "learning_decision": decision,
        "learning_donor": donor,
        "learning_receipt": receipt,
        "learning_expense": expense,
        "learning_award": award,
        "learning_target": target,
    }


@pytest.fixture
def two_wards(ward):
    other = make_ward(hostname="benkia.test", name=f"Phường {OTHER}")
    criteria_set = make_criteria_set(valid_from=datetime.date(2020, 1, 1))
    mine = fill_ward(ward, "Bên Này", criteria_set)
    theirs = fill_ward(other, OTHER, criteria_set)
    return ward, other, mine, theirs


@pytest.fixture
def ward_a_officer(two_wards):
    ward, _other, _mine, _theirs = two_wards
    return officer("canbo_a", sites=[ward])


def test_lists_and_exports_hold_only_the_users_ward(client, two_wards, ward_a_officer):
    _ward, _other, mine, _theirs = two_wards
    client.force_login(ward_a_officer)
    for name in mine:
        url = reverse(f"{name}:index")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert OTHER not in html, url
        export = client.get(url + "?export=xlsx")
        assert export.status_code == 200, url
        sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content) if export.streaming else export.content))
        values = [str(cell.value) for row in sheet.active.iter_rows() for cell in row if cell.value is not None]
        assert values, url
        assert not [value for value in values if OTHER in value], url
    # The ward's own rows are there.
    html = client.get(reverse("learning_household:index")).content.decode()
    assert "Chủ hộ Bên Này" in html


def test_filter_phuong_names_only_the_users_wards(client, two_wards, ward_a_officer):
    ward, other, _mine, _theirs = two_wards
    client.force_login(ward_a_officer)
    html = client.get(reverse("learning_household:index")).content.decode()
    assert ward.site_name in html and other.site_name not in html
    # Asking for ward B through the filter shows nothing of it.
    html = client.get(reverse("learning_household:index") + f"?site={other.pk}").content.decode()
    assert "Chủ hộ " + OTHER not in html


def test_guessed_ids_of_another_ward_answer_404(client, two_wards, ward_a_officer):
    _ward, _other, mine, theirs = two_wards
    client.force_login(ward_a_officer)
    for name, obj in theirs.items():
        for action in ("edit", "delete"):
            url = reverse(f"{name}:{action}", args=[obj.pk])
            assert client.get(url).status_code == 404, url
        mine_url = reverse(f"{name}:edit", args=[mine[name].pk])
        assert client.get(mine_url).status_code in (200, 302), mine_url
    assert client.post(reverse("learning_household:delete", args=[theirs["learning_household"].pk])).status_code == 404
    assert Household.objects.filter(pk=theirs["learning_household"].pk).exists()
    registration, decision = theirs["learning_registration"], theirs["learning_decision"]
    for url in (
        reverse("learning_registration", args=[registration.pk]),
        reverse("learning_self_assessment", args=[registration.pk]),
        reverse("learning_council_score", args=[registration.pk]),
        reverse("learning_certificates", args=[decision.pk]),
        reverse("learning_certificates", args=[decision.pk]) + "?export=xlsx",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("learning_registration", args=[mine["learning_registration"].pk])).status_code == 200
    client.force_login(leader("lanhdao_a", sites=[_ward_of(mine)]))
    assert client.get(reverse("learning_decision_apply", args=[decision.pk])).status_code == 404
    assert client.get(reverse("learning_decision_apply", args=[mine["learning_decision"].pk])).status_code == 200


def _ward_of(records):
    return records["learning_household"].site


def test_dashboard_reports_and_cash_book_refuse_another_ward(client, two_wards, ward_a_officer):
    ward, other, _mine, _theirs = two_wards
    client.force_login(ward_a_officer)
    for url in (
        reverse("learning_dashboard") + f"?phuong={other.pk}",
        reverse("learning_report", args=["tong-ket-nam", "xlsx"]) + f"?phuong={other.pk}&nam=2025",
        reverse("learning_cash_book") + f"?phuong={other.pk}&export=xlsx",
        reverse("learning_import_template", args=["ho-gia-dinh"]) + f"?phuong={other.pk}",
    ):
        assert client.get(url).status_code == 404, url
    response = client.get(reverse("learning_dashboard") + "?nam=2025")
    assert response.status_code == 200
    assert response.context["site"] == ward
    assert [site.pk for site in response.context["sites"]] == [ward.pk]
    family = next(row for row in response.context["progress"] if row.kind == LearningModel.FAMILY)
    assert (family.registered, family.recognised, family.denominator) == (1, 1, 1)
    assert family.target.legal_basis == "Bên Này"
    html = response.content.decode()
    assert OTHER not in html
    book = client.get(reverse("learning_cash_book") + "?export=xlsx&tu=01/01/2025&den=31/12/2025")
    sheets = load_workbook(io.BytesIO(book.content)).worksheets
    values = [str(c.value) for sheet in sheets for row in sheet.iter_rows() for c in row]
    assert not [value for value in values if OTHER in value]


def test_import_cannot_target_another_ward(client, two_wards, ward_a_officer):
    _ward, other, _mine, _theirs = two_wards
    QuarterFactory(site=other, name="Khu phố 1")
    client.force_login(ward_a_officer)
    before = Household.objects.filter(site=other).count()
    response = client.post(
        reverse("learning_import"),
        {
            "kind": "ho-gia-dinh",
            "site": other.pk,
            "file": SimpleUploadedFile("ds.xlsx", workbook(GOOD_HOUSEHOLDS[:2], GOOD_MEMBERS[:2])),
        },
    )
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode() or "hợp lệ" in response.content.decode()
    assert not response.context.get("token")
    # A token crafted for ward B is refused as well.
    session = client.session
    session["learning_pending_imports"] = {"x": {"kind": "ho-gia-dinh", "site": other.pk, "name": "nhap-excel/x.xlsx"}}
    session.save()
    assert client.post(reverse("learning_import_commit"), {"token": "x"}).status_code == 404
    assert Household.objects.filter(site=other).count() == before


def test_forms_offer_only_the_users_ward_and_refuse_a_crafted_post(client, two_wards, ward_a_officer):
    ward, other, mine, theirs = two_wards
    client.force_login(ward_a_officer)
    page = client.get(reverse("learning_household:add"))
    assert page.status_code == 200
    html = page.content.decode()
    assert other.site_name not in html and "Khu phố " + OTHER not in html
    response = client.post(
        reverse("learning_household:add"),
        {
            "site": other.pk,
            "quarter": theirs["learning_quarter"].pk,
            "head_name": "Người Lạ",
            "address": "1 đường Lạ",
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "0",
            "members-MAX_NUM_FORMS": "1000",
        },
    )
    # Refused by the admin's ward guard (403: another ward's site) or by the form's choices (200).
    assert response.status_code in (200, 403)
    assert not Household.objects.filter(head_name="Người Lạ").exists()


def test_user_without_assignment_sees_no_ward(client, two_wards):
    client.force_login(officer("chua_phan_cong", sites=[]))
    response = client.get(reverse("learning_dashboard"))
    assert response.status_code == 403
    assert "chưa được phân công phường" in response.content.decode()
    html = client.get(reverse("learning_household:index")).content.decode()
    assert "Chủ hộ" not in html


def test_site_admin_assigns_users_of_their_own_ward_only(client, two_wards):
    ward, other, _mine, _theirs = two_wards
    admin = make_user("quantri_a", SITE_ADMIN, sites=[ward])
    newcomer = officer("moi", sites=[])
    stranger = officer("canbo_b", sites=[other])
    client.force_login(admin)
    html = client.get(reverse("learning_assignment:index")).content.decode()
    assert "quantri_a" in html and "canbo_b" not in html
    foreign = WardAssignment.objects.get(user=stranger)
    assert client.get(reverse("learning_assignment:edit", args=[foreign.pk])).status_code == 404

    response = client.post(reverse("learning_assignment:add"), {"user": newcomer.pk, "site": other.pk, "note": ""})
    # Refused by the admin's ward guard (403: a ward the user does not work for) or by the form (200).
    assert response.status_code in (200, 403) and not WardAssignment.objects.filter(user=newcomer).exists()
    response = client.post(reverse("learning_assignment:add"), {"user": newcomer.pk, "site": ward.pk, "note": "Hội KH"})
    assert response.status_code == 302
    assignment = WardAssignment.objects.get(user=newcomer)
    assert assignment.site == ward and assignment.assigned_by == admin

    # Officers do not manage assignments.
    client.force_login(stranger)
    assert client.get(reverse("learning_assignment:index")).status_code == 403


def test_shared_criteria_sets_and_targets_are_read_only_for_ward_staff(client, two_wards, ward_a_officer):
    ward, _other, _mine, _theirs = two_wards
    shared = make_criteria_set(valid_from=datetime.date(2021, 1, 1), version="dùng chung")
    shared_target = Target.objects.filter(site__isnull=True).first()
    client.force_login(ward_a_officer)
    html = client.get(reverse("learning_criteriaset:index")).content.decode()
    assert "dùng chung" in html  # visible
    assert client.get(reverse("learning_criteriaset:edit", args=[shared.pk])).status_code == 403
    # Refused (Wagtail turns a refusal raised while loading the object into a redirect with a message).
    assert client.post(reverse("learning_criteriaset:delete", args=[shared.pk])).status_code in (302, 403)
    assert CriteriaSet.objects.filter(pk=shared.pk).exists()
    assert client.get(reverse("learning_target:edit", args=[shared_target.pk])).status_code == 403
    own = make_criteria_set(valid_from=datetime.date(2021, 1, 1), version="riêng", site=ward)
    assert client.get(reverse("learning_criteriaset:edit", args=[own.pk])).status_code == 200

    client.force_login(national_admin("trunguong", sites=[ward]))
    assert client.get(reverse("learning_criteriaset:edit", args=[shared.pk])).status_code == 200
    assert client.get(reverse("learning_target:edit", args=[shared_target.pk])).status_code == 200


def test_an_assessment_keeps_its_criteria_version(two_wards):
    _ward, _other, mine, _theirs = two_wards
    registration = mine["learning_registration"]
    old = registration.criteria_set
    new = old.copy_as_new_version("2027", datetime.date(2027, 1, 1))
    registration.refresh_from_db()
    assert registration.criteria_set_id == old.pk != new.pk
    assert CriteriaSet.objects.filter(pk=old.pk).exists()
