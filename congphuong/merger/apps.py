from django.apps import AppConfig


class MergerConfig(AppConfig):
    name = "congphuong.merger"
    label = "merger"
    verbose_name = "Sáp nhập phường"
    default_auto_field = "django.db.models.BigAutoField"
