"""The public side of InformationAccessPage: the section, the request form, receipt and status lookup.

Nothing rendered here shows a requester's name, ID number, address or contacts: the receipt and the
lookup show the code, dates, status and outcome only.
"""

from django.core import signing
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, gettext_lazy

from congphuong.core.text import nfc

from . import handling, limits, notify
from .forms import LookupForm, RequestForm
from .models import InformationRequest

RECEIPT_SALT = "congphuong.information_access.receipt"
RECEIPT_MAX_AGE = 7 * 24 * 60 * 60
REQUEST_LIMIT_MESSAGE = gettext_lazy(
    "Bạn đã gửi nhiều yêu cầu trong một giờ qua. Để chống thư rác, cổng tạm ngừng nhận từ thiết bị này; "
    "vui lòng thử lại sau một giờ hoặc liên hệ trực tiếp đầu mối cung cấp thông tin của phường."
)
LOOKUP_LIMIT_MESSAGE = gettext_lazy("Bạn đã tra cứu quá nhiều lần trong một giờ. Vui lòng thử lại sau.")
NOT_FOUND_MESSAGE = gettext_lazy(
    "Không tìm thấy yêu cầu khớp với mã tra cứu và 4 số đã nhập. Vui lòng kiểm tra lại mã "
    "(ví dụ TCTT-2026-7K3QX) và 4 số cuối của số giấy tờ tùy thân hoặc số điện thoại đã khai."
)


def _private(response):
    """A page about one request is never kept in a shared cache."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def index(page, request):
    items = list(page.published_items.all())
    return page.render(request, context_overrides={"published_items": items, "lookup_form": LookupForm()})


def request_form(page, request):
    site = page.get_site()
    problem = ""
    if request.method == "POST":
        form = RequestForm(request.POST)
        # Spent only for a valid request, and atomically before it is stored.
        if limits.is_limited("request", request) or (form.is_valid() and not limits.take("request", request)):
            problem = REQUEST_LIMIT_MESSAGE
        elif form.is_valid():
            item = _create(page, site, form.cleaned_data)
            notify.send_receipt(item)
            notify.send_staff_alert(item)
            token = signing.dumps(item.code, salt=RECEIPT_SALT)
            return redirect(page.get_url(request) + page.reverse_subpage("receipt") + f"?phieu={token}")
    else:
        form = RequestForm()
    return page.render(
        request, template="information_access/request_form.html", context_overrides={"form": form, "problem": problem}
    )


def _create(page, site, data) -> InformationRequest:
    now = timezone.now()
    item = InformationRequest(
        site=site,
        page=page,
        full_name=data["full_name"],
        id_number=data["id_number"],
        address=data["address"],
        phone=data["phone"],
        email=data["email"],
        information=data["information"],
        purpose=data.get("purpose", ""),
        delivery=data["delivery"],
        consent_at=now,
        received_at=now,
    )
    return handling.receive(item)


def receipt(page, request):
    item = None
    problem = ""
    try:
        code = signing.loads(request.GET.get("phieu", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
    except signing.BadSignature:
        code = None
        problem = gettext(
            "Không mở được phiếu tiếp nhận (đường dẫn không đúng hoặc đã quá 7 ngày). "
            "Bạn vẫn có thể tra cứu bằng mã đã ghi lại hoặc trong thư xác nhận."
        )
    if code:
        item = (
            InformationRequest.objects.filter(code=code, site=page.get_site())
            .only("code", "received_at", "due_date", "email", "delivery", "status")
            .first()
        )
        if item is None:
            problem = gettext("Không tìm thấy yêu cầu của phiếu này.")
    response = page.render(
        request,
        template="information_access/receipt.html",
        context_overrides={"item": item, "problem": problem},
    )
    return _private(response)


def lookup(page, request):
    """The status of one's own request: the code AND the last 4 digits of the ID number or phone."""
    item = None
    problem = ""
    if request.method == "POST":
        form = LookupForm(request.POST)
        if limits.is_limited("lookup", request) or (form.is_valid() and not limits.take("lookup", request)):
            problem = LOOKUP_LIMIT_MESSAGE
        elif form.is_valid():
            candidate = (
                InformationRequest.objects.filter(code=form.cleaned_data["code"], site=page.get_site())
                .select_related("refusal_ground")
                .first()
            )
            if candidate is not None and form.matches(candidate):
                item = candidate
            else:
                problem = NOT_FOUND_MESSAGE
    else:
        form = LookupForm(initial={"code": nfc(request.GET.get("ma", ""))[:40]})
    response = page.render(
        request,
        template="information_access/lookup.html",
        context_overrides={"form": form, "item": item, "problem": problem},
    )
    return _private(response)
