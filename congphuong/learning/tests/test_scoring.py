"""Scoring and thresholds under two versions of a criteria set; a past assessment keeps its version."""

import datetime
from decimal import Decimal

import pytest

from congphuong.learning import workflow
from congphuong.learning.choices import LearningModel, Status
from congphuong.learning.models import CriteriaSet, Registration
from congphuong.learning.scoring import evaluate

from .factories import HouseholdFactory, make_criteria_set, officer, points_by_code

pytestmark = pytest.mark.django_db


def version_2020():
    # 40 points; pass: total ≥ 30 and each criterion ≥ 50 %.
    return make_criteria_set(version="2020", valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2024, 12, 31))


def version_2025():
    # 50 points; levels: "Đạt" total ≥ 35, "Xuất sắc" total ≥ 45 and every indicator ≥ 8.
    return make_criteria_set(
        version="2025",
        valid_from=datetime.date(2025, 1, 1),
        criteria=(("1", [("1.1", 10, False), ("1.2", 10, False)]), ("2", [("2.1", 15, False), ("2.2", 15, False)])),
        levels=(("Đạt", 1, Decimal(35), None, None), ("Xuất sắc", 2, Decimal(45), None, Decimal(8))),
    )


def test_totals_and_single_threshold():
    criteria_set = version_2020()
    passed = evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 8, "1.2": 7, "2.1": 15}))
    assert passed.total == Decimal(30) and passed.max_total == Decimal(40)
    assert passed.level.name == "Đạt"

    low_total = evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 8, "1.2": 7, "2.1": 14}))
    assert low_total.level is None
    assert "tổng điểm 29 thấp hơn 30" in low_total.shortfalls[0]

    half_points = evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 10, "1.2": 10, "2.1": 9.5}))
    assert half_points.total == Decimal("29.5") and half_points.level is None


def test_each_criterion_threshold_blocks_a_high_total():
    criteria_set = make_criteria_set(
        criteria=(("1", [("1.1", 10, False)]), ("2", [("2.1", 30, False)])),
        levels=(("Đạt", 1, Decimal(25), Decimal(50), None),),
    )
    evaluation = evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 4, "2.1": 30}))
    assert evaluation.total == Decimal(34)
    assert evaluation.level is None
    assert any("tiêu chí 1 đạt 4/10 điểm, dưới 50%" in reason for reason in evaluation.shortfalls)


def test_two_levels_pick_the_highest_reached():
    criteria_set = version_2025()
    good = evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 10, "1.2": 9, "2.1": 15, "2.2": 12}))
    assert good.total == Decimal(46) and good.level.name == "Xuất sắc"
    one_low_indicator = evaluate(
        criteria_set, points_by_code(criteria_set, {"1.1": 10, "1.2": 7, "2.1": 15, "2.2": 15})
    )
    assert one_low_indicator.total == Decimal(47) and one_low_indicator.level.name == "Đạt"
    below = evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 5, "1.2": 5, "2.1": 10, "2.2": 10}))
    assert below.level is None


def test_incomplete_points_reach_no_level_and_out_of_range_is_refused():
    criteria_set = version_2020()
    partial = evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 10, "1.2": 10}))
    assert not partial.complete and partial.level is None and partial.missing == ["2.1"]
    with pytest.raises(ValueError, match="2.1"):
        evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 1, "1.2": 1, "2.1": 21}))


def test_ward_tt25_levels_by_indicator():
    criteria_set = make_criteria_set(
        learning_model=LearningModel.WARD,
        criteria=(("1", [("1.1", 2, False), ("1.2", 2, False)]), ("2", [("2.1", 2, False)])),
        levels=(("Mức 1", 1, None, None, Decimal(1)), ("Mức 2", 2, None, None, Decimal(2))),
        validity_months=36,
    )
    assert evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 2, "1.2": 2, "2.1": 2})).level.name == "Mức 2"
    assert evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 2, "1.2": 1, "2.1": 2})).level.name == "Mức 1"
    assert evaluate(criteria_set, points_by_code(criteria_set, {"1.1": 2, "1.2": 0, "2.1": 2})).level is None


def test_registration_picks_the_version_in_force_and_keeps_it(ward):
    old, new = version_2020(), version_2025()
    household = HouseholdFactory(site=ward)
    registration_2023 = Registration(
        site=ward,
        year=2023,
        learning_model=LearningModel.FAMILY,
        household=household,
        registered_on=datetime.date(2023, 3, 1),
    )
    registration_2023.full_clean()
    registration_2023.save()
    registration_2025 = Registration.objects.create(
        site=ward,
        year=2025,
        learning_model=LearningModel.FAMILY,
        household=household,
        registered_on=datetime.date(2025, 3, 1),
    )
    assert registration_2023.criteria_set == old
    assert registration_2025.criteria_set == new
    assert CriteriaSet.objects.applicable(LearningModel.FAMILY, datetime.date(2024, 6, 1), ward) == old


def test_later_version_edits_never_change_a_past_assessment(ward):
    old = version_2020()
    user = officer()
    household = HouseholdFactory(site=ward)
    registration = Registration.objects.create(
        site=ward, year=2023, learning_model=LearningModel.FAMILY, household=household, criteria_set=old
    )
    workflow.save_self_assessment(registration, user, points_by_code(old, {"1.1": 8, "1.2": 7, "2.1": 15}))
    assert registration.self_total == Decimal(30)

    new = old.copy_as_new_version("2026", datetime.date(2026, 1, 1))
    assert new.pk != old.pk and new.indicators().count() == old.indicators().count() == 3
    assert not set(new.indicators().values_list("pk", flat=True)) & set(old.indicators().values_list("pk", flat=True))
    # The new version raises the bar and the maxima.
    new.indicators().filter(code="2.1").update(max_points=Decimal(40))
    new.levels.update(min_total=Decimal(45))

    registration.refresh_from_db()
    assert registration.criteria_set_id == old.pk
    assert set(registration.scores.values_list("indicator__criterion__criteria_set", flat=True)) == {old.pk}
    again = evaluate(old, registration.score_map("self"))
    assert again.total == Decimal(30) and again.max_total == Decimal(40) and again.level.name == "Đạt"
    assert old.in_use and not new.in_use


def test_status_is_not_editable_through_forms():
    assert Registration._meta.get_field("status").editable is False
    assert Status.RECOGNISED.label == "Được công nhận"
