"""ISO weeks as the schedule's URL speaks them: ?tuan=2026-W48 (Monday to Sunday)."""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext

from congphuong.core.templatetags.vi_format import vi_short_date, weekday_label

WEEK_PARAM = "tuan"
MIN_YEAR = 2000
MAX_YEAR = 2100
_WEEK_RE = re.compile(r"^\s*(\d{4})\s*-?\s*[Ww]\s*(\d{1,2})\s*$")


@dataclass(frozen=True)
class Week:
    year: int  # ISO year: 2026-W01 may start in December 2025
    number: int

    @classmethod
    def containing(cls, day: datetime.date) -> "Week":
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def start(self) -> datetime.date:
        return datetime.date.fromisocalendar(self.year, self.number, 1)

    @property
    def end(self) -> datetime.date:
        return self.start + datetime.timedelta(days=6)

    @property
    def days(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=n) for n in range(7)]

    @property
    def param(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def label(self) -> str:
        """Tuần 48 (23/11/2026 – 29/11/2026); on /en/ "Week 48 (23 November 2026 – 29 November 2026)"."""
        return gettext("Tuần %(number)s (%(start)s – %(end)s)") % self._label_parts()

    @property
    def in_sentence(self) -> str:
        """The label inside a sentence: "tuần 48 (…)" in Vietnamese, "week 48 (…)" in English. Not
        `label|lower`, which would lower an English month's name."""
        return gettext("tuần %(number)s (%(start)s – %(end)s)") % self._label_parts()

    def _label_parts(self) -> dict:
        return {"number": self.number, "start": vi_short_date(self.start), "end": vi_short_date(self.end)}

    def previous(self) -> "Week":
        return Week.containing(self.start - datetime.timedelta(days=7))

    def next(self) -> "Week":
        return Week.containing(self.start + datetime.timedelta(days=7))

    @property
    def in_range(self) -> bool:
        return MIN_YEAR <= self.year <= MAX_YEAR


def parse_week(value: str | None) -> Week | None:
    """ "2026-W48" (also "2026W48", "2026-w48") → Week; anything else, or a week that does not exist, → None."""
    if not value:
        return None
    match = _WEEK_RE.match(value)
    if not match:
        return None
    year, number = int(match.group(1)), int(match.group(2))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        datetime.date.fromisocalendar(year, number, 1)
    except ValueError:  # week 0, week 53 of a 52-week year, …
        return None
    return Week(year, number)


def weekday_name(day: datetime.date) -> str:
    """ "Thứ Hai"; "Monday" on /en/."""
    return weekday_label(day)
