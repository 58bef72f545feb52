from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm


class MaintenanceNoticeForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("all_wards") and not cleaned.get("sites"):
            self.add_error(
                "sites",
                ValidationError("Chọn ít nhất một phường, xã, hoặc chọn “Áp dụng cho tất cả phường, xã”."),
            )
        return cleaned
