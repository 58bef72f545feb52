from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "congphuong.feedback"
    label = "feedback"
    verbose_name = "Hỏi đáp – phản ánh kiến nghị"
    default_auto_field = "django.db.models.BigAutoField"
