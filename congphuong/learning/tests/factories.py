"""Factories and helpers for the learning-society tests."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from congphuong.learning.choices import CriteriaStatus, LearningModel, OccupationGroup, SchoolingStatus, Sex
from congphuong.learning.models import (
    Citizen,
    CriteriaSet,
    Criterion,
    Household,
    HouseholdMember,
    Indicator,
    LearningQuarter,
    LearningSocietyPage,
    RecognitionLevel,
    WardAssignment,
)
from congphuong.learning.roles import APPROVER, LEARNING_OFFICER, NATIONAL_ADMIN, ensure_learning_roles

PASSWORD = "Mat-khau-thu-nghiem-2025"


class LearningSocietyPageFactory(wagtail_factories.PageFactory):
    title = "Xã hội học tập"
    slug = "xa-hoi-hoc-tap"

    class Meta:
        model = LearningSocietyPage


class QuarterFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Khu phố {n + 1}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = LearningQuarter


class HouseholdFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"H-{n:03d}")
    head_name = factory.Sequence(lambda n: f"Chủ Hộ Thử {n}")
    address = factory.Sequence(lambda n: f"{n} đường Thử Nghiệm")
    quarter = factory.SubFactory(QuarterFactory, site=factory.SelfAttribute("..site"))

    class Meta:
        model = Household


class MemberFactory(factory.django.DjangoModelFactory):
    birth_year = 1980
    sex = Sex.MALE
    schooling = SchoolingStatus.FINISHED
    occupation = OccupationGroup.BUSINESS

    class Meta:
        model = HouseholdMember


class CitizenFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Công Dân Thử {n}")
    birth_year = 1990
    sex = Sex.FEMALE
    quarter = factory.SubFactory(QuarterFactory, site=factory.SelfAttribute("..site"))

    class Meta:
        model = Citizen


def make_criteria_set(
    learning_model=LearningModel.FAMILY,
    version="thử",
    valid_from=datetime.date(2020, 1, 1),
    valid_to=None,
    criteria=(("1", [("1.1", 10, True), ("1.2", 10, False)]), ("2", [("2.1", 20, False)])),
    levels=(("Đạt", 1, Decimal(30), Decimal(50), None),),
    validity_months=12,
    site=None,
    status=CriteriaStatus.OFFICIAL,
    **extra,
):
    """A criteria set: criteria = ((code, [(indicator code, max points, evidence required)]))."""
    criteria_set = CriteriaSet.objects.create(
        learning_model=learning_model,
        name=f"Bộ tiêu chí thử {learning_model}",
        version=version,
        legal_basis="Văn bản thử nghiệm",
        valid_from=valid_from,
        valid_to=valid_to,
        validity_months=validity_months,
        site=site,
        status=status,
        **extra,
    )
    for order, (code, indicators) in enumerate(criteria):
        criterion = Criterion.objects.create(
            criteria_set=criteria_set, code=code, title=f"Tiêu chí {code}", sort_order=order
        )
        for i_order, (i_code, points, evidence) in enumerate(indicators):
            Indicator.objects.create(
                criterion=criterion,
                code=i_code,
                text=f"Chỉ số {i_code}",
                max_points=Decimal(points),
                evidence_required=evidence,
                sort_order=i_order,
            )
    for order, (name, rank, total, criterion_percent, indicator_points) in enumerate(levels):
        RecognitionLevel.objects.create(
            criteria_set=criteria_set,
            name=name,
            rank=rank,
            min_total=total,
            min_criterion_percent=criterion_percent,
            min_indicator_points=indicator_points,
            sort_order=order,
        )
    return criteria_set


def points_by_code(criteria_set, values):
    """{indicator code: points} → {indicator id: Decimal}."""
    return {
        indicator.pk: (Decimal(str(values[indicator.code])) if values.get(indicator.code) is not None else None)
        for indicator in criteria_set.indicators()
        if indicator.code in values
    }


ALL_WARDS = "every ward existing when the user is made"


def make_user(username, *group_names, sites=ALL_WARDS, **extra):
    """A user in `group_names`, assigned ("Phân công phường") to `sites` (default: every ward there is)."""
    from wagtail.models import Site

    ensure_learning_roles()
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.vn", **extra
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    if sites == ALL_WARDS:
        sites = list(Site.objects.all())
    for site in sites:
        WardAssignment.objects.create(user=user, site=site)
    return user


def officer(username="canbo", sites=ALL_WARDS):
    return make_user(username, LEARNING_OFFICER, sites=sites)


def leader(username="lanhdao", sites=ALL_WARDS):
    return make_user(username, APPROVER, sites=sites)


def national_admin(username="trunguong", sites=ALL_WARDS):
    return make_user(username, LEARNING_OFFICER, NATIONAL_ADMIN, sites=sites)


def editor(username="bientap"):
    """A back-office user with admin access but none of the learning permissions."""
    from django.contrib.auth.models import Permission

    user = make_user(username)
    group, _ = Group.objects.get_or_create(name="Biên tập viên")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user.groups.add(group)
    return user
