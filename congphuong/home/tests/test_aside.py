"""The home page's right column: hotline, this week's schedule, new documents, notices — in a fixed
number of queries whatever the amount of content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from congphuong.documents.tests.factories import DocumentIndexPageFactory, LegalDocumentPageFactory
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.organisation.tests.factories import (
    ScheduleEntryFactory,
    WeeklySchedulePageFactory,
    WorkSchedulePageFactory,
)
from congphuong.organisation.weeks import Week
from congphuong.wards.models import WardSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home, ward):
    settings = WardSettings.for_site(ward)
    settings.phone = "028 3800 1234"
    settings.save()
    documents = DocumentIndexPageFactory(parent=home)
    notices = CategoryPageFactory(parent=home, title="Thông báo", slug="thong-bao")
    schedule = WorkSchedulePageFactory(parent=home)
    week = Week.containing(timezone.localdate())
    weekly = WeeklySchedulePageFactory(parent=schedule, week_start=week.start)
    return documents, notices, weekly, week


def _add(sections, count, start=0):
    documents, notices, weekly, week = sections
    for n in range(start, start + count):
        LegalDocumentPageFactory(
            parent=documents,
            number=f"{n + 10}/QĐ-UBND",
            issued_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
        ArticlePageFactory(parent=notices, title=f"Thông báo số {n}")
        ScheduleEntryFactory(
            page=weekly, date=week.start + datetime.timedelta(days=n % 5), content=f"Họp giao ban số {n}"
        )


def _home(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_home_aside_shows_hotline_schedule_documents_and_notices(client, sections):
    _add(sections, 3)
    html, _count = _home(client)
    aside = html[html.index('<aside class="sidebar"') :]
    assert "Đường dây nóng" in aside and 'href="tel:02838001234"' in aside
    assert "Lịch công tác tuần này" in aside and "Họp giao ban số 2" in aside
    assert "Văn bản mới" in aside and "12/QĐ-UBND" in aside
    assert "Thông báo số 2" in aside
    # Newest first: the document issued last leads the list.
    assert aside.index("12/QĐ-UBND") < aside.index("10/QĐ-UBND")


@pytest.mark.usefixtures("nothing_cached")  # one render's queries: nothing kept
def test_home_aside_queries_do_not_grow_with_content(client, sections):
    _add(sections, 2)
    _html, few = _home(client)
    _add(sections, 12, start=2)
    html, many = _home(client)
    assert many == few, f"{few} queries with 2 items each, {many} with 14"
    assert html.count('class="box-list aside-documents"') == 1
    aside_documents = html.split('class="box-list aside-documents"')[1].split("</ul>")[0]
    assert aside_documents.count("<li>") == 5
