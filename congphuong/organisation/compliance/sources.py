"""The registry of content sources a mandatory category can be checked against.

A source is a small adapter: given the ward (Site), the category row and the day, it
returns a `Resolved` — a queryset of dated items with uniform annotations — or
None when the app that holds that content is not installed (the board then says
"chưa có"). Other apps' models are imported lazily, inside the adapters.

Uniform annotations on `Resolved.items`:

- ``board_title``  what the board lists (never a citizen's personal data);
- ``board_ref``    the day the clock starts (document issued, question received, week start) or NULL;
- ``board_due``      an explicit due date kept by the source (questions), else NULL;
- ``board_public``   when the item went public / was answered, NULL if not yet;
- ``board_updated``  last public update;
- ``board_live``     whether it counts as published now.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.db.models import BooleanField, Case, DateField, DateTimeField, F, Q, Value, When
from django.db.models.functions import Coalesce, Concat, TruncDate

from congphuong.core.text import fold

KIND_CONTENT = "content"
KIND_QUESTIONS = "questions"


@dataclass
class Resolved:
    items: models.QuerySet
    # Items that should exist but do not (e.g. this week's schedule): (title, ref_date).
    missing: list[tuple[str, datetime.date]] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    resolve: Callable
    default_deadline: int | None = None
    default_legal_basis: str = ""
    kind: str = KIND_CONTENT
    app_label: str = "organisation"
    help: str = ""
    # What a finding of this source says of an item not yet done / done: (pending, done). Empty: the
    # kind's own words ("Chưa đăng"/"Đăng", or "Chưa trả lời"/"Trả lời" for questions).
    wording: tuple[str, str] | tuple[()] = ()


SOURCES: dict[str, Source] = {}


def register(
    key,
    label,
    *,
    default_deadline=None,
    legal_basis="",
    kind=KIND_CONTENT,
    app_label="organisation",
    help="",  # noqa: A002
    wording=(),
):
    def decorator(fn):
        SOURCES[key] = Source(key, label, fn, default_deadline, legal_basis, kind, app_label, help, wording)
        return fn

    return decorator


def source_choices():
    return [(source.key, source.label) for source in SOURCES.values()]


def get_source(key) -> Source | None:
    return SOURCES.get(key)


# --- helpers ---------------------------------------------------------------------------------


def _model(app_label, model_name):
    """The model, or None when its app is not installed."""
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def _null_date():
    return Value(None, output_field=DateField())


def _null_datetime():
    return Value(None, output_field=DateTimeField())


def pages_as_items(queryset, ref_date=None, title=None):
    """Pages annotated with the uniform fields; `ref_date` an expression or None."""
    return queryset.annotate(
        board_title=title if title is not None else F("title"),
        board_ref=ref_date if ref_date is not None else _null_date(),
        board_due=_null_date(),
        # A page made live without Wagtail's publish step has no first_published_at.
        board_public=Coalesce("first_published_at", "last_published_at"),
        board_updated=F("last_published_at"),
        board_live=Case(
            When(Q(live=True, expired=False), then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
    )


def ward_pages(model, site):
    """Pages of `model` inside the ward's tree (every state: drafts are items not yet published)."""
    return model.objects.filter(path__startswith=site.root_page.path)


def matches(name: str, keywords: list[str]) -> bool:
    folded = fold(name or "")
    return any(fold(word) in folded for word in keywords if word)


def _ward_keywords(site, category) -> list[str]:
    if category.keyword_list:
        return category.keyword_list
    from congphuong.wards.models import WardSettings

    settings = WardSettings.objects.filter(site=site).only("short_name").first()
    return [settings.short_name if settings and settings.short_name else site.site_name]


def _documents(site, category, own: bool | None = None, keywords_on=None, default_keywords=()):
    LegalDocumentPage = _model("documents", "LegalDocumentPage")  # noqa: N806
    if LegalDocumentPage is None:
        return None
    items = ward_pages(LegalDocumentPage, site)
    if own is not None:
        Issuer = _model("documents", "Issuer")  # noqa: N806
        words = _ward_keywords(site, category)
        own_ids = [pk for pk, name in Issuer.objects.values_list("pk", "name") if matches(name, words)]
        items = items.filter(issuer_id__in=own_ids) if own else items.exclude(issuer_id__in=own_ids)
    if keywords_on:
        words = category.keyword_list or list(default_keywords)
        type_ids = [
            pk
            for pk, name in _model("documents", "DocumentType").objects.values_list("pk", "name")
            if matches(name, words)
        ]
        sector_ids = [
            pk
            for pk, name in _model("documents", "DocumentSector").objects.values_list("pk", "name")
            if matches(name, words)
        ]
        items = items.filter(Q(doc_type_id__in=type_ids) | Q(sectors__in=sector_ids)).distinct()
    return Resolved(pages_as_items(items, ref_date=F("issued_on")))


# --- sources -----------------------------------------------------------------------------------


