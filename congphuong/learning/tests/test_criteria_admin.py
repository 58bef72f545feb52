"""Editing criteria sets in the admin: free while unused, locked once an assessment uses them."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from congphuong.learning.choices import LearningModel
from congphuong.learning.models import Indicator, Registration

from .factories import HouseholdFactory, make_criteria_set, officer

pytestmark = pytest.mark.django_db


class FormValues(HTMLParser):
    """The values a browser would send for the editor form (#w-editor-form)."""

    def __init__(self):
        super().__init__()
        self.data, self.in_form, self.textarea, self.select, self.option_value = {}, False, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "w-editor-form":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea" and name and "__prefix__" not in name:
            self.textarea = name
            self.data[name] = ""
        elif tag == "select" and name and "__prefix__" not in name:
            self.select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def form_values(html):
    parser = FormValues()
    parser.feed(html)
    return parser.data


def indicator_field(data, code):
    """The POST name of the max_points field of the indicator with this code."""
    for name, value in data.items():
        if name.endswith("-code") and value == code and "indicators-" in name:
            return name.removesuffix("-code") + "-max_points"
    raise KeyError(code)


def test_unused_version_is_editable_and_used_version_is_locked(client, ward):
    # The ward's own set: shared sets are read-only for ward officers (see test_ward_access).
    criteria_set = make_criteria_set(valid_from=datetime.date(2020, 1, 1), site=ward)
    client.force_login(officer())
    url = reverse("learning_criteriaset:edit", args=[criteria_set.pk])

    data = form_values(client.get(url).content.decode())
    data[indicator_field(data, "2.1")] = "25"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Indicator.objects.get(criterion__criteria_set=criteria_set, code="2.1").max_points == 25

    Registration.objects.create(
        site=ward,
        year=2025,
        learning_model=LearningModel.FAMILY,
        household=HouseholdFactory(site=ward),
        criteria_set=criteria_set,
    )
    data = form_values(client.get(url).content.decode())
    data[indicator_field(data, "2.1")] = "30"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "đã được dùng để đánh giá 1 hồ sơ" in response.content.decode()
    assert Indicator.objects.get(criterion__criteria_set=criteria_set, code="2.1").max_points == 25

    # Closing the version (valid-to) is still allowed.
    data = form_values(client.get(url).content.decode())
    data["valid_to"] = "2025-12-31"  # ISO: the admin's dd/mm/yyyy input needs DATE_INPUT_FORMATS (see report)
    response = client.post(url, data)
    assert response.status_code == 302
    criteria_set.refresh_from_db()
    assert criteria_set.valid_to == datetime.date(2025, 12, 31)
