from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "congphuong.learning"
    label = "learning"
    verbose_name = "Xã hội học tập"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (keeps yearly figures when a household is deleted)