@register(
    "ward_documents",
    "Văn bản của phường",
    default_deadline=2,
    legal_basis="Điều 17 Nghị định 43/2011/NĐ-CP: chậm nhất 2 ngày làm việc kể từ ngày ban hành",
    app_label="documents",
    help="Văn bản có cơ quan ban hành mang tên phường (hoặc khớp từ khóa nhận diện).",
)
def ward_documents(site, category, today=None):
    return _documents(site, category, own=True)


@register(
    "other_documents",
    "Văn bản của cơ quan khác",
    default_deadline=10,
    legal_basis="Điều 17 Nghị định 43/2011/NĐ-CP: chậm nhất 10 ngày làm việc",
    app_label="documents",
)
def other_documents(site, category, today=None):
    return _documents(site, category, own=False)


@register(
    "plans_statistics",
    "Kế hoạch, báo cáo, số liệu thống kê",
    default_deadline=10,
    legal_basis="Điều 17 Nghị định 43/2011/NĐ-CP: chậm nhất 10 ngày làm việc",
    app_label="documents",
    help="Văn bản có loại hoặc lĩnh vực khớp từ khóa (mặc định: kế hoạch; báo cáo; thống kê).",
)
def plans_statistics(site, category, today=None):
    return _documents(site, category, keywords_on=True, default_keywords=("kế hoạch", "báo cáo", "thống kê"))


@register(
    "legal_dissemination",
    "Phổ biến, giáo dục pháp luật",
    default_deadline=15,
    legal_basis="Điều 17 Nghị định 43/2011/NĐ-CP: chậm nhất 15 ngày làm việc",
    help="Tin bài trong chuyên mục nguồn đã chọn; nếu không chọn, văn bản có loại/lĩnh vực khớp từ khóa "
    "(mặc định: phổ biến; tuyên truyền; pháp luật).",
)
def legal_dissemination(site, category, today=None):
    if category.source_page_id:
        return section_pages(site, category, today)
    return _documents(site, category, keywords_on=True, default_keywords=("phổ biến", "tuyên truyền", "pháp luật"))


@register("drafts", "Dự thảo lấy ý kiến", app_label="documents")
def drafts(site, category, today=None):
    DraftDocumentPage = _model("documents", "DraftDocumentPage")  # noqa: N806
    if DraftDocumentPage is None:
        return None
    return Resolved(pages_as_items(ward_pages(DraftDocumentPage, site)))


@register("procedures", "Thủ tục hành chính", app_label="procedures")
def procedures(site, category, today=None):
    ProcedurePage = _model("procedures", "ProcedurePage")  # noqa: N806
    if ProcedurePage is None:
        return None
    return Resolved(pages_as_items(ward_pages(ProcedurePage, site)))


@register(
    "organisation",
    "Lãnh đạo, cơ cấu tổ chức",
    legal_basis="Nghị định 42/2022/NĐ-CP; Nghị định 224/2026/NĐ-CP (từ 1/7/2026): cập nhật ngay khi thay đổi",
)
def organisation(site, category, today=None):
    from ..models import Leader

    items = Leader.objects.filter(site=site).annotate(
        board_title=F("full_name"),
        board_ref=_null_date(),
        board_due=_null_date(),
        board_public=F("first_published_at"),
        board_updated=F("last_published_at"),
        board_live=F("live"),
    )
    return Resolved(items)


@register("about", "Giới thiệu: lịch sử, bản đồ, điều kiện tự nhiên – xã hội, khu phố")
def about(site, category, today=None):
    from wagtail.models import Page

    from ..models import AboutIndexPage, AboutPage

    pages = Page.objects.type(AboutPage, AboutIndexPage).filter(path__startswith=site.root_page.path)
    return Resolved(pages_as_items(pages))


@register("work_schedule", "Lịch công tác", default_deadline=0, help="Lịch mỗi tuần phải đăng chậm nhất ngày đầu tuần.")
def work_schedule(site, category, today=None):
    from django.utils import timezone

    from ..models import WeeklySchedulePage, WorkSchedulePage
    from ..weeks import Week

    items = pages_as_items(ward_pages(WeeklySchedulePage, site), ref_date=F("week_start"))
    missing = []
    if WorkSchedulePage.objects.live().filter(path__startswith=site.root_page.path).exists():
        week = Week.containing(today or timezone.localdate())
        if not items.filter(week_start=week.start).exists():
            missing.append((f"Lịch công tác {week.label[0].lower()}{week.label[1:]}", week.start))
    return Resolved(items, missing=missing)


@register(
    "disclosures",
    "Thông tin công khai (theo nhóm)",
    legal_basis="Điều 11, Điều 12 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
    help="Bài trong mục Công khai, thuộc nhóm đã chọn (để trống là mọi nhóm).",
)
def disclosures(site, category, today=None):
    from ..models import DisclosurePage

    queryset = ward_pages(DisclosurePage, site)
    if category.disclosure_category_id:
        queryset = queryset.filter(category_id=category.disclosure_category_id)
    return Resolved(pages_as_items(queryset, ref_date=F("posted_on")))


