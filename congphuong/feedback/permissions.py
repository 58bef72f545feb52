"""Who may see and handle which ward's questions.

A question holds personal data, so a user sees it only when both hold:

1. the model permission (``feedback.view_question`` to read, ``change_question`` to
   handle), given to the groups Biên tập viên, Lãnh đạo duyệt and Quản trị trang;
2. the user works for the question's ward: they are in one of that ward's role groups
   (`congphuong.wards.membership`). Superusers see every ward.

Answer approval follows the four-eyes rule of ``congphuong.editorial``: only a
member of "Lãnh đạo duyệt" (or a superuser) who did not draft or submit the answer.
"""

from django.contrib.auth.models import Permission

from congphuong.editorial.rules import may_self_approve
from congphuong.wards.membership import has_role, may_act_in
from congphuong.wards.roles import APPROVER, EDITOR, SITE_ADMIN

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
    ),
}
# The working-day calendar's table (core.CalendarDay, "Ngày nghỉ/ngày làm bù"), which sets the
# questions' deadlines: the site admin keeps it, as when it was this app's.
CALENDAR_APP = "core"
CALENDAR_PERMISSIONS = {SITE_ADMIN: ("add_calendarday", "change_calendarday", "delete_calendarday", "view_calendarday")}


def can_view_question(user, question) -> bool:
    if not user.has_perm(f"{APP}.view_question") and not user.has_perm(f"{APP}.change_question"):
        return False
    return may_act_in(user, question.site_id)


def is_approver(user, site_id=None) -> bool:
    """A leader; with `site_id`, a leader *of that ward* when the install has per-ward groups."""
    if user.is_superuser:
        return True
    if site_id is not None:
        if may_act_in(user, site_id, [APPROVER]):
            return True
        # A leader of another ward is no leader here; a group without a ward (older setup) still counts.
        return user.groups.filter(name=APPROVER, ward_role__isnull=True).exists()
    return has_role(user, [APPROVER])


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

    for app_label, role_permissions in ((APP, ROLE_PERMISSIONS), (CALENDAR_APP, CALENDAR_PERMISSIONS)):
        for group_name, codenames in role_permissions.items():
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                continue
            permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            group.permissions.add(*permissions)
