"""Vietnamese working days: weekends, public holidays (solar and lunar) and the admin's overrides.

The public holidays come from the maintained ``holidays`` package (``holidays.VN``):
Tết Dương lịch, Tết Nguyên Đán (the days it lists for each year), Giỗ Tổ Hùng Vương
(10/3 âm lịch), 30/4, 1/5, Quốc khánh 2/9 and the adjacent day, the days off it knows
the government swapped, and the Saturdays worked in exchange (``weekend_workdays``).

The government shifts days every year, so the table "Ngày nghỉ/ngày làm bù"
(``CalendarDay``) overrides the library: a row of kind "nghỉ" makes a day a holiday,
a row of kind "làm bù" makes a Saturday (or any day) a working day.

The calendar sits on the ground floor: the Q&A's deadlines (feedback), the requests for
information (information_access), the work schedule and the compliance board (organisation) and
the maintenance notices all count working days with it.

API (module functions load the table with one query per call; for many
computations build one ``WorkdayCalendar.load()`` and reuse it)::

    is_working_day(date) -> bool
    add_working_days(start, n) -> date     # the n-th working day after start (before it if n < 0)
    working_days_between(a, b) -> int      # working days in (a, b]; negative when b < a
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays
from django.utils import timezone

OFF = "off"
WORK = "work"

# No real calendar has a year without working days; stop runaway loops all the same.
_MAX_STEPS = 3660


@lru_cache(maxsize=32)
def _library_year(year: int) -> tuple[frozenset, frozenset, dict]:
    """(holidays, weekend working days, Vietnamese names) for ``year`` from ``holidays.VN``."""
    calendar = holidays.country_holidays("VN", years=year, language="vi")
    days_off = frozenset(calendar.keys())
    workdays = frozenset(day for day in getattr(calendar, "weekend_workdays", ()) if day.year == year)
    return days_off, workdays, dict(calendar.items())


def library_holiday_name(day: datetime.date) -> str:
    """The Vietnamese name the library gives ``day`` ("Tết Nguyên Đán"), or ""."""
    return _library_year(day.year)[2].get(day, "")


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


class WorkdayCalendar:
    """Working-day arithmetic over the library's holidays plus a dict of overrides."""

    def __init__(self, overrides: dict[datetime.date, str] | None = None):
        self.overrides = dict(overrides or {})

    @classmethod
    def load(cls) -> WorkdayCalendar:
        """A calendar with every row of the admin table (one query; the table is small)."""
        from .models import CalendarDay

        return cls(dict(CalendarDay.objects.values_list("date", "kind")))

    def is_working_day(self, day) -> bool:
        day = _as_date(day)
        kind = self.overrides.get(day)
        if kind == OFF:
            return False
        if kind == WORK:
            return True
        days_off, weekend_workdays, _ = _library_year(day.year)
        if day in weekend_workdays:
            return True
        if day.weekday() >= 5:  # Saturday, Sunday
            return False
        return day not in days_off

    def is_holiday(self, day) -> bool:
        """A weekday that is not worked (a public holiday or a day off set in the table)."""
        day = _as_date(day)
        return day.weekday() < 5 and not self.is_working_day(day)

    def add_working_days(self, start, n: int) -> datetime.date:
        """The ``n``-th working day after ``start`` (``start`` itself when n == 0).

        A question received on Friday with n = 1 is due on Monday; received on a
        Saturday or during Tết, counting starts with the next working day.
        """
        day = _as_date(start)
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        steps = 0
        while remaining:
            day += datetime.timedelta(days=step)
            steps += 1
            if steps > _MAX_STEPS:
                raise ValueError("Không tìm được ngày làm việc: kiểm tra bảng ngày nghỉ.")
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a, b) -> int:
        """Working days in the half-open range (a, b]; negative when b is before a.

        ``working_days_between(d, add_working_days(d, n)) == n`` for n >= 0.
        """
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def next_working_day(self, day) -> datetime.date:
        """``day`` itself if it is a working day, else the next one."""
        day = _as_date(day)
        return day if self.is_working_day(day) else self.add_working_days(day, 1)


def is_working_day(day) -> bool:
    return WorkdayCalendar.load().is_working_day(day)


def add_working_days(start, n: int) -> datetime.date:
    return WorkdayCalendar.load().add_working_days(start, n)


def working_days_between(a, b) -> int:
    return WorkdayCalendar.load().working_days_between(a, b)
