"""A ward's site administrator manages cadres but cannot create or take over a superuser."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from congphuong.editorial.roles import EDITOR, SITE_ADMIN, ensure_roles

from .factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def site_admin(home, client):
    groups = ensure_roles([home])
    admin = make_user("quantri", groups[SITE_ADMIN])
    client.force_login(admin)
    return admin


def _new_user(**extra):
    return {
        "username": "canbo_moi",
        "email": "canbo@example.vn",
        "first_name": "Lan",
        "last_name": "Nguyễn",
        "password1": "Mat-khau-rat-manh-2025",
        "password2": "Mat-khau-rat-manh-2025",
        **extra,
    }


def test_site_admin_adds_an_editor(site_admin, client):
    editor_group = Group.objects.get(ward_role__role="editor")  # the ward's "Biên tập viên – …"
    assert editor_group.name.startswith(EDITOR)
    response = client.post(reverse("wagtailusers_users:add"), _new_user(groups=[editor_group.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    created = User.objects.get(username="canbo_moi")
    assert list(created.groups.all()) == [editor_group]


def test_site_admin_cannot_create_a_superuser(site_admin, client):
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' not in form
    client.post(reverse("wagtailusers_users:add"), _new_user(is_superuser="on"))
    created = User.objects.filter(username="canbo_moi").first()
    assert created is None or not created.is_superuser


def test_site_admin_cannot_put_anyone_into_a_foreign_group(site_admin, client):
    moderators = Group.objects.create(name="Nhóm toàn quyền")
    client.post(reverse("wagtailusers_users:add"), _new_user(groups=[moderators.pk]))
    assert not User.objects.filter(groups=moderators).exists()
    # Not even themselves.
    url = reverse("wagtailusers_users:edit", args=(site_admin.pk,))
    client.post(
        url,
        {
            "username": "quantri",
            "email": "quantri@example.vn",
            "first_name": "",
            "last_name": "",
            "groups": [moderators.pk, *site_admin.groups.values_list("pk", flat=True)],
        },
    )
    assert not site_admin.groups.filter(pk=moderators.pk).exists()


def test_site_admin_cannot_edit_a_superuser(site_admin, client):
    boss = User.objects.create_superuser("hethong", "hethong@example.vn", PASSWORD)
    url = reverse("wagtailusers_users:edit", args=(boss.pk,))
    assert client.get(url).status_code in (302, 403)  # Wagtail turns the refusal into a redirect home
    client.post(
        url,
        {
            "username": "hethong",
            "email": "x@example.vn",
            "password1": "Moi-2025-abcdef",
            "password2": "Moi-2025-abcdef",
        },
    )
    boss.refresh_from_db()
    assert boss.email == "hethong@example.vn" and boss.check_password(PASSWORD)


def test_a_superuser_still_sees_every_option(home, client):
    boss = User.objects.create_superuser("hethong", "hethong@example.vn", PASSWORD)
    client.force_login(boss)
    assert 'name="is_superuser"' in client.get(reverse("wagtailusers_users:add")).content.decode()
