from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "congphuong.home"
    label = "home"
    verbose_name = "Trang chủ"
