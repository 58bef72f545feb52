from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "congphuong.editorial"
    label = "editorial"
    verbose_name = "Quy trình biên tập"

    def ready(self):
        from . import filters, notifications, publishing, translation

        notifications.connect()
        publishing.connect()
        translation.connect()
        filters.install_ward_filters()
