"""The "Cán bộ khuyến học" group and what leaders, site and national administrators may do here.

`ensure_learning_roles()` is idempotent: it creates what is missing and adds missing
permissions, never removes a permission an administrator granted by hand. It runs
from a data migration and from the demo; run it again after adding a permission.
Outside a migration it also makes each ward's private file collection (see files.py).
"""

from congphuong.wards.roles import APPROVER, LEARNING_OFFICER, SITE_ADMIN
from congphuong.wards.roles import LEARNING_NATIONAL_ADMIN as NATIONAL_ADMIN  # edits the shared criteria sets

# Models holding personal data or the programme's records, edited by the officers.
OFFICER_MODELS = (
    "learningquarter",
    "household",
    "clan",
    "unit",
    "citizen",
    "registration",
    "evidence",
    "recognitiondecision",
    "criteriaset",
    "target",
    "donor",
    "fundreceipt",
    "fundexpense",
    "fundopening",
    "award",
    "recognisingbody",  # a ward's own row (the province's guidance); shared rows: national administrators
)
VIEWED_BY_LEADERS = OFFICER_MODELS + ("fundclosing",)
# A closed period is never changed or reopened (models/fund_lock.py): officers close, nobody edits.
CLOSING_PERMISSIONS = ["add_fundclosing", "view_fundclosing"]
# Consent to publish a name is managed by the ward's learning officer alone (not leaders, not editors).
CONSENT_PERMISSIONS = [f"{action}_nameconsent" for action in ("add", "change", "delete", "view")]

ROLE_PERMISSIONS = {
    LEARNING_OFFICER: [
        f"{action}_{model}" for model in OFFICER_MODELS for action in ("add", "change", "delete", "view")
    ]
    + ["review_registration", "score_registration", "view_learning_reports", "view_retentionrule"]
    + CONSENT_PERMISSIONS
    + CLOSING_PERMISSIONS,
    APPROVER: [f"view_{model}" for model in VIEWED_BY_LEADERS]
    + ["view_retentionrule"]
    + [
        "add_recognitiondecision",
        "change_recognitiondecision",
        "score_registration",
        "recognise_registration",
        "view_learning_reports",
    ],
    # Site administrators assign learning users to their own wards ("Phân công phường").
    SITE_ADMIN: ["view_exportlog"] + [f"{action}_wardassignment" for action in ("add", "change", "delete", "view")],
    NATIONAL_ADMIN: [
        f"{action}_{model}"
        for model in ("criteriaset", "target", "retentionrule", "recognisingbody")
        for action in ("add", "change", "delete", "view")
    ],
}


def ensure_learning_roles(apps=None):
    """Create or complete the groups; `apps` is the migration state when called from a migration."""
    live = apps is None  # not a migration's frozen models
    if live:
        from django.apps import apps as global_apps

        apps = global_apps
        from django.contrib.auth.management import create_permissions

        create_permissions(global_apps.get_app_config("learning"), verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    groups = {}
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = list(Permission.objects.filter(content_type__app_label="learning", codename__in=codenames))
        if access_admin is not None:
            permissions.append(access_admin)
        group.permissions.add(*permissions)
        groups[name] = group
    if live:
        from .files import ensure_collections

        ensure_collections()  # each ward's private collection for decision files and evidence
    return groups


def can_see_personal_data(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("learning.view_household"))


def can_view_reports(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("learning.view_learning_reports"))
