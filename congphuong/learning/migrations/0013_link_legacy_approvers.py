"""Closing permissions for the officers; legacy approver texts linked to an account where certain.

A text like "Lê Thị Hồng Nhung – Chủ tịch Hội Khuyến học phường" is linked to the account whose
full name is the part before the dash, only when exactly one approver ("Lãnh đạo duyệt") of the
voucher's ward has that name. The text itself is never changed or removed.
"""

import re

from django.contrib.auth.management import create_permissions
from django.db import migrations

DASH = re.compile(r"\s+[–—-]\s+")


def _approvers_by_name(apps, site_id):
    from congphuong.learning.roles import APPROVER

    User = apps.get_model("auth", "User")  # noqa: N806
    users = User.objects.filter(is_active=True, groups__name=APPROVER, learning_assignments__site_id=site_id)
    names = {}
    for user in users.distinct():
        full_name = " ".join(part for part in (user.first_name, user.last_name) if part).strip()
        if full_name:
            names.setdefault(full_name.casefold(), []).append(user.pk)
    return names


def forwards(apps, schema_editor):
    from congphuong.learning import roles

    app_config = apps.get_app_config("learning")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    roles.ensure_learning_roles(apps)

    FundExpense = apps.get_model("learning", "FundExpense")  # noqa: N806
    cache = {}
    for expense in FundExpense.objects.filter(approved_by__isnull=True).exclude(approver_legacy=""):
        if expense.site_id not in cache:
            cache[expense.site_id] = _approvers_by_name(apps, expense.site_id)
        name = DASH.split(expense.approver_legacy.strip(), maxsplit=1)[0].strip().casefold()
        matches = cache[expense.site_id].get(name, [])
        if len(matches) == 1:
            FundExpense.objects.filter(pk=expense.pk).update(approved_by_id=matches[0])


class Migration(migrations.Migration):
    dependencies = [("learning", "0012_fund_closing_purpose_approver")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
