from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "congphuong.documents"
    label = "documents"
    verbose_name = "Văn bản"
