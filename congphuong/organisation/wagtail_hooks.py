"""Back office of the organisation app: snippets, the compliance board, disclosure protection."""

from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from congphuong.core.admin_menu import GatedMenuItem
from congphuong.wards.viewsets import WardSnippetViewSet

from .models import DisclosureCategory, DisclosurePage, Leader, MandatoryCategory, Quarter
from .protection import ADMIN_HINT, EDITOR_HINT, is_site_admin, protected_postings, refusal_message
from .views import ComplianceBoardView, EarlyRemovalView, may_view_board

# --- Snippets -------------------------------------------------------------------------------


class WardScopedViewSet(WardSnippetViewSet):
    """Lists only the rows of the wards the user works on (superusers: every ward); no copy view."""


class LeaderViewSet(WardScopedViewSet):
    model = Leader
    icon = "user"
    menu_label = "Lãnh đạo"
    list_display = ["full_name", "position", "sort_order", "site"]
    list_filter = ["site"]
    ordering = ["site", "sort_order", "full_name"]
    search_fields = ["full_name", "position"]


class QuarterViewSet(WardScopedViewSet):
    model = Quarter
    icon = "home"
    menu_label = "Khu phố/ấp"
    list_display = ["name", "head_name", "head_phone", "site"]
    list_filter = ["site"]
    ordering = ["site", "sort_order", "name"]


class DisclosureCategoryViewSet(WardScopedViewSet):
    model = DisclosureCategory
    icon = "folder-open-inverse"
    menu_label = "Nhóm thông tin công khai"
    list_display = ["name", "slug", "minimum_days", "site"]
    list_filter = ["site"]
    ordering = ["site", "sort_order", "name"]


class MandatoryCategoryViewSet(WardScopedViewSet):
    model = MandatoryCategory
    icon = "tasks"
    menu_label = "Hạng mục bắt buộc"
    list_display = ["name", "source", "deadline_working_days", "active", "site"]
    list_filter = ["site", "active"]
    ordering = ["site", "sort_order", "name"]


class OrganisationGroup(SnippetViewSetGroup):
    items = (LeaderViewSet, QuarterViewSet, DisclosureCategoryViewSet, MandatoryCategoryViewSet)
    menu_icon = "group"
    menu_label = "Tổ chức"  # the sidebar cuts labels past 14 characters
    menu_name = "to-chuc-cong-khai"
    menu_order = 260


register_snippet(OrganisationGroup)


# --- Compliance board: admin URL, menu item, dashboard panel ------------------------------


@hooks.register("register_admin_urls")
def organisation_admin_urls():
    return [
        path("theo-doi-cong-khai/", ComplianceBoardView.as_view(), name="organisation_compliance_board"),
        path(
            "cong-khai/<int:page_id>/go-truoc-han/",
            EarlyRemovalView.as_view(),
            name="organisation_early_removal",
        ),
    ]


@hooks.register("register_admin_menu_item")
def board_menu_item():
    return GatedMenuItem(
        "Công khai",  # "Theo dõi công khai" was cut in the sidebar
        reverse("organisation_compliance_board"),
        name="theo-doi-cong-khai",
        icon_name="tasks",
        order=270,
        may_view=may_view_board,
    )


class ComplianceSummaryPanel(Component):
    name = "compliance_summary"
    order = 150
    template_name = "organisation/admin/compliance_panel.html"

    def __init__(self, site):
        self.site = site

    def get_context_data(self, parent_context=None):
        from .compliance.board import build_board

        board = build_board(self.site)
        return {
            "board": board,
            "site": self.site,
            "board_url": f"{reverse('organisation_compliance_board')}?phuong={self.site.pk}",
        }


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    from .views import board_site

    if not may_view_board(request.user):
        return
    site, _ = board_site(request)
    if site is not None and MandatoryCategory.objects.filter(site=site).exists():
        panels.append(ComplianceSummaryPanel(site))


@hooks.register("register_log_actions")
def register_early_removal_log_action(actions):
    actions.register_action(
        "organisation.early_removal", "Gỡ thông tin công khai trước hạn", "Đã gỡ thông tin công khai trước hạn"
    )


# --- Disclosures stay public for their minimum period ------------------------------------


def _refuse(request, page, postings, verb):
    text = refusal_message(postings, verb)
    buttons = []
    if is_site_admin(request.user):
        text += ADMIN_HINT
        if len(postings) == 1:
            buttons.append(
                messages.button(reverse("organisation_early_removal", args=(postings[0].pk,)), "Gỡ trước hạn")
            )
    else:
        text += EDITOR_HINT
    messages.error(request, text, buttons=buttons)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_unpublish_page")
def protect_disclosures_from_unpublish(request, page):
    postings = protected_postings(page)
    if postings:
        return _refuse(request, page, postings, "gỡ")
    return None


@hooks.register("before_delete_page")
def protect_disclosures_from_delete(request, page):
    postings = protected_postings(page)
    if postings:
        return _refuse(request, page, postings, "xóa")
    return None


@hooks.register("before_move_page")
def protect_disclosures_from_move(request, page, destination):
    postings = protected_postings(page)
    if not postings:
        return None
    # Moving inside the ward's Công khai section keeps the postings public; anything else hides them.
    from .models import DisclosureIndexPage

    target = destination.specific_deferred
    if isinstance(target, DisclosureIndexPage) and target.live and target.get_site() == page.get_site():
        return None
    return _refuse(request, page, postings, "chuyển")


@hooks.register("before_bulk_action")
def protect_disclosures_from_bulk(request, action_type, objects, action_class_instance):
    if action_type not in ("unpublish", "delete", "move"):
        return None
    postings = []
    for obj in objects:
        if hasattr(obj, "path") and hasattr(obj, "depth"):
            postings += protected_postings(obj)
    if postings:
        verb = {"unpublish": "gỡ", "delete": "xóa", "move": "chuyển"}[action_type]
        text = refusal_message(postings, verb) + (ADMIN_HINT if is_site_admin(request.user) else EDITOR_HINT)
        messages.error(request, text)
        return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")
    return None


@hooks.register("register_page_header_buttons")
def early_removal_button(page, user, next_url=None, view_name=None):
    """ "Gỡ trước hạn" in the page's header menu, for site administrators, while a posting is protected."""
    if isinstance(page, DisclosurePage) and page.is_protected() and is_site_admin(user):
        yield PageMenuItem(
            "Gỡ trước hạn (ghi lý do)",
            reverse("organisation_early_removal", args=(page.pk,)),
            icon_name="warning",
            priority=61,
            page=page,
        )


@hooks.register("construct_page_action_menu")
def hide_unpublish_of_protected(menu_items, request, context):
    page = context.get("page")
    if not isinstance(page, DisclosurePage) or not page.pk or not page.is_protected():
        return
    menu_items[:] = [item for item in menu_items if item.name not in ("action-unpublish", "action-delete")]
