from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The two demo wards (`manage.py load_demo`): built from specs here and each app's `demo.py`.
    Nothing outside the demo modules imports it (import-linter contract in pyproject.toml)."""

    name = "congphuong.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"
    default_auto_field = "django.db.models.BigAutoField"
