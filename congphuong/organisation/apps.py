from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "congphuong.organisation"
    label = "organisation"
    verbose_name = "Giới thiệu, lịch công tác, công khai"
