"""The programme's khu phố rows link to the ward's one list (organisation.Quarter) and take their names from it.

Existing rows are linked by name within their ward; a row whose name is not in the ward's list stays
unlinked (it keeps its name and figures until the officer links it).
"""

import django.db.models.deletion
from django.db import migrations, models


def link_by_name(apps, schema_editor):
    LearningQuarter = apps.get_model("learning", "LearningQuarter")
    Quarter = apps.get_model("organisation", "Quarter")
    taken = set()
    for row in LearningQuarter.objects.filter(quarter__isnull=True).order_by("pk"):
        match = (
            Quarter.objects.filter(site_id=row.site_id, name=row.name).exclude(pk__in=taken).order_by("-live", "pk").first()
        )
        if match is not None:
            taken.add(match.pk)
            row.quarter_id = match.pk
            row.save(update_fields=["quarter"])


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0017_recognising_body_roles'),
        ('organisation', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='learningquarter',
            name='quarter',
            field=models.OneToOneField(blank=True, help_text='Chọn trong danh sách Khu phố/ấp của phường (mục Tổ chức); tên bên dưới theo tên ở đó.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='learning_row', to='organisation.quarter', verbose_name='Khu phố trong danh sách của phường'),
        ),
        migrations.AlterField(
            model_name='learningquarter',
            name='name',
            field=models.CharField(help_text='Ví dụ: Khu phố 3. Đã chọn khu phố ở ô trên thì tên tự lấy theo danh sách của phường.', max_length=120, verbose_name='Tên khu phố/ấp'),
        ),
        migrations.RunPython(link_by_name, migrations.RunPython.noop),
    ]
