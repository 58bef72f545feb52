"""Aggregate figures for the dashboard, the reports and the public page (no personal data).

Every function runs a fixed number of queries whatever the number of rows.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from .choices import CITIZEN_STAFF, LearningModel, Status, TargetKind
from .models import (
    Award,
    Clan,
    Household,
    HouseholdMember,
    HouseholdTombstone,
    LearningQuarter,
    Registration,
    Target,
    Unit,
)
from .models.registry import ADULT_AGE
from .numbers import percent, plain_number


@dataclass
class Progress:
    kind: str
    label: str
    registered: int
    recognised: int
    denominator: int
    target: object = None  # Target or None

    @property
    def short_label(self):
        """For charts: the model's name, or the public-staff group."""
        if self.kind == CITIZEN_STAFF:
            return "Công dân học tập (cán bộ, công chức)"
        return LearningModel(self.kind).label

    @property
    def registered_percent(self):
        return percent(self.registered, self.denominator)

    @property
    def recognised_percent(self):
        return percent(self.recognised, self.denominator)

    @property
    def target_percent(self):
        return self.target.percent if self.target else None

    @property
    def target_label(self):
        """The target as the tables show it, saying so when it still needs confirming."""
        return target_label(self.target)

    @property
    def gap(self):
        """Percentage points still missing to the target (0 when reached), None without data."""
        if self.target_percent is None or self.recognised_percent is None:
            return None
        return max(Decimal(0), self.target.percent - self.recognised_percent)

    @property
    def reached(self):
        return self.gap == 0


def target_label(target) -> str:
    if target is None:
        return "–"
    if target.percent is None:
        return f"chưa có tỷ lệ, cần xác nhận (đến {target.year}, {target.legal_basis})"
    text = f"{plain_number(target.percent)}% (đến {target.year}, {target.legal_basis})"
    return text + (" – cần xác nhận" if target.needs_confirmation else "")


def targets_for(site, year) -> dict:
    """For each target kind, the target that applies in `year`: the nearest deadline not yet past
    (or the last one when all are past), the ward's own before the shared one."""
    by_kind = {}
    for target in Target.objects.filter(Q(site=site) | Q(site__isnull=True)):
        by_kind.setdefault(target.kind, []).append(target)
    chosen = {}
    for kind, items in by_kind.items():
        upcoming = [target for target in items if target.year >= year]
        best_year = min(t.year for t in upcoming) if upcoming else max(t.year for t in items)
        same_year = [target for target in items if target.year == best_year]
        chosen[kind] = next((target for target in same_year if target.site_id), same_year[0])
    return chosen


def in_registry(year, prefix=""):
    """Households still in the registry at the end of `year`: not removed, or removed after it.

    A household removed without a date (older data) stays out of every year, as before.
    """
    end = datetime.date(year, 12, 31)
    return Q(**{f"{prefix}removed": False}) | Q(**{f"{prefix}removed": True, f"{prefix}removed_on__gt": end})


def past_households(site, year) -> tuple[dict, dict]:
    """Households deleted after `year` that were in the registry then: (households, adults) per khu phố.

    Deleting a household must not change the figures of years already reported.
    """
    households, adults = {}, {}
    for stone in HouseholdTombstone.objects.filter(site=site, deleted_on__gt=datetime.date(year, 12, 31)):
        if not stone.counts_in(year):
            continue
        households[stone.quarter_id] = households.get(stone.quarter_id, 0) + 1
        grown = sum(1 for born in stone.member_birth_years if born <= year - ADULT_AGE)
        adults[stone.quarter_id] = adults.get(stone.quarter_id, 0) + grown
    return households, adults


def registry_quarters(site, year):
    """Active khu phố with `registry_households` counted as at the end of `year`."""
    quarters = list(
        LearningQuarter.objects.filter(site=site, active=True)
        .annotate(registry_households=Count("households", filter=in_registry(year, "households__"), distinct=True))
        .order_by("sort_order", "name")
    )
    deleted, _adults = past_households(site, year)
    for quarter in quarters:
        quarter.registry_households += deleted.get(quarter.pk, 0)
    return quarters


