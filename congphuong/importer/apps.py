from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "congphuong.importer"
    label = "importer"
    verbose_name = "Nhập nội dung cổng cũ"
    default_auto_field = "django.db.models.BigAutoField"
