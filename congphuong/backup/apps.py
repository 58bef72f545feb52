from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "congphuong.backup"
    label = "backup"
    verbose_name = "Sao lưu và khôi phục"

    def ready(self):
        from django.core import serializers

        from .serializer import FORMAT

        serializers.register_serializer(FORMAT, "congphuong.backup.serializer")
