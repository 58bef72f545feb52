"""Wagtail ModelViewSets of the module, all under the "Xã hội học tập" admin menu.

Every view here goes through `congphuong.learning.access`: lists and exports hold only the
user's wards (filter choices too, as in every admin listing: `congphuong.editorial.filters`
narrows them by the same rules); another ward's record answers 404; forms offer only
the user's wards and their khu phố, households, units…; shared criteria sets and targets
are read-only except for national administrators.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models as db_models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem
from wagtail.models import Site

from congphuong.core.text import slugify_vi

from . import access
from .audit import data_site_ids, log_export
from .choices import Status
from .documents import sheet_title
from .forms import CriteriaSetForm
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
    RetentionRule,
    Target,
    Unit,
    WardAssignment,
)
from .models.fund import fund_approvers
from .models.fund_lock import refusal
from .views import Forbidden403Mixin

MENU_HOOK = "register_learning_menu_item"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


def export_value(instance, field_name):
    """The value a person reads: choice labels, "Có"/"Không", names of related objects."""
    value = instance
    for part in field_name.split("."):
        if value is None:
            return ""
        try:
            model_field = value._meta.get_field(part) if hasattr(value, "_meta") else None
        except FieldDoesNotExist:  # a property or a method
            model_field = None
        if model_field is not None and getattr(model_field, "choices", None):
            value = getattr(value, f"get_{part}_display")()
            continue
        value = getattr(value, part)
        if callable(value) and not isinstance(value, db_models.Model):
            value = value()
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, db_models.Model):
        return str(value.site_name) if isinstance(value, Site) else str(value)
    return value


class WardScopedMixin:
    """Another ward's record is not found (404); a shared row is read-only for ward staff (403)."""

    needs_change_permission = False

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        user = self.request.user
        if not access.may_see_instance(user, obj):
            raise Http404("Không tìm thấy.")
        if self.needs_change_permission and not access.may_change_instance(user, obj):
            raise PermissionDenied("Bộ dữ liệu dùng chung chỉ quản trị dùng chung được sửa.")
        return obj


class WardFormMixin:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        return access.restrict_form(form, self.request.user, shared_allowed=access.is_shared_model(self.model))

    def save_instance(self):
        instance = self.form.instance
        user = self.request.user
        # A crafted POST cannot create or move a record into a ward the user does not have.
        if access.site_field_of(self.model) == "site":
            if instance.site_id is None and not (access.is_shared_model(self.model) and access.is_national_admin(user)):
                raise PermissionDenied
            if instance.site_id is not None and not access.may_see_site(user, instance.site_id):
                raise PermissionDenied
        return super().save_instance()


