"""E-mails to the requester (receipt, extension, outcome) and to the ward's inbox.

Plain text through ``django.core.mail``. A requester's e-mails are in the language of the request: a
request made on the English section (/en/, its page is the English translation) gets English mails,
whoever sends them (the cadre's admin is Vietnamese); the ward's inbox always gets Vietnamese. A
failure to send is logged, never shown to the citizen as an error: the request is stored and the
cadre still sees it in the queue.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from .models import InformationRequest

logger = logging.getLogger(__name__)


def request_language(item: InformationRequest) -> str:
    """The language the request was made in: its page's locale ("en" for the English section)."""
    locale = item.page.locale if item.page_id else None
    return getattr(locale, "language_code", None) or settings.LANGUAGE_CODE


def _ward_name(item: InformationRequest) -> str:
    from congphuong.wards.models import WardSettings

    ward = WardSettings.objects.filter(site_id=item.site_id).first()
    if ward:
        ward = ward.in_language(translation.get_language())
        return ward.official_name or ward.short_name
    return item.site.site_name or gettext("Ủy ban nhân dân phường")


def _lookup_url(item: InformationRequest) -> str:
    base = item.page.get_full_url() if item.page_id else ""
    if not base:
        return ""
    return base.rstrip("/") + f"/tra-cuu/?ma={item.code}"


def _send(item: InformationRequest, template: str, subject, recipients, language: str, **extra) -> bool:
    """Render and send one mail in `language`; `subject` is called inside it (its text is a msgid)."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    with translation.override(language):
        context = {"item": item, "ward_name": _ward_name(item), "lookup_url": _lookup_url(item), **extra}
        body = render_to_string(f"information_access/email/{template}.txt", context)
        subject = subject()
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except Exception:  # an SMTP outage must not lose the request
        logger.exception("information_access: could not send %s for %s", template, item.code)
        return False
    return True


def send_receipt(item: InformationRequest) -> bool:
    return _send(
        item,
        "receipt",
        lambda: gettext("Đã nhận yêu cầu cung cấp thông tin – mã %(code)s") % {"code": item.code},
        [item.email],
        request_language(item),
    )


def send_extension(item: InformationRequest) -> bool:
    return _send(
        item,
        "extension",
        lambda: gettext("Gia hạn giải quyết yêu cầu mã %(code)s") % {"code": item.code},
        [item.email],
        request_language(item),
    )


def send_outcome(item: InformationRequest) -> bool:
    return _send(
        item,
        "outcome",
        lambda: gettext("Kết quả giải quyết yêu cầu mã %(code)s") % {"code": item.code},
        [item.email],
        request_language(item),
    )


def send_staff_alert(item: InformationRequest) -> bool:
    """Tell the ward's inbox that a request arrived (no personal data in the mail), in Vietnamese
    even when the request came from the English section."""
    address = item.page.notify_email if item.page_id else ""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("information_requests:edit", args=[item.pk])
    return _send(
        item,
        "staff_alert",
        lambda: f"Yêu cầu cung cấp thông tin mới {item.code}",
        [address],
        settings.LANGUAGE_CODE,
        admin_url=admin_url,
    )
