from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    name = "congphuong.accessibility"
    label = "accessibility"
    verbose_name = "Hỗ trợ tiếp cận"
    default_auto_field = "django.db.models.BigAutoField"
