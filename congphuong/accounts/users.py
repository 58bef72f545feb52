"""User management for a ward's site administrator, without a way to promote anyone past them.

Wagtail lets anyone holding `auth.add_user`/`auth.change_user` tick "superuser" and
put users (themselves included) into any group. A "Quản trị trang" needs to manage
the ward's cadres, not to mint superusers: for a non-superuser the form loses the
superuser box, offers only the portal's role groups, and superuser accounts cannot
be edited (their password reset would hand the whole install over).
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.users.views.users import CreateView, EditView, UserViewSet

from congphuong.core.roles import ROLES
from congphuong.learning.roles import LEARNING_OFFICER

ASSIGNABLE_GROUPS = (*(role.name for role in ROLES), LEARNING_OFFICER)


def restrict_user_form(form, actor, target=None):
    if actor.is_superuser:
        return form
    form.fields.pop("is_superuser", None)
    groups = form.fields.get("groups")
    if groups is not None:
        allowed = Group.objects.filter(name__in=ASSIGNABLE_GROUPS)
        if target is not None and target.pk:
            # Groups the user already has stay visible (and removable), but none can be added.
            allowed = allowed | target.groups.all()
        groups.queryset = allowed.distinct().order_by("name")
    return form


class PortalUserCreateView(CreateView):
    def get_form(self, form_class=None):
        return restrict_user_form(super().get_form(form_class), self.request.user)


class PortalUserEditView(EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied("Chỉ quản trị hệ thống mới sửa được tài khoản quản trị hệ thống.")

    def get_form(self, form_class=None):
        return restrict_user_form(super().get_form(form_class), self.request.user, self.object)


class PortalUserViewSet(UserViewSet):
    add_view_class = PortalUserCreateView
    edit_view_class = PortalUserEditView
