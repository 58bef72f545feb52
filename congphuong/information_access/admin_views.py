"""Back office: the ward's request queue (with overdue warnings), the register export, the handling screen.

Every view narrows the requests to the wards of the signed-in user (``permissions.scope_to_user``), and
the ward guard (``editorial.isolation``) answers 404 for another ward's request before any view runs.
The queue's columns are Hỏi đáp's (deadline labels in working days, local dates).
"""

import datetime

import django_filters
from django.contrib import messages
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, HistoryView, IndexView
from wagtail.log_actions import log
from wagtail.models import Site

from congphuong.core.text import nfc
from congphuong.core.workdays import WorkdayCalendar
from congphuong.feedback.admin_views import DeadlineColumn, LocalDateColumn, QuestionPermissionPolicy
from congphuong.feedback.deadlines import deadline_state, near_due_limit

from . import handling, notify
from .admin_forms import STEP_EXTEND, STEP_PROVIDE, STEP_REFUSE, STEP_START, RequestStepForm
from .models import InformationAccessPage, InformationRequest
from .permissions import scope_to_user, ward_ids

URL_NAMESPACE = "information_requests"


class RequestPermissionPolicy(QuestionPermissionPolicy):
    """Hỏi đáp's rule: model permissions narrowed to the user's wards; requests come only from the
    public form (no add, no copy)."""

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope_to_user(self.model._default_manager.all(), user)


# The queue -----------------------------------------------------------------------------

DEADLINE_CHOICES = [
    ("overdue", "Quá hạn"),
    ("near", "Sắp đến hạn (≤ 2 ngày làm việc)"),
    ("open", "Còn hạn"),
    ("closed", "Đã kết thúc"),
    ("retention", "Quá thời hạn lưu sổ"),
]


def retention_cutoff(years: int, today: datetime.date) -> datetime.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29/2
        return today.replace(year=today.year - years, day=28)


def past_retention(queryset, today=None):
    """Closed requests whose register period (the ward page's "Lưu sổ theo dõi") has ended."""
    today = today or timezone.localdate()
    condition = Q(pk__in=[])
    for page_id, years in InformationAccessPage.objects.values_list("pk", "register_retention_years"):
        cutoff = retention_cutoff(years, today)
        condition |= Q(page_id=page_id, closed_at__date__lt=cutoff)
    return queryset.exclude(status__in=InformationRequest.OPEN_STATUSES).filter(condition)


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Trạng thái", choices=InformationRequest.STATUS_CHOICES, empty_label="Tất cả"
    )
    deadline = django_filters.ChoiceFilter(
        label="Thời hạn", choices=DEADLINE_CHOICES, method="filter_deadline", empty_label="Tất cả"
    )
    year = django_filters.NumberFilter(label="Năm nhận", field_name="received_at", lookup_expr="year")

    class Meta:
        model = InformationRequest
        fields = ["status", "deadline", "year"]

    def filter_deadline(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.open().filter(due_date__lt=today)
        if value == "near":
            return queryset.open().filter(due_date__gte=today, due_date__lte=near_due_limit(today=today))
        if value == "open":
            return queryset.open().filter(due_date__gt=near_due_limit(today=today))
        if value == "closed":
            return queryset.exclude(status__in=InformationRequest.OPEN_STATUSES)
        if value == "retention":
            return past_retention(queryset, today)
        return queryset


class SummaryColumn(Column):
    def get_value(self, instance):
        return instance.summary


class RequestIndexView(IndexView):
    # The queue: open requests first, the most urgent on top.
    default_ordering = ("open_rank", "due_date", "received_at")
    page_title = "Yêu cầu cung cấp thông tin"
    template_name = "information_access/admin/index.html"
    filterset_class = RequestFilterSet

    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .select_related("site", "refusal_ground", "closed_by")
            .annotate(
                open_rank=Case(When(status__in=InformationRequest.OPEN_STATUSES, then=Value(0)), default=Value(1))
            )
        )
        return scope_to_user(queryset, self.request.user)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in nfc(self.search_query).split():
            queryset = queryset.filter(
                Q(code__icontains=word) | Q(full_name__icontains=word) | Q(information__icontains=word)
            )
        return queryset

    @cached_property
    def calendar(self):
        return WorkdayCalendar.load()

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = list(page.object_list)
        today = timezone.localdate()
        for item in page.object_list:
            item.deadline = deadline_state(item, self.calendar, today)
        return paginator, page, page.object_list, is_paginated

    @cached_property
    def shows_several_wards(self):
        ids = ward_ids(self.request.user)
        return ids is None or len(ids) > 1

    @cached_property
    def columns(self):
        columns = [
            self._get_title_column("code"),
            SummaryColumn("summary", label="Thông tin yêu cầu"),
            Column("full_name", label="Người yêu cầu", sort_key="full_name"),
            Column("get_status_display", label="Trạng thái", sort_key="status"),
            LocalDateColumn("received_at", label="Ngày nhận", sort_key="received_at"),
            DeadlineColumn("deadline", label="Hạn giải quyết", sort_key="due_date"),
        ]
        if self.shows_several_wards:
            columns.insert(2, Column("site", label="Phường", accessor=lambda r: r.site.site_name, sort_key="site"))
        return columns

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = scope_to_user(InformationRequest.objects.all(), self.request.user)
        today = timezone.localdate()
        pages = self._ward_pages()
        context.update(
            {
                "overdue_count": mine.overdue(today).count(),
                "near_count": mine.open()
                .filter(due_date__gte=today, due_date__lte=near_due_limit(today=today))
                .count(),
                "unconfirmed_deadlines": pages.filter(deadlines_confirmed=False).exists(),
            }
        )
        return context

    def _ward_pages(self):
        """The "Tiếp cận thông tin" pages of the user's wards (also those without a request yet)."""
        ids = ward_ids(self.request.user)
        sites = Site.objects.all() if ids is None else Site.objects.filter(pk__in=ids)
        condition = Q(pk__in=[])
        for root in sites.values_list("root_page__path", flat=True):
            condition |= Q(path__startswith=root)
        return InformationAccessPage.objects.filter(condition)

    # The register (sổ theo dõi): the listing, as filtered, exported to XLSX or CSV.
    def to_row_dict(self, item):
        item.deadline = deadline_state(item, self.calendar)
        return super().to_row_dict(item)


