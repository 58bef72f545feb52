"""Aggregate figures for the dashboard, the reports and the public page (no personal data).

Every function runs a fixed number of queries whatever the number of rows.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from congphuong.core.text import nfc

from .choices import CITIZEN_DIGITAL, CITIZEN_STAFF, LearningModel, Status, TargetKind
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

# The key of all adults in the registry among the denominators (not a target's base since QĐ 677).
ADULTS = "nguoi_lon"


@dataclass
class Progress:
    kind: str
    label: str
    registered: int | None
    recognised: int
    denominator: int
    target: object = None  # Target or None

    @property
    def short_label(self):
        """For charts: the model's name, or the Công dân học tập group."""
        # Vietnamese msgids: the public page translates them under /en/ (public.progress_chart).
        if self.kind == CITIZEN_STAFF:
            return "Công dân học tập (đơn vị học tập)"
        if self.kind == CITIZEN_DIGITAL:
            return "Công dân học tập có kỹ năng số"
        return str(LearningModel(self.kind).label)

    @property
    def registered_percent(self):
        return percent(self.registered, self.denominator) if self.registered is not None else None

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
    layer = "" if target.site_id is None and not target.province else f"{target.layer}; "
    if target.percent is None:
        return f"chưa có tỷ lệ, cần xác nhận (đến {target.year}, {layer}{target.legal_basis})"
    text = f"{plain_number(target.percent)}% (đến {target.year}, {layer}{target.legal_basis})"
    return text + (" – cần xác nhận" if target.needs_confirmation else "")


def province_of(site) -> str:
    """The ward's province or city as its settings name it ("Đơn vị cấp trên"), for the province targets."""
    from congphuong.wards.models import WardSettings

    name = WardSettings.objects.filter(site=site).values_list("parent_unit", flat=True).first()
    return nfc(name or "").strip().casefold()


def _layer_rank(target) -> int:
    """The ward's own plan first, then its province's, then the national target."""
    if target.site_id:
        return 0
    return 1 if target.province else 2


def targets_for(site, year) -> dict:
    """For each target kind, the target that applies in `year`: the nearest deadline not yet past
    (or the last one when all are past); at the same deadline the ward's own, then its province's
    or city's plan, then the national target."""
    province = province_of(site)
    by_kind = {}
    for target in Target.objects.filter(Q(site=site) | Q(site__isnull=True)):
        if target.site_id is None and target.province and nfc(target.province).strip().casefold() != province:
            continue  # another province's plan
        by_kind.setdefault(target.kind, []).append(target)
    chosen = {}
    for kind, items in by_kind.items():
        upcoming = [target for target in items if target.year >= year]
        best_year = min(t.year for t in upcoming) if upcoming else max(t.year for t in items)
        same_year = [target for target in items if target.year == best_year]
        chosen[kind] = min(same_year, key=_layer_rank)
    return chosen


def in_registry(year, prefix="", day=None):
    """Households still in the registry at the end of `year` (or on `day`): not removed, or removed after it.

    A household removed without a date (older data) stays out of every year, as before.
    """
    end = day or datetime.date(year, 12, 31)
    return Q(**{f"{prefix}removed": False}) | Q(**{f"{prefix}removed": True, f"{prefix}removed_on__gt": end})


def past_households(site, year, day=None) -> tuple[dict, dict]:
    """Households deleted after `year` (or `day`) that were in the registry then: (households, adults) per khu phố.

    Deleting a household must not change the figures of years already reported.
    """
    end = day or datetime.date(year, 12, 31)
    households, adults = {}, {}
    for stone in HouseholdTombstone.objects.filter(site=site, deleted_on__gt=end):
        left = min(moment for moment in (stone.deleted_on, stone.removed_on) if moment is not None)
        if left <= end:
            continue
        households[stone.quarter_id] = households.get(stone.quarter_id, 0) + 1
        grown = sum(1 for born in stone.member_birth_years if born <= year - ADULT_AGE)
        adults[stone.quarter_id] = adults.get(stone.quarter_id, 0) + grown
    return households, adults


def registry_quarters(site, year, day=None):
    """Active khu phố with `registry_households` counted as at the end of `year` (or on `day`)."""
    quarters = list(
        LearningQuarter.objects.filter(site=site, active=True)
        .annotate(registry_households=Count("households", filter=in_registry(year, "households__", day), distinct=True))
        .order_by("sort_order", "name")
    )
    deleted, _adults = past_households(site, year, day)
    for quarter in quarters:
        quarter.registry_households += deleted.get(quarter.pk, 0)
    return quarters


def recognised_on(day, prefix=""):
    """Recognised by a decision signed on or before `day` (a recognition recorded without a decision counts)."""
    return Q(**{f"{prefix}status": Status.RECOGNISED}) & (
        Q(**{f"{prefix}decision__isnull": True}) | Q(**{f"{prefix}decision__signed_on__lte": day})
    )


def recognised_subjects(site, year, day, learning_model, field, cut=False):
    """Ids of the subjects recognised for `year`, or by an earlier recognition still valid on `day`
    (with `cut`, only by decisions signed by `day`)."""
    return set(
        Registration.objects.filter(site=site, learning_model=learning_model)
        .filter(recognised_on(day) if cut else Q(status=Status.RECOGNISED))
        .filter(Q(year=year) | Q(year__lt=year, valid_until__gte=day))
        .exclude(**{f"{field}__isnull": True})
        .values_list(field, flat=True)
    )


@dataclass
class LearningPopulations:
    """QĐ 677/QĐ-TTg's bases: who lives in recognised learning families and communities, who works in
    recognised learning units. Clans are not linked to households in the registry, so they add nobody."""

    households: set
    quarters: set
    units: set


