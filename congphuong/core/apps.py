from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "congphuong.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        from wagtail.signals import page_published

        from . import renditions, signals  # noqa: F401  (signals: connects the NFC normaliser)

        page_published.connect(renditions.on_page_published, dispatch_uid="congphuong-renditions-on-publish")
