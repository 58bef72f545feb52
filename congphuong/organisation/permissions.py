"""Model permissions of the editorial groups for this app, and the workflow on its snippets.

`ensure_organisation_permissions()` is idempotent (adds, never removes) and is
meant to run after `congphuong.core.roles.ensure_roles()`.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Site, Workflow, WorkflowContentType

from congphuong.core.roles import APPROVER, EDITOR, SITE_ADMIN, WORKFLOW_NAME

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


def user_site_ids(user) -> set[int] | None:
    """Sites (wards) whose back-office data `user` works on; None means every site (superuser).

    A user belongs to a ward when one of their groups has a page permission on that
    ward's home page, below it, or above it (the tree root covers every ward).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    paths = set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True))
    return {
        site_id
        for site_id, root_path in Site.objects.values_list("id", "root_page__path")
        if any(root_path.startswith(path) or path.startswith(root_path) for path in paths)
    }
