"""The "Xã hội học tập" admin menu, its viewsets and its own views."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import views
from .access import WardPermissionPolicy
from .files import serve_private_document
from .models import (
    Award,
    Citizen,
    Clan,
    CriteriaSet,
    Donor,
    ExportLog,
    FundClosing,
    FundExpense,
    FundOpening,
    FundReceipt,
    Household,
    LearningQuarter,
    NameConsent,
    RecognisingBody,
    RecognitionDecision,
    Registration,
    Target,
    Unit,
)
from .viewsets import MENU_HOOK, VIEWSETS


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The export log is written by the system only: nobody adds, edits or deletes entries."""

    WRITE_ACTIONS = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        if action in self.WRITE_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.WRITE_ACTIONS]
        if not actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(actions)


class ReadOnlyWardPolicy(ReadOnlyPolicy, WardPermissionPolicy):
    pass


register_permission_policy(ExportLog, ReadOnlyWardPolicy(ExportLog))

# Every model holding a ward's data: Wagtail's own checks (buttons, bulk actions, usage) see only the user's wards.
WARD_MODELS = (
    LearningQuarter,
    Household,
    Clan,
    Unit,
    Citizen,
    Registration,
    RecognitionDecision,
    CriteriaSet,
    Target,
    Donor,
    FundReceipt,
    FundExpense,
    FundOpening,
    FundClosing,
    Award,
    NameConsent,
    RecognisingBody,
)
for ward_model in WARD_MODELS:
    register_permission_policy(ward_model, WardPermissionPolicy(ward_model))


# A ward's private learning files (decision files, evidence) only for that ward's learning users.
hooks.register("before_serve_document", serve_private_document)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return VIEWSETS


@hooks.register("register_admin_menu_item")
def register_learning_menu():
    return SubmenuMenuItem(
        "Xã hội học tập", Menu(register_hook_name=MENU_HOOK), icon_name="group", name="xa-hoi-hoc-tap", order=260
    )


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions=(), **kwargs):
        self.permissions = permissions
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in self.permissions)


@hooks.register(MENU_HOOK)
def dashboard_menu_item():
    return PermissionMenuItem(
        "Thống kê, báo cáo",
        reverse("learning_dashboard"),
        icon_name="table",
        order=1,
        permissions=["learning.view_learning_reports"],
    )


@hooks.register(MENU_HOOK)
def import_menu_item():
    return PermissionMenuItem(
        "Nhập từ Excel",
        reverse("learning_import"),
        icon_name="upload",
        order=25,
        permissions=["learning.add_household", "learning.add_citizen"],
    )


@hooks.register(MENU_HOOK)
def cash_book_menu_item():
    return PermissionMenuItem(
        "Sổ quỹ", reverse("learning_cash_book"), icon_name="table", order=140, permissions=["learning.view_fundreceipt"]
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("xa-hoi-hoc-tap/thong-ke/", views.DashboardView.as_view(), name="learning_dashboard"),
        path(
            "xa-hoi-hoc-tap/bao-cao/<slug:kind>.<slug:file_format>",
            views.ReportView.as_view(),
            name="learning_report",
        ),
        path("xa-hoi-hoc-tap/ho-so/<int:pk>/", views.RegistrationDetailView.as_view(), name="learning_registration"),
        path(
            "xa-hoi-hoc-tap/ho-so/<int:pk>/tu-danh-gia/",
            views.SelfAssessmentView.as_view(),
            name="learning_self_assessment",
        ),
        path(
            "xa-hoi-hoc-tap/ho-so/<int:pk>/minh-chung/",
            views.EvidenceUploadView.as_view(),
            name="learning_evidence_upload",
        ),
        path(
            "xa-hoi-hoc-tap/ho-so/<int:pk>/minh-chung/<int:evidence_pk>/",
            views.EvidenceDownloadView.as_view(),
            name="learning_evidence",
        ),
        path(
            "xa-hoi-hoc-tap/ho-so/<int:pk>/minh-chung/<int:evidence_pk>/xoa/",
            views.EvidenceDeleteView.as_view(),
            name="learning_evidence_delete",
        ),
        path(
            "xa-hoi-hoc-tap/ho-so/<int:pk>/khu-pho-xem-xet/",
            views.QuarterReviewView.as_view(),
            name="learning_quarter_review",
        ),
        path(
            "xa-hoi-hoc-tap/ho-so/<int:pk>/hoi-dong-cham/",
            views.CouncilScoreView.as_view(),
            name="learning_council_score",
        ),
        path(
            "xa-hoi-hoc-tap/quyet-dinh/<int:pk>/xet-cong-nhan/",
            views.DecisionApplyView.as_view(),
            name="learning_decision_apply",
        ),
        path(
            "xa-hoi-hoc-tap/quyet-dinh/<int:pk>/danh-sach/",
            views.CertificateListView.as_view(),
            name="learning_certificates",
        ),
        path(
            "xa-hoi-hoc-tap/bo-tieu-chi/<int:pk>/phien-ban-moi/",
            views.NewCriteriaVersionView.as_view(),
            name="learning_criteria_new_version",
        ),
        path("xa-hoi-hoc-tap/nhap-excel/", views.ImportView.as_view(), name="learning_import"),
        path("xa-hoi-hoc-tap/nhap-excel/xac-nhan/", views.ImportCommitView.as_view(), name="learning_import_commit"),
        path(
            "xa-hoi-hoc-tap/nhap-excel/mau-<slug:kind>.xlsx",
            views.ImportTemplateView.as_view(),
            name="learning_import_template",
        ),
        path("xa-hoi-hoc-tap/so-quy/", views.CashBookView.as_view(), name="learning_cash_book"),
    ]


@hooks.register("construct_homepage_panels")
def add_learning_home_panel(request, panels):
    """The learning officer's work first, instead of an empty "0 tài liệu" dashboard."""
    from .home_panel import LearningHomePanel, shows_for

    if shows_for(request.user):
        panels.insert(0, LearningHomePanel())
