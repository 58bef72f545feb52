"""Wards that already track mandatory categories also track the English section (docs/english-section.md)."""

from django.db import migrations

NAME = "Phần tiếng Anh (tổ chức bộ máy, chức năng nhiệm vụ, liên hệ)"


def add_category(apps, schema_editor):
    MandatoryCategory = apps.get_model("organisation", "MandatoryCategory")
    site_ids = set(MandatoryCategory.objects.values_list("site_id", flat=True))
    tracked = set(MandatoryCategory.objects.filter(source="english_section").values_list("site_id", flat=True))
    for site_id in sorted(site_ids - tracked):
        last = MandatoryCategory.objects.filter(site_id=site_id).order_by("-sort_order").first()
        MandatoryCategory.objects.create(
            site_id=site_id,
            name=NAME,
            legal_basis="Nghị định 42/2022/NĐ-CP, Điều 7",
            source="english_section",
            sort_order=(last.sort_order if last else 0) + 10,
        )


class Migration(migrations.Migration):
    dependencies = [("organisation", "0002_leader_duties_en_leader_position_en")]

    operations = [migrations.RunPython(add_category, migrations.RunPython.noop)]
