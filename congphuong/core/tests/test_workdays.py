"""Working days: weekends, the library's solar and lunar holidays, and the admin's overrides."""

import datetime

import pytest

from congphuong.core.models import CalendarDay
from congphuong.core.workdays import (
    OFF,
    WORK,
    WorkdayCalendar,
    add_working_days,
    is_working_day,
    library_holiday_name,
    working_days_between,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "name_part"),
    [
        (D(2025, 1, 29), "Tết Nguyên Đán"),  # mùng 1 Tết Ất Tỵ
        (D(2025, 4, 7), "Hùng Vương"),  # 10/3 âm lịch
        (D(2026, 2, 17), "Tết Nguyên Đán"),  # mùng 1 Tết Bính Ngọ
        (D(2026, 2, 16), "Giao thừa"),
        (D(2026, 2, 20), "Mùng bốn"),
        (D(2026, 4, 27), "Hùng Vương"),  # 26/4 is a Sunday: observed on Monday
        (D(2027, 2, 6), "Tết Nguyên Đán"),  # mùng 1 Tết Đinh Mùi
        (D(2027, 4, 16), "Hùng Vương"),
        (D(2026, 1, 1), "Tết Dương lịch"),
        (D(2026, 4, 30), "Chiến thắng"),
        (D(2026, 5, 1), "Lao động"),
        (D(2026, 9, 2), "Quốc khánh"),
        (D(2026, 9, 1), "Quốc khánh"),  # the adjacent day
    ],
)
def test_library_knows_the_solar_and_lunar_holidays(day, name_part):
    assert name_part in library_holiday_name(day)
    assert not WorkdayCalendar().is_working_day(day)


def test_official_tet_2026_break_is_all_days_off():
    """Tết Bính Ngọ for public servants: Saturday 14/2 to Sunday 22/2/2026, nine days in a row."""
    calendar = WorkdayCalendar()
    days = [D(2026, 2, 14) + datetime.timedelta(days=n) for n in range(9)]
    assert [calendar.is_working_day(day) for day in days] == [False] * 9
    assert calendar.is_working_day(D(2026, 2, 13))  # Friday before
    assert calendar.is_working_day(D(2026, 2, 23))  # Monday after


def test_weekends_and_ordinary_days():
    calendar = WorkdayCalendar()
    assert calendar.is_working_day(D(2026, 3, 2))  # Monday
    assert not calendar.is_working_day(D(2026, 3, 7))  # Saturday
    assert not calendar.is_working_day(D(2026, 3, 8))  # Sunday


def test_add_working_days_across_tet_2026():
    calendar = WorkdayCalendar()
    # Received Thursday 12/2/2026: Friday 13/2 is day 1, then nothing until Monday 23/2.
    assert calendar.add_working_days(D(2026, 2, 12), 1) == D(2026, 2, 13)
    assert calendar.add_working_days(D(2026, 2, 12), 2) == D(2026, 2, 23)
    # The usual 15-day deadline: 13/2, then 23–27/2, 2–6/3, 9–12/3.
    assert calendar.add_working_days(D(2026, 2, 12), 15) == D(2026, 3, 12)
    # Received during Tết: counting starts on the first working day after it.
    assert calendar.add_working_days(D(2026, 2, 17), 1) == D(2026, 2, 23)
    assert calendar.working_days_between(D(2026, 2, 12), D(2026, 3, 12)) == 15
    assert calendar.working_days_between(D(2026, 3, 12), D(2026, 2, 12)) == -15
    assert calendar.add_working_days(D(2026, 3, 12), -15) == D(2026, 2, 12)
    assert calendar.add_working_days(D(2026, 2, 12), 0) == D(2026, 2, 12)


def test_add_working_days_across_hung_kings_and_reunification_2026():
    calendar = WorkdayCalendar()
    # Friday 24/4 → Monday 27/4 (Giỗ Tổ observed), Thursday 30/4, Friday 1/5 are off.
    assert calendar.add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)
    assert calendar.add_working_days(D(2026, 4, 24), 3) == D(2026, 5, 4)


def test_library_swap_of_2026_national_day_is_honoured():
    """The library knows Saturday 22/8/2026 is worked in exchange for Monday 31/8."""
    calendar = WorkdayCalendar()
    assert calendar.is_working_day(D(2026, 8, 22))
    assert not calendar.is_working_day(D(2026, 8, 31))


@pytest.mark.django_db
def test_admin_table_adds_a_missing_day_off_and_a_compensatory_saturday():
    # Pretend the government added Monday 2/3/2026 as a day off, worked back on Saturday 7/3.
    assert is_working_day(D(2026, 3, 2))
    assert not is_working_day(D(2026, 3, 7))
    before = add_working_days(D(2026, 2, 27), 5)  # Friday → 2,3,4,5,6 March
    assert before == D(2026, 3, 6)

    CalendarDay.objects.create(date=D(2026, 3, 2), kind=OFF, note="Nghỉ bù (giả định)")
    CalendarDay.objects.create(date=D(2026, 3, 7), kind=WORK, note="Làm bù thứ Bảy (giả định)")

    assert not is_working_day(D(2026, 3, 2))
    assert is_working_day(D(2026, 3, 7))
    # 3, 4, 5, 6 March, then the compensatory Saturday 7 March.
    assert add_working_days(D(2026, 2, 27), 5) == D(2026, 3, 7)
    assert working_days_between(D(2026, 2, 27), D(2026, 3, 9)) == 6


@pytest.mark.django_db
def test_admin_table_overrides_the_library_both_ways():
    # A library holiday turned into a working day, and a weekday of Tết 2027 the library lacks.
    CalendarDay.objects.create(date=D(2026, 11, 24), kind=WORK, note="Ví dụ: không nghỉ")
    CalendarDay.objects.create(date=D(2027, 2, 11), kind=OFF, note="Ví dụ: nghỉ thêm sau Tết")
    calendar = WorkdayCalendar.load()
    assert calendar.is_working_day(D(2026, 11, 24))
    assert not calendar.is_working_day(D(2027, 2, 11))
    assert calendar.is_holiday(D(2027, 2, 11))
    # Tết Đinh Mùi 2027: 4/2–10/2 from the library, plus 11/2 from the table.
    assert calendar.add_working_days(D(2027, 2, 3), 1) == D(2027, 2, 12)


@pytest.mark.django_db
def test_calendar_load_is_one_query(django_assert_num_queries):
    CalendarDay.objects.create(date=D(2026, 3, 2), kind=OFF)
    with django_assert_num_queries(1):
        calendar = WorkdayCalendar.load()
        calendar.add_working_days(D(2026, 1, 1), 200)


def test_datetimes_are_read_in_vietnam_time():
    from django.utils import timezone

    # 17:30 UTC on Friday 13/2/2026 is already 00:30 on Saturday 14/2 in Ho Chi Minh City.
    moment = datetime.datetime(2026, 2, 13, 17, 30, tzinfo=datetime.UTC)
    assert timezone.localtime(moment).date() == D(2026, 2, 14)
    assert WorkdayCalendar().add_working_days(moment, 1) == D(2026, 2, 23)
