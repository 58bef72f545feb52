"""Dates typed or picked in the admin are read day first, as Vietnamese cadres write them."""

import datetime

import pytest
from django import forms
from django.utils import timezone, translation

from congphuong.news.models import ArticlePage


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("25/05/2023 09:30", datetime.datetime(2023, 5, 25, 9, 30)),
        # Month-first parsing would silently read this as 12 March.
        ("03/12/2026 14:05", datetime.datetime(2026, 12, 3, 14, 5)),
        ("2023-05-25 09:30", datetime.datetime(2023, 5, 25, 9, 30)),  # ISO is still accepted
    ],
)
def test_datetime_input_is_day_first(typed, expected):
    with translation.override("vi"):
        value = forms.DateTimeField().clean(typed)
    assert timezone.make_naive(value) == expected


def test_date_input_is_day_first():
    with translation.override("vi"):
        assert forms.DateField().clean("31/01/2025") == datetime.date(2025, 1, 31)


@pytest.mark.django_db
def test_admin_widget_round_trips_a_late_day_of_month():
    """What the admin's date picker renders, the admin form reads back unchanged."""
    form_class = ArticlePage.get_edit_handler().get_form_class()
    field = form_class.base_fields["published_at"]
    moment = timezone.make_aware(datetime.datetime(2023, 5, 25, 9, 30))
    with translation.override("vi"):
        rendered = field.widget.format_value(moment)
        assert rendered == "25/05/2023 09:30"
        assert field.clean(rendered) == moment
