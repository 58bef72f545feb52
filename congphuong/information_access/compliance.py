"""The compliance board ("Bảng theo dõi công khai thông tin") tracks the section and the requests' deadlines.

Two sources of `organisation.compliance.sources`, registered when this app is loaded, and two default
mandatory categories for wards that get their categories from now on:

- "information_access_section": the ward's "Tiếp cận thông tin" page (missing until it is published);
- "information_requests": requests for information against their own due date (the extended one when
  there was an extension); only the code is listed, never the requester.
"""

from django.db.models import BooleanField, Case, DateTimeField, F, Value, When
from django.db.models.functions import TruncDate

from congphuong.organisation.compliance import sources
from congphuong.organisation.compliance.sources import KIND_QUESTIONS, Resolved, pages_as_items, register, ward_pages

SECTION = "information_access_section"
REQUESTS = "information_requests"
DEFAULT_CATEGORIES = [
    ("Chuyên mục tiếp cận thông tin", SECTION),
    ("Yêu cầu cung cấp thông tin", REQUESTS),
]


@register(
    SECTION,
    "Chuyên mục tiếp cận thông tin",
    legal_basis="Luật Tiếp cận thông tin 104/2016/QH13 Điều 17, 19; Nghị định 13/2018/NĐ-CP Điều 11",
    app_label="information_access",
    help="Trang “Tiếp cận thông tin” của phường: danh mục thông tin công khai, đầu mối, cách yêu cầu.",
)
def section(site, category, today=None):
    from .models import InformationAccessPage

    return Resolved(pages_as_items(ward_pages(InformationAccessPage, site)))


@register(
    REQUESTS,
    "Yêu cầu cung cấp thông tin",
    legal_basis="Luật Tiếp cận thông tin 104/2016/QH13: giải quyết trong thời hạn, gia hạn một lần "
    "(số ngày theo thiết lập của trang Tiếp cận thông tin)",
    kind=KIND_QUESTIONS,
    app_label="information_access",
    help="Yêu cầu chưa kết thúc so với hạn giải quyết của từng yêu cầu (kể cả khi đã gia hạn).",
    wording=("Chưa giải quyết xong", "Kết thúc"),
)
def requests(site, category, today=None):
    from .models import InformationRequest

    open_statuses = InformationRequest.OPEN_STATUSES
    items = InformationRequest.objects.filter(site=site).annotate(
        board_title=F("code"),
        board_ref=TruncDate("received_at"),
        board_due=F("due_date"),
        board_public=Case(
            When(status__in=open_statuses, then=Value(None, output_field=DateTimeField())),
            default=F("closed_at"),
            output_field=DateTimeField(),
        ),
        board_updated=F("closed_at"),
        board_live=Case(
            When(status__in=open_statuses, then=Value(False)), default=Value(True), output_field=BooleanField()
        ),
    )
    return Resolved(items)


def add_default_categories():
    """Offer both categories to wards whose board is created from now on (idempotent)."""
    known = {key for _, key in sources.DEFAULT_CATEGORIES}
    sources.DEFAULT_CATEGORIES.extend(item for item in DEFAULT_CATEGORIES if item[1] not in known)
