"""Only superusers and the "Quản trị trang" group see and edit maintenance notices.

Model permissions would let anyone an administrator ticks a box for announce a downtime of
every ward; the notice is a platform operation, so the rule is the role, not a permission.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from congphuong.wards.membership import group_roles
from congphuong.wards.roles import SITE_ADMIN


def is_notice_admin(user) -> bool:
    if not (user and user.is_active and user.is_authenticated):
        return False
    # The install-wide group by its name only: a ward's own site administrators are no notice admins.
    return user.is_superuser or any(name == SITE_ADMIN for name, _role in group_roles(user))


class NoticeAdminPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return is_notice_admin(user)

    def user_has_any_permission(self, user, actions):
        return is_notice_admin(user)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=SITE_ADMIN), is_active=True)
            .distinct()
        )
