"""The ward's TT 25/2023 recognition comes from the level above (issue 16 §3): the ward's council
proposes a level, the dossier goes up by 28/02, the higher body's decision by 31/3 grants a level
that may differ from the proposal; nobody in the ward sets it. The issuer is data, never a default."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congphuong.learning import workflow
from congphuong.learning.choices import DecisionOutcome, LearningModel, Status
from congphuong.learning.models import RecognitionDecision, Registration

from .factories import leader, officer
from .test_criteria_sources import decision, scored, shared_set

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def tt25():
    return shared_set(LearningModel.WARD)


@pytest.fixture
def proposed_level2(ward, tt25):
    """The ward's council found every indicator at Mức 2 and the ward's meeting proposes Mức 2."""
    values = dict.fromkeys(tt25.indicators().values_list("code", flat=True), 2)
    registration, evaluation = scored(ward, tt25, values, LearningModel.WARD)
    assert evaluation.level.name == "Mức 2"
    registration.dossier_sent_on = D(2026, 2, 25)
    registration.save()
    return registration


def _higher_body(ward, tt25, level_name):
    higher = decision(ward, LearningModel.WARD, number="45/QĐ-SGDĐT")
    higher.issuer = "Sở Giáo dục và Đào tạo"
    higher.signed_on = D(2026, 3, 25)
    higher.granted_level = tt25.levels.get(name=level_name)
    higher.save()
    return higher


def test_the_higher_body_grants_a_level_different_from_the_proposal(ward, tt25, proposed_level2):
    recognised, _not = workflow.recognise(_higher_body(ward, tt25, "Mức 1"), [proposed_level2], None)
    registration = recognised[0]
    registration.refresh_from_db()
    assert registration.status == Status.RECOGNISED
    assert registration.level_name == "Mức 1"  # what the decision granted
    assert registration.proposed_level_name == "Mức 2"  # what the ward asked for, kept


def test_the_ward_cannot_recognise_itself_without_the_higher_bodys_level(ward, tt25, proposed_level2):
    own = decision(ward, LearningModel.WARD, number="12/QĐ-UBND")  # no granted level: the ward's own paper
    with pytest.raises(workflow.TransitionError, match="Mức được công nhận"):
        workflow.recognise(own, [proposed_level2], None)
    proposed_level2.refresh_from_db()
    assert proposed_level2.status == Status.SCORED and proposed_level2.decision is None


def test_no_decision_before_the_dossier_is_sent_up(ward, tt25, proposed_level2):
    proposed_level2.dossier_sent_on = None
    proposed_level2.save()
    with pytest.raises(workflow.TransitionError, match="Chưa ghi ngày gửi hồ sơ lên cấp trên"):
        workflow.recognise(_higher_body(ward, tt25, "Mức 2"), [proposed_level2], None)


def test_deadlines_28_february_and_31_march(ward, tt25, proposed_level2):
    assert proposed_level2.dossier_deadline == D(2026, 2, 28) and not proposed_level2.dossier_late
    proposed_level2.dossier_sent_on = D(2026, 3, 2)
    assert proposed_level2.dossier_late
    on_time = _higher_body(ward, tt25, "Mức 2")
    assert on_time.decision_deadline == D(2026, 3, 31) and not on_time.is_late
    on_time.signed_on = D(2026, 4, 2)
    assert on_time.is_late


def test_the_issuer_is_data_with_no_default(ward, tt25):
    blank = RecognitionDecision(
        site=ward,
        year=2025,
        learning_model=LearningModel.FAMILY,
        number="07/QĐ-UBND",
        signed_on=D(2025, 12, 15),
        signer_name="Nguyễn Thành Long",
        signer_title="Chủ tịch UBND phường",
    )
    assert blank.issuer == ""
    with pytest.raises(ValidationError) as error:
        blank.full_clean()
    assert "issuer" in error.value.message_dict
    blank.issuer = "Ủy ban nhân dân phường"
    blank.granted_level = tt25.levels.first()  # a level granted from above is for the ward's own dossier only
    with pytest.raises(ValidationError) as error:
        blank.full_clean()
    assert "Chỉ quyết định công nhận Cộng đồng học tập cấp xã" in str(error.value.message_dict["granted_level"])


# --- The higher body's answer may be "không công nhận" ----------------------------------------------


def _refusal(ward, reason="Tiêu chí 3 chưa có minh chứng về thư viện cộng đồng."):
    refusal = decision(ward, LearningModel.WARD, number="46/QĐ-SGDĐT")
    refusal.issuer = "Sở Giáo dục và Đào tạo"
    refusal.signed_on = D(2026, 3, 27)
    refusal.outcome = DecisionOutcome.REFUSED
    refusal.refusal_reason = reason
    refusal.full_clean()
    refusal.save()
    return refusal


def test_the_higher_body_may_not_recognise_the_ward_at_all(ward, tt25, proposed_level2):
    recognised, not_recognised = workflow.recognise(_refusal(ward), [proposed_level2], None)
    assert recognised == [] and not_recognised == [proposed_level2]
    proposed_level2.refresh_from_db()
    assert proposed_level2.status == Status.NOT_RECOGNISED
    assert proposed_level2.level is None and proposed_level2.level_name == ""  # no level the ward gave itself
    assert proposed_level2.proposed_level_name == "Mức 2"  # the ward's proposal, kept
    assert proposed_level2.decision is None and proposed_level2.certificate_number == ""
    assert not Registration.objects.recognised().exists()
    note = proposed_level2.events.last().note
    assert "Cơ quan cấp trên không công nhận" in note and "46/QĐ-SGDĐT" in note and "thư viện cộng đồng" in note


def test_a_refusal_grants_no_level_and_is_only_for_the_wards_own_dossier(ward, tt25):
    refusal = decision(ward, LearningModel.WARD, number="47/QĐ-SGDĐT")
    refusal.issuer = "Sở Giáo dục và Đào tạo"
    refusal.outcome = DecisionOutcome.REFUSED
    refusal.granted_level = tt25.levels.get(name="Mức 1")
    with pytest.raises(ValidationError) as error:
        refusal.full_clean()
    assert "không ghi “Mức được công nhận”" in " ".join(error.value.message_dict["granted_level"])

    family = decision(ward, LearningModel.FAMILY, number="48/QĐ-UBND")
    family.issuer = "Cơ quan thử"
    family.outcome = DecisionOutcome.REFUSED
    with pytest.raises(ValidationError) as error:
        family.full_clean()
    assert "Chỉ hồ sơ Cộng đồng học tập cấp xã" in " ".join(error.value.message_dict["outcome"])

    granted = _higher_body(ward, tt25, "Mức 1")
    granted.refusal_reason = "Lý do ghi nhầm"
    with pytest.raises(ValidationError) as error:
        granted.full_clean()
    assert "refusal_reason" in error.value.message_dict


def test_through_the_admin_the_officer_records_the_refusal_and_the_leader_applies_it(
    client, ward, tt25, proposed_level2
):
    """The officer enters the higher body's answer; the ward's own forms offer no way to set its level."""
    client.force_login(officer("canbo_tt25", sites=[ward]))
    edit = reverse("learning_registration:edit", args=[proposed_level2.pk])
    form = client.get(edit).content.decode()
    assert 'name="level"' not in form and 'name="status"' not in form and 'name="level_name"' not in form
    add = client.post(
        reverse("learning_decision:add"),
        {
            "site": ward.pk,
            "year": 2025,
            "learning_model": LearningModel.WARD,
            "number": "49/QĐ-SGDĐT",
            "signed_on": "2026-03-28",
            "signer_name": "Lê Văn Sở",
            "signer_title": "Giám đốc",
            "issuer": "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
            "outcome": DecisionOutcome.REFUSED,
            "refusal_reason": "Chưa đạt chỉ tiêu 2.3 ở Mức 1.",
        },
    )
    assert add.status_code == 302, add.content.decode()[:3000]
    refusal = RecognitionDecision.objects.get(number="49/QĐ-SGDĐT")
    assert refusal.refuses and refusal.granted_level is None
    export = client.get(reverse("learning_decision:index") + "?export=csv")
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Không công nhận" in content and "Chưa đạt chỉ tiêu 2.3 ở Mức 1." in content

    client.force_login(leader("lanhdao_tt25", sites=[ward]))
    apply_url = reverse("learning_decision_apply", args=[refusal.pk])
    assert "Không công nhận — Chưa đạt chỉ tiêu 2.3 ở Mức 1." in client.get(apply_url).content.decode()
    page = client.post(apply_url, {"ho_so": [proposed_level2.pk]}, follow=True).content.decode()
    assert "cơ quan cấp trên không công nhận 1 hồ sơ" in page
    assert "Không được công nhận" in page and "Chưa đạt chỉ tiêu 2.3 ở Mức 1." in page
    assert "Mức phường đề nghị</dt><dd>Mức 2" in page
    proposed_level2.refresh_from_db()
    assert proposed_level2.status == Status.NOT_RECOGNISED and proposed_level2.level_name == ""


def test_the_dossier_report_keeps_the_councils_proposal_beside_the_higher_bodys_answer(ward, tt25, proposed_level2):
    from congphuong.learning import reports

    def summary():
        return [line for section in reports.ward_dossier(ward, 2025).sections for line in section.paragraphs]

    workflow.recognise(_refusal(ward), [proposed_level2], None)
    lines = summary()
    assert "Kết quả hội đồng: đạt Mức 2." in lines  # the proposal, not the empty level after the refusal
    assert any(line.startswith("Kết quả xét công nhận: Cơ quan cấp trên không công nhận") for line in lines)
    assert not any(line.startswith("Cơ quan cấp trên công nhận") for line in lines)

    Registration.objects.filter(pk=proposed_level2.pk).update(status=Status.SCORED, proposed_level_name="")
    proposed_level2.refresh_from_db()
    proposed_level2.level = tt25.levels.get(name="Mức 2")
    proposed_level2.level_name = "Mức 2"
    proposed_level2.save()
    workflow.recognise(_higher_body(ward, tt25, "Mức 1"), [proposed_level2], None)
    lines = summary()
    assert "Kết quả hội đồng: đạt Mức 2." in lines and "Cơ quan cấp trên công nhận: Mức 1." in lines
