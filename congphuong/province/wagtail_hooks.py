"""Back-office menu and URLs of the province overview."""

from django.urls import path, reverse
from wagtail import hooks

from congphuong.core.admin_menu import GatedMenuItem

from .views import ProvinceOverviewExportView, ProvinceOverviewView, may_view_overview


@hooks.register("register_admin_urls")
def province_admin_urls():
    return [
        path("tong-quan-thanh-pho/", ProvinceOverviewView.as_view(), name="province_overview"),
        path("tong-quan-thanh-pho/xuat-xlsx/", ProvinceOverviewExportView.as_view(), name="province_overview_export"),
    ]


@hooks.register("register_admin_menu_item")
def province_menu_item():
    return GatedMenuItem(
        "Tổng quan TP",  # the sidebar cuts labels past 14 characters
        reverse("province_overview"),
        name="tong-quan-thanh-pho",
        icon_name="site",
        order=906,
        may_view=may_view_overview,
    )
