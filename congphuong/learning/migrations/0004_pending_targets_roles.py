"""The 2030 targets still to confirm, and the new groups' permissions (Phân công phường, shared criteria)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    from congphuong.learning import roles, seed

    app_config = apps.get_app_config("learning")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    seed.load_pending_targets(apps.get_model("learning", "Target"))
    roles.ensure_learning_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("learning", "0003_ward_access")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
