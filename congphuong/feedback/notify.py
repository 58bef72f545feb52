"""E-mails to the citizen (receipt, answer, transfer, refusal) and to the ward's inbox.

Plain text in Vietnamese, through ``django.core.mail`` (console in development,
SMTP in production). A failure to send is logged, never shown to the citizen as an error.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Question

logger = logging.getLogger(__name__)


def _ward_name(question: Question) -> str:
    from congphuong.wards.models import WardSettings

    ward = WardSettings.objects.filter(site_id=question.site_id).first()
    if ward:
        return ward.official_name or ward.short_name
    return question.site.site_name or "Ủy ban nhân dân phường"


def _page_url(question: Question, route: str = "") -> str:
    page = question.page
    if page is None:
        return ""
    base = page.get_full_url() or ""
    if not base:
        return ""
    if not base.endswith("/"):
        base += "/"
    return base + route


def _send(question: Question, template: str, subject: str, recipients: list[str], **extra) -> bool:
    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    context = {
        "question": question,
        "ward_name": _ward_name(question),
        "lookup_url": _page_url(question, f"tra-cuu/?ma={question.code}"),
        "page_url": _page_url(question),
        **extra,
    }
    body = render_to_string(f"feedback/email/{template}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except Exception:  # an SMTP outage must not lose the question
        logger.exception("feedback: could not send %s for %s", template, question.code)
        return False
    return True


def send_receipt(question: Question) -> bool:
    return _send(question, "receipt", f"Đã nhận câu hỏi của bạn – mã {question.code}", [question.email])


def send_answer(question: Question) -> bool:
    public_url = _page_url(question, f"cau-hoi/{question.pk}/") if question.is_published else ""
    return _send(question, "answer", f"Trả lời câu hỏi mã {question.code}", [question.email], public_url=public_url)


def send_transfer(question: Question) -> bool:
    return _send(
        question, "transfer", f"Câu hỏi mã {question.code} được chuyển đến cơ quan có thẩm quyền", [question.email]
    )


def send_rejection(question: Question) -> bool:
    return _send(question, "rejection", f"Kết quả tiếp nhận câu hỏi mã {question.code}", [question.email])


def send_staff_alert(question: Question) -> bool:
    """Tell the ward's inbox that a question arrived (no personal data in the mail)."""
    address = question.page.notify_email if question.page_id else ""
    path = reverse("feedback_questions:edit", args=[question.pk])
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return _send(question, "staff_alert", f"Câu hỏi mới {question.code}", [address], admin_url=admin_url)
