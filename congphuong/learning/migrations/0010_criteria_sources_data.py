"""Criteria sets get a status and their source.

Existing sets stay usable ("Dùng để công nhận"), except the seeded sets whose text was not found or
only partly found (dòng họ, cộng đồng, đơn vị, gia đình, công dân học tập: "Dự thảo – chưa dùng để
công nhận"); Thông tư 25/2023 is judged met / not met per level, valid 3 whole years after the year
of recognition; Công dân học tập passes at 80 points (70 in disadvantaged areas), no indicator below 5.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from congphuong.learning import seed

    apps.get_model("learning", "CriteriaSet").objects.update(status="chinh_thuc")
    seed.apply_sources(apps)


class Migration(migrations.Migration):
    dependencies = [("learning", "0009_criteria_sources")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
