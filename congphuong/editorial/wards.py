"""Which ward a piece of content belongs to, and which wards a user works for.

A ward is a Wagtail Site. A user works for a ward through the per-ward role groups
(`WardRoleGroup`, made by `congphuong.core.roles.ensure_roles()`); superusers work
for every ward. Everything here answers from the database, so it stays right when
an administrator moves a user between groups in the admin.
"""

from __future__ import annotations

from wagtail.models import Page, Site

from .models import WardRoleGroup

NOT_WARD_LEADER_MESSAGE = "Bạn không phải lãnh đạo của phường này nên không thể duyệt nội dung của phường."
FOREIGN_USER_MESSAGE = "Tài khoản này không thuộc phường bạn quản trị."
SUPERUSER_ONLY_MESSAGE = "Chỉ quản trị hệ thống mới sửa được tài khoản quản trị hệ thống."


def site_id_of(obj) -> int | None:
    """The ward of a page (the Site whose tree holds it) or of a snippet with a `site` field."""
    if obj is None:
        return None
    if isinstance(obj, Page):
        best = None
        for site_id, root_path in Site.objects.values_list("id", "root_page__path"):
            # The deepest root wins: a site nested inside another is its own ward.
            if obj.path.startswith(root_path) and (best is None or len(root_path) > len(best[1])):
                best = (site_id, root_path)
        return best[0] if best else None
    site_id = getattr(obj, "site_id", None)
    return site_id if isinstance(site_id, int) else None


def ward_ids(user, roles=None) -> set[int] | None:
    """Ids of the wards `user` holds one of `roles` in (any role when None); None means every ward."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    links = WardRoleGroup.objects.filter(group__user=user)
    if roles is not None:
        links = links.filter(role__in=roles)
    return set(links.values_list("site_id", flat=True))


def is_ward_member(user, site_id, roles=None) -> bool:
    ids = ward_ids(user, roles)
    return ids is None or site_id in ids


def ward_groups(site_ids):
    """The role groups of these wards."""
    from django.contrib.auth.models import Group

    return Group.objects.filter(ward_role__site_id__in=site_ids)