class LearningIndexView(Forbidden403Mixin, generic.IndexView):
    personal_data = True

    def get_base_queryset(self):
        return access.scope(super().get_base_queryset(), self.request.user)

    def to_row_dict(self, item):
        return {field: export_value(item, field) for field in self.list_export}

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell, value in zip(super().generate_xlsx_row(worksheet, row_dict), row_dict.values(), strict=True):
            if isinstance(value, datetime.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
            yield cell

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV:
            if isinstance(value, datetime.datetime):
                return f"{value:%d/%m/%Y %H:%M}"
            if isinstance(value, datetime.date):
                return f"{value:%d/%m/%Y}"
        return super().preprocess_field_value(field, value, export_format)

    def write_xlsx(self, queryset, output):
        """Wagtail's, with the sheet named after the list ("Hộ gia đình") instead of "Sheet1"."""
        from openpyxl import Workbook
        from wagtail.admin.views.mixins import ExcelDateFormatter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_title(str(self.model._meta.verbose_name_plural), set()))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format))
        workbook.save(output)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = len(queryset) if isinstance(queryset, list) else queryset.count()
        log_export(
            self.request,
            str(self.model._meta.verbose_name_plural),
            spreadsheet_format,
            rows,
            personal_data=self.personal_data,
            sites=data_site_ids(queryset),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class LearningCreateView(Forbidden403Mixin, WardFormMixin, generic.CreateView):
    pass


class LearningEditView(Forbidden403Mixin, WardScopedMixin, WardFormMixin, generic.EditView):
    needs_change_permission = True


class LearningDeleteView(Forbidden403Mixin, WardScopedMixin, generic.DeleteView):
    needs_change_permission = True


class ClosedPeriodEditView(LearningEditView):
    """A voucher of a closed period: the form says why it cannot be saved, and offers no delete."""

    def get(self, request, *args, **kwargs):
        reason = refusal(self.get_object(), "edit")
        if reason:
            messages.warning(request, reason)
        return super().get(request, *args, **kwargs)

    @cached_property
    def can_delete(self):
        return refusal(self.object, "delete") is None and super().can_delete


class ClosedPeriodDeleteView(LearningDeleteView):
    """Deleting a voucher of a closed period is refused with the reason, nothing is removed."""

    def _refused(self, request):
        reason = refusal(self.object, "delete")
        if reason:
            messages.error(request, reason)
            return redirect(self.get_success_url())
        return None

    def get(self, request, *args, **kwargs):
        return self._refused(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refused(request) or super().post(request, *args, **kwargs)


class LearningInspectView(Forbidden403Mixin, WardScopedMixin, generic.InspectView):
    pass


class LearningViewSet(ModelViewSet):
    menu_hook = MENU_HOOK
    index_view_class = LearningIndexView
    add_view_class = LearningCreateView
    edit_view_class = LearningEditView
    delete_view_class = LearningDeleteView
    inspect_view_class = LearningInspectView
    copy_view_enabled = False
    list_per_page = 50

    @cached_property
    def export_filename(self):
        """ASCII, from the Vietnamese name: "ho-gia-dinh.xlsx", not "learning_household.xlsx"."""
        return slugify_vi(str(self.model._meta.verbose_name_plural)) or self.name


class QuarterViewSet(LearningViewSet):
    model = LearningQuarter
    name = "learning_quarter"
    url_prefix = "xa-hoi-hoc-tap/khu-pho"
    menu_label = "Khu phố"
    icon = "site"
    menu_order = 10
    list_display = ["name", "site", "households_total", "adults_total", BooleanColumn("active", label="Còn sử dụng")]
    list_filter = ["site", "active"]
    search_fields = ["name"]
    list_export = ["site", "name", "households_total", "adults_total", "active"]


class HouseholdIndexView(LearningIndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("learning.add_household"):
            buttons = [*buttons, HeaderButton("Nhập từ Excel", url=reverse("learning_import"), icon_name="upload")]
        return buttons

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("quarter", "site").prefetch_related("members")


class HouseholdViewSet(LearningViewSet):
    model = Household
    name = "learning_household"
    url_prefix = "xa-hoi-hoc-tap/ho-gia-dinh"
    menu_label = "Hộ gia đình"
    icon = "home"
    menu_order = 20
    index_view_class = HouseholdIndexView
    list_display = [
        "head_name",
        "code",
        "quarter",
        "address",
        Column("member_count", label="Số thành viên"),
        BooleanColumn("removed", label="Đã xóa khỏi sổ"),
    ]
    list_filter = ["site", "quarter", "removed"]
    search_fields = ["head_name", "address", "code"]
    list_export = ["site", "code", "quarter", "head_name", "address", "member_count", "removed"]
    export_headings = {"member_count": "Số thành viên"}


class ClanViewSet(LearningViewSet):
    model = Clan
    name = "learning_clan"
    url_prefix = "xa-hoi-hoc-tap/dong-ho"
    menu_label = "Dòng họ"
    icon = "group"
    menu_order = 30
    list_display = [
        "name",
        "representative",
        "quarter",
        "households_count",
        BooleanColumn("active", label="Còn theo dõi"),
    ]
    list_filter = ["site", "active"]
    search_fields = ["name", "representative"]
    list_export = ["site", "name", "representative", "quarter", "households_count", "active"]


class UnitViewSet(LearningViewSet):
    model = Unit
    name = "learning_unit"
    url_prefix = "xa-hoi-hoc-tap/don-vi"
    menu_label = "Đơn vị"
    icon = "folder-open-1"
    menu_order = 40
    list_display = [
        "name",
        "kind",
        "quarter",
        "staff_count",
        BooleanColumn("is_public", label="Công lập"),
        BooleanColumn("active", label="Còn hoạt động"),
    ]
    list_filter = ["site", "kind", "is_public", "active"]
    search_fields = ["name", "address"]
    list_export = ["site", "name", "kind", "address", "quarter", "staff_count", "is_public", "active"]


class CitizenIndexView(LearningIndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("learning.add_citizen"):
            buttons = [*buttons, HeaderButton("Nhập từ Excel", url=reverse("learning_import"), icon_name="upload")]
        return buttons


class CitizenViewSet(LearningViewSet):
    model = Citizen
    name = "learning_citizen"
    url_prefix = "xa-hoi-hoc-tap/cong-dan"
    menu_label = "Công dân học tập"
    icon = "user"
    menu_order = 50
    index_view_class = CitizenIndexView
    list_display = [
        "full_name",
        "birth_year",
        "sex",
        "quarter",
        BooleanColumn("is_public_staff", label="CB, CC, VC"),
        BooleanColumn("removed", label="Đã xóa khỏi sổ"),
    ]
    list_filter = ["site", "quarter", "is_public_staff", "removed"]
    search_fields = ["full_name"]
    list_export = ["site", "full_name", "birth_year", "sex", "quarter", "unit", "is_public_staff", "removed"]


class RegistrationIndexView(LearningIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("quarter", "site")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.insert(
            0,
            ButtonMenuItem(
                "Xem, xử lý hồ sơ",
                url=reverse("learning_registration", args=[instance.pk]),
                icon_name="doc-full",
                priority=5,
            ),
        )
        return buttons

    def get_edit_url(self, instance):
        return reverse("learning_registration", args=[instance.pk])


class RegistrationEditView(LearningEditView):
    """Once a dossier has left the registration step only its note can change."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if self.object.scores.exists() and "criteria_set" in form.fields:
            form.fields["criteria_set"].disabled = True
            form.fields["criteria_set"].help_text = "Hồ sơ đã có điểm nên không đổi bộ tiêu chí được."
        if self.object.status != Status.REGISTERED:
            for name, field in form.fields.items():
                if name != "note":
                    field.disabled = True
        return form


class RegistrationViewSet(LearningViewSet):
    model = Registration
    name = "learning_registration"
    url_prefix = "xa-hoi-hoc-tap/dang-ky"
    menu_label = "Đăng ký – đánh giá"
    icon = "tasks"
    menu_order = 60
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    list_display = ["subject_name", "learning_model", "year", "quarter", "status", "council_total", "level_name"]
    list_filter = ["site", "year", "learning_model", "status", "quarter"]
    search_fields = ["subject_name"]
    list_export = [
        "site",
        "year",
        "learning_model",
        "subject_name",
        "quarter",
        "registered_on",
        "status",
        "self_total",
        "council_total",
        "level_name",
        "decision",
        "certificate_number",
        "valid_until",
    ]
    ordering = ["-year", "learning_model", "subject_name"]


class DecisionIndexView(LearningIndexView):
    personal_data = False

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.insert(
            0,
            ButtonMenuItem(
                "Danh sách giấy công nhận",
                url=reverse("learning_certificates", args=[instance.pk]),
                icon_name="list-ul",
                priority=5,
            ),
        )
        if self.request.user.has_perm("learning.recognise_registration"):
            buttons.insert(
                0,
                ButtonMenuItem(
                    "Xét công nhận",
                    url=reverse("learning_decision_apply", args=[instance.pk]),
                    icon_name="success",
                    priority=4,
                ),
            )
        return buttons


class DecisionViewSet(LearningViewSet):
    model = RecognitionDecision
    name = "learning_decision"
    url_prefix = "xa-hoi-hoc-tap/quyet-dinh"
    menu_label = "Quyết định công nhận"
    icon = "success"
    menu_order = 70
    index_view_class = DecisionIndexView
    list_display = ["number", "signed_on", "learning_model", "year", "signer_name", "site"]
    list_filter = ["site", "year", "learning_model"]
    search_fields = ["number", "signer_name"]
    list_export = [
        "site",
        "number",
        "signed_on",
        "year",
        "learning_model",
        "signer_name",
        "signer_title",
        "issuer",
        "outcome",
        "granted_level",
        "refusal_reason",
    ]


class CriteriaGapMixin:
    """The notice that a model's criteria set expired with no replacement (availability.py)."""

    def get(self, request, *args, **kwargs):
        from . import availability

        wards = access.sites(request.user)
        if wards and not getattr(self, "results_only", False):
            for gap in availability.gaps(wards[0], timezone.localdate()):
                messages.warning(request, gap.message)
        return super().get(request, *args, **kwargs)


class CriteriaSetIndexView(CriteriaGapMixin, LearningIndexView):
    personal_data = False

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("learning.add_criteriaset"):
            buttons.insert(
                0,
                ButtonMenuItem(
                    "Tạo phiên bản mới",
                    url=reverse("learning_criteria_new_version", args=[instance.pk]),
                    icon_name="copy",
                    priority=5,
                ),
            )
        return buttons


class CriteriaSetViewSet(LearningViewSet):
    model = CriteriaSet
    name = "learning_criteriaset"
    url_prefix = "xa-hoi-hoc-tap/bo-tieu-chi"
    menu_label = "Bộ tiêu chí"
    icon = "list-ol"
    menu_order = 80
    index_view_class = CriteriaSetIndexView
    list_display = ["name", "version", "learning_model", "status", "valid_from", "valid_to", "site"]
    list_filter = ["learning_model", "status"]
    search_fields = ["name", "version", "legal_basis", "document_number"]
    list_export = [
        "learning_model",
        "name",
        "version",
        "status",
        "document_number",
        "issued_on",
        "legal_basis",
        "source_status",
        "population_group",
        "assessment",
        "valid_from",
        "valid_to",
        "validity_months",
        "validity_years_after",
    ]

    edit_handler = ObjectList(CriteriaSet.panels, base_form_class=CriteriaSetForm)


class TargetViewSet(LearningViewSet):
    model = Target
    name = "learning_target"
    url_prefix = "xa-hoi-hoc-tap/chi-tieu"
    menu_label = "Chỉ tiêu"
    icon = "pick"
    menu_order = 90
    list_display = ["kind", "year", "percent", Column("layer", label="Cấp đặt chỉ tiêu"), "legal_basis", "site"]
    list_filter = ["kind", "year"]
    list_export = ["kind", "year", "percent", "layer", "legal_basis", "needs_confirmation", "site", "province"]
    export_headings = {"layer": "Cấp đặt chỉ tiêu"}


class RecognisingBodyViewSet(LearningViewSet):
    model = RecognisingBody
    name = "learning_recognisingbody"
    url_prefix = "xa-hoi-hoc-tap/co-quan-cong-nhan"
    menu_label = "Cơ quan công nhận"
    icon = "success"
    menu_order = 95
    list_display = [
        "learning_model",
        "level_name",
        "body_level",
        "issuer",
        BooleanColumn("confirmed", label="Đã xác nhận căn cứ"),
        "valid_from",
        "valid_to",
        "site",
    ]
    list_filter = ["learning_model", "body_level", "confirmed"]
    search_fields = ["issuer", "legal_basis", "note"]
    list_export = [
        "learning_model",
        "level_name",
        "body_level",
        "issuer",
        "signer_title",
        "legal_basis",
        "confirmed",
        "note",
        "valid_from",
        "valid_to",
        "site",
    ]
    inspect_view_enabled = True


class DonorViewSet(LearningViewSet):
    model = Donor
    name = "learning_donor"
    url_prefix = "xa-hoi-hoc-tap/nha-hao-tam"
    menu_label = "Nhà hảo tâm"
    icon = "user"
    menu_order = 110
    list_display = ["name", "kind", "quarter", BooleanColumn("may_publish_name", label="Công khai tên"), "site"]
    list_filter = ["site", "kind", "may_publish_name"]
    search_fields = ["name"]
    list_export = ["site", "name", "kind", "quarter", "may_publish_name"]


class ReceiptIndexView(LearningIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("donor", "site")


class FundViewSet(LearningViewSet):
    edit_view_class = ClosedPeriodEditView
    delete_view_class = ClosedPeriodDeleteView


class ReceiptViewSet(FundViewSet):
    model = FundReceipt
    name = "learning_receipt"
    url_prefix = "xa-hoi-hoc-tap/phieu-thu"
    menu_label = "Phiếu thu quỹ"
    icon = "plus-inverse"
    menu_order = 120
    index_view_class = ReceiptIndexView
    list_display = ["voucher_number", "date", "source", "purpose", "kind", "amount", "donor"]
    list_filter = ["site", "kind", "source", "purpose", "date"]
    search_fields = ["voucher_number", "description"]
    list_export = [
        "site",
        "date",
        "voucher_number",
        "source",
        "purpose",
        "kind",
        "amount",
        "in_kind_description",
        "donor",
        "description",
        "adjusts",
    ]


class ApproverFormMixin:
    """Only approvers ("Lãnh đạo duyệt") assigned to the user's wards; the model checks the voucher's ward."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        field = form.fields.get("approved_by")
        if field is not None:
            field.queryset = fund_approvers(access.site_ids(self.request.user))
            field.label_from_instance = lambda user: user.get_full_name() or user.get_username()
        return form


class ExpenseCreateView(ApproverFormMixin, LearningCreateView):
    pass


class ExpenseEditView(ApproverFormMixin, ClosedPeriodEditView):
    pass


class ExpenseIndexView(LearningIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("approved_by", "site")


class ExpenseViewSet(FundViewSet):
    model = FundExpense
    add_view_class = ExpenseCreateView
    edit_view_class = ExpenseEditView
    index_view_class = ExpenseIndexView
    name = "learning_expense"
    url_prefix = "xa-hoi-hoc-tap/phieu-chi"
    menu_label = "Phiếu chi quỹ"
    icon = "minus"
    menu_order = 130
    list_display = ["voucher_number", "date", "category", "purpose", "kind", "amount", "approver_display"]
    list_filter = ["site", "category", "purpose", "kind", "date"]
    search_fields = ["voucher_number", "description", "approver_legacy"]
    list_export = [
        "site",
        "date",
        "voucher_number",
        "category",
        "kind",
        "amount",
        "description",
        "purpose",
        "approver_display",
        "recipient_count",
        "adjusts",
    ]


class OpeningViewSet(FundViewSet):
    model = FundOpening
    name = "learning_opening"
    url_prefix = "xa-hoi-hoc-tap/so-du-ban-dau"
    menu_label = "Số dư ban đầu của quỹ"
    icon = "calendar-check"
    menu_order = 150
    list_display = ["site", "date", "amount"]
    list_export = ["site", "date", "amount"]


class ClosingCreateView(LearningCreateView):
    def save_instance(self):
        self.form.instance.closed_by = self.request.user
        return super().save_instance()


class ClosingViewSet(FundViewSet):
    model = FundClosing
    name = "learning_closing"
    url_prefix = "xa-hoi-hoc-tap/khoa-so-quy"
    menu_label = "Khóa sổ quỹ"
    icon = "lock"
    menu_order = 155
    add_view_class = ClosingCreateView
    list_display = ["site", "closed_through", "note", "closed_by", "closed_at"]
    list_export = ["site", "closed_through", "note", "closed_by", "closed_at"]


class AwardViewSet(LearningViewSet):
    model = Award
    name = "learning_award"
    url_prefix = "xa-hoi-hoc-tap/khen-thuong"
    menu_label = "Khen thưởng – học bổng"
    icon = "pick"
    menu_order = 160
    list_display = [
        "recipient_name",
        "category",
        "school",
        "grade",
        "amount",
        "awarded_on",
        Column("publication_status", label="Công khai tên"),
    ]
    list_filter = ["site", "category", "school_year"]
    search_fields = ["recipient_name", "school"]
    list_export = [
        "site",
        "school_year",
        "awarded_on",
        "category",
        "recipient_name",
        "birth_year",
        "school",
        "grade",
        "quarter",
        "amount",
        "in_kind",
        "decision_number",
        "publication_status",
    ]
    export_headings = {"publication_status": "Công khai tên"}


class ConsentCreateView(LearningCreateView):
    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class ConsentViewSet(LearningViewSet):
    """Managed by the ward's learning officer only (roles.CONSENT_PERMISSIONS)."""

    model = NameConsent
    name = "learning_nameconsent"
    url_prefix = "xa-hoi-hoc-tap/dong-y-cong-khai-ten"
    menu_label = "Đồng ý công khai tên"
    icon = "user"
    menu_order = 165
    add_view_class = ConsentCreateView
    list_display = [
        "award",
        "giver",
        "giver_name",
        "given_on",
        BooleanColumn("withdrawn", label="Đã rút lại"),
        "withdrawn_at",
    ]
    list_filter = ["site", "giver", "withdrawn"]
    search_fields = ["giver_name", "award__recipient_name"]
    list_export = [
        "site",
        "award",
        "purpose",
        "giver",
        "giver_name",
        "given_on",
        "evidence",
        "recorded_by",
        "recorded_at",
        "withdrawn",
        "withdrawn_at",
        "withdrawal_note",
    ]


class RetentionIndexView(LearningIndexView):
    """Each kind's period, with how many records of the user's wards are past it."""

    personal_data = False

    def get_context_data(self, **kwargs):
        from . import retention

        context = super().get_context_data(**kwargs)
        counts = {item.rule.pk: item.count for item in retention.overdue(access.site_ids(self.request.user))}
        for rule in context["object_list"]:
            rule.overdue_count = counts.get(rule.pk, 0)
        return context


class RetentionViewSet(LearningViewSet):
    model = RetentionRule
    name = "learning_retentionrule"
    url_prefix = "xa-hoi-hoc-tap/thoi-han-luu-giu"
    menu_label = "Thời hạn lưu giữ dữ liệu"
    icon = "time"
    menu_order = 280
    index_view_class = RetentionIndexView
    list_display = [
        "kind",
        "years",
        "counted_from",
        BooleanColumn("confirmed", label="Đã xác nhận căn cứ"),
        Column("overdue_count", label="Quá hạn (phường của bạn)"),
    ]
    list_export = ["kind", "years", "counted_from", "basis", "confirmed"]
    inspect_view_enabled = True


class ExportLogIndexView(LearningIndexView):
    personal_data = False

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("sites")


class ExportLogViewSet(LearningViewSet):
    model = ExportLog
    name = "learning_exportlog"
    url_prefix = "xa-hoi-hoc-tap/nhat-ky-xuat"
    menu_label = "Nhật ký xuất dữ liệu"
    icon = "history"
    menu_order = 300
    index_view_class = ExportLogIndexView
    list_display = [
        "at",
        "username",
        "what",
        "file_format",
        "rows",
        BooleanColumn("personal_data", label="Dữ liệu cá nhân"),
        Column("ward_names", label="Phường"),
    ]
    list_filter = ["sites", "personal_data", "file_format"]
    search_fields = ["username", "what"]
    list_export = ["at", "username", "what", "file_format", "rows", "parameters", "personal_data", "ward_names"]
    export_headings = {"ward_names": "Phường"}
    inspect_view_enabled = True
    form_fields = ["what"]  # never used: the read-only policy refuses add and edit


class AssignmentIndexView(LearningIndexView):
    personal_data = False

    def get_base_queryset(self):
        queryset = WardAssignment.objects.select_related("user", "site", "assigned_by")
        managed = access.manages_assignments_of(self.request.user)
        return queryset if managed is None else queryset.filter(site_id__in=managed)


class AssignmentScopedMixin:
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        managed = access.manages_assignments_of(self.request.user)
        if managed is not None and obj.site_id not in managed:
            raise Http404("Không tìm thấy.")
        return obj


class AssignmentFormMixin:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        managed = access.manages_assignments_of(self.request.user)
        if "site" in form.fields and managed is not None:
            form.fields["site"].queryset = Site.objects.filter(pk__in=managed).order_by("site_name")
        if "user" in form.fields:
            users = access.assignable_users(self.request.user, managed)
            form.fields["user"].queryset = users.order_by("username")
        return form

    def save_instance(self):
        managed = access.manages_assignments_of(self.request.user)
        if managed is not None and self.form.instance.site_id not in managed:
            raise PermissionDenied
        if self.form.instance.assigned_by_id is None:
            self.form.instance.assigned_by = self.request.user
        return super().save_instance()


class AssignmentCreateView(Forbidden403Mixin, AssignmentFormMixin, generic.CreateView):
    pass


class AssignmentEditView(Forbidden403Mixin, AssignmentScopedMixin, AssignmentFormMixin, generic.EditView):
    pass


class AssignmentDeleteView(Forbidden403Mixin, AssignmentScopedMixin, generic.DeleteView):
    pass


class AssignmentViewSet(LearningViewSet):
    model = WardAssignment
    name = "learning_assignment"
    url_prefix = "xa-hoi-hoc-tap/phan-cong-phuong"
    menu_label = "Phân công phường"
    icon = "key"
    menu_order = 290
    index_view_class = AssignmentIndexView
    add_view_class = AssignmentCreateView
    edit_view_class = AssignmentEditView
    delete_view_class = AssignmentDeleteView
    inspect_view_enabled = False
    list_display = ["user", "site", "note", "assigned_by", "assigned_at"]
    list_filter = ["site"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "note"]
    list_export = ["user", "site", "note", "assigned_by", "assigned_at"]
    export_headings = {"user": "Tài khoản", "assigned_by": "Người phân công"}


VIEWSETS = [
    QuarterViewSet(),
    HouseholdViewSet(),
    ClanViewSet(),
    UnitViewSet(),
    CitizenViewSet(),
    RegistrationViewSet(),
    DecisionViewSet(),
    CriteriaSetViewSet(),
    TargetViewSet(),
    RecognisingBodyViewSet(),
    DonorViewSet(),
    ReceiptViewSet(),
    ExpenseViewSet(),
    OpeningViewSet(),
    ClosingViewSet(),
    AwardViewSet(),
    ConsentViewSet(),
    RetentionViewSet(),
    ExportLogViewSet(),
    AssignmentViewSet(),
]
