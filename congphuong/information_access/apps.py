from django.apps import AppConfig


class InformationAccessConfig(AppConfig):
    name = "congphuong.information_access"
    label = "information_access"
    verbose_name = "Tiếp cận thông tin"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps

        if apps.is_installed("congphuong.organisation"):
            from . import compliance

            compliance.add_default_categories()
