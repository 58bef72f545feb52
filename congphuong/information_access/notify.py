"""E-mails to the requester (receipt, extension, outcome) and to the ward's inbox.

Plain text in Vietnamese through ``django.core.mail``. A failure to send is logged, never shown to
the citizen as an error: the request is stored and the cadre still sees it in the queue.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from .models import InformationRequest

logger = logging.getLogger(__name__)


def _ward_name(item: InformationRequest) -> str:
    from congphuong.wards.models import WardSettings

    ward = WardSettings.objects.filter(site_id=item.site_id).first()
    if ward:
        return ward.official_name or ward.short_name
    return item.site.site_name or "Ủy ban nhân dân phường"


def _lookup_url(item: InformationRequest) -> str:
    base = item.page.get_full_url() if item.page_id else ""
    if not base:
        return ""
    return base.rstrip("/") + f"/tra-cuu/?ma={item.code}"


def _send(item: InformationRequest, template: str, subject: str, recipients, **extra) -> bool:
    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    context = {"item": item, "ward_name": _ward_name(item), "lookup_url": _lookup_url(item), **extra}
    body = render_to_string(f"information_access/email/{template}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except Exception:  # an SMTP outage must not lose the request
        logger.exception("information_access: could not send %s for %s", template, item.code)
        return False
    return True


def send_receipt(item: InformationRequest) -> bool:
    return _send(item, "receipt", f"Đã nhận yêu cầu cung cấp thông tin – mã {item.code}", [item.email])


def send_extension(item: InformationRequest) -> bool:
    return _send(item, "extension", f"Gia hạn giải quyết yêu cầu mã {item.code}", [item.email])


def send_outcome(item: InformationRequest) -> bool:
    return _send(item, "outcome", f"Kết quả giải quyết yêu cầu mã {item.code}", [item.email])


def send_staff_alert(item: InformationRequest) -> bool:
    """Tell the ward's inbox that a request arrived (no personal data in the mail)."""
    address = item.page.notify_email if item.page_id else ""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("information_requests:edit", args=[item.pk])
    return _send(item, "staff_alert", f"Yêu cầu cung cấp thông tin mới {item.code}", [address], admin_url=admin_url)
