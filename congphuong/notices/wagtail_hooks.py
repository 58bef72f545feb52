from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import MaintenanceNotice
from .permissions import NoticeAdminPolicy

register_permission_policy(MaintenanceNotice, NoticeAdminPolicy(MaintenanceNotice))


class MaintenanceNoticeViewSet(ModelViewSet):
    model = MaintenanceNotice
    icon = "warning"
    menu_label = "Thông báo bảo trì"
    add_to_settings_menu = True
    name = "thong-bao-bao-tri"
    list_display = ["title", "starts_at", "ends_at", "all_wards", "is_published", "published_at"]
    list_filter = ["is_published", "all_wards"]
    search_fields = ["title", "message"]
    permission_policy = NoticeAdminPolicy(MaintenanceNotice)


@hooks.register("register_admin_viewset")
def register_notice_viewset():
    return MaintenanceNoticeViewSet()