@register("section", "Chuyên mục do bạn chọn", help="Mọi trang nằm trong “Chuyên mục nguồn”.")
def section_pages(site, category, today=None):
    from wagtail.models import Page

    if not category.source_page_id:
        return Resolved(Page.objects.none().annotate(**_empty_annotations()), note="Chưa chọn chuyên mục nguồn.")
    source = category.source_page
    if not source.path.startswith(site.root_page.path):
        return Resolved(
            Page.objects.none().annotate(**_empty_annotations()), note="Chuyên mục nguồn không thuộc phường này."
        )
    return Resolved(pages_as_items(Page.objects.descendant_of(source)))


@register(
    "questions",
    "Hỏi đáp, phản ánh kiến nghị",
    default_deadline=15,
    legal_basis="Trả lời hoặc thông báo tiến độ chậm nhất 15 ngày làm việc kể từ ngày nhận",
    kind=KIND_QUESTIONS,
    app_label="feedback",
)
def questions(site, category, today=None):
    Question = _model("feedback", "Question")  # noqa: N806
    if Question is None:
        return None
    open_statuses = getattr(Question, "OPEN_STATUSES", ("new", "processing"))
    topic = "topic__name" if any(f.name == "topic" for f in Question._meta.get_fields()) else None
    items = Question.objects.filter(site=site).annotate(
        # The code and topic only: the asker's identity stays in the back office.
        board_title=F("code") if topic is None else Concat(F("code"), Value(" – "), Coalesce(F(topic), Value(""))),
        board_ref=TruncDate("received_at"),
        board_due=F("due_date"),
        board_public=Case(
            When(status__in=open_statuses, then=_null_datetime()),
            default=Coalesce("answer_approved_at", "closed_at", "updated_at"),
            output_field=DateTimeField(),
        ),
        board_updated=Coalesce("published_at", "closed_at"),
        board_live=Case(
            When(status__in=open_statuses, then=Value(False)), default=Value(True), output_field=BooleanField()
        ),
    )

    return Resolved(items)


@register(
    "english_section",
    "Phần tiếng Anh: tổ chức bộ máy, chức năng nhiệm vụ, liên hệ",
    legal_basis="Nghị định 42/2022/NĐ-CP, Điều 7",
    help="Trang chủ tiếng Anh (/en/), trang tổ chức bộ máy bằng tiếng Anh, tên và địa chỉ bằng tiếng Anh.",
)
def english_section(site, category, today=None):
    from wagtail.models import Page

    from ..english import english_section as read_section

    section = read_section(site)
    if not section.complete:
        # Counted as "Chưa có" until every part the law names is there (organisation/english.py).
        return Resolved(pages_as_items(Page.objects.none()), note="Còn thiếu: " + "; ".join(section.missing) + ".")
    return Resolved(pages_as_items(section.pages()))


def _empty_annotations():
    return {
        "board_title": Value("", output_field=models.CharField()),
        "board_ref": _null_date(),
        "board_due": _null_date(),
        "board_public": _null_datetime(),
        "board_updated": _null_datetime(),
        "board_live": Value(False, output_field=BooleanField()),
    }


# Defaults for a new ward: (name, source key, deadline override or None = the source's default).
DEFAULT_CATEGORIES = [
    ("Văn bản do phường ban hành", "ward_documents"),
    ("Văn bản của cơ quan khác", "other_documents"),
    ("Kế hoạch, báo cáo, số liệu thống kê", "plans_statistics"),
    ("Phổ biến, giáo dục pháp luật", "legal_dissemination"),
    ("Dự thảo lấy ý kiến nhân dân", "drafts"),
    ("Thủ tục hành chính", "procedures"),
    ("Lãnh đạo và cơ cấu tổ chức", "organisation"),
    ("Giới thiệu: lịch sử, bản đồ, điều kiện tự nhiên – xã hội", "about"),
    ("Lịch công tác của lãnh đạo", "work_schedule"),
    ("Công khai ngân sách", "disclosures"),
    ("Hỏi đáp, phản ánh kiến nghị của người dân", "questions"),
    ("Phần tiếng Anh (tổ chức bộ máy, chức năng nhiệm vụ, liên hệ)", "english_section"),
]


def ensure_default_categories(site):
    """Create the default mandatory categories for `site` when it has none; returns how many were made."""
    from ..models import DisclosureCategory, MandatoryCategory

    if MandatoryCategory.objects.filter(site=site).exists():
        return 0
    budget = DisclosureCategory.objects.filter(site=site, slug="ngan-sach").first()
    rows = []
    for order, (name, key) in enumerate(DEFAULT_CATEGORIES, start=1):
        source = SOURCES[key]
        rows.append(
            MandatoryCategory(
                site=site,
                name=name,
                legal_basis=source.default_legal_basis,
                source=key,
                deadline_working_days=source.default_deadline,
                warn_working_days=3 if source.kind == KIND_QUESTIONS else 2,
                disclosure_category=budget if key == "disclosures" else None,
                sort_order=order * 10,
            )
        )
    MandatoryCategory.objects.bulk_create(rows)
    return len(rows)
