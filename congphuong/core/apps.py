from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "congphuong.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        from . import signals  # noqa: F401  (connects the NFC normaliser)
        from .spreadsheets import install_wagtail_export_guard

        # Wagtail's own listing exports (reports, site history, list_export) have no formula escaping.
        install_wagtail_export_guard()
