"""Back-office menus: "Hỏi đáp – phản ánh" (the queue) and its lists (the working-day calendar's
table is core's: core/wagtail_hooks.py)."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from congphuong.wards.membership import scope, ward_ids

from . import admin_views
from .admin_forms import QuestionAdminForm
from .models import Question, Rating, Topic

# Before any viewset asks the registry for Question's policy.
register_permission_policy(Question, admin_views.QuestionPermissionPolicy(Question))
register_permission_policy(Rating, admin_views.RatingPermissionPolicy(Rating))


class QuestionViewSet(ModelViewSet):
    model = Question
    name = admin_views.URL_NAMESPACE
    url_prefix = "hoi-dap-phan-anh"
    icon = "help"
    menu_label = "Hỏi đáp, PAKN"  # the sidebar cuts labels past 14 characters
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = admin_views.QuestionIndexView
    edit_view_class = admin_views.QuestionEditView
    delete_view_class = admin_views.QuestionDeleteView
    history_view_class = admin_views.QuestionHistoryView
    usage_view_class = admin_views.QuestionUsageView
    search_fields = ["staff_search_text"]
    list_per_page = 30
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("assignee"),
                    FieldPanel("topic"),
                    FieldPanel("transferred_to"),
                    FieldPanel("reject_reason"),
                ],
                heading="Xử lý",
            ),
            MultiFieldPanel([FieldPanel("answer"), FieldPanel("answering_unit")], heading="Câu trả lời"),
            MultiFieldPanel(
                [FieldPanel("is_public"), FieldPanel("public_title"), FieldPanel("public_question")],
                heading="Đăng công khai (của chung)",
            ),
        ],
        base_form_class=QuestionAdminForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("attachment/<int:pk>/", admin_views.attachment, name="attachment"),
            path("note/<int:pk>/", admin_views.add_note, name="note"),
            path("approve/<int:pk>/", admin_views.approve_answer, name="approve"),
            path("return/<int:pk>/", admin_views.return_answer, name="return"),
            path("reopen/<int:pk>/", admin_views.reopen_answer, name="reopen"),
        ]


# Lists that belong to one ward: narrowed to the user's wards.


class WardScopedIndexView(IndexView):
    include_global = False  # rows of no ward (a shared topic) are listed too

    def get_base_queryset(self):
        return scope(super().get_base_queryset(), self.request.user, shared=self.include_global)


class WardSiteChoiceMixin:
    """The "Phường" field offers only the user's wards."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        site_ids = ward_ids(self.request.user)
        if site_ids is not None and "site" in form.fields:
            form.fields["site"].queryset = form.fields["site"].queryset.filter(pk__in=site_ids)
        return form


class WardScopedCreateView(WardSiteChoiceMixin, CreateView):
    pass


class WardScopedEditView(WardSiteChoiceMixin, EditView):
    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user, shared=False)


class WardScopedDeleteView(DeleteView):
    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user, shared=False)


class TopicIndexView(WardScopedIndexView):
    include_global = True


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Chủ đề hỏi đáp"
    url_prefix = "hoi-dap-chu-de"
    name = "feedback_topics"
    copy_view_enabled = False
    index_view_class = TopicIndexView
    add_view_class = WardScopedCreateView
    edit_view_class = WardScopedEditView
    delete_view_class = WardScopedDeleteView
    list_display = ["name", "site", "active", "sort_order"]
    search_fields = ["name"]


class RatingIndexView(WardScopedIndexView):
    page_title = "Đánh giá mức độ hài lòng"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("question")

    @property
    def columns(self):
        return [
            Column("target_label", label="Đánh giá cho"),
            Column("score", label="Mức hài lòng (1–5)", sort_key="score"),
            Column("comment", label="Góp ý"),
            DateColumn("created_at", label="Thời điểm", sort_key="created_at"),
        ]


class RatingViewSet(ModelViewSet):
    model = Rating
    icon = "pick"
    menu_label = "Đánh giá hài lòng"
    url_prefix = "danh-gia-hai-long"
    name = "feedback_ratings"
    copy_view_enabled = False
    index_view_class = RatingIndexView
    edit_view_class = WardScopedEditView
    delete_view_class = WardScopedDeleteView
    list_filter = ["score"]
    search_fields = ["comment"]
    form_fields = ["comment"]


class FeedbackListsGroup(ModelViewSetGroup):
    menu_label = "Danh mục PAKN"
    menu_icon = "list-ul"
    menu_order = 261
    items = (TopicViewSet, RatingViewSet)  # khu phố: the ward's one list under Tổ chức (organisation)


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet()


@hooks.register("register_admin_viewset")
def register_lists_group():
    return FeedbackListsGroup()


@hooks.register("insert_global_admin_css")
def feedback_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("feedback/admin.css"))
