"""Dates and times as ward portals write them.

- metadata: ISO 8601 (`<time datetime>`, `article:published_time`): "2023-05-18T07:45:00+07:00";
- the page's own line: "Cập nhật lúc 07:45 ngày 03/03/2024", "Ngày đăng: 18-05-2023 07:45",
  "Thứ Năm, 18/05/2023 - 07:45", "07:45 | 18/05/2023", "18/05/2023 7h45";
- phrases in the text: "Sáng ngày 18/5/2023", "chiều 20/11/2023", "ngày 5 tháng 3 năm 2024".

A date right after a document reference ("Kết luận số 49-KL/TW ngày 10/5/2019",
"Chỉ thị số 14/CT-TTg ngày 25/5/2021") is the document's date, not the event's: it is skipped.
Everything is read as Asia/Ho_Chi_Minh time.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# The part of the day a phrase names, and the hour it is stored at when the page gives none.
DAYPARTS = {"sáng": 8, "trưa": 12, "chiều": 14, "tối": 19, "đêm": 21}

_D = r"(?P<day>[0-3]?\d)"
_M = r"(?P<month>[01]?\d)"
_Y = r"(?P<year>(?:19|20)\d\d|\d\d)"
NUMERIC_DATE = re.compile(rf"(?<![\d/.-]){_D}\s?[/.-]\s?{_M}\s?[/.-]\s?{_Y}(?![\d/])")
WORDED_DATE = re.compile(rf"(?<!\d){_D}\s+tháng\s+{_M}\s*(?:năm|,)\s*(?P<year>(?:19|20)\d\d)", re.IGNORECASE)
ISO_DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"
    r"(?:[T ](?P<hour>\d\d):(?P<minute>\d\d)(?::\d\d(?:\.\d+)?)?(?P<tz>Z|[+-]\d\d:?\d\d)?)?"
)
TIME = re.compile(r"(?<![\d:/])(?P<hour>[0-2]?\d)\s?(?:[:hg]|giờ)\s?(?P<minute>[0-5]\d)?(?:\s?(?:phút|p))?(?![\d/])")
# The lines a page prints its own date on.
DATE_LINE = re.compile(
    r"^\s*(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|ngày cập nhật|thời gian|ngày|đăng|posted|"
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)\b)",
    re.IGNORECASE,
)
# A document reference ending right before a date: "số 49-KL/TW ngày", "14/CT-TTg ngày", "Luật 10/2022/QH15,".
DOCUMENT_BEFORE = re.compile(
    r"(?:\b\d+[-/][\wĐđ/-]*[A-ZĐ][\wĐđ/-]*|\bsố\s+\S+)\s*,?\s*(?:ban hành\s+)?(?:ngày|ngµy)?\s*$", re.IGNORECASE
)
DAYPART_BEFORE = re.compile(r"(?P<part>sáng|trưa|chiều|tối|đêm)\s+(?:(?:thứ\s+\S+|chủ nhật),?\s*)?(?:ngày\s*)?$", re.I)
LEAD_IN_BEFORE = re.compile(r"(?:\bvào\s+(?:lúc\s+\S+\s+)?(?:ngày\s*)?|\bhôm\s+nay\s*\(?\s*(?:ngày\s*)?)$", re.I)


@dataclass(frozen=True)
class FoundDate:
    value: datetime.datetime  # aware, Asia/Ho_Chi_Minh
    text: str  # the words it was read from
    has_time: bool


def _make(year, month, day, hour=0, minute=0) -> datetime.datetime | None:
    year = int(year)
    if year < 100:
        year += 2000
    try:
        return datetime.datetime(year, int(month), int(day), int(hour), int(minute or 0), tzinfo=VIETNAM)
    except ValueError:
        return None


def parse_iso(value: str) -> datetime.datetime | None:
    match = ISO_DATE.search(value or "")
    if not match:
        return None
    if match["tz"]:
        try:
            parsed = datetime.datetime.fromisoformat(match.group(0).replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed.astimezone(VIETNAM)
    return _make(match["year"], match["month"], match["day"], match["hour"] or 0, match["minute"] or 0)


def _time_near(text: str, start: int, end: int) -> tuple[int, int] | None:
    """An hour and minute within a few words of the date at text[start:end] ("07:45 ngày …", "… - 07:45")."""
    window_before = text[max(0, start - 25) : start]
    window_after = text[end : end + 16]
    for window in (window_after, window_before):
        for match in TIME.finditer(window):
            hour = int(match["hour"])
            minute = int(match["minute"] or 0)
            if hour <= 23 and (match["minute"] or "h" in match.group(0) or "giờ" in match.group(0)):
                return hour, minute
    return None


def find_dates(text: str, skip_documents: bool = True) -> list[tuple[FoundDate, str]]:
    """Every date in `text`, in order, with what came before it: "daypart", "lead", "document" or ""."""
    found = []
    for pattern in (NUMERIC_DATE, WORDED_DATE):
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 60) : match.start()]
            kind = ""
            daypart = DAYPART_BEFORE.search(before)
            if daypart:
                kind = "daypart"
            elif LEAD_IN_BEFORE.search(before):
                kind = "lead"
            elif DOCUMENT_BEFORE.search(before):
                kind = "document"
            time = _time_near(text, match.start(), match.end())
            hour, minute = time or (DAYPARTS[daypart["part"].lower()] if daypart else 0, 0)
            value = _make(match["year"], match["month"], match["day"], hour, minute)
            if value is None or not (1990 <= value.year <= 2100):
                continue
            if kind == "document" and skip_documents:
                continue
            found.append((match.start(), FoundDate(value, match.group(0), time is not None), kind))
    found.sort(key=lambda entry: entry[0])
    return [(date, kind) for _, date, kind in found]


def page_date(lines: list[str]) -> FoundDate | None:
    """The date a page prints for itself: on a line that starts like a date line ("Cập nhật lúc …",
    "Ngày đăng: …", "Thứ Năm, 18/05/2023") or a short line that is little more than a date and time."""
    for line in lines:
        stripped = line.strip()
        if not stripped or len(stripped) > 120:
            continue
        dates = find_dates(stripped)
        if not dates:
            continue
        date, _ = dates[0]
        rest = NUMERIC_DATE.sub("", WORDED_DATE.sub("", stripped))
        rest = TIME.sub("", rest)
        short = len(re.sub(r"[\W\d_]+", "", rest)) <= 30
        if DATE_LINE.match(stripped) or short:
            return date
    return None


DATE_LINE_WORDS = re.compile(
    r"\b(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|thời gian|lúc|ngày|tháng|năm|giờ|phút|thứ|hai|ba|tư|sáu|bảy|"
    r"chủ nhật|đăng|posted|sáng|chiều|tối)\b",
    re.IGNORECASE,
)


def is_date_line(text: str) -> bool:
    """A line that is the page's date and nothing more ("Cập nhật lúc 07:45 ngày 03/03/2024", "Thứ Năm,
    18/05/2023 - 07:45"), so that dropping it loses no sentence: "Ngày 21/7/2024, tại chợ …", the first
    sentence of an article, is not one."""
    stripped = text.strip()
    if not stripped or len(stripped) > 120 or not find_dates(stripped):
        return False
    rest = TIME.sub("", NUMERIC_DATE.sub("", WORDED_DATE.sub("", stripped)))
    rest = DATE_LINE_WORDS.sub("", rest)
    return len(re.sub(r"[\W\d_]+", "", rest)) <= 12


def event_date(text: str) -> FoundDate | None:
    """The date an article's text gives for its event: "Sáng ngày 18/5/2023" first, then "vào ngày …",
    then the first date that is not a document's."""
    dates = find_dates(text)
    for wanted in ("daypart", "lead", ""):
        for date, kind in dates:
            if kind == wanted:
                return date
    return None


def parse_any(value: str) -> datetime.datetime | None:
    """A date phrase handed over by a reader (`LegacyItem.date_text`)."""
    if not value:
        return None
    iso = parse_iso(value) if ISO_DATE.search(value) else None
    if iso:
        return iso
    dates = find_dates(value, skip_documents=False)
    return dates[0][0].value if dates else None
