from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "congphuong.notices"
    label = "notices"
    verbose_name = "Thông báo bảo trì"

    def ready(self):
        from django.db.models import Exists

        from congphuong.wards import chrome

        from .models import MaintenanceNotice

        # Whether a notice shows now, read with the ward's settings (one query for the chrome):
        # the banner reads the notices only when one may show (templatetags/maintenance_notices.py).
        chrome.register_settings_annotation(
            "notices_shown", lambda site: Exists(MaintenanceNotice.objects.shown(site)), default=True
        )
