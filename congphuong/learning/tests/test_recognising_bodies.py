"""Who recognises what, as data (issue 16 §3): the seeded table, the decision that uses it, the refusal of
a ward recognising itself, and ward isolation of the new admin views."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congphuong.learning import workflow
from congphuong.learning.choices import Assessment, BodyLevel, LearningModel
from congphuong.learning.models import RecognisingBody, RecognitionDecision, Registration
from congphuong.wards.tests.factories import make_ward

from .factories import leader, make_criteria_set, national_admin, officer, points_by_code

pytestmark = pytest.mark.django_db

HIGHER = "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"


def decision(site, model, **extra):
    values = {
        "site": site,
        "year": 2025,
        "learning_model": model,
        "number": "15/QĐ-SGDĐT",
        "signed_on": datetime.date(2026, 3, 20),
        "signer_name": "Trần Văn Ký",
        "signer_title": "",
        "issuer": "",
        **extra,
    }
    return RecognitionDecision(**values)


def test_the_seeded_table_says_what_the_notes_do_not_know():
    ward_rows = RecognisingBody.objects.filter(learning_model=LearningModel.WARD, site__isnull=True)
    before = ward_rows.get(valid_to=datetime.date(2025, 6, 30))
    assert before.body_level == BodyLevel.DISTRICT and before.confirmed and "Giáo dục" in before.issuer
    after = RecognisingBody.objects.applicable(LearningModel.WARD, datetime.date(2026, 3, 20))
    assert after.valid_from == datetime.date(2025, 7, 1) and not after.confirmed and after.issuer == ""
    assert "chưa ghi" in after.note
    for model in (LearningModel.FAMILY, LearningModel.CLAN, LearningModel.COMMUNITY, LearningModel.UNIT):
        row = RecognisingBody.objects.applicable(model, datetime.date(2026, 1, 1))
        assert row.body_level == BodyLevel.UNKNOWN and not row.confirmed and row.issuer == ""
        assert "Không mặc định “Ủy ban nhân dân phường”" in row.note


def test_a_decision_takes_its_issuer_from_a_confirmed_row_only(ward):
    refused = decision(ward, LearningModel.FAMILY)
    with pytest.raises(ValidationError) as error:
        refused.full_clean()
    assert "chưa có cơ quan đã xác nhận căn cứ" in " ".join(error.value.message_dict["issuer"])
    RecognisingBody.objects.create(
        site=ward,
        learning_model=LearningModel.FAMILY,
        body_level=BodyLevel.WARD,
        issuer="Hội Khuyến học phường Thử Nghiệm",
        signer_title="Chủ tịch Hội Khuyến học",
        legal_basis="Hướng dẫn của Hội Khuyến học thành phố",
        confirmed=True,
    )
    taken = decision(ward, LearningModel.FAMILY)
    taken.full_clean()
    assert taken.issuer == "Hội Khuyến học phường Thử Nghiệm"
    assert taken.signer_title == "Chủ tịch Hội Khuyến học" and taken.recognising_body.site == ward


def test_a_ward_level_decision_never_comes_from_the_ward_itself(ward):
    for issuer in ("Ủy ban nhân dân phường Thử Nghiệm", "UBND phường", "Phường Thử Nghiệm"):
        own = decision(ward, LearningModel.WARD, issuer=issuer, signer_title="Chủ tịch")
        with pytest.raises(ValidationError) as error:
            own.full_clean()
        assert "do cơ quan cấp trên công nhận" in " ".join(error.value.message_dict["issuer"]), issuer
    decision(ward, LearningModel.WARD, issuer=HIGHER, signer_title="Giám đốc").full_clean()
    row = RecognisingBody(learning_model=LearningModel.WARD, body_level=BodyLevel.WARD, issuer="UBND phường")
    with pytest.raises(ValidationError):
        row.full_clean()


def test_the_dossier_and_decision_pages_show_the_table(client, ward):
    tt25 = make_criteria_set(
        learning_model=LearningModel.WARD,
        criteria=(("1", [("1.1", 2, False)]),),
        levels=(("Mức 1", 1, None, None, Decimal(1)),),
        assessment=Assessment.MET,
        validity_years_after=3,
    )
    registration = Registration.objects.create(
        site=ward, year=2025, learning_model=LearningModel.WARD, criteria_set=tt25
    )
    user = leader(sites=[ward])
    points = points_by_code(tt25, {"1.1": 1})
    workflow.save_self_assessment(registration, user, points, submit=True)
    workflow.council_score(registration, user, points)
    client.force_login(user)
    html = client.get(reverse("learning_registration", args=[registration.pk])).content.decode()
    assert "Cơ quan công nhận (theo bảng)" in html and "Mức phường đề nghị" in html and "chưa gửi" in html
    row = RecognisingBody.objects.create(
        site=ward,
        learning_model=LearningModel.WARD,
        body_level=BodyLevel.PROVINCE,
        issuer=HIGHER,
        signer_title="Giám đốc",
        legal_basis="Văn bản của Thành phố",
        confirmed=True,
    )
    the_decision = decision(ward, LearningModel.WARD, granted_level=tt25.levels.get())
    the_decision.full_clean()
    the_decision.save()
    assert the_decision.recognising_body == row and the_decision.issuer == HIGHER
    page = client.get(reverse("learning_decision_apply", args=[the_decision.pk])).content.decode()
    assert f"Bảng “Cơ quan công nhận”: {HIGHER}" in page


@pytest.fixture
def two_wards(ward):
    other = make_ward(hostname="benkia.test", name="Phường Bên Kia")
    mine = RecognisingBody.objects.create(
        site=ward, learning_model=LearningModel.FAMILY, body_level=BodyLevel.WARD, issuer="Hội Khuyến học Bên Này"
    )
    theirs = RecognisingBody.objects.create(
        site=other, learning_model=LearningModel.FAMILY, body_level=BodyLevel.WARD, issuer="Hội Khuyến học Bên Kia"
    )
    return ward, other, mine, theirs


def test_another_wards_officer_gets_404_and_shared_rows_are_read_only(client, two_wards):
    ward, other, mine, theirs = two_wards
    client.force_login(officer("canbo_b", sites=[other]))
    for action in ("edit", "delete", "inspect"):
        assert client.get(reverse(f"learning_recognisingbody:{action}", args=[mine.pk])).status_code == 404
        assert client.get(reverse(f"learning_recognisingbody:{action}", args=[theirs.pk])).status_code == 200
    assert client.post(reverse("learning_recognisingbody:delete", args=[mine.pk])).status_code == 404
    listing = client.get(reverse("learning_recognisingbody:index")).content.decode()
    assert "Bên Kia" in listing and "Bên Này" not in listing
    export = client.get(reverse("learning_recognisingbody:index") + "?export=csv")
    assert "Bên Này" not in b"".join(export.streaming_content).decode() if export.streaming else True
    # A crafted post cannot put a row in ward A.
    response = client.post(
        reverse("learning_recognisingbody:add"),
        {"site": ward.pk, "learning_model": LearningModel.CLAN, "body_level": BodyLevel.WARD, "issuer": "Lạ"},
    )
    assert response.status_code in (200, 403) and not RecognisingBody.objects.filter(issuer="Lạ").exists()
    shared = RecognisingBody.objects.filter(site__isnull=True).first()
    assert client.get(reverse("learning_recognisingbody:inspect", args=[shared.pk])).status_code == 200
    assert client.get(reverse("learning_recognisingbody:edit", args=[shared.pk])).status_code == 403
    client.force_login(national_admin("trunguong_cq", sites=[other]))
    assert client.get(reverse("learning_recognisingbody:edit", args=[shared.pk])).status_code == 200
    assert RecognisingBody.objects.filter(pk=mine.pk, issuer="Hội Khuyến học Bên Này").exists()


def test_every_learning_viewset_model_with_a_ward_is_guarded():
    """Enumerated from the viewsets: each model holding a ward's rows has the ward permission policy and is
    known to the admin's ward-isolation middleware (congphuong/editorial/isolation.py)."""
    from wagtail.permissions import policy_registry

    from congphuong.learning import access
    from congphuong.learning.models import WardAssignment
    from congphuong.learning.viewsets import VIEWSETS
    from congphuong.wards.membership import ward_lookup as ward_path
    from congphuong.wards.membership import ward_models

    checked = []
    for viewset in VIEWSETS:
        model = viewset.model
        if access.site_field_of(model) is None or model is WardAssignment:  # assignments: their own scoping
            continue
        assert ward_path(model) is not None and model in ward_models(), model
        assert isinstance(policy_registry.get_by_type(model), access.WardPermissionPolicy), model
        checked.append(model)
    assert RecognisingBody in checked
