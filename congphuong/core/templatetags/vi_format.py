"""Dates as Vietnamese readers write them: "Thứ Năm, 18/05/2023 09:30"; on the English section
(/en/, docs/english-section.md) as English readers do: "Thursday, 18 May 2023 09:30"."""

import datetime

from django import template
from django.utils import timezone, translation

register = template.Library()

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _english() -> bool:
    return (translation.get_language() or "").split("-")[0] == "en"


def english_date(value) -> str:
    """6 December 2026 (no leading zero, the month in words: read the same in British and US English)."""
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def weekday_vi(value) -> str:
    return WEEKDAYS[value.weekday()]


@register.filter
def weekday_label(value) -> str:
    """The day of the week in the page's language: "Thứ Hai" / "Monday"."""
    if not value:
        return ""
    return (WEEKDAYS_EN if _english() else WEEKDAYS)[value.weekday()]


@register.filter
def vi_date(value) -> str:
    """Thứ Năm, 18/05/2023"""
    if not value:
        return ""
    value = _local(value)
    if _english():
        return f"{WEEKDAYS_EN[value.weekday()]}, {english_date(value)}"
    return f"{weekday_vi(value)}, {value:%d/%m/%Y}"


@register.filter
def vi_datetime(value) -> str:
    """Thứ Năm, 18/05/2023 09:30"""
    if not value:
        return ""
    value = _local(value)
    if not isinstance(value, datetime.datetime):
        return vi_date(value)
    if _english():
        return f"{WEEKDAYS_EN[value.weekday()]}, {english_date(value)} {value:%H:%M}"
    return f"{weekday_vi(value)}, {value:%d/%m/%Y %H:%M}"


@register.filter
def vi_short_date(value) -> str:
    """18/05/2023"""
    if not value:
        return ""
    if _english():
        return english_date(_local(value))
    return f"{_local(value):%d/%m/%Y}"


@register.filter
def iso_datetime(value) -> str:
    """ISO 8601 in the site's time zone, whole seconds: 2023-05-18T09:30:00+07:00."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.replace(microsecond=0)
    return value.isoformat()
