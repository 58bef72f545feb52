"""Back-office views of the learning-society module (registered under /admin/xa-hoi-hoc-tap/).

Every view checks a permission and answers 403 with a Vietnamese page when it is
missing; every download of data is written to the export log.
"""

import datetime
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from . import access, availability, charts, importer, ledger, reports, stats, workflow
from .audit import log_export
from .choices import LearningModel, Status
from .documents import (
    XLSX_TYPE,
    PdfFontMissing,
    file_response,
    report_to_pdf,
    report_to_xlsx,
    table_to_xlsx,
    tables_to_xlsx,
)
from .forms import EvidenceForm, ImportForm, NewVersionForm, PeriodForm, ReviewForm, points_form_class, points_from
from .models import CriteriaSet, Evidence, RecognisingBody, RecognitionDecision, Registration
from .public import chosen_year, progress_chart, quarter_chart
from .storage import private_storage

PDF_TYPE = "application/pdf"
TARGET_HORIZON = 2030  # the national programme's last year (QĐ 1373/QĐ-TTg, 2021–2030)


class NoWard(PermissionDenied):
    """The user has the permission but no ward assigned."""


def forbidden(request, reason=""):
    return TemplateResponse(
        request, "learning/admin/forbidden.html", {"page_title": "Không có quyền", "reason": reason}, status=403
    )


class Forbidden403Mixin:
    """Answer 403 (Wagtail would redirect to the dashboard) so a refusal is plain to see and to test."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except NoWard:
            return forbidden(request, access.NO_WARD_MESSAGE)
        except PermissionDenied:
            return forbidden(request)


def site_list(user):
    """The wards `user` works on (see congphuong.learning.access)."""
    return access.sites(user)


def chosen_site(request, sites=None):
    """?phuong=<id> among the user's wards (another ward: 404), else the admin hostname's ward
    when it is one of them, else the user's first ward."""
    sites = sites if sites is not None else site_list(request.user)
    if not sites:
        raise NoWard
    raw = request.GET.get("phuong") or request.POST.get("phuong") or ""
    if raw:
        for site in sites:
            if raw.isdigit() and site.pk == int(raw):
                return site
        raise Http404("Không tìm thấy phường.")
    current = Site.find_for_request(request)
    if current is not None and any(site.pk == current.pk for site in sites):
        return current
    return sites[0]


class LearningAdminView(Forbidden403Mixin, WagtailAdminTemplateMixin, View):
    permission_required = ""  # "learning.codename"
    header_icon = "group"
    breadcrumbs_items = []

    def has_permission(self, user):
        return user.has_perm(self.permission_required)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def render(self, context, status=200):
        context = {**self.get_context_data(), **context}
        return TemplateResponse(self.request, self.template_name, context, status=status)


# --- Dashboard ---------------------------------------------------------------------------------------