REGISTER_COLUMNS = {
    "code": "Mã tra cứu",
    "received_on": "Ngày nhận",
    "full_name": "Họ và tên",
    "id_number": "Số giấy tờ tùy thân",
    "address": "Nơi cư trú, địa chỉ",
    "phone": "Số điện thoại",
    "email": "Thư điện tử",
    "information": "Thông tin yêu cầu",
    "purpose": "Mục đích",
    "get_delivery_display": "Hình thức nhận",
    "initial_due_date": "Hạn ban đầu",
    "extension_text": "Gia hạn",
    "due_date": "Hạn giải quyết",
    "get_status_display": "Trạng thái",
    "closed_on": "Ngày kết thúc",
    "outcome_text": "Kết quả",
    "closed_by_name": "Người kết thúc",
    "deadline.label": "Đúng hạn / trễ hạn",
}


# The handling screen -------------------------------------------------------------------


class RequestHandleView(EditView):
    template_name = "information_access/admin/handle.html"
    form_class = RequestStepForm
    success_message = "Đã ghi bước xử lý cho yêu cầu %(object)s."
    error_message = "Chưa ghi được: vui lòng sửa các chỗ báo lỗi."
    submit_button_label = "Ghi bước xử lý"

    def get_queryset(self):
        return scope_to_user(InformationRequest.objects.select_related("refusal_ground", "page"), self.request.user)

    def get_page_subtitle(self):
        return f"Yêu cầu {self.object.code}"

    def get_success_url(self):
        return self.get_edit_url()

    def form_valid(self, form):
        user = self.request.user
        data = form.cleaned_data
        step = data["step"]
        try:
            if step == STEP_START:
                self.object = handling.start(self.object, user)
            elif step == STEP_EXTEND:
                self.object = handling.extend(self.object, user, data["extension_reason"])
            elif step == STEP_PROVIDE:
                self.object = handling.provide(self.object, user, data["result"])
            elif step == STEP_REFUSE:
                self.object = handling.refuse(self.object, user, data["refusal_ground"], data["refusal_reason"])
            if data.get("note"):
                handling.add_note(self.object, user, data["note"])
        except handling.StepRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        log(instance=self.object, action="wagtail.edit", user=user)
        if step == STEP_EXTEND and notify.send_extension(self.object):
            messages.info(self.request, "Đã gửi thư báo gia hạn cho người yêu cầu.")
        if step in (STEP_PROVIDE, STEP_REFUSE):
            if notify.send_outcome(self.object):
                messages.info(self.request, "Đã gửi thư báo kết quả cho người yêu cầu.")
            else:
                messages.warning(
                    self.request, "Người yêu cầu không có thư điện tử: hãy gửi văn bản kết quả theo địa chỉ."
                )
        return self.save_action()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        context.update(
            {
                "item": item,
                "deadline": deadline_state(item, WorkdayCalendar.load()),
                "events": item.events.select_related("user"),
                "extension_days": handling.extension_days(item),
            }
        )
        return context


class RequestHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return scope_to_user(super().get_base_object_queryset(), self.request.user)
