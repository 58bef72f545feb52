from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "congphuong.notices"
    label = "notices"
    verbose_name = "Thông báo bảo trì"