class DashboardView(LearningAdminView):
    permission_required = "learning.view_learning_reports"
    template_name = "learning/admin/dashboard.html"
    page_title = "Thống kê xã hội học tập"
    header_icon = "table"

    def get(self, request):
        sites = site_list(request.user)
        site = chosen_site(request, sites)
        year, year_error = chosen_year(request)
        if year_error:
            messages.error(request, year_error)
        rows = stats.progress(site, year)
        quarters = stats.by_quarter(site, year)
        fund_start, fund_end = datetime.date(year - 1, 1, 1), datetime.date(year, 12, 31)
        monthly = ledger.period_summary(site, fund_start, fund_end, "thang")
        awards = stats.awards_summary(site, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        status_counts = dict(
            Registration.objects.filter(site=site, year=year).values_list("status").annotate(n=Count("pk")).order_by()
        )
        return self.render(
            {
                "site": site,
                "sites": sites,
                "year": year,
                "years": stats.years_with_data(site),
                "progress": rows,
                "progress_chart": progress_chart(rows, year),
                "quarters": quarters,
                "quarter_chart": quarter_chart(quarters, year) if quarters else "",
                "monthly": monthly,
                "fund_chart": charts.column_chart(
                    f"Thu, chi quỹ khuyến học theo tháng, {year - 1}–{year}",
                    "Cột xanh: tổng thu; cột đỏ: tổng chi (gồm hiện vật theo giá ước tính). Số liệu ở bảng bên dưới.",
                    [row.label.replace("Tháng ", "") for row in monthly],
                    [("Thu", [r.income for r in monthly], None), ("Chi", [r.spending for r in monthly], None)],
                ),
                "balance": ledger.balance_on(site, datetime.date.today()),
                "awards": awards,
                "awards_school_chart": charts.bar_chart(
                    f"Khen thưởng, học bổng năm {year} theo trường",
                    "Số suất khen thưởng, học bổng của từng trường; số liệu ở bảng bên dưới.",
                    [row["school"] for row in awards["by_school"]],
                    [("Số suất", [row["count"] for row in awards["by_school"]], None)],
                )
                if awards["by_school"]
                else "",
                "awards_grade_chart": charts.bar_chart(
                    f"Khen thưởng, học bổng năm {year} theo lớp",
                    "Số suất theo lớp hoặc năm học; số liệu ở bảng bên dưới.",
                    [row["grade"] for row in awards["by_grade"]],
                    [("Số suất", [row["count"] for row in awards["by_grade"]], None)],
                )
                if awards["by_grade"]
                else "",
                "status_counts": [(label, status_counts.get(value, 0)) for value, label in Status.choices],
                "expiring": workflow.expiring(site, 90)[:20],
                "report_kinds": {
                    key: (label, reports.REPORT_ROUTES[key]) for key, label in reports.REPORT_KINDS.items()
                },
                "year_end_cutoff": reports.year_end_cutoff(year),
                "criteria_gaps": availability.gaps(site, timezone.localdate()),
                "yearly_targets": stats.yearly_targets(site, year - 1, max(year + 1, TARGET_HORIZON)),
            }
        )


# --- Reports -----------------------------------------------------------------------------------------


class ReportView(LearningAdminView):
    permission_required = "learning.view_learning_reports"

    def get(self, request, kind, file_format):
        if kind not in reports.REPORT_KINDS or file_format not in ("xlsx", "pdf"):
            raise Http404
        site = chosen_site(request)
        year, year_error = chosen_year(request)
        back = f"{reverse('learning_dashboard')}?phuong={site.pk}&nam={year}"
        if year_error:
            messages.error(request, year_error)
            return redirect(back)
        try:
            cutoff = reports.year_end_cutoff(year, request.GET.get("chot", "")) if kind == "tong-ket-nam" else None
            report = reports.build(kind, site, year, cutoff=cutoff)
            content = report_to_pdf(report) if file_format == "pdf" else report_to_xlsx(report)
        except (reports.NoDossier, reports.BadCutoff, PdfFontMissing) as exc:
            messages.error(request, str(exc))
            return redirect(back)
        log_export(request, f"{reports.REPORT_KINDS[kind]} {year}", file_format, report.row_count, site, False)
        filename = f"{kind}-{year}.{file_format}"
        return file_response(content, filename, PDF_TYPE if file_format == "pdf" else XLSX_TYPE)


# --- Registration dossier and the cycle ------------------------------------------------------------


def _registration(pk, user):
    """The dossier, only when it belongs to one of the user's wards (404 otherwise)."""
    return access.get_or_404(
        Registration.objects.select_related("site", "criteria_set", "quarter", "decision", "level"), user, pk=pk
    )


class RegistrationDetailView(LearningAdminView):
    permission_required = "learning.view_registration"
    template_name = "learning/admin/registration_detail.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return "Hồ sơ đánh giá"

    def get(self, request, pk):
        registration = _registration(pk, request.user)
        return self.render(self.dossier_context(registration))

    def dossier_context(self, registration, **extra):
        user = self.request.user
        self_points, council_points = registration.score_map("self"), registration.score_map("council")
        evidence = {}
        for item in registration.evidence.select_related("document"):
            evidence.setdefault(item.indicator_id, []).append(item)
        criteria = []
        for criterion in registration.criteria_set.ordered_criteria():
            indicators = [
                {
                    "indicator": indicator,
                    "self": self_points.get(indicator.pk),
                    "council": council_points.get(indicator.pk),
                    "evidence": evidence.get(indicator.pk, []),
                }
                for indicator in criterion.indicators.all()
            ]
            criteria.append({"criterion": criterion, "indicators": indicators})
        status = registration.status
        can_review = (
            user.has_perm("learning.review_registration")
            and workflow.needs_quarter_review(registration)
            and status == Status.SELF_ASSESSED
        )
        council_ready = Status.QUARTER_REVIEWED if workflow.needs_quarter_review(registration) else Status.SELF_ASSESSED
        return {
            "registration": registration,
            "criteria": criteria,
            "general_evidence": evidence.get(None, []),
            "events": registration.events.select_related("user"),
            "can_self_assess": user.has_perm("learning.change_registration") and status == Status.REGISTERED,
            "can_review": can_review,
            "can_score": user.has_perm("learning.score_registration") and status == council_ready,
            "can_recognise": user.has_perm("learning.recognise_registration") and status == Status.SCORED,
            "review_form": extra.pop("review_form", None) or ReviewForm(),
            "missing_evidence": workflow.missing_evidence(registration) if status == Status.REGISTERED else [],
            "expired_reason": registration.criteria_set.expired_reason(registration.registered_on),
            "outcome_note": registration.events.filter(to_status=Status.NOT_RECOGNISED)
            .values_list("note", flat=True)
            .last()
            if status == Status.NOT_RECOGNISED
            else "",
            "recognising_body": RecognisingBody.objects.applicable(
                registration.learning_model,
                registration.decision.signed_on if registration.decision else timezone.localdate(),
                registration.site,
                registration.level_name,
            ),
            **extra,
        }


class SelfAssessmentView(LearningAdminView):
    permission_required = "learning.change_registration"
    template_name = "learning/admin/points_form.html"
    header_icon = "edit"
    which = "self"
    title = "Tự đánh giá"

    def get_page_title(self):
        return self.title

    def allowed(self, registration):
        return registration.status == Status.REGISTERED

    def get(self, request, pk):
        registration = _registration(pk, request.user)
        if not self.allowed(registration):
            messages.error(
                request, f"Hồ sơ đang ở bước “{registration.get_status_display()}”, không làm bước này được."
            )
            return redirect("learning_registration", pk=pk)
        form = points_form_class(registration.criteria_set, registration.score_map(self.which), self.which)()
        return self.render(self.form_context(registration, form))

    def form_context(self, registration, form, evidence_form=None):
        return {
            "registration": registration,
            "form": form,
            "which": self.which,
            "evidence_form": evidence_form or EvidenceForm(criteria_set=registration.criteria_set),
            "evidence": registration.evidence.select_related("indicator"),
            "action_url": self.request.path,
        }

    def post(self, request, pk):
        registration = _registration(pk, request.user)
        form = points_form_class(registration.criteria_set, registration.score_map(self.which), self.which)(
            request.POST
        )
        if not form.is_valid():
            messages.error(request, "Có ô điểm chưa đúng; xem thông báo ở từng ô.")
            return self.render(self.form_context(registration, form), status=200)
        try:
            self.apply(registration, points_from(form), form.cleaned_data.get("note", ""))
        except workflow.TransitionError as exc:
            messages.error(request, exc.message)
            return self.render(self.form_context(registration, form))
        return redirect("learning_registration", pk=pk)

    def apply(self, registration, points, note):
        submit = "gui" in self.request.POST
        # The points are kept even when sending fails (missing evidence, for instance).
        evaluation = workflow.save_self_assessment(registration, self.request.user, points, note=note)
        if submit:
            evaluation = workflow.save_self_assessment(registration, self.request.user, points, submit=True, note=note)
        if submit:
            messages.success(self.request, f"Đã gửi hồ sơ tự đánh giá ({evaluation.total.normalize():f} điểm).")
        else:
            messages.success(self.request, "Đã lưu điểm tự đánh giá; hồ sơ chưa gửi đi.")


class CouncilScoreView(SelfAssessmentView):
    permission_required = "learning.score_registration"
    which = "council"
    title = "Hội đồng chấm điểm"

    def allowed(self, registration):
        ready = Status.QUARTER_REVIEWED if workflow.needs_quarter_review(registration) else Status.SELF_ASSESSED
        return registration.status == ready

    def get(self, request, pk):
        registration = _registration(pk, request.user)
        if not self.allowed(registration):
            messages.error(request, f"Hồ sơ đang ở bước “{registration.get_status_display()}”, chưa chấm điểm được.")
            return redirect("learning_registration", pk=pk)
        initial = registration.score_map("council")
        if not any(value is not None for value in initial.values()):
            initial = registration.score_map("self")  # start from the self-assessment
        form = points_form_class(registration.criteria_set, initial, self.which)()
        return self.render(self.form_context(registration, form))

    def apply(self, registration, points, note):
        evaluation = workflow.council_score(registration, self.request.user, points, note)
        if evaluation.level:
            messages.success(
                self.request, f"Đã chấm: {evaluation.total.normalize():f} điểm, đạt {evaluation.level.name}."
            )
        else:
            messages.warning(
                self.request,
                f"Đã chấm: {evaluation.total.normalize():f} điểm, chưa đạt mức công nhận "
                f"({'; '.join(evaluation.shortfalls)}).",
            )


class EvidenceUploadView(LearningAdminView):
    permission_required = "learning.change_registration"
    template_name = "learning/admin/points_form.html"

    def post(self, request, pk):
        registration = _registration(pk, request.user)
        if registration.status != Status.REGISTERED:
            messages.error(request, "Hồ sơ đã gửi đi; không thêm minh chứng được nữa.")
            return redirect("learning_registration", pk=pk)
        form = EvidenceForm(request.POST, request.FILES, criteria_set=registration.criteria_set)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            extension = upload.name.rsplit(".", 1)[-1].lower()
            item = Evidence(
                registration=registration,
                indicator_id=form.cleaned_data["indicator"],
                title=form.cleaned_data["title"],
                content_type=form.content_type,
                size=upload.size,
                uploaded_by=request.user,
            )
            item.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
            item.save()
            messages.success(request, "Đã thêm minh chứng.")
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect("learning_self_assessment", pk=pk)


class EvidenceDownloadView(LearningAdminView):
    permission_required = "learning.view_registration"

    def get(self, request, pk, evidence_pk):
        _registration(pk, request.user)
        item = get_object_or_404(Evidence, pk=evidence_pk, registration_id=pk)
        if not item.file:
            raise Http404
        try:
            handle = private_storage.open(item.file.name, "rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        log_export(
            request, f"Minh chứng: {item.title}", item.content_type.split("/")[-1][:10], 1, item.registration.site
        )
        response = FileResponse(
            handle, content_type=item.content_type, as_attachment=True, filename=item.file.name.split("/")[-1]
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class EvidenceDeleteView(LearningAdminView):
    permission_required = "learning.change_registration"

    def post(self, request, pk, evidence_pk):
        _registration(pk, request.user)
        item = get_object_or_404(Evidence, pk=evidence_pk, registration_id=pk)
        if item.registration.status != Status.REGISTERED:
            messages.error(request, "Hồ sơ đã gửi đi; không xóa minh chứng được.")
        else:
            if item.file:
                item.file.delete(save=False)
            item.delete()
            messages.success(request, "Đã xóa minh chứng.")
        return redirect("learning_self_assessment", pk=pk)


class QuarterReviewView(RegistrationDetailView):
    permission_required = "learning.review_registration"

    def get(self, request, pk):
        return redirect("learning_registration", pk=pk)

    def post(self, request, pk):
        registration = _registration(pk, request.user)
        form = ReviewForm(request.POST)
        if not form.is_valid():
            return self.render(self.dossier_context(registration, review_form=form))
        approve = "dong_y" in request.POST
        try:
            workflow.quarter_review(registration, request.user, approve, form.cleaned_data["note"])
        except workflow.TransitionError as exc:
            messages.error(request, exc.message)
            return self.render(self.dossier_context(registration, review_form=form))
        messages.success(request, "Khu phố đã xác nhận hồ sơ." if approve else "Đã trả lại hồ sơ để bổ sung.")
        return redirect("learning_registration", pk=pk)


# --- Decisions and certificate lists ---------------------------------------------------------------


class DecisionApplyView(LearningAdminView):
    permission_required = "learning.recognise_registration"
    template_name = "learning/admin/decision_apply.html"
    header_icon = "success"

    def get_page_title(self):
        return "Xét công nhận theo quyết định"

    def candidates(self, decision):
        return (
            Registration.objects.filter(
                site=decision.site, year=decision.year, learning_model=decision.learning_model, status=Status.SCORED
            )
            .select_related("quarter", "criteria_set")
            .order_by("quarter__sort_order", "subject_name")
        )

    def get(self, request, pk):
        decision = access.get_or_404(RecognitionDecision.objects.select_related("site"), request.user, pk=pk)
        candidates = self.candidates(decision)
        # Say before the click why a draft criteria set cannot ground this decision.
        draft_reasons = sorted({r.criteria_set.draft_reason() for r in candidates if r.criteria_set.is_draft})
        draft_reasons += sorted(
            {r.criteria_set.expired_reason(r.registered_on) for r in candidates if r.criteria_expired}
        )
        return self.render(
            {
                "decision": decision,
                "candidates": candidates,
                "draft_reasons": draft_reasons,
                "body": recognising_body_notice(decision),
            }
        )

    def post(self, request, pk):
        decision = access.get_or_404(RecognitionDecision.objects.all(), request.user, pk=pk)
        ids = [int(value) for value in request.POST.getlist("ho_so") if value.isdigit()]
        chosen = list(self.candidates(decision).filter(pk__in=ids))
        if not chosen:
            messages.error(request, "Hãy chọn ít nhất một hồ sơ.")
            return redirect("learning_decision_apply", pk=pk)
        try:
            recognised, not_recognised = workflow.recognise(decision, chosen, request.user)
        except workflow.TransitionError as exc:
            messages.error(request, exc.message)
            return redirect("learning_decision_apply", pk=pk)
        if decision.refuses:
            messages.warning(
                request,
                f"Đã ghi quyết định số {decision.number}: cơ quan cấp trên không công nhận "
                f"{len(not_recognised)} hồ sơ; mức phường đề nghị được giữ lại trong hồ sơ.",
            )
            return redirect("learning_registration", pk=not_recognised[0].pk)
        messages.success(
            request,
            f"Đã công nhận {len(recognised)} hồ sơ"
            + (f"; {len(not_recognised)} hồ sơ không đạt ngưỡng." if not_recognised else "."),
        )
        return redirect("learning_certificates", pk=pk)


def recognising_body_notice(decision):
    """What the table of recognising bodies says for this decision, and whether the decision agrees."""
    body = decision.recognising_body or RecognisingBody.objects.applicable(
        decision.learning_model, decision.signed_on, decision.site, getattr(decision.granted_level, "name", "")
    )
    if body is None:
        return {"text": "Bảng “Cơ quan công nhận” chưa có dòng nào cho mô hình này.", "warning": True}
    if not body.usable:
        return {"text": f"Bảng “Cơ quan công nhận”: {body}. {body.note}", "warning": True}
    differs = body.issuer.casefold() != decision.issuer.casefold()
    text = f"Bảng “Cơ quan công nhận”: {body.issuer} ({body.legal_basis})."
    if differs:
        text += f" Quyết định này ghi “{decision.issuer}”: hãy kiểm tra lại cơ quan ban hành."
    return {"text": text, "warning": differs}


CERTIFICATE_HEADERS = ["STT", "Số giấy công nhận", "Tên", "Khu phố", "Mức đạt", "Điểm", "Có giá trị đến"]


class CertificateListView(LearningAdminView):
    permission_required = "learning.view_registration"
    template_name = "learning/admin/certificates.html"
    header_icon = "list-ul"

    def get_page_title(self):
        return "Danh sách giấy công nhận"

    def get(self, request, pk):
        decision = access.get_or_404(RecognitionDecision.objects.select_related("site"), request.user, pk=pk)
        items = list(decision.registrations.select_related("quarter").order_by("certificate_number", "subject_name"))
        rows = [
            [
                index,
                item.certificate_number,
                item.subject_name,
                item.quarter.name if item.quarter else "",
                item.level_name,
                item.council_total,
                item.valid_until,
            ]
            for index, item in enumerate(items, start=1)
        ]
        export = request.GET.get("export")
        if export in ("xlsx", "pdf"):
            what = f"Danh sách giấy công nhận theo quyết định {decision.number}"
            if export == "xlsx":
                content = table_to_xlsx("Danh sách công nhận", CERTIFICATE_HEADERS, rows)
            else:
                try:
                    content = report_to_pdf(certificate_report(decision, rows))
                except PdfFontMissing as exc:
                    messages.error(request, str(exc))
                    return redirect("learning_certificates", pk=pk)
            log_export(request, what, export, len(rows), decision.site)
            safe_number = "".join(char if char.isalnum() else "-" for char in decision.number)
            return file_response(
                content, f"danh-sach-cong-nhan-{safe_number}.{export}", XLSX_TYPE if export == "xlsx" else PDF_TYPE
            )
        return self.render({"decision": decision, "items": items})


def certificate_report(decision, rows):
    from .documents import Report, Section, Table

    unit, parent, short = reports.ward_names(decision.site)
    return Report(
        title=f"Danh sách {LearningModel(decision.learning_model).label} được công nhận năm {decision.year}",
        unit_name=unit,
        parent_unit=parent,
        subtitle=f"Kèm theo Quyết định số {decision.number} ngày {decision.signed_on:%d/%m/%Y}",
        sections=[
            Section("", tables=[Table("Danh sách", CERTIFICATE_HEADERS, rows, widths=(7, 16, 30, 15, 11, 9, 14))])
        ],
        signer_title=decision.signer_title,
        signer_name=decision.signer_name,
    )


# --- Criteria versions -------------------------------------------------------------------------------


class NewCriteriaVersionView(LearningAdminView):
    permission_required = "learning.add_criteriaset"
    template_name = "learning/admin/new_version.html"
    header_icon = "copy"

    def get_page_title(self):
        return "Tạo phiên bản mới của bộ tiêu chí"

    def criteria_set(self, request, pk):
        """Another ward's set is not found; a shared one is versioned only by national administrators."""
        criteria_set = access.get_or_404(CriteriaSet.objects.all(), request.user, pk=pk)
        if not access.may_change_instance(request.user, criteria_set):
            raise PermissionDenied
        return criteria_set

    def get(self, request, pk):
        criteria_set = self.criteria_set(request, pk)
        return self.render({"criteria_set": criteria_set, "form": NewVersionForm()})

    def post(self, request, pk):
        criteria_set = self.criteria_set(request, pk)
        form = NewVersionForm(request.POST)
        if not form.is_valid():
            return self.render({"criteria_set": criteria_set, "form": form})
        valid_from = form.cleaned_data["valid_from"]
        if valid_from <= criteria_set.valid_from:
            form.add_error("valid_from", "Phiên bản mới phải có hiệu lực sau ngày bắt đầu của phiên bản đang chọn.")
            return self.render({"criteria_set": criteria_set, "form": form})
        new = criteria_set.copy_as_new_version(form.cleaned_data["version"], valid_from)
        if form.cleaned_data["close_current"] and (
            criteria_set.valid_to is None or criteria_set.valid_to >= valid_from
        ):
            criteria_set.valid_to = valid_from - datetime.timedelta(days=1)
            criteria_set.save(update_fields=["valid_to"])
        messages.success(request, f"Đã tạo “{new}”. Hãy sửa tiêu chí, điểm và ngưỡng của phiên bản mới.")
        return redirect("learning_criteriaset:edit", new.pk)


# --- Import -------------------------------------------------------------------------------------------

SESSION_KEY = "learning_pending_imports"
IMPORT_DIR = "nhap-excel"


def purge_stale_imports(max_age=datetime.timedelta(days=1)):
    """Checked files that were never confirmed are removed after a day."""
    try:
        _dirs, names = private_storage.listdir(IMPORT_DIR)
    except FileNotFoundError:
        return
    limit = timezone.now() - max_age
    for name in names:
        path = f"{IMPORT_DIR}/{name}"
        if private_storage.get_modified_time(path) < limit:
            private_storage.delete(path)


def _import_permission(user, kind):
    if kind == "cong-dan":
        return user.has_perm("learning.add_citizen")
    return user.has_perm("learning.add_household")


class ImportView(LearningAdminView):
    template_name = "learning/admin/import.html"
    header_icon = "upload"
    page_title = "Nhập danh sách từ Excel"

    def has_permission(self, user):
        return user.has_perm("learning.add_household") or user.has_perm("learning.add_citizen")

    def get(self, request):
        sites = site_list(request.user)
        form = ImportForm(sites=sites, initial={"site": chosen_site(request, sites).pk})
        return self.render({"form": form})

    def post(self, request):
        sites = site_list(request.user)
        if not sites:
            raise NoWard
        # Only the user's wards are valid choices: another ward's id fails validation.
        form = ImportForm(request.POST, request.FILES, sites=sites)
        if not form.is_valid():
            return self.render({"form": form})
        kind = form.cleaned_data["kind"]
        if not _import_permission(request.user, kind):
            return forbidden(request)
        site = next(site for site in sites if site.pk == form.cleaned_data["site"])
        data = form.cleaned_data["file"].read(importer.MAX_BYTES + 1)
        report = importer.run_import(kind, data, site, commit=False)
        purge_stale_imports()
        token = ""
        if report.ok:
            token = uuid.uuid4().hex
            name = private_storage.save(f"{IMPORT_DIR}/{token}.xlsx", ContentFile(data))
            pending = request.session.get(SESSION_KEY, {})
            pending[token] = {"kind": kind, "site": site.pk, "name": name}
            request.session[SESSION_KEY] = pending
        return self.render(
            {"form": form, "report": report, "token": token, "site": site, "kind_label": importer.KINDS[kind][0]}
        )


class ImportCommitView(ImportView):
    def post(self, request):
        token = request.POST.get("token", "")
        pending = request.session.get(SESSION_KEY, {})
        entry = pending.pop(token, None)
        request.session[SESSION_KEY] = pending
        if entry is None:
            messages.error(request, "Phiên nhập đã hết hạn hoặc đã được nhập; hãy tải tệp lên lại.")
            return redirect("learning_import")
        if not _import_permission(request.user, entry["kind"]):
            return forbidden(request)
        # The ward is checked again: an assignment may have been withdrawn since the dry run.
        if not access.may_see_site(request.user, entry["site"]):
            raise Http404("Không tìm thấy phường.")
        site = get_object_or_404(Site, pk=entry["site"])
        try:
            with private_storage.open(entry["name"], "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            messages.error(request, "Không tìm thấy tệp đã tải lên; hãy tải lại.")
            return redirect("learning_import")
        report = importer.run_import(entry["kind"], data, site, commit=True)
        private_storage.delete(entry["name"])
        if not report.committed:
            messages.error(request, "Không nhập được: dữ liệu đã thay đổi từ lúc kiểm tra; không có dòng nào được lưu.")
            return self.render({"form": ImportForm(sites=site_list(request.user)), "report": report, "site": site})
        summary = ", ".join(f"{count} {label.lower()}" for label, count in report.created.items())
        messages.success(request, f"Đã nhập: {summary}.")
        target = "learning_citizen:index" if entry["kind"] == "cong-dan" else "learning_household:index"
        return redirect(reverse(target) + f"?site={site.pk}")


class ImportTemplateView(LearningAdminView):
    def has_permission(self, user):
        return user.has_perm("learning.add_household") or user.has_perm("learning.add_citizen")

    def get(self, request, kind):
        if kind not in importer.KINDS:
            raise Http404
        site = chosen_site(request)
        return file_response(importer.template_workbook(kind, site), f"mau-nhap-{kind}.xlsx", XLSX_TYPE)


# --- Cash book ----------------------------------------------------------------------------------------

CASH_BOOK_HEADERS = ["Ngày", "Số phiếu", "Nội dung", "Nguồn quỹ", "Thu", "Chi", "Tồn quỹ"]
PURPOSE_HEADERS = ["Nguồn quỹ", "Số dư đầu kỳ", "Thu trong kỳ", "Chi trong kỳ", "Số dư cuối kỳ"]


def cash_book_tables(book) -> list:
    """The cash book and each earmark's balance over the period, for the spreadsheet and the PDF."""
    from .documents import Table

    rows = [["", "", "Số dư đầu kỳ", "", None, None, book.opening_balance]]
    rows += [
        [
            line.date,
            line.voucher,
            line.description,
            line.purpose,
            line.receipt or None,
            line.expense or None,
            line.balance,
        ]
        for line in book.lines
    ]
    rows.append(["", "", "Cộng phát sinh", "", book.total_receipts, book.total_expenses, book.closing_balance])
    purposes = [[row.label, row.opening, row.received, row.spent, row.balance] for row in book.purposes]
    return [
        Table("Sổ quỹ", CASH_BOOK_HEADERS, rows, (4, 5, 6), (12, 13, 30, 15, 10, 10, 10)),
        Table("Số dư theo nguồn quỹ", PURPOSE_HEADERS, purposes, (1, 2, 3, 4), (36, 16, 16, 16, 16)),
    ]


class CashBookView(LearningAdminView):
    permission_required = "learning.view_fundreceipt"
    template_name = "learning/admin/cash_book.html"
    header_icon = "table"
    page_title = "Sổ quỹ khuyến học"

    def get(self, request):
        sites = site_list(request.user)
        site = chosen_site(request, sites)
        form = PeriodForm(request.GET or None)
        if request.GET and not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        start, end = form.period()
        book = ledger.cash_book(site, start, end)
        export = request.GET.get("export")
        if export in ("xlsx", "pdf"):
            tables = cash_book_tables(book)
            what = f"Sổ quỹ khuyến học {start:%d/%m/%Y}–{end:%d/%m/%Y}"
            if export == "xlsx":
                content = tables_to_xlsx(tables)
            else:
                from .documents import Report, Section

                unit, parent, _short = reports.ward_names(site)
                try:
                    content = report_to_pdf(
                        Report(
                            title="Sổ quỹ tiền mặt – Quỹ khuyến học",
                            unit_name=unit,
                            parent_unit=parent,
                            subtitle=f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
                            sections=[
                                Section(
                                    "",
                                    [
                                        f"Hiện vật nhận trong kỳ (ước tính): {book.in_kind_receipts:,.0f} đ".replace(
                                            ",", "."
                                        )
                                    ],
                                    tables,
                                )
                            ],
                            signer_title="Người lập sổ",
                        )
                    )
                except PdfFontMissing as exc:
                    messages.error(request, str(exc))
                    return redirect(f"{reverse('learning_cash_book')}?phuong={site.pk}")
            log_export(request, what, export, len(book.lines), site, personal_data=False)
            return file_response(
                content, f"so-quy-{start:%Y%m%d}-{end:%Y%m%d}.{export}", XLSX_TYPE if export == "xlsx" else PDF_TYPE
            )
        return self.render({"site": site, "sites": sites, "form": form, "book": book, "start": start, "end": end})
