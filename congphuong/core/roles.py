"""Editorial roles: the three Wagtail groups, their permissions and the approval workflow.

`ensure_roles()` is idempotent: it creates what is missing and adds missing
permissions, never removes anything an administrator granted by hand. Call it
again after adding a ward so the new ward's home page gets the same rights.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

EDITOR = "Biên tập viên"
APPROVER = "Lãnh đạo duyệt"
SITE_ADMIN = "Quản trị trang"

WORKFLOW_NAME = "Lãnh đạo duyệt bài"
TASK_NAME = "Lãnh đạo phê duyệt"

# Snippets of this app that go public only through the leader's approval, like pages.
WORKFLOW_SNIPPETS = (("wards", "yeartheme"),)

# Each content app adds its own model permissions to the groups above (idempotent).
APP_ROLE_HOOKS = (
    "congphuong.organisation.permissions.ensure_organisation_permissions",
    "congphuong.feedback.permissions.ensure_feedback_permissions",
    "congphuong.learning.roles.ensure_learning_roles",
)

ALL_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
MEDIA_EDIT = ("add", "choose", "change")
MEDIA_ALL = ("add", "choose", "change", "delete")


@dataclass(frozen=True)
class Role:
    name: str
    page_permissions: tuple[str, ...]
    media_actions: tuple[str, ...]
    # "app_label.codename"; a codename this Wagtail version lacks is skipped.
    model_permissions: tuple[str, ...] = field(default=())


ROLES = (
    Role(EDITOR, ("add_page", "change_page"), MEDIA_EDIT),
    Role(
        APPROVER,
        ("add_page", "change_page", "publish_page", "lock_page"),
        MEDIA_EDIT,
        # The theme of the year goes through the leader's approval: the approver must see it.
        ("wards.change_yeartheme", "wards.publish_yeartheme"),
    ),
    Role(
        SITE_ADMIN,
        ALL_PAGE_PERMISSIONS,
        MEDIA_ALL,
        (
            "wards.change_wardsettings",
            "wards.add_yeartheme",
            "wards.change_yeartheme",
            "wards.delete_yeartheme",
            "wards.publish_yeartheme",
            "wards.lock_yeartheme",
            "wards.unlock_yeartheme",
            "auth.add_user",
            "auth.change_user",
            "auth.view_user",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            "wagtailcore.view_logentry",  # not in Wagtail 8: skipped
        ),
    ),
)


def ward_home_pages():
    """Every ward's home page (a HomePage directly under the tree root)."""
    from congphuong.home.models import HomePage

    return list(HomePage.objects.filter(depth=2).order_by("path"))


def _permissions(qualified: list[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in qualified}
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted}, codename__in={code for _, code in wanted}
    ).select_related("content_type")
    return [perm for perm in found if (perm.content_type.app_label, perm.codename) in wanted]


def _ensure_group(role: Role, homes: list[Page], root_collection: Collection) -> Group:
    group, _ = Group.objects.get_or_create(name=role.name)

    wanted = _permissions(["wagtailadmin.access_admin", *role.model_permissions])
    group.permissions.add(*wanted)  # add() skips the ones already there

    page_perms = _permissions([f"wagtailcore.{codename}" for codename in role.page_permissions])
    existing = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=home, permission=perm)
            for home in homes
            for perm in page_perms
            if (home.pk, perm.pk) not in existing
        ]
    )

    media_perms = _permissions(
        [f"wagtailimages.{action}_image" for action in role.media_actions]
        + [f"wagtaildocs.{action}_document" for action in role.media_actions]
    )
    existing = set(
        GroupCollectionPermission.objects.filter(group=group, collection=root_collection).values_list(
            "permission_id", flat=True
        )
    )
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=root_collection, permission=perm)
            for perm in media_perms
            if perm.pk not in existing
        ]
    )
    return group


def _ensure_task(approvers: Group):
    """The four-eyes approval task, replacing a stock group task an older setup may have made."""
    from congphuong.editorial.models import FourEyesApprovalTask

    task = FourEyesApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=TASK_NAME, active=True)
    if not task.groups.filter(pk=approvers.pk).exists():
        task.groups.add(approvers)
    return task


def _ensure_workflow(approvers: Group, homes: list[Page]) -> Workflow:
    task = _ensure_task(approvers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    steps = WorkflowTask.objects.filter(workflow=workflow)
    # A stock task of the same name lets an approver approve their own work: swap it for ours.
    stale = Task.objects.filter(name=TASK_NAME, workflow_tasks__workflow=workflow).exclude(pk=task.pk)
    for old in stale:
        steps.filter(task=old).update(task=task)
        old.deactivate()
    if not steps.filter(task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=steps.count())

    attached = set(WorkflowPage.objects.filter(page__in=homes).values_list("page_id", flat=True))
    # A home page that already has another workflow keeps it: an administrator chose it.
    WorkflowPage.objects.bulk_create(
        [WorkflowPage(page=home, workflow=workflow) for home in homes if home.pk not in attached]
    )
    for app_label, model in WORKFLOW_SNIPPETS:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_roles(homes=None) -> dict[str, Group]:
    """Create or complete the editorial groups and the approval workflow for every ward."""
    homes = ward_home_pages() if homes is None else list(homes)
    root_collection = Collection.get_first_root_node()
    groups = {role.name: _ensure_group(role, homes, root_collection) for role in ROLES}
    _ensure_workflow(groups[APPROVER], homes)
    for hook in APP_ROLE_HOOKS:
        import_string(hook)()
    return groups
