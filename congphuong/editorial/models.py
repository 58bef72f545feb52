from django.core.exceptions import PermissionDenied
from wagtail.models import AbstractGroupApprovalTask

from .rules import SELF_APPROVAL_MESSAGE, must_not_approve


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """A group approval step whose members cannot approve what they wrote or submitted."""

    def get_actions(self, obj, user):
        if must_not_approve(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The action views already check get_actions(); this guards every other caller.
        if action_name == "approve" and must_not_approve(task_state.workflow_state.content_object, user):
            raise PermissionDenied(SELF_APPROVAL_MESSAGE)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Thành viên các nhóm được chọn phê duyệt; không ai được tự duyệt nội dung của mình."

    class Meta:
        verbose_name = "Bước duyệt bốn mắt"
        verbose_name_plural = "Bước duyệt bốn mắt"
