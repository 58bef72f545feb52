from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "congphuong.editorial"
    label = "editorial"
    verbose_name = "Quy trình biên tập"

    def ready(self):
        from . import notifications, publishing

        notifications.connect()
        publishing.connect()
