"""Past years' figures survive deletions; the national targets (2025, 2030) and TT 25/2023 as data."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from congphuong.learning import seed, stats
from congphuong.learning.choices import CITIZEN_STAFF, LearningModel
from congphuong.learning.models import CriteriaSet, Household, HouseholdTombstone, Target

from .factories import HouseholdFactory, MemberFactory, QuarterFactory, officer

pytestmark = pytest.mark.django_db


def family_and_adults(site, year):
    bases = stats.denominators(site, year)
    return bases[LearningModel.FAMILY], bases[stats.ADULTS]


def test_deleting_or_removing_a_household_keeps_past_denominators(client, ward):
    this_year = timezone.localdate().year
    last_year = this_year - 1
    quarter = QuarterFactory(site=ward, name="Khu phố 5")
    households = [HouseholdFactory(site=ward, quarter=quarter) for _ in range(3)]
    for household in households:
        MemberFactory(household=household, birth_year=1970)
        MemberFactory(household=household, birth_year=this_year - 5)  # a child: not an adult
    assert family_and_adults(ward, last_year) == (3, 3)
    quarter_row = stats.by_quarter(ward, last_year)[0]
    assert quarter_row.households == 3

    client.force_login(officer())
    response = client.post(reverse("learning_household:delete", args=[households[0].pk]))
    assert response.status_code == 302 and not Household.objects.filter(pk=households[0].pk).exists()
    stone = HouseholdTombstone.objects.get()
    assert stone.member_birth_years == sorted([1970, this_year - 5]) and stone.quarter == quarter
    assert not hasattr(stone, "head_name")  # no personal data kept

    households[1].removed = True
    households[1].save()
    assert households[1].removed_on == timezone.localdate()

    # Last year's figures, already reported, do not move; this year's do.
    assert family_and_adults(ward, last_year) == (3, 3)
    assert stats.by_quarter(ward, last_year)[0].households == 3
    assert family_and_adults(ward, this_year) == (1, 1)
    assert stats.by_quarter(ward, this_year)[0].households == 1

    # A household taken back into the registry counts again for every year.
    households[1].removed = False
    households[1].save()
    assert households[1].removed_on is None
    assert family_and_adults(ward, this_year) == (2, 2)


def test_national_targets_2025_and_2030_are_seeded(ward):
    seed.load()
    shared = {(t.kind, t.year): t for t in Target.objects.filter(site__isnull=True, province="")}
    kinds = [LearningModel.FAMILY, LearningModel.CLAN, LearningModel.COMMUNITY, LearningModel.UNIT]
    kinds += [LearningModel.CITIZEN, CITIZEN_STAFF]
    assert {kind: shared[(kind, 2025)].percent for kind in kinds} == {
        LearningModel.FAMILY: Decimal(70),
        LearningModel.CLAN: Decimal(65),
        LearningModel.COMMUNITY: Decimal(65),
        LearningModel.UNIT: Decimal(80),
        LearningModel.CITIZEN: Decimal(40),
        CITIZEN_STAFF: Decimal(60),
    }
    assert shared[(LearningModel.CITIZEN, 2030)].percent == 60
    assert shared[(CITIZEN_STAFF, 2030)].percent == 80
    assert not shared[(LearningModel.CITIZEN, 2030)].needs_confirmation
    for kind in (LearningModel.FAMILY, LearningModel.CLAN, LearningModel.COMMUNITY, LearningModel.UNIT):
        pending = shared[(kind, 2030)]
        assert pending.percent is None and pending.needs_confirmation and "387/QĐ-TTg" in pending.legal_basis
        assert "cần xác nhận" in str(pending)


def test_dashboard_compares_with_the_target_of_the_year(client, ward):
    seed.load()
    rows = {row.kind: row for row in stats.progress(ward, 2025)}
    assert rows[LearningModel.FAMILY].target.year == 2025
    assert rows[LearningModel.FAMILY].target_label.startswith("70% (đến 2025")
    later = {row.kind: row for row in stats.progress(ward, 2027)}
    assert later[LearningModel.FAMILY].target.year == 2030
    assert "cần xác nhận" in later[LearningModel.FAMILY].target_label
    assert later[LearningModel.FAMILY].gap is None
    assert later[LearningModel.CITIZEN].target_label.startswith("60% (đến 2030")
    client.force_login(officer())
    html = client.get(reverse("learning_dashboard") + "?nam=2027").content.decode()
    assert "chưa có tỷ lệ, cần xác nhận (đến 2030" in html


def test_a_ward_target_needs_a_percent_or_the_confirmation_flag(ward):
    from django.core.exceptions import ValidationError

    target = Target(site=ward, kind=LearningModel.FAMILY, year=2030, percent=None, legal_basis="Nghị quyết phường")
    with pytest.raises(ValidationError):
        target.full_clean()
    target.needs_confirmation = True
    target.full_clean()


def test_thong_tu_25_2023_thresholds(ward):
    seed.load()
    ward_set = CriteriaSet.objects.get(learning_model=LearningModel.WARD, site__isnull=True)
    assert "25/2023/TT-BGDĐT" in ward_set.legal_basis
    assert ward_set.valid_from == datetime.date(2024, 2, 12)
    assert ward_set.validity_months == 36
    assert ward_set.criteria.count() == 5 and ward_set.indicators().count() == 15
    levels = [(level.name, level.rank, level.min_indicator_points) for level in ward_set.ordered_levels()]
    assert levels == [("Mức 2", 2, 2), ("Mức 1", 1, 1)]
