"""Publishing has one door: the approval of a four-eyes workflow task.

Wagtail has many ways to make content live: the editor's "Publish" button, bulk actions, the admin
API's page actions (publish, copy with `keep_live`, alias), the copy view's "publish copies" box,
reverting to a revision and publishing it, snippets with a live state, and scheduling (a revision
given an `approved_go_live_at` is published later by `publish_scheduled`). Hiding buttons route by
route leaves the next route open, so the rule sits where all of them end: the model save.

- A save that makes a page or a snippet with a live state go live (new and live, not live → live, or
  a new live revision), and a revision save that schedules a publication (`approved_go_live_at`),
  are refused (`FourEyesRefusal`) when they happen on behalf of a signed-in
  user bound by four-eyes — anyone but a superuser allowed by
  CONGPHUONG_SUPERUSER_MAY_SELF_APPROVE — unless they happen inside `approved_publishing()`.
- Only `publish_approved_workflow_state` opens that context: Wagtail calls it
  (WAGTAIL_FINISH_WORKFLOW_ACTION) when a workflow's last task is approved, and it checks again that
  the approver is no author of the content and that a four-eyes task approved it.
- "On behalf of" is Wagtail's log context: every admin view, the admin API included, runs inside
  `LogContext(user=request.user)` (`wagtail.admin.auth.require_admin_access`). Code without a user
  (`manage.py publish_scheduled`, `load_demo`, migrations) is trusted: it publishes only what an
  approval scheduled, or demo data.
"""

import contextvars
from contextlib import contextmanager

from django.db.models.signals import pre_save
from wagtail.log_actions import get_active_log_context

from .rules import DIRECT_PUBLISH_MESSAGE, may_self_approve

_approved = contextvars.ContextVar("congphuong_four_eyes_approved_publishing", default=False)

LIVE_FIELDS = {"live", "live_revision", "live_revision_id"}
DISPATCH_UID = "congphuong_four_eyes_one_door"


class FourEyesRefusal(Exception):  # noqa: N818 (a refusal, named as the rule calls it)
    """A publication refused by the four-eyes rule; the admin shows its message and goes back.

    Not a PermissionDenied: Wagtail's admin turns those into "Rất tiếc, bạn không có quyền truy cập
    khu vực này" on the dashboard, which says nothing of why (issue 15). The middleware
    (`editorial/middleware.py`) shows this message where the user was; without it, a 500 still refuses.
    """


@contextmanager
def approved_publishing():
    token = _approved.set(True)
    try:
        yield
    finally:
        _approved.reset(token)


def acting_user():
    return get_active_log_context().user


def is_bound(user) -> bool:
    return bool(user is not None and user.is_authenticated and not may_self_approve(user))


def publish_approved_workflow_state(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish what a four-eyes approval let through."""
    from wagtail.workflows import publish_workflow_state

    from .rules import approval_refusal

    if is_bound(user):
        content = workflow_state.content_object
        refusal = approval_refusal(content, user, workflow_state=workflow_state)
        if refusal is None and not _approved_by_four_eyes_task(workflow_state):
            refusal = DIRECT_PUBLISH_MESSAGE
        if refusal:
            raise FourEyesRefusal(refusal)
    with approved_publishing():
        publish_workflow_state(workflow_state, user=user)


def _approved_by_four_eyes_task(workflow_state) -> bool:
    from wagtail.models import TaskState

    from .models import FourEyesApprovalTask

    task_ids = FourEyesApprovalTask.objects.values_list("pk", flat=True)
    return workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED, task_id__in=task_ids).exists()


def goes_live(instance, update_fields=None) -> bool:
    """Whether saving `instance` (a DraftStateMixin model) makes content live that was not."""
    if update_fields is not None and not (LIVE_FIELDS & set(update_fields)):
        return False
    if not instance.live:
        return False
    if instance._state.adding or instance.pk is None:
        return True
    before = type(instance)._base_manager.filter(pk=instance.pk).values("live", "live_revision_id").first()
    if before is None or not before["live"]:
        return True
    return instance.live_revision_id is not None and instance.live_revision_id != before["live_revision_id"]


def schedules_publication(revision, update_fields=None) -> bool:
    if revision.approved_go_live_at is None:
        return False
    if update_fields is not None and "approved_go_live_at" not in update_fields:
        return False
    if revision._state.adding or revision.pk is None:
        return True
    before = type(revision)._base_manager.filter(pk=revision.pk).values_list("approved_go_live_at", flat=True).first()
    return before != revision.approved_go_live_at


def guard_publication(sender, instance, raw=False, update_fields=None, **kwargs):
    from wagtail.models import DraftStateMixin, Revision

    # The actor first: saves outside the admin (scheduler, demo, tests' factories) cost no query.
    if raw or _approved.get() or not is_bound(acting_user()):
        return
    if isinstance(instance, DraftStateMixin):
        publishing = goes_live(instance, update_fields)
    elif isinstance(instance, Revision):
        publishing = schedules_publication(instance, update_fields)
    else:
        return
    if publishing:
        raise FourEyesRefusal(DIRECT_PUBLISH_MESSAGE)


def connect():
    pre_save.connect(guard_publication, dispatch_uid=DISPATCH_UID, weak=False)
