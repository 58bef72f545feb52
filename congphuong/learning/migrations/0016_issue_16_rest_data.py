"""Issue 16, the rest: QĐ 448/QĐ-KHVN's family set gets its period (2016–2020); three Công dân học tập
sets, one per group of people; the sets whose text was not found say so on every line; the digital-skills
targets and an example province layer; the table of recognising bodies (facts not in the notes left
unconfirmed, never "Ủy ban nhân dân phường" by default)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from congphuong.learning import seed

    seed.apply_issue_16_rest(apps)


def backwards(apps, schema_editor):
    # Before 0015 a target was unique per (kind, year): the province layer this migration seeded
    # (same kinds and years as the national targets) goes with it, or unapplying 0015 fails.
    apps.get_model("learning", "Target").objects.exclude(province="").delete()


class Migration(migrations.Migration):
    dependencies = [("learning", "0015_recognising_bodies_targets_digital")]

    operations = [migrations.RunPython(forwards, backwards)]
