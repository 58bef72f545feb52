"""Consent and retention: the officers' permissions, and the default retention periods.

Awards ticked "Được công khai tên" before this version are not turned into consents: the tick
recorded neither who agreed nor when, and for a child aged 7 or more it did not record the child's
own agreement (Luật 91/2025/QH15). Those names leave the public page until the officer records
the consents ("Đồng ý công khai tên").
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    from congphuong.learning import roles, seed

    app_config = apps.get_app_config("learning")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    roles.ensure_learning_roles(apps)
    seed.load_retention_rules(apps.get_model("learning", "RetentionRule"))


class Migration(migrations.Migration):
    dependencies = [("learning", "0007_consent_retention")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
