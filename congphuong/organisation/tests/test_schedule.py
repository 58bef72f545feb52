"""Lịch công tác: ISO weeks in the URL, Vietnamese weekdays, the print view, the week pages in the admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from congphuong.organisation.models import WeeklySchedulePage
from congphuong.organisation.models.schedule import WINDOW_WEEKS
from congphuong.organisation.weeks import Week, parse_week
from congphuong.wards.tests.factories import make_ward

from .factories import LeaderFactory, ScheduleEntryFactory, WeeklySchedulePageFactory, WorkSchedulePageFactory


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-W48", (2026, 48)),
        ("2026-w05", (2026, 5)),
        ("2026W1", (2026, 1)),
        (" 2026-W53 ", (2026, 53)),  # 2026 starts on a Thursday: it has 53 ISO weeks
        ("2025-W53", None),  # 2025 has only 52
        ("2026-W00", None),
        ("2026-W54", None),
        ("26-W10", None),
        ("9999-W01", None),
        ("tuần 48", None),
        ("2026-11-23", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_week(value, expected):
    week = parse_week(value)
    assert (None if week is None else (week.year, week.number)) == expected


def test_weeks_across_the_year_boundary():
    last = Week(2026, 53)
    assert last.start == datetime.date(2026, 12, 28)
    assert last.end == datetime.date(2027, 1, 3)
    assert last.next() == Week(2027, 1)
    assert Week(2027, 1).previous() == last
    assert Week.containing(datetime.date(2027, 1, 2)) == last
    # 2025-W01 begins in December 2024.
    assert Week(2025, 1).start == datetime.date(2024, 12, 30)
    assert Week.containing(datetime.date(2024, 12, 31)) == Week(2025, 1)
    assert Week(2026, 48).label == "Tuần 48 (23/11/2026 – 29/11/2026)"
    assert Week(2026, 5).param == "2026-W05"


@pytest.fixture
def schedule(home):
    return WorkSchedulePageFactory(parent=home)


def _week_page(schedule, week, **kwargs):
    return WeeklySchedulePageFactory(parent=schedule, week_start=week.start, **kwargs)


@pytest.mark.django_db
def test_week_view_shows_days_in_vietnamese_and_links_to_neighbours(client, ward, schedule):
    leader = LeaderFactory(site=ward, full_name="Võ Thị Chủ Trì", position="Chủ tịch UBND phường")
    week = Week(2026, 53)
    page = _week_page(schedule, week)
    ScheduleEntryFactory(page=page, date=datetime.date(2026, 12, 28), content="Giao ban đầu tuần", host_leader=leader)
    ScheduleEntryFactory(
        page=page,
        date=datetime.date(2027, 1, 2),
        time=None,
        time_note="Cả ngày",
        content="Ra quân làm sạch kênh",
        host_text="Đoàn Thanh niên phường",
    )

    response = client.get(f"{schedule.url}?tuan=2026-W53")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tuần 53 (28/12/2026 – 03/01/2027)" in html
    assert "Thứ Hai, 28/12/2026" in html
    assert "Thứ Bảy, 02/01/2027" in html  # a weekend day with an entry is shown
    assert "Chủ Nhật, 03/01/2027" not in html  # an empty weekend day is not
    assert "Thứ Sáu, 01/01/2027" in html and "Không có lịch công tác." in html
    assert "Giao ban đầu tuần" in html and "Võ Thị Chủ Trì – Chủ tịch UBND phường" in html
    assert "Ra quân làm sạch kênh" in html and "Cả ngày" in html and "Đoàn Thanh niên phường" in html
    assert "?tuan=2026-W52" in html and "?tuan=2027-W01" in html
    assert html.count("<h1") == 1

    # The next week (across the year boundary) has nothing yet.
    html = client.get(f"{schedule.url}?tuan=2027-W01").content.decode()
    assert "Tuần 1 (04/01/2027 – 10/01/2027)" in html
    assert "Ra quân làm sạch kênh" not in html
    assert "Chưa có lịch công tác" in html


@pytest.mark.django_db
def test_default_is_the_current_week_in_vietnam(client, schedule):
    current = Week.containing(timezone.localdate())
    page = _week_page(schedule, current)
    ScheduleEntryFactory(page=page, date=timezone.localdate(), content="Việc của hôm nay")
    html = client.get(schedule.url).content.decode()
    assert current.label in html
    assert "Việc của hôm nay" in html
    assert "Hôm nay" in html


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["abc", "2026-W60", "2025-W53", "<script>", "2026-W4" + "8" * 50])
def test_bad_week_falls_back_to_this_week_with_a_message(client, schedule, bad):
    response = client.get(schedule.url, {"tuan": bad})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Không hiểu tuần" in html
    assert Week.containing(timezone.localdate()).label in html
    assert "<script>" not in html.split("<body", 1)[1].split("</main>")[0].replace("&lt;script&gt;", "")
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_weeks_outside_the_data_and_its_window_are_not_found(client, schedule):
    """Only the published weeks and the current one, widened by WINDOW_WEEKS, answer: "Tuần sau" ends."""
    current = Week.containing(timezone.localdate())
    far_past = Week.containing(current.start - datetime.timedelta(weeks=60))
    ScheduleEntryFactory(page=_week_page(schedule, far_past), date=far_past.start, content="Họp cũ")

    def week_at(base, weeks):
        return Week.containing(base.start + datetime.timedelta(weeks=weeks))

    first, last = week_at(far_past, -WINDOW_WEEKS), week_at(current, WINDOW_WEEKS)
    for week, status in [
        (far_past, 200),
        (first, 200),
        (week_at(far_past, 20), 200),  # a gap between the data and today is finite: it answers
        (last, 200),
        (week_at(first, -1), 404),
        (week_at(last, 1), 404),
        (Week(2099, 10), 404),
        (Week(2000, 1), 404),
    ]:
        for view in ("", "ban-in/"):
            response = client.get(f"{schedule.url}{view}?tuan={week.param}")
            assert response.status_code == status, (view, week.param)
    html = client.get(f"{schedule.url}?tuan={first.param}").content.decode()
    assert "Tuần trước" not in html and f"?tuan={first.next().param}" in html
    html = client.get(f"{schedule.url}?tuan={last.param}").content.decode()
    assert "Tuần sau" not in html and f"?tuan={last.previous().param}" in html
    # The 404 still helps a reader who typed a far week: it says which weeks there are.
    html = client.get(f"{schedule.url}?tuan=2099-W10").content.decode()
    assert f"có lịch từ {first.label.lower()} đến {last.label.lower()}" in html
    assert '<meta name="robots" content="noindex">' in html and "Tuần sau" not in html


@pytest.mark.django_db
def test_print_view(client, ward, schedule):
    week = Week(2026, 48)
    page = _week_page(schedule, week)
    ScheduleEntryFactory(
        page=page, date=datetime.date(2026, 11, 25), content="Hội nghị sơ kết", location="Hội trường A"
    )
    response = client.get(f"{schedule.url}ban-in/?tuan=2026-W48")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tuần 48 (23/11/2026 – 29/11/2026)" in html
    assert '<th scope="col">Chủ trì</th>' in html
    assert "Thứ Tư<br>25/11/2026" in html
    assert "Hội nghị sơ kết" in html and "Hội trường A" in html
    assert "organisation/schedule-print.css" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM" in html
    # The schedule page links to its print view for the week shown.
    assert f"{schedule.url}ban-in/?tuan=2026-W48" in client.get(f"{schedule.url}?tuan=2026-W48").content.decode()
    # A bad week on the print view falls back the same way.
    assert "Không hiểu tuần" in client.get(f"{schedule.url}ban-in/?tuan=xyz").content.decode()


@pytest.mark.django_db
def test_draft_weeks_and_other_wards_are_not_shown(client, schedule):
    week = Week(2026, 48)
    draft = _week_page(schedule, week, live=False)
    ScheduleEntryFactory(page=draft, date=week.start, content="Việc chưa duyệt")
    other_home = make_ward(hostname="khac.test", name="Phường Khác").root_page
    other_schedule = WorkSchedulePageFactory(parent=other_home)
    other = _week_page(other_schedule, week)
    ScheduleEntryFactory(page=other, date=week.start, content="Việc của phường khác")
    html = client.get(f"{schedule.url}?tuan=2026-W48").content.decode()
    assert "Việc chưa duyệt" not in html
    assert "Việc của phường khác" not in html


@pytest.mark.django_db
def test_week_page_redirects_to_the_schedule(client, schedule):
    page = _week_page(schedule, Week(2026, 10))
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"{schedule.url}?tuan=2026-W10")


def _admin(client):
    user = get_user_model().objects.create_superuser("lich", "lich@example.vn", "Mat-khau-thu-2025")
    client.force_login(user)
    return user


def _week_form(week_start, entries, title=""):
    data = {
        "week_start": week_start.isoformat(),
        "title": title,
        "slug": "",
        "seo_title": "",
        "search_description": "",
        "entries-TOTAL_FORMS": str(len(entries)),
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    for n, (day, content) in enumerate(entries):
        data.update(
            {
                f"entries-{n}-date": day.isoformat(),
                f"entries-{n}-time": "08:00",
                f"entries-{n}-time_note": "",
                f"entries-{n}-content": content,
                f"entries-{n}-host_leader": "",
                f"entries-{n}-host_text": "Chủ tịch UBND",
                f"entries-{n}-participants": "",
                f"entries-{n}-location": "",
                f"entries-{n}-ORDER": str(n + 1),
                f"entries-{n}-DELETE": "",
                f"entries-{n}-id": "",
            }
        )
    return data


@pytest.mark.django_db
def test_admin_week_form_names_the_week_and_checks_dates(client, schedule):
    _admin(client)
    url = reverse("wagtailadmin_pages:add", args=("organisation", "weeklyschedulepage", schedule.pk))
    assert client.get(url).status_code == 200

    # A Wednesday: the week is normalised to its Monday and named after it.
    response = client.post(url, _week_form(datetime.date(2026, 11, 25), [(datetime.date(2026, 11, 26), "Họp")]))
    assert response.status_code == 302
    page = WeeklySchedulePage.objects.child_of(schedule).get()
    assert page.week_start == datetime.date(2026, 11, 23)
    assert page.title == "Lịch công tác tuần 48 (23/11 – 29/11/2026)"
    assert page.slug == "tuan-2026-w48"
    assert page.get_latest_revision_as_object().entries.count() == 1

    # The same week twice is refused.
    response = client.post(url, _week_form(datetime.date(2026, 11, 27), []))
    assert response.status_code == 200
    assert "Đã có lịch cho Tuần 48" in response.content.decode()

    # An entry outside the week is refused.
    response = client.post(url, _week_form(datetime.date(2026, 12, 1), [(datetime.date(2026, 12, 9), "Họp lạc tuần")]))
    assert response.status_code == 200
    assert "không thuộc Tuần 49" in response.content.decode()
    assert WeeklySchedulePage.objects.child_of(schedule).count() == 1


@pytest.mark.django_db
def test_preview_of_a_draft_week(client, schedule):
    _admin(client)
    page = _week_page(schedule, Week(2026, 48), live=False)
    page.entries.add(ScheduleEntryFactory.build(date=datetime.date(2026, 11, 24), content="Việc trong bản nháp"))
    page.save_revision()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    data = _week_form(datetime.date(2026, 11, 23), [(datetime.date(2026, 11, 24), "Việc trong bản nháp")])
    data["title"] = page.title
    data["slug"] = page.slug
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Việc trong bản nháp" in html
    assert "Bản xem trước" in html
    assert Page.objects.get(pk=page.pk).live is False
