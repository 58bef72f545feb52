"""Back office: snippets scoped to the user's ward, page editors and previews of this app's page types."""

import pytest
from django.urls import reverse

from congphuong.editorial.roles import EDITOR, ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.organisation.permissions import ensure_organisation_permissions
from congphuong.wards.tests.factories import make_ward

from .factories import (
    AboutIndexPageFactory,
    DisclosureCategoryFactory,
    DisclosureIndexPageFactory,
    LeaderFactory,
    QuarterFactory,
    WorkSchedulePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(home):
    groups = ensure_roles([home])
    ensure_organisation_permissions()
    return make_user("bientap", groups[EDITOR])


def test_editor_sees_and_assigns_only_their_wards_leaders(client, ward, editor):
    other = make_ward(hostname="khac.test", name="Phường Khác")
    LeaderFactory(site=ward, full_name="Người Phường Mình")
    LeaderFactory(site=other, full_name="Người Phường Khác")
    QuarterFactory(site=other, name="Khu phố Lạ")
    client.force_login(editor)

    listing = client.get(reverse("wagtailsnippets_organisation_leader:list")).content.decode()
    assert "Người Phường Mình" in listing
    assert "Người Phường Khác" not in listing
    assert "Khu phố Lạ" not in client.get(reverse("wagtailsnippets_organisation_quarter:list")).content.decode()

    form = client.get(reverse("wagtailsnippets_organisation_leader:add")).content.decode()
    assert f'<option value="{ward.pk}" selected>' in form
    assert f'<option value="{other.pk}"' not in form


def test_editor_may_add_a_leader_who_waits_for_approval(client, ward, editor):
    from wagtail.test.utils.form_data import rich_text

    from congphuong.organisation.models import Leader

    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_organisation_leader:add"),
        {
            "site": ward.pk,
            "full_name": "Phan Thị Mới",
            "position": "Phó Chủ tịch Ủy ban nhân dân phường",
            "sort_order": 30,
            "duties": rich_text("<p>Văn hóa – xã hội.</p>"),
            "biography": rich_text(""),
            "phone": "",
            "email": "",
            "slug": "",
        },
    )
    assert response.status_code == 302
    leader = Leader.objects.get(full_name="Phan Thị Mới")
    assert not leader.live  # a draft until a leader approves it
    assert leader.slug == "phan-thi-moi"


@pytest.mark.parametrize(
    ("model", "make_parent"),
    [
        ("aboutpage", lambda home: AboutIndexPageFactory(parent=home)),
        ("organisationpage", lambda home: AboutIndexPageFactory(parent=home)),
        ("weeklyschedulepage", lambda home: WorkSchedulePageFactory(parent=home)),
        ("disclosurepage", lambda home: DisclosureIndexPageFactory(parent=home)),
    ],
)
def test_page_editors_open(client, ward, home, model, make_parent):
    from django.contrib.auth import get_user_model

    DisclosureCategoryFactory(site=ward)
    client.force_login(get_user_model().objects.create_superuser("sieu", "sieu@example.vn", "Mat-khau-thu-2025"))
    parent = make_parent(home)
    response = client.get(reverse("wagtailadmin_pages:add", args=("organisation", model, parent.pk)))
    assert response.status_code == 200


def test_top_level_sections_can_be_added_under_a_ward_home(client, home):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("sieu", "sieu@example.vn", "Mat-khau-thu-2025"))
    html = client.get(reverse("wagtailadmin_pages:add_subpage", args=(home.pk,))).content.decode()
    for label in ("Mục Giới thiệu", "Lịch công tác", "Mục Công khai"):
        assert label in html


def test_disclosure_preview_with_an_unsaved_attachment(client, ward, home):
    import wagtail_factories
    from django.contrib.auth import get_user_model

    category = DisclosureCategoryFactory(site=ward)
    section = DisclosureIndexPageFactory(parent=home)
    document = wagtail_factories.DocumentFactory(title="Bảng dự toán")
    client.force_login(get_user_model().objects.create_superuser("sieu", "sieu@example.vn", "Mat-khau-thu-2025"))
    url = reverse("wagtailadmin_pages:preview_on_add", args=("organisation", "disclosurepage", section.pk))
    data = {
        "title": "Dự toán xem trước",
        "slug": "du-toan-xem-truoc",
        "category": category.pk,
        "posted_on": "2026-03-02",
        "minimum_days": "",
        "summary": "",
        "body-count": "0",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "attachments-0-document": document.pk,
        "attachments-0-title": "",
        "attachments-0-ORDER": "1",
        "attachments-0-DELETE": "",
        "attachments-0-id": "",
    }
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Dự toán xem trước" in html
    assert "Bảng dự toán" in html
