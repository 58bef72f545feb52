"""Editorial roles: per-ward Wagtail groups, their permissions and the approval workflow.

Every ward (a Wagtail Site with its own home page) gets its own three groups,
"Biên tập viên – Phường Bình An", "Lãnh đạo duyệt – Phường Bình An",
"Quản trị trang – Phường Bình An", recorded in `editorial.WardRoleGroup`. Each has
page permissions on that ward's home page only and collection permissions on that
ward's own image/document collection only (`editorial.WardCollection`, a child of
Root named after the ward), so a cadre of one ward cannot touch another ward.

The three groups without a ward in their name ("Biên tập viên", …) stay as
*templates*: they hold the model permissions (the role's own list plus what the
apps' hooks in APP_ROLE_HOOKS add to them by name) and are copied into every
ward's group of that role. Templates hold no page or collection permission and no
member: `ensure_roles()` removes the rights an older, global setup gave them on the
ward home pages and the root collection, and moves their members into the ward's
group when the install has a single ward (with several wards it cannot guess, so
it takes them out and reports them for an administrator to place).

`ensure_roles()` is otherwise idempotent: it creates what is missing and adds
missing permissions, never removes what an administrator granted by hand to a
ward group. Call it again (`manage.py setup_roles`) after adding a ward.
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
    GroupSitePermission,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from congphuong.wards.roles import APPROVER, EDITOR, ROLE_KEYS, SITE_ADMIN

WORKFLOW_NAME = "Lãnh đạo duyệt bài"
TASK_NAME = "Lãnh đạo phê duyệt"

# Snippets of this app that go public only through the leader's approval, like pages.
WORKFLOW_SNIPPETS = (("wards", "yeartheme"),)

# Each content app adds its own model permissions to the groups above (idempotent).
APP_ROLE_HOOKS = (
    "congphuong.organisation.permissions.ensure_organisation_permissions",
    "congphuong.feedback.permissions.ensure_feedback_permissions",
    "congphuong.information_access.permissions.ensure_information_access_permissions",
    "congphuong.learning.roles.ensure_learning_roles",
    "congphuong.province.roles.ensure_province_roles",
)

ALL_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
MEDIA_EDIT = ("add", "choose", "change")
MEDIA_ALL = ("add", "choose", "change", "delete")


@dataclass(frozen=True)
class Role:
    key: str  # WardRoleGroup.role
    name: str
    page_permissions: tuple[str, ...]
    media_actions: tuple[str, ...]
    # "app_label.codename"; a codename this Wagtail version lacks is skipped.
    model_permissions: tuple[str, ...] = field(default=())


# «Dịch» (wagtail.contrib.simple_translation): copy a page of one's ward into its English section
# (docs/english-section.md). Wagtail lets it only for a page the user may edit, and the copy lands in
# that ward's own English tree, where the same page permissions hold (`language_roots`).
TRANSLATE = "simple_translation.submit_translation"

ROLES = (
    Role(ROLE_KEYS[EDITOR], EDITOR, ("add_page", "change_page"), MEDIA_EDIT, (TRANSLATE,)),
    Role(
        ROLE_KEYS[APPROVER],
        APPROVER,
        ("add_page", "change_page", "publish_page", "lock_page"),
        MEDIA_EDIT,
        # The theme of the year goes through the leader's approval: the approver must see it.
        ("wards.change_yeartheme", "wards.publish_yeartheme", TRANSLATE),
    ),
    Role(
        ROLE_KEYS[SITE_ADMIN],
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
            TRANSLATE,
        ),
    ),
)


def ward_home_pages():
    """Every ward's home page (a HomePage directly under the tree root), not counting the translation of
    a Site's home (its English home, which `language_roots` gives with it)."""
    from django.apps import apps

    HomePage = apps.get_model("home", "HomePage")  # noqa: N806 (by name: the home app imports editorial's neighbours)

    homes = list(HomePage.objects.filter(depth=2).order_by("path"))
    site_roots = set(Site.objects.values_list("root_page_id", flat=True))
    translated = {home.translation_key for home in homes if home.pk in site_roots}
    return [home for home in homes if home.pk in site_roots or home.translation_key not in translated]


