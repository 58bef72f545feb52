"""Whose consent a published name needs, and whether an award's recipient may be named publicly.

Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (in force 1/1/2026): consent is an explicit act, silence
is not consent; for a child aged 7 or more both the child and a parent (or guardian) agree.
A person is a child until 16 (Luật Trẻ em). Only the birth year is kept, so the age is uncertain
by one year: every doubt asks for more consent, never less.

A recipient of a hardship or social award is never named on a public page, whatever the consent:
the award's category next to a name would publish the family's situation. Only merit awards
(`AwardCategory.nameable()`) can carry a published name.
"""

import datetime

from .choices import AwardCategory, ConsentGiver

# A child under 7 is represented by a parent alone; from 7 the child agrees too.
CHILD_OWN_CONSENT_AGE = 7
# From 16 a person is no longer a child and decides alone.
ADULT_AGE = 16


def required_givers(birth_year: int | None, today: datetime.date) -> set[str]:
    """Who must agree, for someone born in `birth_year`, judged on `today` (conservatively)."""
    if birth_year is None:
        return {ConsentGiver.SUBJECT, ConsentGiver.PARENT}  # age unknown: treat as a child aged 7+
    oldest_possible = today.year - birth_year  # the age reached this year
    youngest_possible = oldest_possible - 1
    if youngest_possible >= ADULT_AGE:
        return {ConsentGiver.SUBJECT}
    if oldest_possible < CHILD_OWN_CONSENT_AGE:
        return {ConsentGiver.PARENT}
    return {ConsentGiver.SUBJECT, ConsentGiver.PARENT}


def missing_givers(award, today: datetime.date | None = None, consents=None) -> set[str]:
    """Who still has to agree (in force, for publishing the name) before `award` names its recipient."""
    today = today or datetime.date.today()
    if consents is None:
        consents = award.consents.all()
    given = {consent.giver for consent in consents if consent.is_in_force()}
    return required_givers(award.birth_year, today) - given


def may_publish_name(award, today: datetime.date | None = None, consents=None) -> bool:
    if award.category not in AwardCategory.nameable():
        return False
    return not missing_givers(award, today, consents)


def publication_status(award, today: datetime.date | None = None) -> str:
    """What an officer reads in the awards list: is the name public, and if not, why."""
    if award.category not in AwardCategory.nameable():
        return "Không công khai tên (loại khen thưởng không nêu tên)"
    missing = missing_givers(award, today)
    if not missing:
        return "Công khai tên"
    labels = dict(ConsentGiver.choices)
    return "Chưa công khai – thiếu đồng ý của: " + ", ".join(labels[giver] for giver in sorted(missing))


def publishable_awards(awards, today: datetime.date | None = None) -> list:
    """The awards of `awards` whose recipient may be named now (consents read in one query)."""
    from django.db.models import Prefetch

    from .models import NameConsent

    today = today or datetime.date.today()
    in_force = NameConsent.objects.in_force()
    candidates = awards.filter(category__in=AwardCategory.nameable()).prefetch_related(
        Prefetch("consents", queryset=in_force, to_attr="consents_in_force")
    )
    return [award for award in candidates if may_publish_name(award, today, award.consents_in_force)]
