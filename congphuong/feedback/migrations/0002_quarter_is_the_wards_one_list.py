"""The Q&A form's khu phố come from the ward's one list (organisation.Quarter), not a list of its own.

Each question's khu phố is matched by name within its ward; a khu phố that only the Q&A list had is
added to the ward's list (published), so no question loses its khu phố. 0003 then drops the Q&A list.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_to_quarters(apps, schema_editor):
    Neighbourhood = apps.get_model("feedback", "Neighbourhood")
    Question = apps.get_model("feedback", "Question")
    Quarter = apps.get_model("organisation", "Quarter")
    for hood in Neighbourhood.objects.all():
        quarter = Quarter.objects.filter(site_id=hood.site_id, name=hood.name).order_by("-live", "pk").first()
        if quarter is None:
            quarter = Quarter.objects.create(site_id=hood.site_id, name=hood.name, sort_order=hood.sort_order, live=True)
        Question.objects.filter(neighbourhood_id=hood.pk).update(quarter_id=quarter.pk)


def back_to_neighbourhoods(apps, schema_editor):
    Neighbourhood = apps.get_model("feedback", "Neighbourhood")
    Question = apps.get_model("feedback", "Question")
    Quarter = apps.get_model("organisation", "Quarter")
    for quarter in Quarter.objects.filter(pk__in=Question.objects.values("quarter_id")):
        hood, _ = Neighbourhood.objects.get_or_create(
            site_id=quarter.site_id, name=quarter.name, defaults={"sort_order": quarter.sort_order}
        )
        Question.objects.filter(quarter_id=quarter.pk).update(neighbourhood_id=hood.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="quarter",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="questions",
                to="organisation.quarter",
                verbose_name="Khu phố/ấp",
            ),
        ),
        # Data only; the schema changes follow in 0003 (PostgreSQL refuses to alter a table with
        # pending trigger events from rows updated in the same transaction).
        migrations.RunPython(move_to_quarters, back_to_neighbourhoods),
    ]
