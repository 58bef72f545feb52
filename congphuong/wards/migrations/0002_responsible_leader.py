"""The footer's "Chịu trách nhiệm nội dung" names one of the ward's leaders (organisation.Leader).

An existing free text is linked to the ward's published leader whose full name it contains, when
exactly one does, and then cleared (the leader's record says the same); any other text is kept.
"""

import unicodedata

import django.db.models.deletion
from django.db import migrations, models


def link_leaders(apps, schema_editor):
    WardSettings = apps.get_model("wards", "WardSettings")
    Leader = apps.get_model("organisation", "Leader")
    for ward in WardSettings.objects.exclude(responsible_person=""):
        text = unicodedata.normalize("NFC", ward.responsible_person).casefold()
        named = [
            leader
            for leader in Leader.objects.filter(site_id=ward.site_id, live=True)
            if leader.full_name.strip() and unicodedata.normalize("NFC", leader.full_name).casefold() in text
        ]
        if len(named) == 1:
            ward.responsible_leader = named[0]
            ward.responsible_person = ""
            ward.save(update_fields=["responsible_leader", "responsible_person"])


def unlink_leaders(apps, schema_editor):
    WardSettings = apps.get_model("wards", "WardSettings")
    for ward in WardSettings.objects.filter(responsible_leader__isnull=False).select_related("responsible_leader"):
        if not ward.responsible_person:
            leader = ward.responsible_leader
            ward.responsible_person = f"{leader.full_name}, {leader.position}" if leader.position else leader.full_name
            ward.save(update_fields=["responsible_person"])


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0001_initial'),
        ('wards', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='wardsettings',
            name='responsible_leader',
            field=models.ForeignKey(blank=True, help_text='Chọn trong danh sách Lãnh đạo của phường; chân trang hiện họ tên và chức vụ của người này.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='organisation.leader', verbose_name='Người chịu trách nhiệm nội dung'),
        ),
        migrations.AlterField(
            model_name='wardsettings',
            name='responsible_person',
            field=models.CharField(blank=True, help_text='Chỉ dùng khi người này không có trong danh sách Lãnh đạo. Đã chọn ở ô trên thì để trống.', max_length=255, verbose_name='Người chịu trách nhiệm nội dung (ghi tay)'),
        ),
        migrations.RunPython(link_leaders, unlink_leaders),
    ]
