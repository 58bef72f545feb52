"""The steps of a request, each recorded as a RequestEvent with who and when.

receive → (start) → provide | refuse, with at most one extension while it is open. A step that
does not apply (a second extension, a refusal without a ground) raises ``StepRefused`` with the
Vietnamese message to show; nothing is changed then. Deadlines count working days on the shared
calendar (``congphuong.core.workdays``: weekends, Tết and the other holidays, the admin's
table of days off and make-up days).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from congphuong.core.text import nfc
from congphuong.core.workdays import WorkdayCalendar

from .models import DEFAULT_ANSWER_DAYS, DEFAULT_EXTENSION_DAYS, InformationRequest, RequestEvent


class StepRefused(Exception):
    """A step that cannot be taken; the message is for the cadre, in Vietnamese."""


def answer_days(request: InformationRequest) -> int:
    return request.page.answer_working_days if request.page_id else DEFAULT_ANSWER_DAYS


def extension_days(request: InformationRequest) -> int:
    return request.page.extension_working_days if request.page_id else DEFAULT_EXTENSION_DAYS


def first_due_date(request: InformationRequest, calendar: WorkdayCalendar | None = None):
    """The n-th working day after the day of receipt (a request sent during Tết counts from after it)."""
    calendar = calendar or WorkdayCalendar.load()
    received = timezone.localtime(request.received_at).date() if request.received_at else timezone.localdate()
    return calendar.add_working_days(received, answer_days(request))


def record(request, kind, user=None, text="", at=None) -> RequestEvent:
    return RequestEvent.objects.create(request=request, kind=kind, user=user, text=nfc(text), at=at or timezone.now())


def _locked(request: InformationRequest) -> InformationRequest:
    """The row as stored, locked until the step's transaction ends (two cadres at once: one wins)."""
    return InformationRequest.objects.select_for_update().get(pk=request.pk)


def _require_open(current: InformationRequest) -> None:
    if not current.is_open:
        raise StepRefused(f"Yêu cầu {current.code} đã kết thúc ({current.get_status_display().lower()}).")


def _clean(text: str, message: str) -> str:
    text = nfc(text or "").strip()
    if not text:
        raise StepRefused(message)
    return text


@transaction.atomic
def receive(request: InformationRequest) -> InformationRequest:
    """Store a new request and its receipt step."""
    request.save()
    due = request.due_date.strftime("%d/%m/%Y")
    record(
        request,
        RequestEvent.RECEIVED,
        text=f"Tiếp nhận qua cổng thông tin; hạn giải quyết {due}.",
        at=request.received_at,
    )
    return request


@transaction.atomic
def start(request: InformationRequest, user) -> InformationRequest:
    current = _locked(request)
    _require_open(current)
    if current.status == InformationRequest.PROCESSING:
        return current
    current.status = InformationRequest.PROCESSING
    current.save(update_fields=["status", "updated_at"])
    record(current, RequestEvent.STARTED, user, "Bắt đầu giải quyết yêu cầu.")
    return current


@transaction.atomic
def extend(request: InformationRequest, user, reason: str, calendar: WorkdayCalendar | None = None):
    """Push the deadline once by the page's extension days, counted from the current deadline."""
    reason = _clean(reason, "Vui lòng ghi lý do gia hạn để báo cho người yêu cầu.")
    current = _locked(request)
    _require_open(current)
    if current.is_extended:
        raise StepRefused("Yêu cầu này đã được gia hạn một lần; pháp luật chỉ cho gia hạn một lần.")
    calendar = calendar or WorkdayCalendar.load()
    days = extension_days(current)
    old_due = current.due_date
    current.due_date = calendar.add_working_days(old_due, days)
    current.extended_at = timezone.now()
    current.extension_reason = reason
    current.status = InformationRequest.PROCESSING
    current.save(update_fields=["due_date", "extended_at", "extension_reason", "status", "updated_at"])
    record(
        current,
        RequestEvent.EXTENDED,
        user,
        f"Gia hạn {days} ngày làm việc: hạn mới {current.due_date:%d/%m/%Y} "
        f"(hạn cũ {old_due:%d/%m/%Y}). Lý do: {reason}",
    )
    return current


@transaction.atomic
def provide(request: InformationRequest, user, result: str) -> InformationRequest:
    result = _clean(result, "Vui lòng ghi thông tin đã cung cấp và cách cung cấp (ví dụ: gửi bản chụp qua thư).")
    current = _locked(request)
    _require_open(current)
    current.status = InformationRequest.PROVIDED
    current.result = result
    current.closed_at = timezone.now()
    current.closed_by = user
    current.save(update_fields=["status", "result", "closed_at", "closed_by", "updated_at"])
    record(current, RequestEvent.PROVIDED, user, result)
    return current


@transaction.atomic
def refuse(request: InformationRequest, user, ground, reason: str) -> InformationRequest:
    """A refusal cites one of the law's grounds and says why, in writing."""
    if ground is None:
        raise StepRefused("Vui lòng chọn căn cứ từ chối theo quy định của pháp luật.")
    if not ground.active:
        raise StepRefused("Căn cứ từ chối đã chọn không còn được dùng.")
    reason = _clean(reason, "Vui lòng ghi rõ lý do từ chối để báo cho người yêu cầu.")
    current = _locked(request)
    _require_open(current)
    current.status = InformationRequest.REFUSED
    current.refusal_ground = ground
    current.refusal_reason = reason
    current.closed_at = timezone.now()
    current.closed_by = user
    current.save(update_fields=["status", "refusal_ground", "refusal_reason", "closed_at", "closed_by", "updated_at"])
    record(current, RequestEvent.REFUSED, user, f"Căn cứ: {ground.label}. Lý do: {reason}")
    return current


def add_note(request: InformationRequest, user, text: str) -> RequestEvent:
    text = _clean(text, "Vui lòng nhập nội dung ghi chú.")
    return record(request, RequestEvent.NOTE, user, text)
