"""Back office for the city's IT team (superusers): "Thêm phường" — the same as `manage.py add_ward`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from congphuong.core.forms import VisibleTextMixin

from .provisioning import WardNotCreated, add_ward


class AddWardForm(VisibleTextMixin, forms.Form):
    code = forms.CharField(
        label="Mã đơn vị hành chính",
        max_length=10,
        help_text="Mã của phường/xã/đặc khu hiện hành (từ 1/7/2025), ví dụ 26977.",
        error_messages={"required": "Vui lòng nhập mã đơn vị hành chính."},
    )
    hostname = forms.CharField(
        label="Tên miền của cổng",
        max_length=255,
        help_text="Ví dụ: tansonhoa.hochiminhcity.gov.vn",
        error_messages={"required": "Vui lòng nhập tên miền."},
    )
    port = forms.IntegerField(label="Cổng (port)", initial=443, min_value=1, max_value=65535)


def may_add_wards(user) -> bool:
    return user.is_active and user.is_superuser


class CityAdminFormView(WagtailAdminTemplateMixin, FormView):
    """An admin form of the city's IT team (adding wards, merging them): superusers only, and a
    breadcrumb of its own title."""

    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not may_add_wards(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


class AddWardView(CityAdminFormView):
    template_name = "units/admin/add_ward.html"
    form_class = AddWardForm
    page_title = "Thêm phường"

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            ward = add_ward(data["code"], data["hostname"], port=data["port"])
        except WardNotCreated as problem:
            form.add_error(None, str(problem))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Đã tạo cổng {ward.site.site_name} tại {ward.site.root_url} với {len(ward.sections)} chuyên mục. "
            "Hãy điền Thông tin phường (địa chỉ, điện thoại, lãnh đạo) và gán cán bộ vào các nhóm của phường.",
        )
        return redirect(reverse("wagtailsites:index"))
