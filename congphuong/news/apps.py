from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "congphuong.news"
    label = "news"
    verbose_name = "Tin tức"
