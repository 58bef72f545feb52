"""The demo learning officer `khuyenhoc` works on the first demo ward only."""

import pytest
from django.contrib.auth import get_user_model

from congphuong.core.demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from congphuong.core.demo.builder import WARDS
from congphuong.core.roles import ensure_roles
from congphuong.learning import access
from congphuong.learning.roles import LEARNING_OFFICER
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db


def test_khuyenhoc_is_assigned_to_the_first_demo_ward_only():
    from wagtail.models import Site

    Site.objects.all().delete()  # Wagtail's initial localhost site would clash with the demo's
    first = make_ward(hostname=WARDS[0].hostname, name=WARDS[0].name, default=True)
    make_ward(hostname=WARDS[1].hostname, name=WARDS[1].name)
    ensure_roles()
    ensure_demo_accounts()
    ensure_demo_accounts()  # idempotent
    user = get_user_model().objects.get(username="khuyenhoc")
    assert user.check_password(DEMO_PASSWORD) and not user.is_staff and not user.is_superuser
    assert user.groups.filter(name=LEARNING_OFFICER).exists()
    assert [site.pk for site in access.sites(user)] == [first.pk]
