"""Back-office menu and URL of the self-assessment page."""

from django.urls import path, reverse
from wagtail import hooks

from congphuong.core.admin_menu import GatedMenuItem
from congphuong.organisation.views import may_view_board

from .views import SelfAssessmentView


@hooks.register("register_admin_urls")
def assessment_admin_urls():
    return [path("tu-danh-gia/", SelfAssessmentView.as_view(), name="assessment_self_assessment")]


@hooks.register("register_admin_menu_item")
def assessment_menu_item():
    return GatedMenuItem(
        "Tự đánh giá",  # the sidebar cuts labels past 14 characters
        reverse("assessment_self_assessment"),
        name="tu-danh-gia",
        icon_name="doc-full-inverse",
        order=905,
        may_view=may_view_board,
    )
