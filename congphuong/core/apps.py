from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "congphuong.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        from . import signals  # noqa: F401  (connects the NFC normaliser)
