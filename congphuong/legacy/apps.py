from django.apps import AppConfig


class LegacyConfig(AppConfig):
    name = "congphuong.legacy"
    label = "legacy"
    verbose_name = "Cổng cũ và sáp nhập"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
