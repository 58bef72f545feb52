"""Admin URLs, menu items and permissions of the back-office security features."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congphuong.core.admin_menu import GatedMenuItem

from . import lockout, views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("2fa/", views.TwoFactorView.as_view(), name="accounts_2fa"),
        path("2fa/xac-thuc/", views.TokenLoginView.as_view(), name="accounts_2fa_verify"),
        path("2fa/dang-ky/", views.EnrolView.as_view(), name="accounts_2fa_enrol"),
        path("2fa/ma-khoi-phuc/", views.RecoveryCodesView.as_view(), name="accounts_recovery_codes"),
        path("bao-mat/tai-khoan-bi-khoa/", views.LockoutListView.as_view(), name="accounts_lockouts"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return GatedMenuItem(
        "Tài khoản bị khóa", reverse("accounts_lockouts"), icon_name="lock", order=650, may_view=lockout.can_unlock
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa"),
        "label": "Xác thực hai lớp",
        "help_text": "Bật hoặc tắt mã xác thực trên điện thoại, tạo mã khôi phục.",
    }


@hooks.register("construct_main_menu")
def hide_menu_until_verified(request, menu_items):
    """Until the code is entered (or an app enrolled), the menu only leads to enrolment."""
    if getattr(request.user, "two_factor_pending", False):
        menu_items[:] = [MenuItem("Xác thực hai lớp", reverse("accounts_2fa_enrol"), icon_name="key")]


@hooks.register("register_permissions")
def register_permissions():
    # Shown on a group's page in the admin, under "Bảo mật tài khoản".
    return Permission.objects.filter(
        content_type__app_label="accounts", codename__in=["require_2fa", "unlock_accounts"]
    )
