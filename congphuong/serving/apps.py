from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "congphuong.serving"
    label = "serving"
    verbose_name = "Phục vụ trang"

    def ready(self):
        from congphuong.core import bulk

        from . import signals, tracking

        tracking.connect()
        signals.connect()
        bulk.register_deferral(signals.purges_deferred, outermost=True)
