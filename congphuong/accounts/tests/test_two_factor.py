"""Two-factor authentication: required for editors, approvers, site administrators, learning officers
and superusers (CONGPHUONG_2FA_REQUIRED_GROUPS); optional for other back-office roles."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from congphuong.accounts.two_factor import generate_recovery_codes
from congphuong.news.tests.factories import ArticlePageFactory

from .factories import (
    APPROVER,
    EDITOR,
    PASSWORD,
    SITE_ADMIN,
    add_authenticator,
    current_token,
    login_verified,
    make_group,
    make_user,
)

pytestmark = pytest.mark.django_db

ENROL = "/admin/2fa/dang-ky/"
OPTIONAL_ROLE = "Cộng tác viên"
LEARNING_OFFICER = "Cán bộ khuyến học"
VERIFY = "/admin/2fa/xac-thuc/"


@pytest.fixture(autouse=True)
def _rule_on(settings):
    settings.CONGPHUONG_2FA_REQUIRED = True


@pytest.fixture
def approver(home):
    return make_user("lanhdao", make_group(APPROVER, home, ["add", "change", "publish"]))


@pytest.fixture
def editor(home):
    # A back-office role outside CONGPHUONG_2FA_REQUIRED_GROUPS: 2FA optional.
    return make_user("congtacvien", make_group(OPTIONAL_ROLE, home, ["add", "change"]))


def _redirect_path(response):
    return response["Location"].split("?")[0]


def _enrol(client, user, next_url="/admin/"):
    """Walk the enrolment page as the user would; returns the recovery codes shown."""
    response = client.get(f"{ENROL}?next={next_url}")
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(
        f"{ENROL}?next={next_url}", {"otp_token": current_token(device), "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("accounts_recovery_codes")
    page = client.get(reverse("accounts_recovery_codes")).content.decode()
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", page), page


def test_approver_without_device_is_sent_to_enrolment(client, approver):
    client.force_login(approver)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert _redirect_path(response) == ENROL
    assert "next=/admin/" in response["Location"]
    # Only the enrolment page and signing out are reachable.
    assert client.get("/admin/pages/").status_code == 302
    assert client.get(ENROL).status_code == 200


def test_approver_without_device_cannot_publish(client, approver, category):
    article = ArticlePageFactory(parent=category, title="Bài chưa duyệt", live=False)
    client.force_login(approver)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        {"title": "Bài đã sửa", "slug": article.slug, "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    assert _redirect_path(response) == ENROL
    article.refresh_from_db()
    assert not article.live
    assert article.title == "Bài chưa duyệt"


def test_enrolment_page_is_in_vietnamese_with_a_qr_code(client, approver):
    client.force_login(approver)
    body = client.get(ENROL).content.decode()
    assert 'src="data:image/svg+xml;base64,' in body
    for text in ("Bật xác thực hai lớp", "Mã 6 chữ số trong ứng dụng", "Mật khẩu hiện tại", "bắt buộc"):
        assert text in body
    # The main menu only leads to enrolment until it is done.
    sidebar = body[body.index("wagtail-sidebar-props") :]
    sidebar = sidebar[: sidebar.index("</script>")]
    assert re.findall(r'"url": "([^"]*)"', sidebar)[0] == ENROL
    assert "/admin/pages/" not in sidebar.replace("/admin/pages/search/", "")


def test_enrolment_rejects_a_wrong_code_or_password(client, approver):
    client.force_login(approver)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=approver, confirmed=False)
    response = client.post(ENROL, {"otp_token": "000000", "password": PASSWORD})
    assert response.status_code == 200
    assert "Mã không đúng" in response.content.decode()
    response = client.post(ENROL, {"otp_token": current_token(device), "password": "sai-mat-khau"})
    assert "Mật khẩu không đúng." in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_after_enrolment_the_approver_reaches_the_dashboard(client, approver):
    client.force_login(approver)
    codes, page = _enrol(client, approver)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "chỉ hiện một lần" in page
    assert StaticToken.objects.filter(device__user=approver).count() == 10
    # Shown once only.
    again = client.get(reverse("accounts_recovery_codes")).content.decode()
    assert not re.findall(r"<code>[a-z2-7]{4}-[a-z2-7]{4}</code>", again)
    assert client.get("/admin/").status_code == 200


def test_full_sign_in_asks_for_the_code(client, approver):
    device = add_authenticator(approver)
    response = client.post("/admin/login/", {"username": "lanhdao", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and _redirect_path(response) == VERIFY
    body = client.get(response["Location"]).content.decode()
    assert "Nhập mã xác thực" in body and "mã khôi phục" in body

    response = client.post(VERIFY, {"otp_token": "123456", "next": "/admin/"})
    assert "Mã xác thực không đúng" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    response = client.post(VERIFY, {"otp_token": current_token(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_verified_approver_can_publish(client, approver, category):
    article = ArticlePageFactory(parent=category, title="Bài chờ đăng", live=False)
    login_verified(client, approver)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert response.status_code == 200


def test_recovery_code_works_once(approver):
    first = Client()
    first.force_login(approver)
    codes, _ = _enrol(first, approver)

    second = Client()
    second.force_login(approver)
    assert second.get("/admin/").status_code == 302
    response = second.post(VERIFY, {"otp_token": codes[0].upper(), "next": "/admin/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "còn lại 9 mã" in response.content.decode()
    assert StaticToken.objects.filter(device__user=approver).count() == 9

    third = Client()
    third.force_login(approver)
    StaticDevice.objects.filter(user=approver).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    response = third.post(VERIFY, {"otp_token": codes[0], "next": "/admin/"})
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.content.decode()
    assert third.get("/admin/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client, approver):
    client.force_login(approver)
    old_codes, _ = _enrol(client, approver)
    client.post(reverse("accounts_recovery_codes"))
    page = client.get(reverse("accounts_recovery_codes")).content.decode()
    new_codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", page)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)


def test_role_outside_the_list_is_not_forced(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("accounts_2fa")).status_code == 200


def test_optional_user_who_enrolled_is_asked_for_the_code(client, editor):
    add_authenticator(editor)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302 and _redirect_path(response) == VERIFY


@pytest.mark.parametrize("group_name", [EDITOR, APPROVER, SITE_ADMIN, LEARNING_OFFICER])
def test_required_groups(client, group_name):
    # Editors and learning officers handle citizens' personal data (questions, households) too.
    user = make_user("nguoidung", make_group(group_name))
    client.force_login(user)
    assert _redirect_path(client.get("/admin/")) == ENROL


def test_editor_of_a_ward_is_forced(client, home):
    from congphuong.editorial.models import WardRoleGroup
    from congphuong.editorial.roles import ensure_roles

    ensure_roles()
    ward_editors = WardRoleGroup.objects.filter(role="editor").select_related("group").first()
    assert ward_editors is not None
    client.force_login(make_user("bientap_phuong", ward_editors.group))
    assert _redirect_path(client.get("/admin/")) == ENROL


def test_production_requires_it_for_every_role_handling_personal_data():
    import ast
    from pathlib import Path

    from congphuong.settings import base

    # production.py needs the real environment to import; its assignments are read from the source.
    source = (Path(base.__file__).parent / "production.py").read_text(encoding="utf-8")
    assignments = {
        node.targets[0].id: node.value
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    }
    assert ast.literal_eval(assignments["CONGPHUONG_2FA_REQUIRED"]) is True
    assert "CONGPHUONG_2FA_REQUIRED_GROUPS" not in assignments  # the base list applies
    assert {EDITOR, APPROVER, SITE_ADMIN, LEARNING_OFFICER} <= set(base.CONGPHUONG_2FA_REQUIRED_GROUPS)


def test_superuser_is_forced(client):
    boss = make_user("sieuquantri", is_superuser=True, is_staff=True)
    client.force_login(boss)
    assert _redirect_path(client.get("/admin/")) == ENROL


def test_requirement_can_be_given_to_another_group(client):
    group = make_group("Thư ký")
    group.permissions.add(Permission.objects.get(content_type__app_label="accounts", codename="require_2fa"))
    client.force_login(make_user("thuky", group))
    assert _redirect_path(client.get("/admin/")) == ENROL


def test_relaxed_setting_stops_forcing_enrolment(client, approver, settings):
    settings.CONGPHUONG_2FA_REQUIRED = False
    client.force_login(approver)
    assert client.get("/admin/").status_code == 200
    # ...but whoever has an authenticator is still asked for its code.
    add_authenticator(approver)
    assert _redirect_path(client.get("/admin/")) == VERIFY


def test_unverified_user_with_device_cannot_use_public_site_admin_links(client, approver, home):
    add_authenticator(approver)
    client.force_login(approver)
    assert _redirect_path(client.get("/")) == VERIFY
    # Anonymous visitors are unaffected.
    assert Client().get("/").status_code == 200


def test_turning_off_needs_the_password_and_drops_recovery_codes(client, editor):
    client.force_login(editor)
    _enrol(client, editor)
    response = client.post(reverse("accounts_2fa"), {"password": "sai-mat-khau"})
    assert "Mật khẩu không đúng." in response.content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()
    client.post(reverse("accounts_2fa"), {"password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    assert client.get("/admin/").status_code == 200


def test_approver_who_removes_the_app_must_enrol_again(client, approver):
    client.force_login(approver)
    _enrol(client, approver)
    response = client.post(reverse("accounts_2fa"), {"password": PASSWORD})
    assert response["Location"] == ENROL
    assert _redirect_path(client.get("/admin/")) == ENROL


def test_removing_the_app_elsewhere_drops_recovery_codes(client, approver):
    client.force_login(approver)
    _enrol(client, approver)
    TOTPDevice.objects.filter(user=approver).delete()
    assert not StaticDevice.objects.filter(user=approver).exists()


def test_verify_page_refuses_foreign_next(client, approver):
    device = add_authenticator(approver)
    client.force_login(approver)
    response = client.post(VERIFY, {"otp_token": current_token(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_anonymous_verify_goes_to_login(client):
    assert _redirect_path(client.get(VERIFY)) == "/admin/login/"


def test_account_page_links_to_two_factor_settings(client, editor):
    client.force_login(editor)
    body = client.get("/admin/account/").content.decode()
    assert "Xác thực hai lớp" in body and reverse("accounts_2fa") in body


def test_reset_command_for_a_lost_phone(approver):
    from io import StringIO

    from django.core.management import CommandError, call_command

    add_authenticator(approver)
    generate_recovery_codes(approver)
    out = StringIO()
    call_command("reset_two_factor", "lanhdao", stdout=out)
    assert "Đã tắt xác thực hai lớp" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert not StaticDevice.objects.filter(user=approver).exists()
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "khong-co")
