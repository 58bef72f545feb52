from django.apps import AppConfig


class WardsConfig(AppConfig):
    name = "congphuong.wards"
    label = "wards"
    verbose_name = "Phường, xã"

    def ready(self):
        from .membership import connect_signals

        connect_signals()
