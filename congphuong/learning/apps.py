from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "congphuong.learning"
    label = "learning"
    verbose_name = "Xã hội học tập"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401  (keeps yearly figures when a household is deleted)
        from .files import document_policy

        # exact_class: wins over the policy wagtail.documents registers in its own ready(), whatever the app order.
        register_permission_policy(get_document_model(), document_policy(), exact_class=True)

        from congphuong.wards.membership import register_dimension

        from .access import DIMENSION

        # This app's records follow the "Phân công phường" assignments, not the editorial role groups.
        register_dimension(self.label, DIMENSION)
