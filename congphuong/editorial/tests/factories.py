"""Users, groups and a four-eyes workflow on a ward, as the roles set them up."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Site, Workflow

from congphuong.editorial.models import WardRoleGroup
from congphuong.editorial.roles import APPROVER, EDITOR, ROLE_BY_NAME, WORKFLOW_NAME, ensure_roles

PASSWORD = "Mat-khau-thu-nghiem-2025"


def make_group(name, home, page_permissions):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=Permission.objects.get(codename=f"{codename}_page")
        )
    _link_role_group(group, home)
    return group


def _link_role_group(group, home):
    """A group named after a role is that ward's role group, as `setup_roles` records it: the
    admin's ward guard (editorial/isolation.py) asks the role groups which ward a user works for."""
    role = ROLE_BY_NAME.get(group.name)
    site = Site.objects.filter(root_page=home).first()
    if role is None or site is None or WardRoleGroup.objects.filter(group=group).exists():
        return
    if not WardRoleGroup.objects.filter(site=site, role=role.key).exists():
        WardRoleGroup.objects.create(group=group, site=site, role=role.key)


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
