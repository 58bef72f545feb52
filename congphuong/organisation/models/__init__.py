from .about import AboutIndexPage, AboutPage, OrganisationPage, organisation_page_for
from .compliance import MandatoryCategory
from .disclosure import (
    DisclosureAttachment,
    DisclosureCategory,
    DisclosureIndexPage,
    DisclosurePage,
    DisclosureRemoval,
)
from .people import Leader, Quarter
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
    "organisation_page_for",
]
