"""Working-day arithmetic for the compliance board.

Uses the feedback app's Vietnamese calendar (weekends, solar and lunar public
holidays, the admin's table of days off and make-up days) when it is installed.
"""

import datetime

from django.apps import apps


class CalendarDays:
    """Fallback when congphuong.feedback is absent: every day counts.

    TODO: drop once congphuong.feedback (the working-day calendar) is always installed;
    calendar days make the board lenient around weekends and Tết.
    """

    is_fallback = True

    def is_working_day(self, day) -> bool:
        return True

    def add_working_days(self, start, n: int) -> datetime.date:
        return start + datetime.timedelta(days=n)

    def working_days_between(self, a, b) -> int:
        return (b - a).days


def load_calendar():
    """One calendar object for a whole computation (the feedback calendar loads its table once)."""
    if apps.is_installed("congphuong.feedback"):
        try:
            from congphuong.feedback.workdays import WorkdayCalendar
        except ImportError:  # pragma: no cover - an older feedback app without the module
            return CalendarDays()
        calendar = WorkdayCalendar.load()
        calendar.is_fallback = False
        return calendar
    return CalendarDays()
