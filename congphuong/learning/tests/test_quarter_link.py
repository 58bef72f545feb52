"""The programme's khu phố are the ward's one list (organisation.Quarter): linked by name, renamed with it."""

import pytest
from django.core.exceptions import ValidationError

from congphuong.learning.models import LearningQuarter
from congphuong.organisation.tests.factories import QuarterFactory as WardQuarterFactory
from congphuong.wards.tests.factories import make_ward

from .factories import QuarterFactory

pytestmark = pytest.mark.django_db


def test_a_programme_row_is_the_wards_khu_pho_of_that_name_and_follows_its_renaming(ward):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    WardQuarterFactory(site=other, name="Khu phố 3")  # the same name in another ward: never linked
    listed = WardQuarterFactory(site=ward, name="Khu phố 3")
    row = QuarterFactory(site=ward, name="Khu phố 3", households_total=1200)
    assert row.quarter == listed
    unlisted = QuarterFactory(site=ward, name="Khu phố cũ")  # not in the ward's list: kept as typed
    assert unlisted.quarter is None and unlisted.name == "Khu phố cũ"

    # Renamed once, in the ward's list (and published): the registry follows, its figures kept.
    listed.name = "Khu phố Ba"
    listed.save_revision().publish()
    row.refresh_from_db()
    assert (row.name, row.households_total) == ("Khu phố Ba", 1200)
    # A draft rename is not the ward's list yet.
    listed.name = "Khu phố Bốn"
    listed.save_revision()
    row.refresh_from_db()
    assert row.name == "Khu phố Ba"


def test_a_programme_row_cannot_point_at_another_wards_khu_pho(ward):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    row = LearningQuarter(site=ward, name="Khu phố 7", quarter=WardQuarterFactory(site=other, name="Khu phố 7"))
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "thuộc phường khác" in str(error.value)
