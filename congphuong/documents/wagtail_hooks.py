"""Back office for "Văn bản": the managed lists and the moderation of draft comments.

Menu "Văn bản": Góp ý dự thảo · Loại văn bản · Cơ quan ban hành · Lĩnh vực văn bản.
A cadre sees and moderates only the comments on drafts of the wards they work for
(`congphuong.wards.membership`); "Duyệt" and "Ẩn" work on one comment (its edit form) or on many at once
(bulk actions of the listing).
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congphuong.wards.membership import may_act_in, scope, ward_name_of_page, ward_of_page
from congphuong.wards.viewsets import WardChooserViewSet

from .models import DocumentSector, DocumentType, DraftComment, Issuer


def comments_for_user(user):
    """Comments on drafts of the wards `user` works for (all of them for superusers).

    Each carries `ward_name`: the site name of the ward the draft belongs to.
    """
    comments = DraftComment.objects.select_related("draft").annotate(ward_name=ward_name_of_page("draft__path"))
    return scope(comments, user)


def may_moderate(user, comment) -> bool:
    return may_act_in(user, ward_of_page(comment.draft))


class DraftCommentPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited to the user's own wards; nobody adds comments in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - {"add"})

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_moderate(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and may_moderate(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return DraftComment.objects.none()
        return comments_for_user(user)


register_permission_policy(DraftComment, DraftCommentPermissionPolicy(DraftComment))


class OwnWardCommentMixin:
    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        if not may_moderate(self.request.user, comment):
            raise PermissionDenied
        return comment


class CommentEditView(OwnWardCommentMixin, snippet_views.EditView):
    def save_instance(self):
        comment = self.form.instance
        if "status" in self.form.changed_data:
            comment.moderated_at = timezone.now()
            comment.moderated_by = self.request.user
        return super().save_instance()


class CommentDeleteView(OwnWardCommentMixin, snippet_views.DeleteView):
    pass


class CommentInspectView(OwnWardCommentMixin, snippet_views.InspectView):
    pass


class ManagedListViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


class DocumentTypeViewSet(ManagedListViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = "Loại văn bản"


class IssuerViewSet(ManagedListViewSet):
    model = Issuer
    icon = "group"
    menu_label = "Cơ quan ban hành"


class DocumentSectorViewSet(ManagedListViewSet):
    model = DocumentSector
    icon = "tag"
    menu_label = "Lĩnh vực văn bản"


class ExcerptColumn(Column):
    def get_value(self, instance):
        text = " ".join(instance.body.split())
        return text[:120] + ("…" if len(text) > 120 else "")


class DraftCommentViewSet(SnippetViewSet):
    model = DraftComment
    icon = "comment"
    menu_label = "Góp ý dự thảo"
    list_display = [
        ExcerptColumn("body", label="Nội dung góp ý"),
        "name",
        "draft",
        Column("ward_name", label="Phường"),
        "status",
        DateColumn("created_at", label="Thời điểm gửi", sort_key="created_at"),
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["name", "body"]
    search_backend_name = None  # plain database search: comments are not in the site's search index
    ordering = ["-created_at"]
    copy_view_enabled = False
    # Wagtail's chooser lists every ward's comments (and counts them) unless told otherwise.
    chooser_viewset_class = WardChooserViewSet
    inspect_view_enabled = True
    inspect_view_fields = ["draft", "name", "email", "phone", "body", "status", "created_at", "moderated_at"]
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    inspect_view_class = CommentInspectView

    def get_queryset(self, request):
        return comments_for_user(request.user)


class DocumentsMenu(SnippetViewSetGroup):
    menu_label = "Văn bản"
    menu_icon = "doc-full-inverse"
    menu_order = 260
    items = (DraftCommentViewSet, DocumentTypeViewSet, IssuerViewSet, DocumentSectorViewSet)


register_snippet(DocumentsMenu)


# --- Bulk moderation ------------------------------------------------------------------------


class ModerateCommentsBulkAction(SnippetBulkAction):
    models = [DraftComment]
    template_name = "documents/admin/confirm_bulk_moderate.html"
    new_status = None
    verb = ""

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", comment)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(model.objects.select_related("draft").filter(pk__in=object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        return comments_for_user(self.request.user).values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "verb": self.verb, "new_status_label": self.new_status.label}

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comment.moderate(cls.new_status, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Đã {self.verb.lower()} {num_parent_objects} góp ý."


@hooks.register("register_bulk_action")
class ApproveCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = "Duyệt"
    action_type = "duyet"
    aria_label = "Duyệt (công khai) các góp ý đã chọn"
    action_priority = 10
    new_status = DraftComment.Status.APPROVED
    verb = "Duyệt"


@hooks.register("register_bulk_action")
class HideCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = "Ẩn"
    action_type = "an"
    aria_label = "Ẩn các góp ý đã chọn"
    action_priority = 20
    new_status = DraftComment.Status.HIDDEN
    verb = "Ẩn"
