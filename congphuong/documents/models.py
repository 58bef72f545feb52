"""Văn bản: a ward's legal and administrative documents, and drafts open for public comment.

Page tree under a ward's HomePage::

    DocumentIndexPage "Văn bản"               → LegalDocumentPage …
    DraftIndexPage "Dự thảo lấy ý kiến"       → DraftDocumentPage …  (comments: DraftComment)

A document's legal status (còn hiệu lực / hết hiệu lực / chưa có hiệu lực) is never typed in:
it follows from its dates and from being replaced by a live document (``compute_status``, the
``LegalDocumentQuerySet.with_status`` annotation and ``LegalDocumentPage.compute_legal_status``).
"""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from congphuong.core.listing import FilteredIndexPage
from congphuong.core.models import BasePage, PortalPageQuerySet
from congphuong.core.page_forms import BasePageForm
from congphuong.core.text import fold

from .lists import ManagedList

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
# Attached files citizens can open on a phone: the office formats of a ward's documents.
ATTACHMENT_KINDS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "doc": "Word (DOC)",
    "odt": "OpenDocument (ODT)",
    "xlsx": "Excel (XLSX)",
    "xls": "Excel (XLS)",
    "ods": "OpenDocument (ODS)",
}


def ward_path(page) -> str:
    """The tree path of the ward home page `page` lives under (HomePage sits at depth 2)."""
    return page.path[: 2 * page.steplen]


def leading_number(number: str):
    """125 for "125/QĐ-UBND", None when the number does not start with digits."""
    match = re.match(r"\s*(\d{1,9})", number or "")
    return int(match.group(1)) if match else None


# --- Managed lists ------------------------------------------------------------------------


class DocumentType(ManagedList):
    class Meta(ManagedList.Meta):
        verbose_name = "Loại văn bản"
        verbose_name_plural = "Loại văn bản"


class Issuer(ManagedList):
    class Meta(ManagedList.Meta):
        verbose_name = "Cơ quan ban hành"
        verbose_name_plural = "Cơ quan ban hành"


class DocumentSector(ManagedList):
    class Meta(ManagedList.Meta):
        verbose_name = "Lĩnh vực văn bản"
        verbose_name_plural = "Lĩnh vực văn bản"


# --- Legal status -------------------------------------------------------------------------


class LegalStatus(models.TextChoices):
    IN_FORCE = "con-hieu-luc", "Còn hiệu lực"
    NOT_YET = "chua-co-hieu-luc", "Chưa có hiệu lực"
    EXPIRED = "het-hieu-luc", "Hết hiệu lực"


def compute_status(
    effective_start: datetime.date | None,
    effective_until: datetime.date | None,
    replaced: bool,
    today: datetime.date,
) -> str:
    """The rule, in one place (the queryset annotation mirrors it in SQL).

    Replaced by a live document that is itself in force → hết hiệu lực; effective date still
    ahead → chưa có hiệu lực; "ngày hết hiệu lực" reached (the first day without effect) → hết
    hiệu lực; otherwise còn hiệu lực.
    """
    if replaced:
        return LegalStatus.EXPIRED
    if effective_start and effective_start > today:
        return LegalStatus.NOT_YET
    if effective_until and effective_until <= today:
        return LegalStatus.EXPIRED
    return LegalStatus.IN_FORCE


def _effective_replacements(today):
    """Replacement links whose replacing document is live and already in force on `today`."""
    return (
        DocumentReplacement.objects.filter(page__live=True)
        .annotate(replacer_start=Coalesce("page__effective_from", "page__issued_on"))
        .filter(replacer_start__lte=today)
    )


class LegalDocumentQuerySet(PortalPageQuerySet):
    def with_status(self, today=None):
        """Annotate `legal_status` (a LegalStatus value) and `is_replaced`; filterable and sortable."""
        today = today or timezone.localdate()
        replaced = _effective_replacements(today).filter(document=OuterRef("pk"))
        return self.annotate(
            effective_start_on=Coalesce("effective_from", "issued_on"),
            is_replaced=Exists(replaced),
        ).annotate(
            legal_status=Case(
                When(is_replaced=True, then=Value(LegalStatus.EXPIRED.value)),
                When(effective_start_on__gt=today, then=Value(LegalStatus.NOT_YET.value)),
                When(effective_until__lte=today, then=Value(LegalStatus.EXPIRED.value)),
                default=Value(LegalStatus.IN_FORCE.value),
                output_field=models.CharField(),
            )
        )


