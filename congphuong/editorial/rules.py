"""The four-eyes rule: nobody publishes or approves their own work.

"Own work" is content whose latest revision the user wrote, or whose moderation
the user requested. Superusers follow the rule too unless the deployment sets
CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE (for a one-person emergency, say).
"""

from django.conf import settings

SELF_APPROVAL_MESSAGE = "Bạn không thể tự duyệt hoặc tự xuất bản nội dung do chính mình soạn hoặc gửi duyệt."
DIRECT_PUBLISH_MESSAGE = (
    "Nội dung chỉ được xuất bản sau khi một lãnh đạo khác phê duyệt. Hãy bấm “Gửi duyệt” để chuyển cho lãnh đạo."
)


def may_self_approve(user) -> bool:
    return bool(user.is_superuser and getattr(settings, "CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE", False))


def is_own_work(obj, user) -> bool:
    """True when `user` wrote the latest revision of `obj` or submitted it for review."""
    if user is None or not user.is_authenticated:
        return False
    latest = getattr(obj, "latest_revision", None)
    if latest is not None and latest.user_id == user.pk:
        return True
    state = getattr(obj, "current_workflow_state", None)
    return bool(state is not None and state.requested_by_id == user.pk)


def must_not_approve(obj, user) -> bool:
    return is_own_work(obj, user) and not may_self_approve(user)
