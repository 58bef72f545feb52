"""The working-day calendar's table moves to the ground floor (core/workdays.py) from the Q&A app.

State only: the table keeps its name, ``feedback_calendarday``, made by feedback 0001, so no row
moves. feedback 0004 takes the model out of the Q&A app's state and moves its content type (and
with it the permissions the groups hold) to this app.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_english_locale"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CalendarDay",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("date", models.DateField(unique=True, verbose_name="Ngày")),
                        (
                            "kind",
                            models.CharField(
                                choices=[("off", "Ngày nghỉ"), ("work", "Ngày làm bù (làm việc)")],
                                default="off",
                                max_length=8,
                                verbose_name="Loại",
                            ),
                        ),
                        (
                            "note",
                            models.CharField(
                                blank=True,
                                help_text="Ví dụ: Nghỉ Tết Nguyên Đán theo Thông báo số …",
                                max_length=255,
                                verbose_name="Ghi chú",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Ngày nghỉ/ngày làm bù",
                        "verbose_name_plural": "Ngày nghỉ/ngày làm bù",
                        "db_table": "feedback_calendarday",
                        "ordering": ["-date"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
