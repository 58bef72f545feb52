"""Back office: "Sáp nhập phường" in the settings menu, for the install's administrators only."""

from django.urls import path, reverse
from wagtail import hooks

from congphuong.core.admin_menu import GatedMenuItem

from .admin_views import MergeWardsView, may_merge_wards


@hooks.register("register_admin_urls")
def merge_wards_admin_url():
    return [path("sap-nhap-phuong/", MergeWardsView.as_view(), name="merger_merge_wards")]


@hooks.register("register_settings_menu_item")
def merge_wards_menu_item():
    return GatedMenuItem(
        "Sáp nhập phường",
        reverse("merger_merge_wards"),
        name="sap-nhap-phuong",
        icon_name="site",
        order=611,
        may_view=may_merge_wards,
    )