def populations(site, year, day, cut=False) -> LearningPopulations:
    return LearningPopulations(
        households=recognised_subjects(site, year, day, LearningModel.FAMILY, "household", cut),
        quarters=recognised_subjects(site, year, day, LearningModel.COMMUNITY, "community", cut),
        units=recognised_subjects(site, year, day, LearningModel.UNIT, "unit", cut),
    )


def denominators(site, year, day=None, groups=None) -> dict:
    day = day or datetime.date(year, 12, 31)
    groups = groups or populations(site, year, day)
    quarters = registry_quarters(site, year, day)
    adults = HouseholdMember.objects.filter(household__site=site, birth_year__lte=year - ADULT_AGE).filter(
        in_registry(year, "household__", day)
    )
    adults_by_quarter = dict(adults.values_list("household__quarter").annotate(n=Count("pk")).order_by())
    for quarter_id, count in past_households(site, year, day)[1].items():
        adults_by_quarter[quarter_id] = adults_by_quarter.get(quarter_id, 0) + count
    # Adults of recognised learning communities (the khu phố's own count when given), plus those of
    # recognised learning families living elsewhere.
    learning_adults = sum(
        (q.adults_total or adults_by_quarter.get(q.pk, 0)) for q in quarters if q.pk in groups.quarters
    )
    learning_adults += (
        adults.filter(household__in=groups.households).exclude(household__quarter__in=groups.quarters).count()
    )
    units = Unit.objects.filter(site=site, active=True).aggregate(count=Count("pk"))
    learning_staff = Unit.objects.filter(pk__in=groups.units).aggregate(staff=Sum("staff_count"))["staff"]
    return {
        LearningModel.FAMILY: sum(q.households_total or q.registry_households for q in quarters),
        LearningModel.CLAN: Clan.objects.filter(site=site, active=True).count(),
        LearningModel.COMMUNITY: len(quarters),
        LearningModel.UNIT: units["count"] or 0,
        LearningModel.CITIZEN: learning_adults,
        CITIZEN_STAFF: learning_staff or 0,
        ADULTS: sum(q.adults_total or adults_by_quarter.get(q.pk, 0) for q in quarters),
    }


def progress(site, year, day=None) -> list[Progress]:
    """Registered and recognised per model for `year`, as of `day` (default: 31/12), against the
    denominators and targets. Công dân học tập counts only the populations QĐ 677/QĐ-TTg names."""
    cut = day is not None  # a report's cut-off: only what was registered and decided by then
    day = day or datetime.date(year, 12, 31)
    groups = populations(site, year, day, cut)
    registrations = Registration.objects.filter(site=site, year=year)
    if cut:
        registrations = registrations.filter(registered_on__lte=day)
    recognised = recognised_on(day) if cut else Q(status=Status.RECOGNISED)
    counts = {
        row["learning_model"]: row
        for row in registrations.exclude(learning_model=LearningModel.CITIZEN)
        .values("learning_model")
        .annotate(registered=Count("pk"), recognised=Count("pk", filter=recognised))
        .order_by()
    }
    citizens = registrations.filter(learning_model=LearningModel.CITIZEN)
    in_learning_homes = Q(citizen__birth_year__lte=year - ADULT_AGE) & (
        Q(citizen__household__in=groups.households) | Q(quarter__in=groups.quarters)
    )
    in_learning_units = Q(citizen__unit__in=groups.units)
    citizen_counts = citizens.aggregate(
        registered=Count("pk", filter=in_learning_homes),
        recognised=Count("pk", filter=in_learning_homes & recognised),
        staff_registered=Count("pk", filter=in_learning_units),
        staff_recognised=Count("pk", filter=in_learning_units & recognised),
        all_recognised=Count("pk", filter=recognised),
        digital=Count("pk", filter=recognised & Q(digital_skills=True)),
    )
    bases = denominators(site, year, day, groups)
    targets = targets_for(site, year)
    rows = []
    for kind, label in TargetKind.choices:
        if kind == LearningModel.CITIZEN:
            registered, done, base = citizen_counts["registered"], citizen_counts["recognised"], bases[kind]
        elif kind == CITIZEN_STAFF:
            registered, done = citizen_counts["staff_registered"], citizen_counts["staff_recognised"]
            base = bases[kind]
        elif kind == CITIZEN_DIGITAL:
            registered, done, base = None, citizen_counts["digital"], citizen_counts["all_recognised"]
        else:
            source = counts.get(kind, {})
            registered, done, base = source.get("registered", 0), source.get("recognised", 0), bases[kind]
        rows.append(Progress(kind, label, registered, done, base, targets.get(kind)))
    return rows


@dataclass
class YearCell:
    year: int
    actual: Decimal | None  # None for a year not begun
    target: object  # Target or None

    @property
    def target_percent(self):
        return self.target.percent if self.target else None

    @property
    def layer(self):
        return self.target.layer if self.target else ""


def yearly_targets(site, first_year, last_year, today=None) -> list[tuple[str, list[YearCell]]]:
    """Per target kind, each year's recognised percentage beside the target that applies in it
    (the ward's yearly plan, else its province's, else the national one): the dashboard's table."""
    today = today or datetime.date.today()
    table = {kind: [] for kind, _label in TargetKind.choices}
    for year in range(first_year, last_year + 1):
        if year <= today.year:
            for row in progress(site, year):
                table[row.kind].append(YearCell(year, row.recognised_percent, row.target))
        else:
            targets = targets_for(site, year)
            for kind in table:
                table[kind].append(YearCell(year, None, targets.get(kind)))
    return [(label, table[kind]) for kind, label in TargetKind.choices]


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