LegalDocumentManager = PageManager.from_queryset(LegalDocumentQuerySet)


# --- Pages --------------------------------------------------------------------------------


class DocumentIndexPage(FilteredIndexPage):
    """ "Văn bản": the ward's searchable, filterable list of documents."""

    subpage_types = ["documents.LegalDocumentPage"]
    row_noun = "văn bản"

    class Meta:
        verbose_name = "Chuyên mục văn bản"
        verbose_name_plural = "Chuyên mục văn bản"

    def default_description(self) -> str:
        return f"{self.title}: văn bản chỉ đạo, điều hành của phường; tra cứu theo số, loại, cơ quan ban hành."

    def documents(self):
        return LegalDocumentPage.objects.child_of(self).live().public()

    def get_listing(self, request, context):
        from congphuong.core.origin import request_site
        from congphuong.legacy.archive import archive_filter, filter_pages

        from .filters import DocumentListing

        site = request_site(request)
        archive = archive_filter(request, site)  # "Phường cũ" (docs/ward-merger.md)
        context["archive"] = archive
        return DocumentListing(request, filter_pages(self.documents(), site, archive))


class LegalDocumentPageForm(BasePageForm):
    """Replaced and related documents must be other documents of the same ward."""

    def clean(self):
        cleaned_data = super().clean()
        own_path = self.instance.path or getattr(getattr(self, "parent_page", None), "path", "")
        home_path = own_path[: 2 * self.instance.steplen]
        for name in ("replacement_links", "related_links"):
            formset = self.formsets.get(name)
            if formset is None or not formset.is_valid():
                continue
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                document = data.get("document")
                if document is None or data.get("DELETE"):
                    continue
                if self.instance.pk and document.pk == self.instance.pk:
                    form.add_error("document", "Không thể chọn chính văn bản này.")
                elif home_path and not document.path.startswith(home_path):
                    form.add_error("document", "Chỉ chọn được văn bản của chính phường này.")
        return cleaned_data


