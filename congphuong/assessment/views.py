"""Back office: "Tự đánh giá cổng thông tin", one ward at a time, for those who see the compliance board."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from congphuong.organisation.views import board_site, may_view_board

from .checks import assess


class SelfAssessmentView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "assessment/admin/self_assessment.html"
    page_title = "Tự đánh giá cổng thông tin"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not may_view_board(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site, sites = board_site(self.request)  # only the wards the user works on
        context["sites"] = sites
        context["site"] = site
        context["assessment"] = assess(site) if site else None
        return context
