"""Workflow emails: the approver's comment on approval, submissions only to the ward's leaders.

Wagtail puts the reviewer's comment into the rejection email only. A leader's
approval note ("Đồng ý đăng, sửa lại tít ở bản sau") matters to the author as much,
so the approval notifier is replaced by one that adds the last task's comment.

Wagtail mails a submission to every member of the task's groups: with one approver
group per ward, that would tell ward B's leaders about ward A's drafts. The
submission notifier is replaced by one that keeps only the members the task lets
act on that content (`FourEyesApprovalTask.is_ward_leader`), plus superusers as
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS says.
"""

from django.contrib.auth import get_user_model
from wagtail.admin import signal_handlers
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier, WorkflowStateApprovalEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted, workflow_approved

DISPATCH_UID = "workflow_state_approved_email_notification"  # Wagtail's own, so ours replaces it
SUBMITTED_DISPATCH_UID = "group_approval_task_submitted_email_notification"


class ApprovalWithCommentNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        last = workflow_state.task_states.order_by("-finished_at", "-pk").first()
        context["comment"] = last.specific.get_comment() if last else ""
        context["approver"] = last.finished_by if last else None
        return context


approval_with_comment_notifier = ApprovalWithCommentNotifier()


class WardSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_recipient_users(self, task_state, **kwargs):
        recipients = super().get_recipient_users(task_state, **kwargs)
        task = task_state.task.specific
        if not hasattr(task, "is_ward_leader"):
            return recipients
        content = task_state.workflow_state.content_object
        keep = [user.pk for user in recipients if user.is_superuser or task.is_ward_leader(content, user)]
        return get_user_model().objects.filter(pk__in=keep)


ward_submission_notifier = WardSubmissionNotifier()


def connect():
    # Whichever app is ready first, ours ends up as the one receiver under Wagtail's uid.
    workflow_approved.disconnect(
        signal_handlers.workflow_approval_email_notifier, sender=None, dispatch_uid=DISPATCH_UID
    )
    workflow_approved.connect(approval_with_comment_notifier, dispatch_uid=DISPATCH_UID, weak=False)
    task_submitted.disconnect(
        signal_handlers.task_submission_email_notifier, sender=TaskState, dispatch_uid=SUBMITTED_DISPATCH_UID
    )
    task_submitted.connect(ward_submission_notifier, sender=TaskState, dispatch_uid=SUBMITTED_DISPATCH_UID, weak=False)
