"""Back-office menu and URLs of the province overview."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ProvinceOverviewExportView, ProvinceOverviewView, may_view_overview


@hooks.register("register_admin_urls")
def province_admin_urls():
    return [
        path("tong-quan-thanh-pho/", ProvinceOverviewView.as_view(), name="province_overview"),
        path("tong-quan-thanh-pho/xuat-xlsx/", ProvinceOverviewExportView.as_view(), name="province_overview_export"),
    ]


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_overview(request.user)


@hooks.register("register_admin_menu_item")
def province_menu_item():
    return OverviewMenuItem(
        "Tổng quan TP",  # the sidebar cuts labels past 14 characters
        reverse("province_overview"),
        name="tong-quan-thanh-pho",
        icon_name="site",
        order=906,
    )
