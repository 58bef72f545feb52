"""Back office: the administrative units, editable by the install's administrators (superusers) only."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from congphuong.core.admin_menu import GatedMenuItem

from .admin_views import AddWardView, may_add_wards
from .models import AdministrativeUnit


class UnitEditView(EditView):
    def save_instance(self):
        # A corrected unit is never overwritten by the next `load_admin_units`.
        self.form.instance.corrected = True
        return super().save_instance()


class AdministrativeUnitViewSet(ModelViewSet):
    model = AdministrativeUnit
    name = "don_vi_hanh_chinh"
    url_prefix = "don-vi-hanh-chinh"
    icon = "site"
    menu_label = "Đơn vị HC"  # the sidebar cuts labels past 14 characters
    menu_order = 920
    add_to_admin_menu = True
    add_view_enabled = False  # the list comes from the data file; a unit is corrected, not invented
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = UnitEditView
    list_display = ["name", "district", "province", "code", "unit_type", "valid_to"]
    list_filter = ["unit_type", "province"]
    search_fields = ["name", "district", "province", "code"]
    ordering = ["province_code", "district", "name"]


@hooks.register("register_admin_viewset")
def register_administrative_units():
    return AdministrativeUnitViewSet()


@hooks.register("register_admin_urls")
def add_ward_admin_url():
    return [path("them-phuong/", AddWardView.as_view(), name="units_add_ward")]


@hooks.register("register_settings_menu_item")
def add_ward_menu_item():
    return GatedMenuItem(
        "Thêm phường",
        reverse("units_add_ward"),
        name="them-phuong",
        icon_name="site",
        order=610,
        may_view=may_add_wards,
    )
