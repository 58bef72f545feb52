"""Phân công phường of the demo accounts: officers and leaders on their own ward, site admins without personal data."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from congphuong.demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from congphuong.demo.builder import WARDS
from congphuong.editorial.roles import ensure_roles
from congphuong.learning import access
from congphuong.learning.roles import LEARNING_OFFICER, can_see_personal_data, can_view_reports
from congphuong.wards.tests.factories import make_ward

from .factories import HouseholdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_wards():
    from wagtail.models import Site

    Site.objects.all().delete()  # Wagtail's initial localhost site would clash with the demo's
    first = make_ward(hostname=WARDS[0].hostname, name=WARDS[0].name, default=True)
    second = make_ward(hostname=WARDS[1].hostname, name=WARDS[1].name)
    ensure_roles()
    ensure_demo_accounts()
    ensure_demo_accounts()  # idempotent
    return first, second


def wards_of(username):
    return [site.pk for site in access.sites(get_user_model().objects.get(username=username))]


def test_each_demo_account_works_on_its_own_ward_only(demo_wards):
    first, second = demo_wards
    User = get_user_model()  # noqa: N806
    for username in ("khuyenhoc", "khuyenhoc_tsh"):
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD) and not user.is_staff and not user.is_superuser
        assert user.groups.filter(name=LEARNING_OFFICER).exists()
    expected = {
        "khuyenhoc": [first.pk],
        "lanhdao": [first.pk],
        "quantri": [first.pk],
        "khuyenhoc_tsh": [second.pk],
        "lanhdao_tsh": [second.pk],
        "quantri_tsh": [second.pk],
        "bientap": [],  # editors hold no learning right
        "bientap_tsh": [],
    }
    assert {username: wards_of(username) for username in expected} == expected
    # Officers and leaders read personal data and the reports; site admins neither.
    for username in ("khuyenhoc", "khuyenhoc_tsh", "lanhdao", "lanhdao_tsh"):
        user = User.objects.get(username=username)
        assert can_see_personal_data(user) and can_view_reports(user), username
    for username in ("quantri", "quantri_tsh", "bientap"):
        user = User.objects.get(username=username)
        assert not can_see_personal_data(user) and not can_view_reports(user), username


def test_demo_leaders_and_site_admins_in_the_admin(client, demo_wards):
    first, second = demo_wards
    HouseholdFactory(site=first, head_name="Chủ Hộ Bình An")
    HouseholdFactory(site=second, head_name="Chủ Hộ Tân Sơn Hòa")
    User = get_user_model()  # noqa: N806

    for username, mine, theirs in (
        ("lanhdao", "Chủ Hộ Bình An", "Chủ Hộ Tân Sơn Hòa"),
        ("khuyenhoc_tsh", "Chủ Hộ Tân Sơn Hòa", "Chủ Hộ Bình An"),
    ):
        client.force_login(User.objects.get(username=username))
        html = client.get(reverse("learning_household:index")).content.decode()
        assert mine in html and theirs not in html, username
        assert client.get(reverse("learning_dashboard")).status_code == 200, username

    client.force_login(User.objects.get(username="lanhdao_tsh"))
    response = client.get(reverse("learning_dashboard"))
    assert response.status_code == 200 and response.context["site"] == second

    # The site admin: the ward's export log and assignments, never the registry.
    client.force_login(User.objects.get(username="quantri"))
    assert client.get(reverse("learning_household:index")).status_code == 403
    assert client.get(reverse("learning_dashboard")).status_code == 403
    assert client.get(reverse("learning_exportlog:index")).status_code == 200
    html = client.get(reverse("learning_assignment:index")).content.decode()
    assert "khuyenhoc" in html and "lanhdao" in html
    assert "khuyenhoc_tsh" not in html and "lanhdao_tsh" not in html
