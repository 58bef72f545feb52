from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "congphuong.search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"
