from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "congphuong.assessment"
    label = "assessment"
    verbose_name = "Tự đánh giá cổng thông tin"
    default_auto_field = "django.db.models.BigAutoField"
