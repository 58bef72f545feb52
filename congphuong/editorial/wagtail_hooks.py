"""Back-office rules of the editorial workflow.

- No "Publish" button and no direct publish for anyone bound by the four-eyes
  rule: content goes live only when another leader approves it. These hooks
  refuse the known routes early with a message; `publishing.py` refuses every
  route, known or not, at the model save.
- A "Chờ duyệt" dashboard panel listing what waits for the user, oldest first.
- The page editor sends one save at a time (static/editorial/one-save-at-a-time.js): a button
  clicked while the autosave is on its way waits for it instead of creating the page twice.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from . import isolation_hooks  # noqa: F401 (ward isolation of the admin API and reports)
from .guide import GuideView
from .rules import DIRECT_PUBLISH_MESSAGE, may_self_approve

LIVE_COPY_MESSAGE = (
    "Bản sao hoặc bí danh (alias) đang hiển thị sẽ được đăng ngay mà không qua lãnh đạo duyệt: "
    "hãy bỏ chọn “Xuất bản bản sao”/“bí danh”, rồi gửi duyệt bản sao."
)

PUBLISH_ACTIONS = {"action-publish"}


@hooks.register("insert_editor_js")
def one_save_at_a_time():
    return format_html('<script src="{}" defer></script>', static("editorial/one-save-at-a-time.js"))


def _refuse_direct_publish(request):
    if request.method == "POST" and PUBLISH_ACTIONS & set(request.POST) and not may_self_approve(request.user):
        messages.error(request, DIRECT_PUBLISH_MESSAGE)
        return redirect(request.get_full_path())
    return None


@hooks.register("construct_page_action_menu")
@hooks.register("construct_snippet_action_menu")
def hide_publish_button(menu_items, request, context):
    if not may_self_approve(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in PUBLISH_ACTIONS]


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    return _refuse_direct_publish(request)


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    return _refuse_direct_publish(request)


@hooks.register("before_create_snippet")
def refuse_snippet_publish_on_create(request, model):
    return _refuse_direct_publish(request)


@hooks.register("before_edit_snippet")
def refuse_snippet_publish_on_edit(request, instance):
    return _refuse_direct_publish(request)


@hooks.register("before_copy_page")
def refuse_live_copy(request, page):
    """A copy kept live ("publish copies") or a live alias would put a page online without review."""
    if request.method != "POST" or may_self_approve(request.user):
        return None
    if request.POST.get("publish_copies") or (request.POST.get("alias") and page.live):
        messages.error(request, LIVE_COPY_MESSAGE)
        return redirect(request.get_full_path())
    return None


@hooks.register("register_log_actions")
def register_review_edit_log_action(actions):
    actions.register_action(
        "congphuong.review_edit",
        "Lãnh đạo sửa khi duyệt",
        "Lãnh đạo sửa nội dung trong lúc duyệt (xem các thay đổi so với bản gửi duyệt)",
    )


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type == "publish" and not may_self_approve(request.user):
        messages.error(request, DIRECT_PUBLISH_MESSAGE)
        return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")
    return None


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's review panel, oldest first, without the user's own submissions, naming the step."""

    template_name = "editorial/admin/awaiting_review.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = [state for state in context["states"] if state["actions"]]
        states.sort(key=lambda state: state["task_state"].started_at)
        context["states"] = states
        return context


@hooks.register("construct_homepage_panels")
def use_awaiting_review_panel(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if isinstance(panel, WorkflowObjectsToModeratePanel) else panel for panel in panels
    ]


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("huong-dan/", GuideView.as_view(), name="editorial_guide")]


@hooks.register("construct_main_menu")
def replace_help_menu(request, menu_items):
    """Our Vietnamese guide instead of Wagtail's Help menu (an English guide on wagtail.org)."""
    if getattr(request.user, "two_factor_pending", False):
        return  # until the code is entered the menu leads to enrolment only (accounts/wagtail_hooks.py)
    guide = MenuItem("Hướng dẫn", reverse("editorial_guide"), name="huong-dan", icon_name="help", order=11000)
    menu_items[:] = [item for item in menu_items if item.name != "help"] + [guide]
