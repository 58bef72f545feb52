"""Back office: the question queue, the handling screen, notes, answer approval, attachments.

Every view narrows the questions to the wards of the signed-in user
(``congphuong.wards.membership.scope``): staff of one ward never open another ward's
questions, nor their attachments.
"""

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView, IndexView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from congphuong.core.templatetags.vi_format import vi_short_date
from congphuong.core.text import fold, nfc
from congphuong.core.workdays import WorkdayCalendar
from congphuong.wards.membership import may_act_in, scope, ward_ids

from . import notify
from .admin_forms import NoteForm, ReturnForm, handler_users
from .deadlines import deadline_state, near_due_limit
from .models import Note, Question, Topic
from .permissions import can_view_question, may_approve_answer

URL_NAMESPACE = "feedback_questions"


def question_url(name, question):
    return reverse(f"{URL_NAMESPACE}:{name}", args=[question.pk])


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the user's wards; questions are never created in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return may_act_in(user, instance.site_id)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope(self.model._default_manager.all(), user, shared=False)


class RatingPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, but ratings come only from citizens' public form: never added in the admin
    (its form has no score; a POST to the add view stored nothing and answered 500)."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)


def log_event(question, user, text):
    Note.objects.create(question=question, author=user, text=text, is_event=True)


# Listing -------------------------------------------------------------------------

