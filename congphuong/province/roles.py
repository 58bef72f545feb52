"""The "Quản trị thành phố" group: the city's IT team, above the wards' administrators.

A city administrator is bound to every ward of the install (one install serves one city or
province, docs/province-overview.md): the group is install-wide, not per ward, and gives only
the back office and "province.view_province_overview". It is in no ward's role group, so
`congphuong.wards.membership` gives it no ward's records: it reads the overview, edits nothing.

`ensure_province_roles()` is idempotent; `manage.py setup_roles` runs it (editorial APP_ROLE_HOOKS).
"""

from congphuong.wards.roles import CITY_ADMIN

PERMISSIONS = (("wagtailadmin", "access_admin"), ("province", "view_province_overview"))


def ensure_province_roles():
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    create_permissions(apps.get_app_config("province"), verbosity=0)
    group, _ = Group.objects.get_or_create(name=CITY_ADMIN)
    wanted = Q(pk__in=[])
    for app_label, codename in PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(wanted))
    return group
