"""Number filters for the learning-society templates: {% load learning_tags %}."""

from django import template
from django.http import QueryDict
from django.utils.translation import pgettext

from ..numbers import plain_number, vnd

register = template.Library()


@register.filter(name="vnd")
def vnd_filter(value):
    """1500000 → "1.500.000 đ"."""
    return vnd(value)


@register.filter(name="so")
def number_filter(value):
    """12.50 → "12,5"; 1200 → "1.200"; None → "–"."""
    if value is None or value == "":
        return "–"
    return plain_number(value)


@register.filter(name="phan_tram")
def percent_filter(value):
    """12.5 → "12,5%"; None → "–"."""
    if value is None or value == "":
        return "–"
    return f"{plain_number(value)}%"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced ("" removes one)."""
    request = context["request"]
    params = request.GET.copy() if request else QueryDict(mutable=True)
    for key, value in changes.items():
        if value in ("", None):
            params.pop(key, None)
        else:
            params[key] = value
    params.pop("trang", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def get_period(periods, key):
    """The label of a period key ("quy" → "quý", "quarter" under /en/), lower-cased for use inside a
    sentence."""
    label = periods.get(key, "")
    return pgettext("period", label).lower() if label else ""


@register.filter
def level_result(value):
    from ..scoring import level_label

    return level_label(value)
