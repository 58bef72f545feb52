from django.apps import AppConfig


class InformationAccessConfig(AppConfig):
    name = "congphuong.information_access"
    label = "information_access"
    verbose_name = "Tiếp cận thông tin"
    default_auto_field = "django.db.models.BigAutoField"
