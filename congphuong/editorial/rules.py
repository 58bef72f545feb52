"""The four-eyes rule: nobody publishes or approves their own work.

Who is an author of content under review (`authors_of`):
- whoever submitted it (the workflow's `requested_by`);
- whoever wrote the submitted revision (the one the current task was given);
- whoever wrote a revision of it since it was last published, up to the submission, except edits a
  reviewer made *during an earlier review* of the same content (a leader's typo fix in round one
  does not bar them from round two).
Content not under review: the author of its latest revision.

A leader reviewing may correct the content before approving (from the page editor, Wagtail saves
the leader's revision first). Those *review edits* do not make the leader an author, so the task
stays in their queue and "Phê duyệt và xuất bản" works from the editor. But they are limited: when
the approver wrote any revision since the submission, everything changed since the submission must
stay small (`review_edit_size` ≤ CONGPHUONG_REVIEW_EDIT_MAX_CHARS characters, 200 by default),
otherwise the approval is refused — a leader cannot rewrite someone's article and publish it alone;
another leader approves it, or the leader requests changes. Every approved review edit is logged
with its diff (`congphuong.review_edit`, see models.FourEyesApprovalTask).

Superusers follow the rule too unless the deployment sets CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE
(for a one-person emergency, say).
"""

import difflib
import json
import re

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

NOT_WARD_LEADER_MESSAGE = "Bạn không phải lãnh đạo của phường này nên không thể duyệt nội dung của phường."
SELF_APPROVAL_MESSAGE = "Bạn không thể tự duyệt hoặc tự xuất bản nội dung do chính mình soạn hoặc gửi duyệt."
DIRECT_PUBLISH_MESSAGE = (
    "Nội dung chỉ được xuất bản sau khi một lãnh đạo khác phê duyệt. Hãy bấm “Gửi duyệt” để chuyển cho lãnh đạo."
)
REVIEW_EDIT_TOO_LARGE_MESSAGE = (
    "Bạn đã sửa {changed} ký tự so với bản được gửi duyệt (tối đa {limit} ký tự khi vừa sửa vừa duyệt). "
    "Bản sửa của bạn đã được lưu; hãy nhờ một lãnh đạo khác phê duyệt, hoặc “Yêu cầu chỉnh sửa” để "
    "biên tập viên sửa và gửi lại."
)
DEFAULT_REVIEW_EDIT_MAX_CHARS = 200

# Bookkeeping kept in a revision's content: not what readers read.
NOT_CONTENT_KEYS = {
    "pk",
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "has_unpublished_changes",
    "live",
    "expired",
    "draft_title",
    "translation_key",
    "locale",
    "alias_of",
    "page_ptr",
    "comments",
    "wagtail_admin_comments",
}


def may_self_approve(user) -> bool:
    return bool(user.is_superuser and getattr(settings, "CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE", False))


def submitted_revision(obj, workflow_state=None):
    state = workflow_state or getattr(obj, "current_workflow_state", None)
    task_state = state.current_task_state if state is not None else None
    return task_state.revision if task_state is not None else None


def _review_windows(obj, now):
    """(start, end, requester) of every review of `obj`: edits then were reviewers' corrections."""
    from wagtail.models import TaskState

    states = getattr(obj, "workflow_states", None)
    if states is None:
        return []
    rows = TaskState.objects.filter(workflow_state__in=states.all()).values_list(
        "started_at", "finished_at", "workflow_state__requested_by_id"
    )
    return [(start, end or now, requester) for start, end, requester in rows]


def authors_of(obj, workflow_state=None) -> set:
    """The ids of the users four-eyes counts as authors of `obj` (see the module's docstring)."""
    state = workflow_state or getattr(obj, "current_workflow_state", None)
    if state is None:
        latest = getattr(obj, "latest_revision", None)
        return {latest.user_id} if latest is not None and latest.user_id else set()
    authors = {state.requested_by_id}
    submitted = submitted_revision(obj, state)
    if submitted is None:
        return {user_id for user_id in authors if user_id}
    authors.add(submitted.user_id)
    revisions = obj.revisions.filter(created_at__lte=submitted.created_at)
    live = getattr(obj, "live_revision", None)
    if live is not None:
        revisions = revisions.filter(created_at__gt=live.created_at)
    windows = _review_windows(obj, timezone.now())
    for user_id, created_at in revisions.values_list("user_id", "created_at"):
        during_review = any(start <= created_at <= end and user_id != requester for start, end, requester in windows)
        if not during_review:
            authors.add(user_id)
    return {user_id for user_id in authors if user_id}


def is_own_work(obj, user, workflow_state=None) -> bool:
    """True when four-eyes counts `user` among the authors of `obj`."""
    if user is None or not user.is_authenticated:
        return False
    return user.pk in authors_of(obj, workflow_state)


def must_not_approve(obj, user, workflow_state=None) -> bool:
    return is_own_work(obj, user, workflow_state) and not may_self_approve(user)


# Review edits --------------------------------------------------------------------------------------


def _texts(value):
    """The readable strings inside a revision's field value (rich text, stream JSON, lists)."""
    if isinstance(value, str):
        stripped = value.strip()
        if stripped[:1] in "[{":
            try:
                return _texts(json.loads(stripped))
            except ValueError:
                pass
        return [re.sub(r"\s+", " ", strip_tags(value)).strip()]
    if isinstance(value, dict):
        return [text for key in sorted(value) if key not in ("id", "type") for text in _texts(value[key])]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _texts(item)]
    if value is None:
        return []
    return [str(value)]


def revision_fields_text(revision) -> dict:
    content = revision.content or {}
    return {
        key: "\n".join(text for text in _texts(value) if text)
        for key, value in content.items()
        if key not in NOT_CONTENT_KEYS
    }


def review_edit_diff(before_revision, after_revision) -> list:
    """[(field, text before, text after, characters changed)] for each field that changed."""
    before = revision_fields_text(before_revision)
    after = revision_fields_text(after_revision)
    changes = []
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field, ""), after.get(field, "")
        if old == new:
            continue
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
        changes.append((field, old, new, changed))
    return changes


def review_edit_size(changes) -> int:
    return sum(changed for *_, changed in changes)


def review_edit_limit() -> int:
    return int(getattr(settings, "CONGPHUONG_REVIEW_EDIT_MAX_CHARS", DEFAULT_REVIEW_EDIT_MAX_CHARS))


def approval_refusal(obj, user, workflow_state=None):
    """Why `user` may not approve `obj` now (a Vietnamese message), or None."""
    if may_self_approve(user):
        return None
    if is_own_work(obj, user, workflow_state):
        return SELF_APPROVAL_MESSAGE
    submitted = submitted_revision(obj, workflow_state)
    latest = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
    if submitted is None or latest is None or latest.pk == submitted.pk:
        return None
    approver_edited = obj.revisions.filter(created_at__gt=submitted.created_at, user_id=user.pk).exists()
    if not approver_edited:
        return None
    changed = review_edit_size(review_edit_diff(submitted, latest))
    if changed > review_edit_limit():
        return REVIEW_EDIT_TOO_LARGE_MESSAGE.format(changed=changed, limit=review_edit_limit())
    return None
