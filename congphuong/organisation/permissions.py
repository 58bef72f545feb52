"""Model permissions of the editorial groups for this app, and the workflow on its snippets.

`ensure_organisation_permissions()` is idempotent (adds, never removes) and is
meant to run after `congphuong.editorial.roles.ensure_roles()`.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Workflow, WorkflowContentType

from congphuong.editorial.roles import WORKFLOW_NAME
from congphuong.wards.roles import APPROVER, EDITOR, SITE_ADMIN

APP = "organisation"
BOARD = "view_compliance_board"

ROLE_PERMISSIONS = {
    EDITOR: ("add_leader", "change_leader", "add_quarter", "change_quarter", BOARD),
    APPROVER: (
        "add_leader",
        "change_leader",
        "publish_leader",
        "lock_leader",
        "add_quarter",
        "change_quarter",
        "publish_quarter",
        "lock_quarter",
        BOARD,
    ),
    SITE_ADMIN: (
        "add_leader",
        "change_leader",
        "delete_leader",
        "publish_leader",
        "lock_leader",
        "unlock_leader",
        "add_quarter",
        "change_quarter",
        "delete_quarter",
        "publish_quarter",
        "lock_quarter",
        "unlock_quarter",
        "add_disclosurecategory",
        "change_disclosurecategory",
        "delete_disclosurecategory",
        "add_mandatorycategory",
        "change_mandatorycategory",
        "delete_mandatorycategory",
        BOARD,
    ),
}

# Snippets whose changes a leader approves, like pages.
WORKFLOW_MODELS = ("leader", "quarter")


def ensure_organisation_permissions():
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(*Permission.objects.filter(content_type__app_label=APP, codename__in=codenames))
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return
    for model in WORKFLOW_MODELS:
        content_type = ContentType.objects.get(app_label=APP, model=model)
        # A content type that already has a workflow keeps it: an administrator chose it.
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})
