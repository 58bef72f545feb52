"""Back office: "Tổng quan thành phố", for superusers and the city's IT team ("Quản trị thành phố")."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from congphuong.wards.roles import CITY_OVERVIEW_PERMISSION

from .overview import COLUMNS, export_xlsx, parse_sort, ward_rows

PERMISSION = CITY_OVERVIEW_PERMISSION


def may_view_overview(user) -> bool:
    """Superusers and members of "Quản trị thành phố"; never a ward's own roles."""
    return user.is_authenticated and user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


class OverviewAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        # 404, not 403: Wagtail turns PermissionDenied into a redirect to the dashboard, and a ward's
        # cadre has no need to learn that the page exists.
        if not may_view_overview(request.user):
            raise Http404("Không tìm thấy.")
        return super().dispatch(request, *args, **kwargs)


class ProvinceOverviewView(OverviewAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "province/admin/overview.html"
    page_title = "Tổng quan thành phố"
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("sap_xep")
        key, descending = parse_sort(raw)
        current = f"-{key}" if descending else key
        context["rows"] = ward_rows(sort=current)
        context["columns"] = [
            {
                "key": column,
                "label": label,
                "sorted": column == key,
                "descending": column == key and descending,
                # A click on the sorted column reverses it; on another column sorts it ascending.
                "param": f"-{column}" if column == key and not descending else column,
            }
            for column, label in COLUMNS.items()
        ]
        context["sort"] = current
        context["export_url"] = f"{reverse('province_overview_export')}?sap_xep={current}"
        return context


class ProvinceOverviewExportView(OverviewAccessMixin, View):
    def get(self, request):
        rows = ward_rows(sort=request.GET.get("sap_xep"))
        response = HttpResponse(
            export_xlsx(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        filename = f"tong-quan-thanh-pho-{timezone.localdate():%Y-%m-%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
