"""Query counts of this app's public pages: pinned, and independent of the number of rows."""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.organisation.weeks import Week

from .factories import (
    AboutIndexPageFactory,
    AboutPageFactory,
    DisclosureAttachmentFactory,
    DisclosureCategoryFactory,
    DisclosureIndexPageFactory,
    DisclosurePageFactory,
    LeaderFactory,
    OrganisationPageFactory,
    QuarterFactory,
    ScheduleEntryFactory,
    WeeklySchedulePageFactory,
    WorkSchedulePageFactory,
)

# One render, nothing kept: every cache layer off, whatever the suite's default.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nothing_cached")]

# Upper bounds; raise them only with a reason in the commit message.
# +1 on every page (2026-12-03): the maintenance banner's query (notices app).
MAX_QUERIES = {
    "about_index": 19,
    "about": 22,
    "organisation": 22,
    "leader_list": 21,
    "leader_profile": 19,
    "schedule": 22,
    "schedule_print": 15,
    "disclosure_index": 21,
    "disclosure": 19,
}

WEEK = Week(2026, 48)


def _count(client, url):
    client.get(url)  # warm per-process caches and create image renditions
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


class World:
    def __init__(self, ward, home):
        self.ward = ward
        self.about = AboutIndexPageFactory(parent=home)
        self.leaders = []
        self.organisation = OrganisationPageFactory(parent=self.about)
        self.history = AboutPageFactory(parent=self.about, title="Lịch sử", slug="lich-su")
        self.schedule = WorkSchedulePageFactory(parent=home)
        self.week = WeeklySchedulePageFactory(parent=self.schedule, week_start=WEEK.start)
        self.disclosures = DisclosureIndexPageFactory(parent=home)
        self.category = DisclosureCategoryFactory(site=ward)
        self.posting = DisclosurePageFactory(parent=self.disclosures, category=self.category)

    def grow(self, n):
        """Add `n` of everything: leaders with photos, khu phố, sub-pages, entries, postings, attachments."""
        for _ in range(n):
            self.leaders.append(LeaderFactory(site=self.ward, photo=wagtail_factories.ImageFactory()))
            QuarterFactory(site=self.ward)
            AboutPageFactory(parent=self.about)
            ScheduleEntryFactory(page=self.week, date=WEEK.start + datetime.timedelta(days=len(self.leaders) % 7))
            ScheduleEntryFactory(page=self.week, date=WEEK.start, host_leader=self.leaders[-1])
            DisclosurePageFactory(parent=self.disclosures, category=self.category)
            DisclosureAttachmentFactory(page=self.posting)
        blocks = [
            {
                "type": "leaders",
                "value": {"heading": "Lãnh đạo", "leaders": [x.pk for x in self.leaders], "show_duties": True},
            },
            {"type": "quarters", "value": {"heading": "Khu phố", "intro": ""}},
            {
                "type": "departments",
                "value": {
                    "heading": "Phòng ban",
                    "intro": "",
                    "units": [
                        {
                            "name": f"Phòng {k}",
                            "head_name": "",
                            "head_title": "",
                            "phone": "",
                            "email": "",
                            "duties": "",
                        }
                        for k in range(len(self.leaders))
                    ],
                },
            },
        ]
        for page in (self.organisation, self.history):
            page.body = blocks
            page.save()

    def urls(self):
        return {
            "about_index": self.about.url,
            "about": self.history.url,
            "organisation": self.organisation.url,
            "leader_list": f"{self.organisation.url}lanh-dao/",
            "leader_profile": f"{self.organisation.url}lanh-dao/{self.leaders[0].slug}/",
            "schedule": f"{self.schedule.url}?tuan={WEEK.param}",
            "schedule_print": f"{self.schedule.url}ban-in/?tuan={WEEK.param}",
            "disclosure_index": self.disclosures.url,
            "disclosure": self.posting.url,
        }


def test_query_counts_do_not_grow_with_rows(client, ward, home):
    world = World(ward, home)
    world.grow(2)
    small = {name: _count(client, url) for name, url in world.urls().items()}
    world.grow(12)
    large = {name: _count(client, url) for name, url in world.urls().items()}
    assert large == small, f"queries grew with the number of rows: {small} → {large}"
    for name, count in large.items():
        assert count <= MAX_QUERIES[name], f"{name}: {count} queries > {MAX_QUERIES[name]}"
