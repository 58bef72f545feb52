"""The free-text approver of an expense is kept, as written, in `approver_legacy`.

The approver becomes an account (`approved_by`, next migration); renaming the column
keeps every text already typed, so no voucher loses who approved it.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("learning", "0010_criteria_sources_data")]

    operations = [
        migrations.RenameField(model_name="fundexpense", old_name="approver", new_name="approver_legacy"),
        migrations.AlterField(
            model_name="fundexpense",
            name="approver_legacy",
            field=models.CharField(
                blank=True, editable=False, max_length=120, verbose_name="Người duyệt chi (ghi tay trước đây)"
            ),
        ),
    ]
