"""Users, groups and a four-eyes workflow on a ward, as the roles set them up."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow

from congphuong.core.roles import APPROVER, EDITOR, WORKFLOW_NAME, ensure_roles

PASSWORD = "Mat-khau-thu-nghiem-2025"


def make_group(name, home, page_permissions):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=Permission.objects.get(codename=f"{codename}_page")
        )
    return group


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.vn", **extra
    )
    user.groups.add(*groups)
    return user


def make_four_eyes_workflow(home):
    """The groups and workflow exactly as a real install gets them (`setup_roles`)."""
    groups = ensure_roles([home])
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    return workflow, groups[EDITOR], groups[APPROVER]
