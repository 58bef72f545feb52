"""The Q&A's own khu phố list is gone: questions point to the ward's one list (moved in 0002)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_quarter_is_the_wards_one_list"),
    ]

    operations = [
        migrations.RemoveField(model_name="question", name="neighbourhood"),
        migrations.DeleteModel(name="Neighbourhood"),
        migrations.RenameField(model_name="question", old_name="quarter", new_name="neighbourhood"),
    ]
