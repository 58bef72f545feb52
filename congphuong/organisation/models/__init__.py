from .about import AboutIndexPage, AboutPage, OrganisationPage, organisation_page_for
from .compliance import MandatoryCategory
from .disclosure import (
    DisclosureAttachment,
    DisclosureCategory,
    DisclosureIndexPage,
    DisclosurePage,
    DisclosureRemoval,
)
from .people import Leader, Quarter, leader_holding
from .schedule import ScheduleEntry, WeeklySchedulePage, WorkSchedulePage

__all__ = [
    "AboutIndexPage",
    "AboutPage",
    "DisclosureAttachment",
    "DisclosureCategory",
    "DisclosureIndexPage",
    "DisclosurePage",
    "DisclosureRemoval",
    "Leader",
    "MandatoryCategory",
    "OrganisationPage",
    "Quarter",
    "ScheduleEntry",
    "WeeklySchedulePage",
    "WorkSchedulePage",
    "leader_holding",
    "organisation_page_for",
]
