"""The author hears the approver's words on approval too, not only on rejection.

Wagtail puts the reviewer's comment into the rejection email only. A leader's
approval note ("Đồng ý đăng, sửa lại tít ở bản sau") matters to the author as much,
so the approval notifier is replaced by one that adds the last task's comment.
"""

from wagtail.admin import signal_handlers
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.signals import workflow_approved

DISPATCH_UID = "workflow_state_approved_email_notification"  # Wagtail's own, so ours replaces it


class ApprovalWithCommentNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        last = workflow_state.task_states.order_by("-finished_at", "-pk").first()
        context["comment"] = last.specific.get_comment() if last else ""
        context["approver"] = last.finished_by if last else None
        return context


approval_with_comment_notifier = ApprovalWithCommentNotifier()


def connect():
    # Whichever app is ready first, ours ends up as the one receiver under Wagtail's uid.
    workflow_approved.disconnect(
        signal_handlers.workflow_approval_email_notifier, sender=None, dispatch_uid=DISPATCH_UID
    )
    workflow_approved.connect(approval_with_comment_notifier, dispatch_uid=DISPATCH_UID, weak=False)
