"""The seeded criteria sets follow what is known of their texts (issue 16 §2): Thông tư 25/2023 judged
met / not met per level without points, valid in whole years after the year of recognition;
Công dân học tập's thresholds; sets whose text was not found are drafts refused in a decision."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from congphuong.learning import seed, workflow
from congphuong.learning.choices import Assessment, CriteriaStatus, LearningModel, Status
from congphuong.learning.forms import points_form_class
from congphuong.learning.models import CriteriaSet, RecognitionDecision, Registration, Score
from congphuong.learning.scoring import evaluate

from .factories import leader, officer

pytestmark = pytest.mark.django_db


def shared_set(model):
    return CriteriaSet.objects.get(learning_model=model, site__isnull=True)


def scored(site, criteria_set, values, model, **extra):
    """A registration the council scored with `values` ({indicator code: value})."""
    registration = Registration.objects.create(
        site=site, year=2025, learning_model=model, criteria_set=criteria_set, **extra
    )
    points = {indicator.pk: Decimal(values[indicator.code]) for indicator in criteria_set.indicators()}
    for indicator_id, value in points.items():
        Score.objects.create(
            registration=registration, indicator_id=indicator_id, self_points=value, council_points=value
        )
    evaluation = evaluate(criteria_set, points, registration.disadvantaged_area)
    Registration.objects.filter(pk=registration.pk).update(
        status=Status.SCORED,
        council_total=evaluation.total,
        level=evaluation.level,
        level_name=evaluation.level.name if evaluation.level else "",
    )
    registration.refresh_from_db()
    return registration, evaluation


def decision(site, model, year=2025, number="01/QĐ-UBND"):
    return RecognitionDecision.objects.create(
        site=site,
        year=year,
        learning_model=model,
        number=number,
        signed_on=datetime.date(year + 1, 3, 20),
        signer_name="Trần Quốc Bảo",
        signer_title="Chủ tịch",
    )


# --- Thông tư 25/2023: met / not met per level, no points --------------------------------------


def test_tt25_dossier_is_met_or_not_met_per_indicator_without_points(client, ward):
    tt25 = shared_set(LearningModel.WARD)  # seeded by the migrations
    assert tt25.assessment == Assessment.MET and not tt25.uses_points
    assert tt25.document_number == "25/2023/TT-BGDĐT" and tt25.validity_years_after == 3
    assert "tóm tắt của phần mềm" in tt25.source_status  # our summary, said so
    codes = list(tt25.indicators().values_list("code", flat=True))
    assert len(tt25.ordered_criteria()) == 5

    all_level2 = dict.fromkeys(codes, 2)
    assert evaluate(tt25, _by_id(tt25, all_level2)).level.name == "Mức 2"
    one_at_level1 = {**all_level2, "4.1": 1}
    result = evaluate(tt25, _by_id(tt25, one_at_level1))
    assert result.level.name == "Mức 1"
    one_not_met = {**all_level2, "4.1": 0}
    result = evaluate(tt25, _by_id(tt25, one_not_met))
    assert result.level is None
    assert result.shortfalls == ["chỉ số 4.1 chưa đạt Mức 1"]
    assert not any("điểm" in reason for reason in result.shortfalls)

    registration, _ = scored(ward, tt25, one_at_level1, LearningModel.WARD)
    client.force_login(officer("canbo_tt25", sites=[ward]))
    body = client.get(reverse("learning_registration", args=[registration.pk])).content.decode()
    assert "Đánh giá từng chỉ tiêu theo mức" in body
    assert "Đạt Mức 1 (chưa đạt Mức 2)" in body and "Đạt Mức 2" in body
    assert "Điểm theo tiêu chí" not in body and "tối đa" not in body.lower()
    assert "Điểm hội đồng" not in body

    # The council's form asks met / not met, never a number.
    form = points_form_class(tt25, {}, "council")()
    field = form.fields[f"diem_{tt25.indicators().get(code='4.1').pk}"]
    assert [label for _value, label in field.choices] == ["Chưa đánh giá", "Chưa đạt Mức 1", "Đạt Mức 1", "Đạt Mức 2"]
    assert "điểm" not in (field.help_text or "").lower()


def _by_id(criteria_set, values):
    return {indicator.pk: Decimal(values[indicator.code]) for indicator in criteria_set.indicators()}


def test_tt25_recognition_valid_three_whole_years_after_the_year(ward):
    tt25 = shared_set(LearningModel.WARD)
    values = dict.fromkeys(tt25.indicators().values_list("code", flat=True), 2)
    registration, _ = scored(ward, tt25, values, LearningModel.WARD)
    registration.dossier_sent_on = datetime.date(2026, 2, 20)
    higher = decision(ward, LearningModel.WARD)
    higher.granted_level = tt25.levels.order_by("-rank").first()
    recognised, _not = workflow.recognise(higher, [registration], None)
    assert recognised[0].valid_until == datetime.date(2028, 12, 31)


# --- Công dân học tập ------------------------------------------------------------------------


@pytest.fixture
def citizen_set():
    criteria_set = CriteriaSet.objects.get(
        learning_model=LearningModel.CITIZEN, site__isnull=True, population_group=seed.CITIZEN_GROUPS[0]
    )
    assert criteria_set.indicators().count() == 10
    assert criteria_set.max_total == 100
    return criteria_set


def _citizen_points(criteria_set, total, lowest=None):
    """10 indicators of 10 points adding up to `total`; one at `lowest` if given."""
    indicators = list(criteria_set.indicators())
    values = [Decimal(10)] * len(indicators)
    if lowest is not None:
        values[0] = Decimal(lowest)
    deficit = sum(values) - total
    index = len(values) - 1
    while deficit > 0:
        step = min(deficit, values[index] - 5)
        values[index] -= step
        deficit -= step
        index -= 1
    return {indicator.pk: value for indicator, value in zip(indicators, values, strict=True)}


def test_citizen_passes_at_80_and_70_in_a_disadvantaged_area(citizen_set):
    assert evaluate(citizen_set, _citizen_points(citizen_set, 79)).level is None
    assert evaluate(citizen_set, _citizen_points(citizen_set, 80)).level is not None
    assert evaluate(citizen_set, _citizen_points(citizen_set, 70)).level is None
    assert evaluate(citizen_set, _citizen_points(citizen_set, 70), disadvantaged=True).level is not None
    assert evaluate(citizen_set, _citizen_points(citizen_set, 69), disadvantaged=True).level is None


def test_citizen_indicator_below_5_fails_whatever_the_total(citizen_set):
    points = _citizen_points(citizen_set, 94, lowest=4)
    assert sum(points.values()) == 94
    result = evaluate(citizen_set, points)
    assert result.level is None
    assert any("dưới 5" in reason for reason in result.shortfalls)
    assert evaluate(citizen_set, _citizen_points(citizen_set, 95, lowest=5)).level is not None


# --- sets whose text was not found -----------------------------------------------------------


@pytest.mark.parametrize("model", [LearningModel.CLAN, LearningModel.COMMUNITY, LearningModel.UNIT])
def test_sets_without_their_text_are_drafts_that_say_so(model):
    criteria_set = shared_set(model)
    assert criteria_set.status == CriteriaStatus.DRAFT and criteria_set.is_draft
    assert "Chưa tìm thấy văn bản gốc" in criteria_set.source_status
    assert "Dự thảo – chưa dùng để công nhận" in criteria_set.draft_reason()


def test_a_draft_set_is_refused_in_a_decision_and_the_page_says_why(client, ward):
    clan_set = shared_set(LearningModel.CLAN)
    values = dict.fromkeys(clan_set.indicators().values_list("code", flat=True), 15)
    values = {code: min(Decimal(value), indicator.max_points) for code, value, indicator in _with(clan_set, values)}
    registration, evaluation = scored(ward, clan_set, values, LearningModel.CLAN)
    assert evaluation.level is not None  # it would pass, were the set usable
    the_decision = decision(ward, LearningModel.CLAN)

    with pytest.raises(workflow.TransitionError) as refused:
        workflow.recognise(the_decision, [registration], None)
    assert "Dự thảo – chưa dùng để công nhận" in refused.value.message
    registration.refresh_from_db()
    assert registration.status == Status.SCORED and registration.decision is None

    client.force_login(leader("lanhdao_dt", sites=[ward]))
    url = reverse("learning_decision_apply", args=[the_decision.pk])
    assert "không dùng được trong quyết định công nhận" in client.get(url).content.decode()
    response = client.post(url, {"ho_so": [registration.pk]}, follow=True)
    assert "Dự thảo – chưa dùng để công nhận" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.SCORED

    # Once an administrator confirms the set from the original, the same decision goes through.
    CriteriaSet.objects.filter(pk=clan_set.pk).update(status=CriteriaStatus.OFFICIAL)
    registration.criteria_set.refresh_from_db()
    recognised, _not = workflow.recognise(the_decision, [registration], None)
    assert recognised == [registration]


def _with(criteria_set, values):
    for indicator in criteria_set.indicators():
        yield indicator.code, values[indicator.code], indicator


def test_family_set_names_its_decision_and_what_was_not_found():
    family = shared_set(LearningModel.FAMILY)
    assert family.document_number == "448/QĐ-KHVN" and family.issued_on == datetime.date(2015, 12, 1)
    assert "2016–2020" in family.source_status and "chưa tìm thấy văn bản" in family.source_status
    children, adults = list(family.ordered_criteria())[:2]
    assert [indicator.max_points for indicator in children.indicators.all()] == [10, 10, 10]
    assert adults.max_points == 30
    assert "19 đến 60" in list(adults.indicators.all())[0].text  # prefetched in order
    assert family.max_total == 100
    # What the text did not give is marked as the software's placeholder, not passed off as the decision's.
    unknown = family.indicators().filter(criterion__code__in=["3", "4"])
    assert unknown.exists() and all("chưa có văn bản gốc" in indicator.text for indicator in unknown)


def test_a_new_version_starts_as_a_draft(ward):
    family = shared_set(LearningModel.FAMILY)
    new = family.copy_as_new_version("2026", datetime.date(2026, 1, 1))
    assert new.is_draft and new.document_number == family.document_number


def test_seed_load_is_idempotent_and_keeps_sources():
    seed.load()
    seed.load()
    assert CriteriaSet.objects.filter(learning_model=LearningModel.WARD, site__isnull=True).count() == 1
    assert shared_set(LearningModel.WARD).assessment == Assessment.MET


def test_only_an_administrator_confirms_a_set(client, ward):
    import re

    from .factories import national_admin

    url = reverse("learning_criteriaset:add")
    client.force_login(officer("canbo_bo", sites=[ward]))
    select = re.search(r"<select[^>]*name=\"status\"[^>]*>", client.get(url).content.decode()).group(0)
    assert "disabled" in select
    client.force_login(national_admin("trunguong_bo", sites=[ward]))
    select = re.search(r"<select[^>]*name=\"status\"[^>]*>", client.get(url).content.decode()).group(0)
    assert "disabled" not in select
