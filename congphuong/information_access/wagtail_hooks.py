"""Back-office menus: the request queue and register ("Tiếp cận TT") and the refusal grounds (settings)."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import InformationRequest, RefusalGround

# Before any viewset asks the registry for the model's policy.
register_permission_policy(InformationRequest, admin_views.RequestPermissionPolicy(InformationRequest))


class InformationRequestViewSet(ModelViewSet):
    model = InformationRequest
    name = admin_views.URL_NAMESPACE
    url_prefix = "tiep-can-thong-tin"
    icon = "doc-full"
    menu_label = "Tiếp cận TT"  # the sidebar cuts labels past 14 characters
    menu_order = 262
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = admin_views.RequestIndexView
    edit_view_class = admin_views.RequestHandleView
    history_view_class = admin_views.RequestHistoryView
    form_fields = []
    list_per_page = 30
    list_export = list(admin_views.REGISTER_COLUMNS)
    export_headings = admin_views.REGISTER_COLUMNS
    export_filename = "so-theo-doi-yeu-cau-cung-cap-thong-tin"

    def get_form_class(self, for_update=False):
        from .admin_forms import RequestStepForm

        return RequestStepForm


class RefusalGroundViewSet(ModelViewSet):
    model = RefusalGround
    icon = "warning"
    menu_label = "Căn cứ từ chối"
    url_prefix = "can-cu-tu-choi"
    name = "information_refusal_grounds"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["title", "legal_basis", "confirmed", "active"]
    list_filter = ["confirmed", "active"]
    search_fields = ["title"]


@hooks.register("register_admin_viewset")
def register_request_viewset():
    return InformationRequestViewSet()


@hooks.register("register_admin_viewset")
def register_refusal_ground_viewset():
    return RefusalGroundViewSet()
