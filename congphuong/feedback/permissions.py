"""Who may see and handle which ward's questions.

A question holds personal data, so a user sees it only when both hold:

1. the model permission (``feedback.view_question`` to read, ``change_question`` to
   handle), given to the groups Biên tập viên, Lãnh đạo duyệt and Quản trị trang;
2. the user belongs to the question's ward: one of their groups has a page
   permission on that ward's home page, on a page below it, or on a page above it
   (the tree root: a group for every ward). Superusers see every ward.

Answer approval follows the four-eyes rule of ``congphuong.editorial``: only a
member of "Lãnh đạo duyệt" (or a superuser) who did not draft or submit the answer.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission, Site

from congphuong.core.roles import APPROVER, EDITOR, SITE_ADMIN, in_role_groups
from congphuong.editorial.rules import may_self_approve

APP = "feedback"
# Model permissions each editorial group gets (see ensure_feedback_permissions).
ROLE_PERMISSIONS = {
    EDITOR: ("view_question", "change_question", "view_topic"),
    APPROVER: ("view_question", "change_question", "view_topic", "view_rating"),
    SITE_ADMIN: (
        "view_question",
        "change_question",
        "delete_question",
        "view_rating",
        "add_topic",
        "change_topic",
        "delete_topic",
        "view_topic",
        "add_calendarday",
        "change_calendarday",
        "delete_calendarday",
        "view_calendarday",
    ),
}


def ward_site_ids(user) -> set[int] | None:
    """Ids of the Sites whose questions ``user`` may see; None means every site (superuser)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cached = getattr(user, "_feedback_site_ids", None)
    if cached is not None:
        return cached
    paths = set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True).distinct())
    site_ids = set()
    if paths:
        for site_id, root_path in Site.objects.values_list("id", "root_page__path"):
            if any(root_path.startswith(path) or path.startswith(root_path) for path in paths):
                site_ids.add(site_id)
    user._feedback_site_ids = site_ids
    return site_ids


def ward_staff(site_ids):
    """Users of these wards, by the same rule as `ward_site_ids`: a role group of the ward, or a group
    with a page permission on the ward's home page, below it or above it."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q
    from wagtail.models import Page

    condition = Q(groups__ward_role__site_id__in=site_ids)
    for root in Site.objects.filter(pk__in=site_ids).values_list("root_page__path", flat=True):
        condition |= Q(groups__page_permissions__page__path__startswith=root)
        above = [root[:end] for end in range(Page.steplen, len(root), Page.steplen)]
        condition |= Q(groups__page_permissions__page__path__in=above)
    return get_user_model().objects.filter(condition).distinct()


def scope_to_user(queryset, user, field="site"):
    site_ids = ward_site_ids(user)
    if site_ids is None:
        return queryset
    return queryset.filter(**{f"{field}__in": site_ids})


def can_view_question(user, question) -> bool:
    if not user.has_perm(f"{APP}.view_question") and not user.has_perm(f"{APP}.change_question"):
        return False
    site_ids = ward_site_ids(user)
    return site_ids is None or question.site_id in site_ids


def is_approver(user, site_id=None) -> bool:
    """A leader; with `site_id`, a leader *of that ward* when the install has per-ward groups."""
    if user.is_superuser:
        return True
    if site_id is not None:
        from congphuong.editorial.models import WardRoleGroup

        ward_leader = user.groups.filter(ward_role__role=WardRoleGroup.APPROVER, ward_role__site_id=site_id)
        if ward_leader.exists():
            return True
        # A leader of another ward is no leader here; a group without a ward (older setup) still counts.
        return user.groups.filter(name=APPROVER, ward_role__isnull=True).exists()
    return in_role_groups(user, [APPROVER])


def may_approve_answer(user, question) -> tuple[bool, str]:
    """(allowed, reason in Vietnamese when not)."""
    from .models import Question

    if question.answer_status != Question.ANSWER_PENDING:
        return False, "Câu trả lời không ở trạng thái chờ duyệt."
    if not is_approver(user, question.site_id):
        return False, "Chỉ thành viên nhóm “Lãnh đạo duyệt” mới được duyệt câu trả lời."
    if not can_view_question(user, question) or not user.has_perm(f"{APP}.change_question"):
        return False, "Bạn không có quyền xử lý câu hỏi của phường này."
    own = user.pk in (question.answer_drafted_by_id, question.answer_submitted_by_id)
    if own and not may_self_approve(user):
        return False, "Bạn không thể tự duyệt câu trả lời do chính mình soạn hoặc gửi duyệt."
    return True, ""


def ensure_feedback_permissions():
    """Give the editorial groups their feedback permissions (idempotent; adds, never removes)."""
    from django.contrib.auth.models import Group

    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.add(*Permission.objects.filter(content_type__app_label=APP, codename__in=codenames))