class LegalDocumentPage(BasePage):
    number = models.CharField("Số/ký hiệu", max_length=100, help_text="Ghi đúng như trên văn bản, ví dụ: 125/QĐ-UBND")
    doc_type = models.ForeignKey(
        DocumentType, verbose_name="Loại văn bản", on_delete=models.PROTECT, related_name="documents"
    )
    issuer = models.ForeignKey(
        Issuer, verbose_name="Cơ quan ban hành", on_delete=models.PROTECT, related_name="documents"
    )
    signer_name = models.CharField("Người ký", max_length=120, blank=True)
    signer_position = models.CharField(
        "Chức vụ người ký", max_length=200, blank=True, help_text="Ví dụ: KT. Chủ tịch – Phó Chủ tịch"
    )
    issued_on = models.DateField("Ngày ban hành", db_index=True)
    effective_from = models.DateField(
        "Ngày có hiệu lực", null=True, blank=True, help_text="Để trống nếu văn bản có hiệu lực từ ngày ban hành."
    )
    effective_until = models.DateField(
        "Ngày hết hiệu lực",
        null=True,
        blank=True,
        help_text="Ngày đầu tiên văn bản không còn hiệu lực. Để trống nếu văn bản không ghi thời hạn.",
    )
    summary = models.TextField("Trích yếu", help_text="Dòng trích yếu ghi trên văn bản (về việc …).")
    sectors = ParentalManyToManyField(DocumentSector, verbose_name="Lĩnh vực", blank=True, related_name="documents")
    body = RichTextField("Ghi chú thêm", blank=True, features=RICH_TEXT_FEATURES)

    # Derived on save: numeric part of the number (for sorting) and a folded text for search.
    number_sort = models.PositiveIntegerField(null=True, editable=False)
    search_text = models.TextField(blank=True, default="", editable=False)

    objects = LegalDocumentManager()
    base_form_class = LegalDocumentPageForm

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type", widget=forms.Select)]),
                FieldPanel("issuer", widget=forms.Select),
                FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_position")]),
                FieldPanel("summary"),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Thông tin văn bản",
        ),
        MultiFieldPanel(
            [FieldPanel("issued_on"), FieldPanel("effective_from"), FieldPanel("effective_until")],
            heading="Ngày tháng và hiệu lực",
            help_text="Tình trạng hiệu lực được tính tự động từ các ngày này và từ văn bản thay thế.",
        ),
        InlinePanel("attachments", label="Tệp đính kèm (PDF, DOCX…)", min_num=0),
        InlinePanel("replacement_links", label="Văn bản này thay thế"),
        InlinePanel("related_links", label="Văn bản liên quan"),
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.FilterField("issued_on"),
    ]

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"

    def clean(self):
        super().clean()
        start = self.effective_from or self.issued_on
        if start and self.effective_until and self.effective_until <= start:
            raise ValidationError({"effective_until": "Ngày hết hiệu lực phải sau ngày có hiệu lực."})

    def save(self, *args, **kwargs):
        self.number_sort = leading_number(self.number)
        self.search_text = fold(" ".join(part for part in (self.number, self.title, self.summary) if part))
        return super().save(*args, **kwargs)

    @property
    def effective_start(self):
        return self.effective_from or self.issued_on

    @property
    def status_label(self) -> str:
        """Label of the annotated status (``with_status``); computed with one query otherwise."""
        status = getattr(self, "legal_status", None) or self.compute_legal_status()
        return LegalStatus(status).label

    def compute_legal_status(self, today=None) -> str:
        today = today or timezone.localdate()
        replaced = self.pk is not None and _effective_replacements(today).filter(document=self).exists()
        return compute_status(self.effective_start, self.effective_until, replaced, today)

    def _ward_documents(self, today):
        return (
            LegalDocumentPage.objects.live()
            .public()
            .filter(path__startswith=ward_path(self))
            .with_status(today)
            .select_related("doc_type")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        documents = self._ward_documents(today)

        replaces_ids = [link.document_id for link in self.replacement_links.all()]
        related_ids = [link.document_id for link in self.related_links.all()]
        linked = {doc.pk: doc for doc in documents.filter(pk__in=replaces_ids + related_ids).exclude(pk=self.pk)}
        replaced_by = list(
            documents.filter(replacement_links__document_id=self.pk).distinct().order_by("-issued_on", "-pk")
        )
        # Related works both ways: also the documents that list this one as related.
        related = [linked[pk] for pk in dict.fromkeys(related_ids) if pk in linked]
        related += [
            doc
            for doc in documents.filter(related_links__document_id=self.pk).exclude(pk__in=related_ids).distinct()
            if doc.pk != self.pk
        ]

        status = self.compute_legal_status(today)
        context.update(
            {
                "status": status,
                "status_label": LegalStatus(status).label,
                "replaced_by": replaced_by,
                "replaces": [linked[pk] for pk in dict.fromkeys(replaces_ids) if pk in linked],
                "related": related,
                "attachments": list(self.attachments.select_related("document")),
                "sectors": list(self.sectors.all()),
                "index_page": self.get_parent(),
            }
        )
        return context


class AttachmentBase(Orderable):
    document = models.ForeignKey("wagtaildocs.Document", verbose_name="Tệp", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(
        "Tên hiển thị", max_length=255, blank=True, help_text="Ví dụ: Toàn văn quyết định; để trống để dùng tên tệp."
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if self.document_id and self.document.file_extension.lower() not in ATTACHMENT_KINDS:
            raise ValidationError({"document": "Chỉ đính kèm tệp văn bản: PDF, DOCX, DOC, ODT, XLSX, XLS hoặc ODS."})

    @property
    def display_name(self) -> str:
        return self.label or self.document.title or self.document.filename

    @property
    def kind(self) -> str:
        extension = self.document.file_extension.lower()
        return ATTACHMENT_KINDS.get(extension, extension.upper())


class LegalDocumentAttachment(AttachmentBase):
    page = ParentalKey(LegalDocumentPage, related_name="attachments", on_delete=models.CASCADE)

    class Meta(AttachmentBase.Meta):
        verbose_name = "Tệp đính kèm"
        verbose_name_plural = "Tệp đính kèm"


class DocumentReplacement(Orderable):
    """`page` replaces `document` ("văn bản thay thế")."""

    page = ParentalKey(LegalDocumentPage, related_name="replacement_links", on_delete=models.CASCADE)
    document = models.ForeignKey(
        LegalDocumentPage,
        verbose_name="Văn bản bị thay thế",
        on_delete=models.CASCADE,
        related_name="replaced_by_links",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Văn bản bị thay thế"
        verbose_name_plural = "Văn bản bị thay thế"


class DocumentRelation(Orderable):
    page = ParentalKey(LegalDocumentPage, related_name="related_links", on_delete=models.CASCADE)
    document = models.ForeignKey(
        LegalDocumentPage,
        verbose_name="Văn bản liên quan",
        on_delete=models.CASCADE,
        related_name="related_from_links",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Văn bản liên quan"
        verbose_name_plural = "Văn bản liên quan"


# --- Drafts open for comment --------------------------------------------------------------


class CommentWindow(models.TextChoices):
    UPCOMING = "sap-lay-y-kien", "Sắp lấy ý kiến"
    OPEN = "dang-lay-y-kien", "Đang lấy ý kiến"
    CLOSED = "da-ket-thuc", "Đã hết thời gian lấy ý kiến"


class DraftIndexPage(BasePage):
    """ "Dự thảo lấy ý kiến": drafts the ward puts to its residents, open ones first."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.DraftDocumentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Chuyên mục dự thảo lấy ý kiến"
        verbose_name_plural = "Chuyên mục dự thảo lấy ý kiến"

    def default_description(self) -> str:
        return gettext("%(title)s: dự thảo văn bản phường đang lấy ý kiến người dân; đọc và gửi góp ý.") % {
            "title": self.title
        }

    def drafts(self):
        return (
            DraftDocumentPage.objects.child_of(self)
            .live()
            .public()
            .select_related("doc_type", "issuer")
            .annotate(approved_count=models.Count("comments", filter=Q(comments__status=DraftComment.Status.APPROVED)))
        )

    def get_context(self, request, *args, **kwargs):
        from congphuong.core.pagination import paginate

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        drafts = self.drafts()
        window = request.GET.get("tinh_trang", "")
        notes = []
        if window == CommentWindow.OPEN:
            drafts = drafts.filter(comment_opens_at__lte=now, comment_closes_at__gt=now)
        elif window == CommentWindow.UPCOMING:
            drafts = drafts.filter(comment_opens_at__gt=now)
        elif window == CommentWindow.CLOSED:
            drafts = drafts.filter(comment_closes_at__lte=now)
        elif window:
            notes.append(gettext("Tình trạng lấy ý kiến không hợp lệ nên đã được bỏ qua; đang hiện tất cả dự thảo."))
            window = ""
        drafts = drafts.annotate(
            open_first=Case(
                When(comment_opens_at__lte=now, comment_closes_at__gt=now, then=Value(0)),
                When(comment_opens_at__gt=now, then=Value(1)),
                default=Value(2),
                output_field=models.IntegerField(),
            )
        ).order_by("open_first", F("comment_closes_at").desc(), "-pk")
        context.update(
            {
                "drafts": paginate(request, drafts, per_page=20),
                "window": window,
                "window_choices": CommentWindow.choices,
                "notes": notes,
                "now": now,
            }
        )
        return context


class DraftDocumentPage(BasePage):
    doc_type = models.ForeignKey(
        DocumentType,
        verbose_name="Loại văn bản dự kiến ban hành",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    issuer = models.ForeignKey(
        Issuer,
        verbose_name="Cơ quan chủ trì soạn thảo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    summary = models.TextField("Tóm tắt dự thảo", help_text="Dự thảo quy định việc gì, áp dụng cho ai.")
    sectors = ParentalManyToManyField(DocumentSector, verbose_name="Lĩnh vực", blank=True, related_name="drafts")
    body = RichTextField("Nội dung, thuyết minh", blank=True, features=RICH_TEXT_FEATURES)
    comment_opens_at = models.DateTimeField("Bắt đầu lấy ý kiến", help_text="Giờ Việt Nam (GMT+7).")
    comment_closes_at = models.DateTimeField(
        "Kết thúc lấy ý kiến", help_text="Giờ Việt Nam (GMT+7). Sau thời điểm này biểu mẫu góp ý tự đóng."
    )
    other_channels = models.TextField(
        "Cách góp ý khác",
        blank=True,
        help_text="Ví dụ: gửi văn bản về Văn phòng HĐND và UBND phường, số điện thoại đầu mối tiếp nhận.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("doc_type", widget=forms.Select),
                FieldPanel("issuer", widget=forms.Select),
                FieldPanel("summary"),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Thông tin dự thảo",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("comment_opens_at"), FieldPanel("comment_closes_at")]),
                FieldPanel("other_channels"),
            ],
            heading="Thời gian lấy ý kiến",
        ),
        InlinePanel("attachments", label="Tệp dự thảo và tài liệu kèm theo"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["documents.DraftIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Dự thảo lấy ý kiến"
        verbose_name_plural = "Dự thảo lấy ý kiến"

    def clean(self):
        super().clean()
        if self.comment_opens_at and self.comment_closes_at and self.comment_closes_at <= self.comment_opens_at:
            raise ValidationError({"comment_closes_at": "Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến."})

    def comment_window(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.comment_opens_at:
            return CommentWindow.UPCOMING
        if now >= self.comment_closes_at:
            return CommentWindow.CLOSED
        return CommentWindow.OPEN

    def approved_comments(self):
        # Contact details are never even loaded for public pages.
        return self.comments.filter(status=DraftComment.Status.APPROVED).only(
            "id", "draft_id", "name", "body", "created_at"
        )

    def serve(self, request, *args, **kwargs):
        from .comments import handle_comment_post

        form, status = None, 200
        if request.method == "POST" and not getattr(request, "is_preview", False):
            outcome = handle_comment_post(self, request)
            if outcome.redirect:
                return outcome.redirect
            form, status = outcome.form, outcome.status
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), self.get_context(request, form=form), status=status
        )

    def get_context(self, request, *args, form=None, **kwargs):
        from congphuong.core.pagination import paginate

        from .comments import DraftCommentForm, new_form_token

        context = super().get_context(request, *args, **kwargs)
        window = self.comment_window()
        if window == CommentWindow.OPEN and form is None:
            form = DraftCommentForm(initial={"started": new_form_token(self)})
        comments = paginate(request, self.approved_comments().order_by("created_at", "pk"), per_page=20)
        context.update(
            {
                "window": window,
                "window_label": CommentWindow(window).label,
                "comment_form": form if window == CommentWindow.OPEN else None,
                "comments": comments,
                "approved_count": comments.paginator.count,
                "just_sent": request.GET.get("da_gui") == "1",
                "attachments": list(self.attachments.select_related("document")),
                "sectors": list(self.sectors.all()),
                "index_page": self.get_parent(),
            }
        )
        return context


class DraftAttachment(AttachmentBase):
    page = ParentalKey(DraftDocumentPage, related_name="attachments", on_delete=models.CASCADE)

    class Meta(AttachmentBase.Meta):
        verbose_name = "Tệp dự thảo"
        verbose_name_plural = "Tệp dự thảo"


class DraftComment(models.Model):
    """A resident's comment on a draft. Stored unpublished; a cadre approves or hides it.

    Email and phone are for the drafting body only: public pages load name, body and date.
    """

    class Status(models.TextChoices):
        PENDING = "cho-duyet", "Chờ duyệt"
        APPROVED = "da-duyet", "Đã duyệt (hiện công khai)"
        HIDDEN = "da-an", "Đã ẩn"

    draft = models.ForeignKey(
        DraftDocumentPage, verbose_name="Dự thảo", on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField("Họ và tên", max_length=120)
    email = models.EmailField("Email", blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    body = models.TextField("Nội dung góp ý", max_length=5000)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField("Thời điểm gửi", default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField("Thời điểm kiểm duyệt", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người kiểm duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_note = models.TextField("Ghi chú nội bộ", blank=True, help_text="Không hiện trên cổng thông tin.")

    panels = [
        FieldPanel("draft", read_only=True),
        FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("created_at", read_only=True)]),
        FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("phone", read_only=True)]),
        FieldPanel("body", read_only=True),
        FieldPanel("status"),
        FieldPanel("internal_note"),
    ]

    class Meta:
        verbose_name = "Góp ý dự thảo"
        verbose_name_plural = "Góp ý dự thảo"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        excerpt = " ".join(self.body.split())
        return f"{self.name}: {excerpt[:60]}{'…' if len(excerpt) > 60 else ''}"

    def moderate(self, status, user=None):
        self.status = status
        self.moderated_at = timezone.now()
        self.moderated_by = user if user is not None and user.is_authenticated else None
        self.save(update_fields=["status", "moderated_at", "moderated_by"])
