"""User management for a ward's site administrator, confined to that ward.

Wagtail lets anyone holding `auth.add_user`/`auth.change_user` see every user, tick
"superuser" and put users (themselves included) into any group. A "Quản trị trang"
of a ward manages that ward's cadres only:

- the user list shows only users who belong to one of the ward's role groups
  (`editorial.WardRoleGroup`) of the wards where the actor is site administrator;
- the create/edit form loses the superuser box and offers only those wards' groups
  (plus "Cán bộ khuyến học", a group of the whole install); groups of other wards a
  user already has are kept on save, neither shown nor removable;
- editing, deleting or reading the history or usage of a superuser or of a user of
  another ward answers 403 with a Vietnamese message (a superuser's password reset
  would hand the whole install over);
- there is no "copy" view: Wagtail's copy form saved into the original account (a
  ward's administrator made itself superuser through it); "Thêm tài khoản" is the way.

Superusers keep Wagtail's full screens.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.template.response import TemplateResponse
from wagtail.admin.views.generic.usage import UsageView
from wagtail.users.views.users import CreateView, DeleteView, EditView, HistoryView, IndexView, UserViewSet

from congphuong.wards.membership import administered_ward_ids, members, role_groups
from congphuong.wards.roles import LEARNING_OFFICER

FOREIGN_USER_MESSAGE = "Tài khoản này không thuộc phường bạn quản trị."
SUPERUSER_ONLY_MESSAGE = "Chỉ quản trị hệ thống mới sửa được tài khoản quản trị hệ thống."

# Groups of the whole install (not tied to a ward) a site administrator may hand out.
SHARED_ASSIGNABLE_GROUPS = (LEARNING_OFFICER,)


def assignable_groups(actor):
    site_ids = administered_ward_ids(actor)
    if site_ids is None:
        return Group.objects.all()
    return (role_groups(site_ids) | Group.objects.filter(name__in=SHARED_ASSIGNABLE_GROUPS)).distinct()


def visible_users(actor):
    """The users `actor` may see in the user list and edit."""
    users = get_user_model()._default_manager.all()
    site_ids = administered_ward_ids(actor)
    if site_ids is None:
        return users
    return users.filter(pk__in=members(site_ids).values("pk"), is_superuser=False)


def refusal(actor, target) -> str | None:
    """Why `actor` may not edit `target` (Vietnamese), or None when they may."""
    if actor.is_superuser:
        return None
    if target.is_superuser:
        return SUPERUSER_ONLY_MESSAGE
    if target.pk == actor.pk or visible_users(actor).filter(pk=target.pk).exists():
        return None
    return FOREIGN_USER_MESSAGE


# Django's help texts read like a specification ("Bắt buộc. Chỉ gồm chữ cái, chữ số và các ký tự
# @/./+/-/_."; "Chỉ định xem người dùng này phải được coi là đang hoạt động."): plain words instead.
PLAIN_HELP_TEXTS = {
    "username": "Tên dùng để đăng nhập: viết liền, không dấu, ví dụ nguyenthilan hoặc lan.nt.",
    "groups": (
        "Vai trò của người này ở phường: Biên tập viên viết bài, Lãnh đạo duyệt bài trước khi đăng, "
        "Quản trị trang quản lý tài khoản và thông tin của phường."
    ),
    "is_active": (
        "Bỏ chọn khi cán bộ nghỉ việc hoặc chuyển công tác: tài khoản không đăng nhập được nữa, "
        "bài viết và lịch sử vẫn giữ nguyên. Nên làm vậy thay vì xóa tài khoản."
    ),
}


def plain_help_texts(form):
    for name, text in PLAIN_HELP_TEXTS.items():
        if name in form.fields:
            form.fields[name].help_text = text
    return form


def restrict_user_form(form, actor, target=None):
    if actor.is_superuser:
        return form
    form.fields.pop("is_superuser", None)
    groups = form.fields.get("groups")
    if groups is None:
        return form
    allowed = assignable_groups(actor)
    groups.queryset = allowed.order_by("name")
    if target is not None and target.pk:
        # Groups outside the actor's wards stay as they are: neither shown nor removable.
        kept = list(target.groups.exclude(pk__in=allowed.values("pk")))
        original_clean = form.clean

        def clean():
            data = original_clean()
            if kept and "groups" in data:
                data["groups"] = [*data["groups"], *kept]
            return data

        form.clean = clean
    return form


class ForbiddenTargetMixin:
    """403 with the reason when the user being opened is out of the actor's reach."""

    def dispatch(self, request, *args, **kwargs):
        target = get_user_model()._default_manager.filter(pk=kwargs.get("pk")).first()
        if target is not None:
            reason = refusal(request.user, target)
            if reason:
                return TemplateResponse(request, "accounts/admin/user_forbidden.html", {"message": reason}, status=403)
        return super().dispatch(request, *args, **kwargs)


class PortalUserIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=visible_users(self.request.user).values("pk"))


class PortalUserCreateView(CreateView):
    def get_form(self, form_class=None):
        return restrict_user_form(plain_help_texts(super().get_form(form_class)), self.request.user)


class PortalUserEditView(ForbiddenTargetMixin, EditView):
    def get_form(self, form_class=None):
        return restrict_user_form(plain_help_texts(super().get_form(form_class)), self.request.user, self.object)


class PortalUserDeleteView(ForbiddenTargetMixin, DeleteView):
    pass


class PortalUserHistoryView(ForbiddenTargetMixin, HistoryView):
    pass


class PortalUserUsageView(ForbiddenTargetMixin, UsageView):
    pass


class PortalUserViewSet(UserViewSet):
    copy_view_enabled = False
    usage_view_class = PortalUserUsageView
    index_view_class = PortalUserIndexView
    add_view_class = PortalUserCreateView
    edit_view_class = PortalUserEditView
    delete_view_class = PortalUserDeleteView
    history_view_class = PortalUserHistoryView
