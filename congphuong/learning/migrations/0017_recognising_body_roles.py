"""The officers (their ward's rows), leaders (read) and national administrators (shared rows) on the
table of recognising bodies."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    from congphuong.learning import roles

    app_config = apps.get_app_config("learning")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    roles.ensure_learning_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("learning", "0016_issue_16_rest_data")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
