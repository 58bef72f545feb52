from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "congphuong.units"
    label = "units"
    verbose_name = "Đơn vị hành chính"
    default_auto_field = "django.db.models.BigAutoField"
