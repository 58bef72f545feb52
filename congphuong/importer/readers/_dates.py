"""Dates as the structured exports write them (RFC 822, ISO 8601, Unix timestamps, dd/mm/yyyy), read
into aware datetimes in Asia/Ho_Chi_Minh. Free-text date phrases ("Sáng ngày 18/5/2023") are the
pipeline's, not these."""

from __future__ import annotations

import datetime
import re
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def local(value: datetime.datetime) -> datetime.datetime:
    """`value` in Vietnam's time; a naive value is taken as already Vietnam's local time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=VIETNAM)
    return value.astimezone(VIETNAM)


def from_timestamp(seconds: int | float | str | None) -> datetime.datetime | None:
    """A Unix timestamp (NukeViet's publtime); None for 0 or empty."""
    try:
        seconds = int(seconds or 0)
    except (TypeError, ValueError):
        return None
    if seconds <= 0:
        return None
    return datetime.datetime.fromtimestamp(seconds, tz=VIETNAM)


def from_rfc822(text: str) -> datetime.datetime | None:
    """RSS's pubDate ("Thu, 18 May 2023 07:45:00 +0700"); without a zone, Vietnam's time."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    year = re.search(r"(?<![\d-])(\d{4})(?!\d)", text)
    if year is None and re.search(r"-\d{4}\b", text.split(":")[0]):
        return None  # WordPress's "Wed, 30 Nov -0001 00:00:00 +0000" for "no date", read as 2000 otherwise
    if year is not None and int(year.group(1)) != value.year:
        return None
    return local(value)


def from_iso(text: str, *, naive_is_utc: bool = False) -> datetime.datetime | None:
    """ISO 8601 ("2023-05-18T07:45:00+07:00", "2023-05-18 00:45:00", "2023-05-18")."""
    text = (text or "").strip()
    if not text or text.startswith("0000-00-00"):
        return None
    try:
        value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None and naive_is_utc:
        value = value.replace(tzinfo=datetime.UTC)
    return local(value)


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def from_day_month_year(text: str) -> tuple[datetime.datetime | None, bool]:
    """dd/mm/yyyy (also d/m/yyyy, with . or -) or yyyy-mm-dd, optionally followed by HH:MM[:SS].

    Returns (value, had_time); (None, False) if the text is not one of these forms or not a real
    date (31/02/2023)."""
    text = (text or "").strip()
    match = _DMY.match(text)
    if match:
        day, month, year, hour, minute, second = match.groups()
    else:
        match = _YMD.match(text)
        if not match:
            return None, False
        year, month, day, hour, minute, second = match.groups()
    try:
        value = datetime.datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=VIETNAM
        )
    except ValueError:
        return None, False
    return value, hour is not None
