from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "congphuong.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        from django.core import checks

        from . import signals  # noqa: F401  (connects the NFC normaliser)
        from .checks import check_no_field_in_two_panels

        checks.register(check_no_field_in_two_panels, "congphuong_panels")
