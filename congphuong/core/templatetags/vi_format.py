"""Dates as Vietnamese readers write them: "Thứ Năm, 18/05/2023 09:30"."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def weekday_vi(value) -> str:
    return WEEKDAYS[value.weekday()]


@register.filter
def vi_date(value) -> str:
    """Thứ Năm, 18/05/2023"""
    if not value:
        return ""
    value = _local(value)
    return f"{weekday_vi(value)}, {value:%d/%m/%Y}"


@register.filter
def vi_datetime(value) -> str:
    """Thứ Năm, 18/05/2023 09:30"""
    if not value:
        return ""
    value = _local(value)
    if not isinstance(value, datetime.datetime):
        return vi_date(value)
    return f"{weekday_vi(value)}, {value:%d/%m/%Y %H:%M}"


@register.filter
def vi_short_date(value) -> str:
    """18/05/2023"""
    if not value:
        return ""
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
