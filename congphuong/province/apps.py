from django.apps import AppConfig


class ProvinceConfig(AppConfig):
    name = "congphuong.province"
    label = "province"
    verbose_name = "Tổng quan thành phố"
    default_auto_field = "django.db.models.BigAutoField"
