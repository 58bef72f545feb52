from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "congphuong.media"
    label = "media"
    verbose_name = "Tin tức media"
