"""Who sees and handles which ward's information requests.

A request holds personal data (name, ID number, address, contacts), so a user sees it only when
both hold:

1. the model permission ``information_access.view_informationrequest`` (to read) or
   ``change_informationrequest`` (to handle), which ``ensure_information_access_permissions``
   gives to the groups that handle requests: Biên tập viên and Lãnh đạo duyệt. Quản trị trang
   keeps the page (list, contact point, deadlines) but not the requesters' data;
2. the user works for the request's ward (the ward guard's rule, ``editorial.isolation``);
   superusers work for every ward.
"""

from django.contrib.auth.models import Group, Permission

from congphuong.editorial.roles import APPROVER, EDITOR, SITE_ADMIN
from congphuong.wards.membership import scope, user_ward_ids

APP = "information_access"
HANDLE = ("view_informationrequest", "change_informationrequest", "view_requestevent", "view_refusalground")
ROLE_PERMISSIONS = {
    EDITOR: HANDLE,
    APPROVER: (*HANDLE, "delete_informationrequest"),  # deletes past the register's retention
    SITE_ADMIN: ("view_refusalground",),
}


def scope_to_user(queryset, user):
    """`queryset` narrowed to the wards `user` works for."""
    return scope(queryset, user)


def ward_ids(user, model=None):
    """Ids of the wards whose requests `user` may reach; None means every ward."""
    from .models import InformationRequest

    return user_ward_ids(user, model or InformationRequest)


def can_view(user, request) -> bool:
    if not (user.has_perm(f"{APP}.view_informationrequest") or user.has_perm(f"{APP}.change_informationrequest")):
        return False
    ids = ward_ids(user)
    return ids is None or request.site_id in ids


def can_handle(user, request) -> bool:
    return user.has_perm(f"{APP}.change_informationrequest") and can_view(user, request)


def ensure_information_access_permissions():
    """Give the editorial groups their permissions (idempotent; adds, never removes)."""
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.add(*Permission.objects.filter(content_type__app_label=APP, codename__in=codenames))