def language_roots(home: Page) -> list[Page]:
    """The ward's home and its translations (the English home at /en/, a sibling of the home in the
    tree): the roots of the ward's pages in every language, which its roles work on alike."""
    return list(Page.objects.filter(translation_key=home.translation_key).order_by("path"))


def _permissions(qualified: list[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in qualified}
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted}, codename__in={code for _, code in wanted}
    ).select_related("content_type")
    return [perm for perm in found if (perm.content_type.app_label, perm.codename) in wanted]


ROLE_BY_NAME = {role.name: role for role in ROLES}
GROUP_NAME_MAX = 150  # auth.Group.name


def ward_name(site: Site) -> str:
    from congphuong.wards.models import WardSettings

    if site.site_name:
        return site.site_name
    settings = WardSettings.objects.filter(site=site).first()
    return (settings.short_name if settings else "") or site.hostname


def ward_group_name(role: Role, site: Site) -> str:
    return f"{role.name} – {ward_name(site)}"[:GROUP_NAME_MAX]


def _ensure_template(role: Role) -> Group:
    group, _ = Group.objects.get_or_create(name=role.name)
    group.permissions.add(*_permissions(["wagtailadmin.access_admin", *role.model_permissions]))
    return group


def ensure_ward_collection(site: Site) -> Collection:
    """The ward's own collection under Root (an existing child of Root with the ward's name is adopted)."""
    from congphuong.editorial.models import WardCollection

    link = WardCollection.objects.filter(site=site).select_related("collection").first()
    if link is not None:
        return link.collection
    root = Collection.get_first_root_node()
    name = ward_name(site)
    taken = set(WardCollection.objects.values_list("collection_id", flat=True))
    collection = next((child for child in root.get_children().filter(name=name) if child.pk not in taken), None)
    if collection is None:
        collection = root.add_child(name=name if not root.get_children().filter(name=name).exists() else site.hostname)
    WardCollection.objects.create(site=site, collection=collection)
    return collection


def _ensure_ward_group(role: Role, site: Site, home: Page, collection: Collection) -> Group:
    from congphuong.editorial.models import WardRoleGroup

    link = WardRoleGroup.objects.filter(site=site, role=role.key).select_related("group").first()
    if link is not None:
        group = link.group  # an administrator may have renamed it: keep their name
    else:
        name = ward_group_name(role, site)
        same_name = Group.objects.filter(name=name).first()
        if same_name is not None and WardRoleGroup.objects.filter(group=same_name).exists():
            # Two wards with the same name: the hostname tells their groups apart.
            name = f"{role.name} – {ward_name(site)} ({site.hostname})"[:GROUP_NAME_MAX]
            same_name = None
        group = same_name if same_name is not None else Group.objects.get_or_create(name=name)[0]
        WardRoleGroup.objects.create(group=group, site=site, role=role.key)

    page_perms = _permissions([f"wagtailcore.{codename}" for codename in role.page_permissions])
    for root in language_roots(home):
        existing = set(
            GroupPagePermission.objects.filter(group=group, page=root).values_list("permission_id", flat=True)
        )
        GroupPagePermission.objects.bulk_create(
            [
                GroupPagePermission(group=group, page=root, permission=perm)
                for perm in page_perms
                if perm.pk not in existing
            ]
        )

    media_perms = _permissions(
        [f"wagtailimages.{action}_image" for action in role.media_actions]
        + [f"wagtaildocs.{action}_document" for action in role.media_actions]
    )
    existing = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission_id", flat=True
        )
    )
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=collection, permission=perm)
            for perm in media_perms
            if perm.pk not in existing
        ]
    )
    return group