DEADLINE_CHOICES = [
    ("overdue", "Quá hạn"),
    ("near", "Sắp đến hạn (≤ 2 ngày làm việc)"),
    ("open", "Còn hạn"),
    ("closed", "Đã kết thúc"),
]


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Trạng thái", choices=Question.STATUS_CHOICES, empty_label="Tất cả")
    deadline = django_filters.ChoiceFilter(
        label="Thời hạn", choices=DEADLINE_CHOICES, method="filter_deadline", empty_label="Tất cả"
    )
    topic = django_filters.ModelChoiceFilter(label="Chủ đề", queryset=Topic.objects.all(), empty_label="Tất cả")
    assignee = django_filters.ModelChoiceFilter(
        label="Cán bộ xử lý", queryset=get_user_model().objects.none(), empty_label="Tất cả"
    )
    answer_status = django_filters.ChoiceFilter(
        label="Câu trả lời", choices=Question.ANSWER_STATUS_CHOICES, empty_label="Tất cả"
    )

    class Meta:
        model = Question
        fields = ["status", "deadline", "topic", "assignee", "answer_status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        site_ids = ward_ids(user) if user is not None else set()
        self.filters["assignee"].queryset = handler_users(site_ids)
        if site_ids is not None:
            self.filters["topic"].queryset = Topic.objects.filter(Q(site__isnull=True) | Q(site_id__in=site_ids))

    def filter_deadline(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.open().filter(due_date__lt=today)
        if value == "near":
            return queryset.open().filter(due_date__gte=today, due_date__lte=near_due_limit(today=today))
        if value == "open":
            return queryset.open().filter(due_date__gt=near_due_limit(today=today))
        if value == "closed":
            return queryset.exclude(status__in=Question.OPEN_STATUSES)
        return queryset


class DeadlineColumn(Column):
    cell_template_name = "feedback/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["state"] = getattr(instance, "deadline", None)
        return context


class SummaryColumn(Column):
    def get_value(self, instance):
        return instance.summary


class LocalDateColumn(Column):
    """dd/mm/yyyy in Vietnam time (Wagtail's DateColumn shows an English "1 month ago")."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return vi_short_date(value) if value else ""


class QuestionIndexView(IndexView):
    # The queue: open questions first, the most urgent on top.
    default_ordering = ("open_rank", "due_date", "received_at")
    page_title = "Hỏi đáp – phản ánh"
    filterset_class = QuestionFilterSet

    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .select_related("topic", "assignee", "site")
            .annotate(open_rank=Case(When(status__in=Question.OPEN_STATUSES, then=Value(0)), default=Value(1)))
        )
        return scope(queryset, self.request.user, shared=False)

    @cached_property
    def shows_several_wards(self):
        site_ids = ward_ids(self.request.user)
        return site_ids is None or len(site_ids) > 1

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in fold(nfc(self.search_query)).split():
            queryset = queryset.filter(staff_search_text__contains=word)
        return queryset

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = list(page.object_list)
        calendar = WorkdayCalendar.load()
        today = timezone.localdate()
        for question in page.object_list:
            question.deadline = deadline_state(question, calendar, today)
        return paginator, page, page.object_list, is_paginated

    @cached_property
    def columns(self):
        columns = [
            self._get_title_column("code"),
            SummaryColumn("summary", label="Nội dung"),
            Column("topic", label="Chủ đề", sort_key="topic__name"),
            Column("get_status_display", label="Trạng thái", sort_key="status"),
            Column("assignee", label="Cán bộ xử lý", accessor=lambda q: _user_name(q.assignee)),
            LocalDateColumn("received_at", label="Ngày nhận", sort_key="received_at"),
            DeadlineColumn("deadline", label="Hạn trả lời", sort_key="due_date"),
            Column("get_answer_status_display", label="Câu trả lời", sort_key="answer_status"),
        ]
        if self.shows_several_wards:
            columns.insert(2, Column("site", label="Phường", accessor=lambda q: q.site.site_name, sort_key="site"))
        return columns


def _user_name(user):
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


# Handling screen -----------------------------------------------------------------


class QuestionEditView(EditView):
    template_name = "feedback/admin/question_edit.html"
    actions = ["edit", "submit-answer"]
    success_message = "Đã lưu câu hỏi %(object)s."
    error_message = "Chưa lưu được: vui lòng sửa các chỗ báo lỗi."

    def get_queryset(self):
        return scope(
            Question.objects.select_related("topic", "neighbourhood", "assignee"), self.request.user, shared=False
        )

    def get_page_subtitle(self):
        return f"Câu hỏi {self.object.code}"

    def get_success_url(self):
        return self.get_edit_url()

    def form_valid(self, form):
        user = self.request.user
        question = self.object
        before = Question.objects.get(pk=question.pk)
        answer_changed = any(
            getattr(before, name) != form.cleaned_data.get(name, getattr(before, name))
            for name in ("answer", "answering_unit", "public_question", "public_title", "is_public")
        )
        if self.action == "submit-answer" and not (form.cleaned_data.get("answer") or "").strip():
            form.add_error("answer", "Vui lòng soạn nội dung trả lời trước khi gửi duyệt.")
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        with transaction.atomic():
            question = form.save(commit=False)
            if answer_changed:
                question.answer_drafted_by = user
            if question.status == Question.NEW and question.assignee_id:
                question.status = Question.PROCESSING
            status_changed = before.status != question.status
            if status_changed:
                if question.is_open:
                    question.closed_at = None
                else:
                    question.closed_at = timezone.now()
            if self.action == "submit-answer":
                question.answer_status = Question.ANSWER_PENDING
                question.answer_submitted_by = user
                question.answer_submitted_at = timezone.now()
                if question.status == Question.NEW:
                    question.status = Question.PROCESSING
            question.save()
            form.save_m2m()
            log(instance=question, action="wagtail.edit", user=user)
            self.object = question
            if before.assignee_id != question.assignee_id:
                log_event(question, user, f"Phân công cho {_user_name(question.assignee)}.")
            if status_changed:
                text = f"Chuyển trạng thái: {before.get_status_display()} → {question.get_status_display()}."
                if question.status == Question.TRANSFERRED:
                    text += f" Cơ quan tiếp nhận: {question.transferred_to}."
                log_event(question, user, text)
            if self.action == "submit-answer":
                log_event(question, user, "Gửi lãnh đạo duyệt câu trả lời.")
        if status_changed and question.status == Question.TRANSFERRED and notify.send_transfer(question):
            messages.info(self.request, "Đã gửi thư báo cho người hỏi về việc chuyển câu hỏi.")
        if status_changed and question.status == Question.REJECTED and notify.send_rejection(question):
            messages.info(self.request, "Đã gửi thư báo lý do từ chối cho người hỏi.")
        if self.action == "submit-answer":
            messages.success(self.request, "Đã gửi câu trả lời cho lãnh đạo duyệt.")
            return redirect(self.get_edit_url())
        return self.save_action()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object
        user = self.request.user
        calendar = WorkdayCalendar.load()
        may_approve, approve_reason = may_approve_answer(user, question)
        context.update(
            {
                "question": question,
                "deadline": deadline_state(question, calendar),
                "notes": question.notes.select_related("author"),
                "note_form": NoteForm(),
                "return_form": ReturnForm(),
                "may_approve": may_approve,
                "approve_reason": approve_reason,
                "may_reopen": question.answer_status == Question.ANSWER_APPROVED and may_reopen(user, question),
                "can_submit_answer": question.answer_status == Question.ANSWER_DRAFT,
                "attachment_url": question_url("attachment", question) if question.attachment else "",
                "note_url": question_url("note", question),
                "approve_url": question_url("approve", question),
                "return_url": question_url("return", question),
                "reopen_url": question_url("reopen", question),
                "user_name": _user_name,
                "drafted_by": _user_name(question.answer_drafted_by) if question.answer_drafted_by_id else "",
                "submitted_by": _user_name(question.answer_submitted_by) if question.answer_submitted_by_id else "",
                "approved_by": _user_name(question.answer_approved_by) if question.answer_approved_by_id else "",
            }
        )
        return context


def may_reopen(user, question) -> bool:
    from .permissions import is_approver

    return (
        is_approver(user, question.site_id)
        and can_view_question(user, question)
        and user.has_perm("feedback.change_question")
    )


class QuestionDeleteView(DeleteView):
    def get_queryset(self):
        return scope(Question.objects.all(), self.request.user, shared=False)


class QuestionHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return scope(super().get_base_object_queryset(), self.request.user, shared=False)


class QuestionUsageView(UsageView):
    def get_base_object_queryset(self):
        return scope(super().get_base_object_queryset(), self.request.user, shared=False)


# Small POST actions ---------------------------------------------------------------


def _question_for(request, pk, permission="change"):
    question = get_object_or_404(scope(Question.objects.all(), request.user, shared=False), pk=pk)
    if not request.user.has_perm(f"feedback.{permission}_question"):
        raise PermissionDenied
    return question


@require_POST
def add_note(request, pk):
    question = _question_for(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        Note.objects.create(question=question, author=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Đã thêm ghi chú nội bộ.")
    else:
        messages.error(request, " ".join(form.errors.get("text", ["Ghi chú không hợp lệ."])))
    return redirect(question_url("edit", question) + "#ghi-chu")


@require_POST
def approve_answer(request, pk):
    question = _question_for(request, pk)
    allowed, reason = may_approve_answer(request.user, question)
    if not allowed:
        messages.error(request, reason)
        return redirect(question_url("edit", question))
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        allowed, reason = may_approve_answer(request.user, question)
        if not allowed:
            messages.error(request, reason)
            return redirect(question_url("edit", question))
        now = timezone.now()
        question.answer_status = Question.ANSWER_APPROVED
        question.answer_approved_by = request.user
        question.answer_approved_at = now
        question.status = Question.ANSWERED
        question.closed_at = now
        question.save()
        log_event(question, request.user, "Duyệt câu trả lời." + (" Đăng công khai." if question.is_published else ""))
    if notify.send_answer(question):
        messages.success(request, "Đã duyệt câu trả lời và gửi thư trả lời cho người hỏi.")
    else:
        messages.success(request, "Đã duyệt câu trả lời. Người hỏi không có thư điện tử: hãy báo qua điện thoại.")
    return redirect(question_url("edit", question))


@require_POST
def return_answer(request, pk):
    question = _question_for(request, pk)
    allowed, reason = may_approve_answer(request.user, question)
    if not allowed:
        messages.error(request, reason)
        return redirect(question_url("edit", question))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("comment", ["Yêu cầu sửa không hợp lệ."])))
        return redirect(question_url("edit", question))
    question.answer_status = Question.ANSWER_DRAFT
    question.save()
    log_event(question, request.user, f"Yêu cầu sửa câu trả lời: {form.cleaned_data['comment']}")
    messages.success(request, "Đã trả câu trả lời về cho người soạn sửa.")
    return redirect(question_url("edit", question))


@require_POST
def reopen_answer(request, pk):
    """An approved answer goes back to draft (and off the public list) to be corrected."""
    question = _question_for(request, pk)
    if question.answer_status != Question.ANSWER_APPROVED or not may_reopen(request.user, question):
        messages.error(request, "Chỉ lãnh đạo mới mở lại được câu trả lời đã duyệt.")
        return redirect(question_url("edit", question))
    question.answer_status = Question.ANSWER_DRAFT
    question.status = Question.PROCESSING
    question.closed_at = None
    question.save()
    log_event(question, request.user, "Mở lại câu trả lời đã duyệt để sửa (gỡ khỏi danh sách công khai).")
    messages.success(request, "Đã mở lại câu trả lời. Hỏi đáp không còn hiện công khai cho đến khi được duyệt lại.")
    return redirect(question_url("edit", question))


def attachment(request, pk):
    """The citizen's attachment, only for staff of the question's ward with the view permission."""
    question = get_object_or_404(scope(Question.objects.all(), request.user, shared=False), pk=pk)
    if not can_view_question(request.user, question):
        raise PermissionDenied
    if not question.attachment:
        raise Http404("Câu hỏi không có tệp đính kèm.")
    try:
        handle = question.attachment.open("rb")
    except FileNotFoundError as error:
        raise Http404("Không tìm thấy tệp.") from error
    filename = question.attachment_name or question.attachment.name.rsplit("/", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=question.attachment_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
