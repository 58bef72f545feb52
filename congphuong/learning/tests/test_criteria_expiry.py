"""Criteria sets that end: QĐ 448/QĐ-KHVN's family set (2016–2020), the notice, the replacement, and
the three Công dân học tập sets (issue 16 §2)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congphuong.learning import availability, seed, workflow
from congphuong.learning.choices import CriteriaStatus, LearningModel, Status
from congphuong.learning.models import CriteriaSet, Registration

from .factories import CitizenFactory, HouseholdFactory, leader, national_admin, officer, points_by_code

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 5)


def family_448():
    return CriteriaSet.objects.get(learning_model=LearningModel.FAMILY, version="2015", site__isnull=True)


def test_the_448_family_set_runs_from_2016_to_2020():
    family = family_448()
    assert (family.valid_from, family.valid_to) == (datetime.date(2016, 1, 1), datetime.date(2020, 12, 31))
    assert family.is_valid_on(datetime.date(2020, 12, 31)) and not family.is_valid_on(datetime.date(2021, 1, 1))
    assert CriteriaSet.objects.applicable(LearningModel.FAMILY, datetime.date(2018, 5, 1)) == family
    assert CriteriaSet.objects.applicable(LearningModel.FAMILY, TODAY) is None
    assert CriteriaSet.objects.latest_expired(LearningModel.FAMILY, TODAY) == family


def test_a_registration_never_picks_the_expired_set_silently(ward):
    household = HouseholdFactory(site=ward)
    registration = Registration(
        site=ward, year=2026, learning_model=LearningModel.FAMILY, household=household, registered_on=TODAY
    )
    with pytest.raises(ValidationError) as refused:
        registration.full_clean()
    message = " ".join(refused.value.message_dict["criteria_set"])
    assert "đã hết hiệu lực từ ngày 01/01/2021" in message and "448/QĐ-KHVN" in message
    assert "thêm bộ tiêu chí thay thế" in message


def test_the_officer_is_told_on_the_dashboard_and_the_criteria_list(client, ward):
    [gap] = [gap for gap in availability.gaps(ward, TODAY) if gap.learning_model == LearningModel.FAMILY]
    assert gap.expired == family_448()
    client.force_login(officer(sites=[ward]))
    dashboard = client.get(reverse("learning_dashboard")).content.decode()
    assert "Bộ tiêu chí Gia đình học tập" in dashboard and "đã hết hiệu lực từ ngày 01/01/2021" in dashboard
    listing = client.get(reverse("learning_criteriaset:index")).content.decode()
    assert "Cần thêm bộ tiêu chí thay thế" in listing
    # The models that do have a set in force are not named.
    assert "Bộ tiêu chí Cộng đồng học tập cấp xã" not in dashboard


def test_assessing_on_purpose_against_the_expired_set_is_provisional(client, ward):
    """Chosen explicitly it scores, the dossier says so, and no decision can recognise it."""
    family = family_448()
    CriteriaSet.objects.filter(pk=family.pk).update(status=CriteriaStatus.OFFICIAL)  # expiry alone refuses
    family.refresh_from_db()
    registration = Registration(
        site=ward,
        year=2026,
        learning_model=LearningModel.FAMILY,
        household=HouseholdFactory(site=ward),
        registered_on=TODAY,
        criteria_set=family,
    )
    registration.full_clean()
    registration.save()
    assert registration.criteria_expired
    user = leader(sites=[ward])
    points = points_by_code(family, dict.fromkeys(family.indicators().values_list("code", flat=True), 10))
    workflow.save_self_assessment(registration, user, points)
    Registration.objects.filter(pk=registration.pk).update(status=Status.QUARTER_REVIEWED)
    registration.refresh_from_db()
    evaluation = workflow.council_score(registration, user, points)
    assert evaluation.level is not None
    from congphuong.learning.models import RecognitionDecision

    decision = RecognitionDecision.objects.create(
        site=ward,
        year=2026,
        learning_model=LearningModel.FAMILY,
        number="7/QĐ-KH",
        signed_on=datetime.date(2026, 11, 25),
        signer_name="Người Ký",
        signer_title="Chủ tịch",
        issuer="Cơ quan thử",
    )
    with pytest.raises(workflow.TransitionError) as refused:
        workflow.recognise(decision, [registration], user)
    assert "đã hết hiệu lực" in refused.value.message and "đánh giá tạm" in refused.value.message
    client.force_login(user)
    page = client.get(reverse("learning_registration", args=[registration.pk])).content.decode()
    assert "Bộ tiêu chí đã hết hiệu lực" in page
    apply_page = client.get(reverse("learning_decision_apply", args=[decision.pk])).content.decode()
    assert "không dùng được trong quyết định công nhận" in apply_page


def test_an_administrator_adds_the_replacement_as_a_draft_then_official(client, ward):
    family = family_448()
    client.force_login(officer(sites=[ward]))
    assert client.get(reverse("learning_criteria_new_version", args=[family.pk])).status_code == 403
    client.force_login(national_admin(sites=[ward]))
    response = client.post(
        reverse("learning_criteria_new_version", args=[family.pk]),
        {"version": "2021 (thay thế)", "valid_from": "01/01/2021"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    new = CriteriaSet.objects.get(version="2021 (thay thế)")
    assert new.is_draft and new.valid_from == datetime.date(2021, 1, 1)
    # The gap is closed at once (a draft scores; it only cannot ground a decision until confirmed).
    assert availability.gap(LearningModel.FAMILY, TODAY, ward) is None
    registration = Registration(
        site=ward, year=2026, learning_model=LearningModel.FAMILY, household=HouseholdFactory(site=ward)
    )
    registration.registered_on = TODAY
    registration.full_clean()
    assert registration.criteria_set == new
    CriteriaSet.objects.filter(pk=new.pk).update(status=CriteriaStatus.OFFICIAL)
    assert not CriteriaSet.objects.get(pk=new.pk).is_draft


def test_three_citizen_sets_one_per_group_and_a_registration_must_choose(ward):
    seed.load()  # idempotent: still three sets, each saying what was not found
    sets = list(CriteriaSet.objects.filter(learning_model=LearningModel.CITIZEN, site__isnull=True).order_by("pk"))
    assert [criteria_set.population_group for criteria_set in sets] == seed.CITIZEN_GROUPS
    for criteria_set in sets:
        assert criteria_set.is_draft and criteria_set.indicators().count() == 10
        assert criteria_set.max_total == 100 and criteria_set.criteria.count() == 3
        titles = [criterion.title for criterion in criteria_set.ordered_criteria()]
        assert titles[0] == "Năng lực tự học và học tập suốt đời"
        assert all("chưa có văn bản gốc" in indicator.text for indicator in criteria_set.indicators())
        level = criteria_set.levels.get()
        assert (level.min_total, level.min_total_disadvantaged, level.min_indicator_points) == (80, 70, 5)
        assert "tên nhóm chưa tìm thấy" in criteria_set.population_group
        assert criteria_set.source_status == seed.CITIZEN_SOURCE
    registration = Registration(
        site=ward, year=2026, learning_model=LearningModel.CITIZEN, citizen=CitizenFactory(site=ward)
    )
    with pytest.raises(ValidationError) as refused:
        registration.full_clean()
    assert "Hãy chọn bộ đúng nhóm" in " ".join(refused.value.message_dict["criteria_set"])
    registration.criteria_set = sets[1]
    registration.full_clean()


@pytest.mark.parametrize("model", [LearningModel.CLAN, LearningModel.COMMUNITY, LearningModel.UNIT])
def test_sets_without_their_text_say_so_on_every_line(model):
    criteria_set = CriteriaSet.objects.get(learning_model=model, site__isnull=True)
    assert all(seed.PLACEHOLDER in criterion.title for criterion in criteria_set.criteria.all())
    assert all(seed.PLACEHOLDER in indicator.text for indicator in criteria_set.indicators())


def test_digital_skills_only_on_a_citizen_dossier(ward):
    registration = Registration(
        site=ward,
        year=2026,
        learning_model=LearningModel.FAMILY,
        household=HouseholdFactory(site=ward),
        criteria_set=family_448(),
        digital_skills=True,
        registered_on=TODAY,
    )
    with pytest.raises(ValidationError) as refused:
        registration.full_clean()
    assert "kỹ năng số" in " ".join(refused.value.message_dict["digital_skills"])


def test_after_the_replacement_each_assessment_keeps_the_set_valid_on_its_own_date(client, ward):
    """A family assessed in 2019 under QĐ 448 keeps 448 (criteria, points, total) after an administrator adds
    the 2021 set; its re-assessment in 2026 and any new one take the new set; a 2020 dossier still takes 448."""
    family = family_448()
    household = HouseholdFactory(site=ward, head_name="Lê Thị Tái")
    user = leader(sites=[ward])
    old = Registration(
        site=ward,
        year=2019,
        learning_model=LearningModel.FAMILY,
        household=household,
        registered_on=datetime.date(2019, 3, 1),
    )
    old.full_clean()
    old.save()
    assert old.criteria_set == family
    codes = list(family.indicators().values_list("code", flat=True))
    workflow.save_self_assessment(old, user, points_by_code(family, dict.fromkeys(codes, 5)))
    old_total = old.self_total
    old_indicators = set(old.scores.values_list("indicator_id", flat=True))
    assert old_total == 5 * len(codes)

    client.force_login(national_admin("quantri_tt", sites=[ward]))
    response = client.post(
        reverse("learning_criteria_new_version", args=[family.pk]),
        {"version": "2021 (thay thế)", "valid_from": "01/01/2021"},
    )
    assert response.status_code == 302
    new = CriteriaSet.objects.get(version="2021 (thay thế)")
    # The administrator rewrites the new set from its text: the old assessment does not move.
    new.indicators().update(text="Chỉ số theo bộ tiêu chí mới")

    old.refresh_from_db()
    assert old.criteria_set == family and old.self_total == old_total
    assert set(old.scores.values_list("indicator_id", flat=True)) == old_indicators
    assert not old.criteria_expired  # 448 was in force on 01/03/2019
    assert (
        "Chỉ số theo bộ tiêu chí mới"
        not in client.get(reverse("learning_registration", args=[old.pk])).content.decode()
    )

    again = Registration(
        site=ward,
        year=2026,
        learning_model=LearningModel.FAMILY,
        household=household,
        registered_on=TODAY,
    )
    again.full_clean()
    again.save()
    late_2020 = Registration(
        site=ward,
        year=2020,
        learning_model=LearningModel.FAMILY,
        household=household,
        registered_on=datetime.date(2020, 6, 1),
    )
    late_2020.full_clean()
    late_2020.save()
    assert again.criteria_set == new and late_2020.criteria_set == family
    assert not again.criteria_expired and not late_2020.criteria_expired
    page = client.get(reverse("learning_registration", args=[again.pk])).content.decode()
    assert "Chỉ số theo bộ tiêu chí mới" in page and "2021 (thay thế)" in page