def _retire_template_rights(template: Group, ward_groups: list[Group]) -> list[str]:
    """Take back the cross-ward rights an older global setup gave `template`; returns usernames left unplaced."""
    all_homes = ward_home_pages()
    GroupPagePermission.objects.filter(group=template, page__in=all_homes).delete()
    GroupPagePermission.objects.filter(group=template, page__depth=1).delete()
    GroupCollectionPermission.objects.filter(group=template, collection__depth=1).delete()
    members = list(template.user_set.all())
    if not members:
        return []
    template.user_set.remove(*members)
    if len(all_homes) == 1 and len(ward_groups) == 1:
        ward_groups[0].user_set.add(*members)
        return []
    return sorted(member.get_username() for member in members)


class RoleGroups(dict):
    """`ensure_roles()`'s answer: role name → group of the first ward given (handy with one ward).

    `by_site[site_id][role name]` holds every ward's groups, `templates[role name]`
    the template groups, `unplaced` the usernames taken out of a template group
    without a ward to move them to.
    """

    def __init__(self):
        super().__init__()
        self.by_site: dict[int, dict[str, Group]] = {}
        self.templates: dict[str, Group] = {}
        self.unplaced: list[str] = []


def _site_of_home(home: Page) -> Site | None:
    return Site.objects.filter(root_page_id=home.pk).order_by("-is_default_site", "pk").first()


def _ensure_task(approver_groups: list[Group]):
    """The four-eyes approval task, replacing a stock group task an older setup may have made."""
    from congphuong.editorial.models import FourEyesApprovalTask

    task = FourEyesApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=TASK_NAME, active=True)
    task.groups.add(*approver_groups)  # add() skips the ones already there
    return task


def _ensure_workflow(approver_groups: list[Group], homes: list[Page]) -> Workflow:
    task = _ensure_task(approver_groups)
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
def ensure_roles(homes=None) -> RoleGroups:
    """Create or complete every ward's editorial groups, the templates and the approval workflow."""
    homes = ward_home_pages() if homes is None else list(homes)
    result = RoleGroups()
    result.templates = {role.name: _ensure_template(role) for role in ROLES}
    wards = [(home, site) for home in homes if (site := _site_of_home(home)) is not None]
    for home, site in wards:
        collection = ensure_ward_collection(site)
        result.by_site[site.pk] = {role.name: _ensure_ward_group(role, site, home, collection) for role in ROLES}
    if wards:
        result.update(result.by_site[wards[0][1].pk])
    for role in ROLES:
        ward_groups = [groups[role.name] for groups in result.by_site.values()]
        result.unplaced += _retire_template_rights(result.templates[role.name], ward_groups)
    approvers = [groups[APPROVER] for groups in result.by_site.values()]
    _ensure_workflow(approvers, [root for home, _ in wards for root in language_roots(home)])
    for hook in APP_ROLE_HOOKS:
        import_string(hook)()
    _copy_template_permissions(result)
    return result


def _site_setting_content_type_ids() -> set[int]:
    from django.apps import apps
    from wagtail.contrib.settings.models import BaseSiteSetting

    models = [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]
    return {content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()}


def _copy_template_permissions(result: RoleGroups) -> None:
    """The apps' hooks give their permissions to the templates by name: every ward group gets them too.

    Permissions on per-site settings (the ward's details, footer) are given for the group's own ward
    only (Wagtail's GroupSitePermission): as a plain permission they would open every ward's settings.
    """
    from congphuong.editorial.models import WardRoleGroup

    site_setting_types = _site_setting_content_type_ids()
    by_key = {role.key: role.name for role in ROLES}
    for link in WardRoleGroup.objects.select_related("group"):
        template = result.templates.get(by_key.get(link.role, ""))
        if template is None:
            continue
        permissions = list(template.permissions.all())
        per_site = [perm for perm in permissions if perm.content_type_id in site_setting_types]
        link.group.permissions.add(*[perm for perm in permissions if perm.content_type_id not in site_setting_types])
        link.group.permissions.remove(*per_site)  # an earlier setup may have given them globally
        for perm in per_site:
            GroupSitePermission.objects.get_or_create(group=link.group, site_id=link.site_id, permission=perm)
