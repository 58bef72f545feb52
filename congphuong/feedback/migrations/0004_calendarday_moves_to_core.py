"""The working-day calendar's table is core's now (core 0004): out of this app's state, the table
(``feedback_calendarday``) and its rows stay. Its content type is renamed, not made anew, so the
permissions on it (the site admins' "Ngày nghỉ/ngày làm bù") and any log entry keep pointing at it.
"""

from django.db import migrations


def _move_content_type(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label=target, model="calendarday").exists():
        return  # made by a migrate that ran between the two migrations: left as it is
    ContentType.objects.filter(app_label=source, model="calendarday").update(app_label=target)


def to_core(apps, schema_editor):
    _move_content_type(apps, "feedback", "core")


def to_feedback(apps, schema_editor):
    _move_content_type(apps, "core", "feedback")


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_drop_the_qa_khu_pho_list"),
        ("core", "0004_calendarday"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CalendarDay")],
            database_operations=[],
        ),
        migrations.RunPython(to_core, to_feedback),
    ]
