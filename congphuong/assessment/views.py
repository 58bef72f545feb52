"""Back office: "Tự đánh giá cổng thông tin", one ward at a time, for those who see the compliance board."""

from congphuong.organisation.views import WardBoardView, board_site

from .checks import assess


class SelfAssessmentView(WardBoardView):
    template_name = "assessment/admin/self_assessment.html"
    page_title = "Tự đánh giá cổng thông tin"
    header_icon = "doc-full-inverse"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site, sites = board_site(self.request)  # only the wards the user works on
        context["sites"] = sites
        context["site"] = site
        context["assessment"] = assess(site) if site else None
        return context
