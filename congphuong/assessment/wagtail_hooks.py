"""Back-office menu and URL of the self-assessment page."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congphuong.organisation.views import may_view_board

from .views import SelfAssessmentView


@hooks.register("register_admin_urls")
def assessment_admin_urls():
    return [path("tu-danh-gia/", SelfAssessmentView.as_view(), name="assessment_self_assessment")]


class AssessmentMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_board(request.user)


@hooks.register("register_admin_menu_item")
def assessment_menu_item():
    return AssessmentMenuItem(
        "Tự đánh giá",  # the sidebar cuts labels past 14 characters
        reverse("assessment_self_assessment"),
        name="tu-danh-gia",
        icon_name="doc-full-inverse",
        order=905,
    )