def denominators(site, year) -> dict:
    quarters = registry_quarters(site, year)
    adults_by_quarter = dict(
        HouseholdMember.objects.filter(household__site=site, birth_year__lte=year - ADULT_AGE)
        .filter(in_registry(year, "household__"))
        .values_list("household__quarter")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for quarter_id, count in past_households(site, year)[1].items():
        adults_by_quarter[quarter_id] = adults_by_quarter.get(quarter_id, 0) + count
    units = Unit.objects.filter(site=site, active=True).aggregate(
        count=Count("pk"), staff=Sum("staff_count", filter=Q(is_public=True))
    )
    return {
        LearningModel.FAMILY: sum(q.households_total or q.registry_households for q in quarters),
        LearningModel.CLAN: Clan.objects.filter(site=site, active=True).count(),
        LearningModel.COMMUNITY: len(quarters),
        LearningModel.UNIT: units["count"] or 0,
        LearningModel.CITIZEN: sum(q.adults_total or adults_by_quarter.get(q.pk, 0) for q in quarters),
        CITIZEN_STAFF: units["staff"] or 0,
    }


def progress(site, year) -> list[Progress]:
    """Registered and recognised per model for `year`, against the denominators and targets."""
    counts = {
        row["learning_model"]: row
        for row in Registration.objects.filter(site=site, year=year)
        .values("learning_model")
        .annotate(
            registered=Count("pk"),
            recognised=Count("pk", filter=Q(status=Status.RECOGNISED)),
            staff_registered=Count("pk", filter=Q(is_public_staff=True)),
            staff_recognised=Count("pk", filter=Q(is_public_staff=True, status=Status.RECOGNISED)),
        )
        .order_by()
    }
    bases = denominators(site, year)
    targets = targets_for(site, year)
    rows = []
    for kind, label in TargetKind.choices:
        if kind == CITIZEN_STAFF:
            source = counts.get(LearningModel.CITIZEN, {})
            registered, recognised = source.get("staff_registered", 0), source.get("staff_recognised", 0)
        else:
            source = counts.get(kind, {})
            registered, recognised = source.get("registered", 0), source.get("recognised", 0)
        rows.append(Progress(kind, label, registered, recognised, bases[kind], targets.get(kind)))
    return rows


def ward_recognition(site, year):
    """The ward's own Cộng đồng học tập cấp xã registration for `year`, if any."""
    return (
        Registration.objects.filter(site=site, year=year, learning_model=LearningModel.WARD)
        .select_related("decision")
        .first()
    )


@dataclass
class QuarterRow:
    name: str
    households: int
    families_registered: int
    families_recognised: int
    citizens_registered: int
    citizens_recognised: int
    community_status: str

    @property
    def families_percent(self):
        return percent(self.families_recognised, self.households)


def by_quarter(site, year) -> list[QuarterRow]:
    quarters = registry_quarters(site, year)
    counts = {}
    for row in (
        Registration.objects.filter(site=site, year=year, quarter__isnull=False)
        .values("quarter", "learning_model")
        .annotate(registered=Count("pk"), recognised=Count("pk", filter=Q(status=Status.RECOGNISED)))
        .order_by()
    ):
        counts[(row["quarter"], row["learning_model"])] = (row["registered"], row["recognised"])
    community = dict(
        Registration.objects.filter(site=site, year=year, learning_model=LearningModel.COMMUNITY).values_list(
            "quarter", "status"
        )
    )
    rows = []
    for quarter in quarters:
        family = counts.get((quarter.pk, LearningModel.FAMILY), (0, 0))
        citizen = counts.get((quarter.pk, LearningModel.CITIZEN), (0, 0))
        status = community.get(quarter.pk)
        rows.append(
            QuarterRow(
                name=quarter.name,
                households=quarter.households_total or quarter.registry_households,
                families_registered=family[0],
                families_recognised=family[1],
                citizens_registered=citizen[0],
                citizens_recognised=citizen[1],
                community_status=Status(status).label if status else "Chưa đăng ký",
            )
        )
    return rows


def awards_summary(site, start: datetime.date, end: datetime.date) -> dict:
    awards = Award.objects.filter(site=site, awarded_on__range=(start, end))
    by_category = list(awards.values("category").annotate(count=Count("pk"), total=Sum("amount")).order_by("category"))
    from .choices import AwardCategory

    labels = dict(AwardCategory.choices)
    for row in by_category:
        row["label"] = labels.get(row["category"], row["category"])
    return {
        "count": awards.count(),
        "total": awards.aggregate(total=Sum("amount"))["total"] or Decimal(0),
        "by_category": by_category,
        "by_school": list(
            awards.values("school").annotate(count=Count("pk"), total=Sum("amount")).order_by("-count", "school")
        ),
        "by_grade": list(awards.values("grade").annotate(count=Count("pk"), total=Sum("amount")).order_by("grade")),
    }


def household_totals(site) -> dict:
    households = Household.objects.filter(site=site, removed=False)
    return {
        "households": households.count(),
        "members": HouseholdMember.objects.filter(household__in=households).count(),
    }


def years_with_data(site) -> list[int]:
    years = set(Registration.objects.filter(site=site).values_list("year", flat=True).distinct())
    years.add(datetime.date.today().year)
    return sorted(years, reverse=True)
