"""Sign-in throttling (django-axes): 5 failures lock username + address for 30 minutes."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.urls import reverse

from .factories import EDITOR, PASSWORD, SITE_ADMIN, make_group, make_user

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


def _login(client, username, password, address="127.0.0.1"):
    return client.post(LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def _fail(client, username, times, address="127.0.0.1"):
    return [_login(client, username, "sai-mat-khau", address) for _ in range(times)]


def _signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def editor():
    return make_user("bientap", make_group(EDITOR))


@pytest.fixture
def site_admin():
    return make_user("quantri", make_group(SITE_ADMIN))


def test_four_failures_do_not_lock(client, editor):
    responses = _fail(client, "bientap", 4)
    assert all(r.status_code == 200 for r in responses)
    assert _login(client, "bientap", PASSWORD).status_code == 302
    assert _signed_in(client)


def test_fifth_failure_locks_even_the_right_password(client, editor):
    responses = _fail(client, "bientap", 5)
    assert responses[-1].status_code == 429
    response = _login(client, "bientap", PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Tài khoản tạm thời bị khóa" in body
    assert "30 phút" in body
    assert "bientap" in body
    assert not _signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_lock_is_per_username_and_address(client, editor):
    _fail(client, "bientap", 5, address="203.0.113.7")
    assert _login(client, "bientap", PASSWORD, address="203.0.113.7").status_code == 429
    # The same username from another address, and another username from that address, still work.
    assert _login(client, "bientap", PASSWORD, address="198.51.100.2").status_code == 302
    client.logout()
    make_user("bientap2", make_group(EDITOR))
    assert _login(client, "bientap2", PASSWORD, address="203.0.113.7").status_code == 302


def test_lock_ends_after_thirty_minutes(client, editor):
    _fail(client, "bientap", 5)
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=31))
    assert _login(client, "bientap", PASSWORD).status_code == 302


def test_site_admin_lists_and_unlocks(client, editor, site_admin):
    _fail(client, "bientap", 5)
    admin_client = client.__class__()
    admin_client.force_login(site_admin)
    response = admin_client.get(reverse("accounts_lockouts"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "bientap" in body and "Mở khóa" in body

    attempt = AccessAttempt.objects.get(username="bientap")
    response = admin_client.post(reverse("accounts_lockouts"), {"attempt": attempt.pk}, follow=True)
    assert "Đã mở khóa tài khoản “bientap”" in response.content.decode()
    assert not AccessAttempt.objects.filter(username="bientap").exists()
    assert _login(client, "bientap", PASSWORD).status_code == 302


def test_unlock_needs_a_post_with_csrf(editor, site_admin):
    from django.test import Client

    _fail(Client(), "bientap", 5)
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(site_admin)
    attempt = AccessAttempt.objects.get(username="bientap")
    assert csrf_client.post(reverse("accounts_lockouts"), {"attempt": attempt.pk}).status_code == 403
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_editor_cannot_see_or_use_the_unlock_view(client, editor):
    _fail(client.__class__(), "nguoi-khac", 5)
    attempt = AccessAttempt.objects.get(username="nguoi-khac")
    client.force_login(editor)
    response = client.get(reverse("accounts_lockouts"))
    assert response.status_code in (302, 403)
    assert "nguoi-khac" not in response.content.decode()
    client.post(reverse("accounts_lockouts"), {"attempt": attempt.pk})
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert "Tài khoản bị khóa" not in client.get("/admin/").content.decode()


def test_menu_item_under_settings_for_site_admin(client, site_admin):
    client.force_login(site_admin)
    assert reverse("accounts_lockouts") in client.get("/admin/").content.decode()


def test_unlock_permission_can_be_given_to_another_group(client, editor):
    group = make_group("Tổ công nghệ thông tin")
    group.permissions.add(Permission.objects.get(content_type__app_label="accounts", codename="unlock_accounts"))
    it_user = make_user("congnghe", group)
    client.force_login(it_user)
    assert client.get(reverse("accounts_lockouts")).status_code == 200


def test_unlock_of_unknown_attempt_is_404(client, site_admin):
    client.force_login(site_admin)
    assert client.post(reverse("accounts_lockouts"), {"attempt": "999999"}).status_code == 404
    assert client.post(reverse("accounts_lockouts"), {"attempt": "x"}).status_code == 404


def test_authenticate_without_request_is_refused():
    # Every sign-in path must pass the request so that django-axes can count it.
    from axes.exceptions import AxesBackendRequestParameterRequired
    from django.contrib.auth import authenticate

    with pytest.raises(AxesBackendRequestParameterRequired):
        authenticate(username="bientap", password=PASSWORD)
