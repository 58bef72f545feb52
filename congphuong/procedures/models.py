"""Thủ tục hành chính: the catalogue of administrative procedures a ward handles.

ProcedureIndexPage ("Thủ tục hành chính", one per ward) → ProcedurePage. Each procedure
links to its entry on the national public-service portal, where citizens submit online;
the ward's page explains the steps, the dossier and the forms in plain Vietnamese.

Search ignores diacritics on both sides: ``search_text`` holds the folded name and code
(``congphuong.core.text.fold``), refreshed on every save, and queries are folded the same way.
"""

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from congphuong.core.listing import FilteredIndexPage
from congphuong.core.models import BasePage
from congphuong.core.text import fold
from congphuong.documents.lists import ManagedList

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ProcedureSector(ManagedList):
    class Meta(ManagedList.Meta):
        verbose_name = "Lĩnh vực thủ tục"
        verbose_name_plural = "Lĩnh vực thủ tục"


class Level(models.TextChoices):
    COMMUNE = "cap-xa", "Cấp xã"
    PROVINCE = "cap-tinh", "Cấp tỉnh"
    JOINT = "lien-thong", "Liên thông cấp xã – cấp tỉnh"


class Channel(models.TextChoices):
    IN_PERSON = "truc-tiep", "Trực tiếp"
    ONLINE = "truc-tuyen", "Trực tuyến"
    POST = "buu-chinh", "Qua bưu chính"


class CopyType(models.TextChoices):
    ORIGINAL = "ban-chinh", "Bản chính"
    COPY = "ban-sao", "Bản sao"
    CERTIFIED_COPY = "ban-sao-chung-thuc", "Bản sao có chứng thực"
    COPY_WITH_ORIGINAL = "ban-sao-kem-ban-chinh", "Bản sao kèm bản chính để đối chiếu"
    ORIGINAL_OR_CERTIFIED = "ban-chinh-hoac-ban-sao-chung-thuc", "Bản chính hoặc bản sao có chứng thực"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Bước", max_length=200, help_text="Ví dụ: Nộp hồ sơ")
    description = blocks.RichTextBlock(label="Diễn giải", features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        label = "Bước thực hiện"
        icon = "list-ol"
        template = "procedures/blocks/step.html"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()


class ProcedureIndexPage(FilteredIndexPage):
    """ "Thủ tục hành chính": the ward's searchable catalogue of procedures."""

    subpage_types = ["procedures.ProcedurePage"]
    row_noun = "thủ tục"

    class Meta:
        verbose_name = "Chuyên mục thủ tục hành chính"
        verbose_name_plural = "Chuyên mục thủ tục hành chính"

    def default_description(self) -> str:
        return f"{self.title}: hồ sơ, trình tự, thời hạn và lệ phí các thủ tục giải quyết tại phường."

    def procedures(self):
        return ProcedurePage.objects.child_of(self).live().public()

    def get_listing(self, request, context):
        from .filters import ProcedureListing

        return ProcedureListing(request, self.procedures())


def validate_http_url(value):
    URLValidator(
        schemes=["http", "https"], message="Địa chỉ phải bắt đầu bằng http:// hoặc https:// và đúng dạng một trang web."
    )(value)


class ProcedurePage(BasePage):
    code = models.CharField(
        "Mã thủ tục", max_length=60, blank=True, help_text="Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính."
    )
    sector = models.ForeignKey(
        ProcedureSector, verbose_name="Lĩnh vực", on_delete=models.PROTECT, related_name="procedures"
    )
    level = models.CharField("Cấp thực hiện", max_length=20, choices=Level.choices, default=Level.COMMUNE)
    applicants = models.CharField(
        "Đối tượng thực hiện", max_length=255, blank=True, help_text="Ví dụ: Công dân Việt Nam; tổ chức."
    )
    requirements = RichTextField("Yêu cầu, điều kiện", blank=True, features=RICH_TEXT_FEATURES)
    steps = StreamField(StepsBlock(), verbose_name="Trình tự thực hiện", blank=True)
    processing_time = models.TextField("Thời hạn giải quyết", help_text="Ví dụ: Ngay trong ngày làm việc.")
    fees = models.TextField("Phí, lệ phí", blank=True, help_text="Ghi “Không” nếu miễn phí, lệ phí.")
    result = models.CharField("Kết quả thực hiện", max_length=255, blank=True)
    legal_basis = RichTextField("Căn cứ pháp lý", blank=True, features=RICH_TEXT_FEATURES)
    national_portal_url = models.URLField(
        "Địa chỉ trên Cổng Dịch vụ công quốc gia",
        max_length=500,
        blank=True,
        validators=[validate_http_url],
        help_text="Ví dụ: https://dichvucong.gov.vn/… (trang của thủ tục này để nộp hồ sơ trực tuyến).",
    )

    # Folded name and code for diacritic-insensitive search, refreshed on save.
    search_text = models.TextField(blank=True, default="", editable=False, db_index=False)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("sector", widget=forms.Select)]),
                FieldRowPanel([FieldPanel("level"), FieldPanel("applicants")]),
                FieldPanel("national_portal_url"),
            ],
            heading="Thông tin chung",
        ),
        FieldPanel("steps"),
        InlinePanel("channels", label="Cách thức thực hiện"),
        InlinePanel("dossier_items", label="Thành phần hồ sơ"),
        MultiFieldPanel(
            [FieldPanel("processing_time"), FieldPanel("fees"), FieldPanel("result")],
            heading="Thời hạn, phí và kết quả",
        ),
        FieldPanel("requirements"),
        FieldPanel("legal_basis"),
        InlinePanel("form_files", label="Mẫu đơn, tờ khai"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("code"),
        index.SearchField("applicants"),
        index.SearchField("steps"),
        index.SearchField("processing_time"),
        index.SearchField("legal_basis"),
    ]

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thủ tục hành chính"
        verbose_name_plural = "Thủ tục hành chính"

    def default_description(self) -> str:
        # In the language of the page being shown (the English catalogue on /en/, docs/english-section.md).
        parts = [
            _("Hồ sơ, trình tự thực hiện, thời hạn giải quyết và phí, lệ phí của thủ tục “%(title)s”.")
            % {"title": self.title}
        ]
        if self.processing_time.strip():
            parts.append(_("Thời hạn giải quyết: %(time)s.") % {"time": self.processing_time.strip().rstrip(".")})
        if self.fees.strip():
            parts.append(_("Phí, lệ phí: %(fees)s.") % {"fees": self.fees.strip().rstrip(".")})
        return " ".join(parts)

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join(part for part in (self.title, self.code) if part))
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        dossier = list(self.dossier_items.select_related("template_file"))
        downloads = [(item.display_name, item.document) for item in self.form_files.select_related("document")]
        # Templates attached to dossier items are listed with the forms too, once each.
        listed = {document.pk for _name, document in downloads}
        for item in dossier:
            if item.template_file_id and item.template_file_id not in listed:
                downloads.append((item.name, item.template_file))
                listed.add(item.template_file_id)
        context.update(
            {
                "index_page": self.get_parent(),
                "channels": list(self.channels.all()),
                "dossier": dossier,
                "downloads": downloads,
            }
        )
        return context


class ProcedureChannel(Orderable):
    page = ParentalKey(ProcedurePage, related_name="channels", on_delete=models.CASCADE)
    kind = models.CharField("Cách thức", max_length=20, choices=Channel.choices)
    details = models.TextField(
        "Chi tiết",
        blank=True,
        help_text=(
            "Nộp ở đâu; với trực tuyến: toàn trình hay một phần; thời hạn, phí riêng nếu có. Không ghi giờ làm "
            "việc: trang tự hiện giờ làm việc trong Thông tin phường bên cạnh cách nộp trực tiếp."
        ),
    )

    panels = [FieldPanel("kind"), FieldPanel("details")]

    class Meta(Orderable.Meta):
        verbose_name = "Cách thức thực hiện"
        verbose_name_plural = "Cách thức thực hiện"


class DossierItem(Orderable):
    page = ParentalKey(ProcedurePage, related_name="dossier_items", on_delete=models.CASCADE)
    name = models.CharField("Tên giấy tờ", max_length=500)
    copy_type = models.CharField("Loại bản", max_length=40, choices=CopyType.choices, default=CopyType.ORIGINAL)
    quantity = models.PositiveSmallIntegerField("Số lượng", default=1)
    template_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Mẫu đơn, tờ khai (nếu có)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField("Ghi chú", max_length=500, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("copy_type"), FieldPanel("quantity")]),
        FieldPanel("template_file"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Thành phần hồ sơ"
        verbose_name_plural = "Thành phần hồ sơ"


class ProcedureForm(Orderable):
    page = ParentalKey(ProcedurePage, related_name="form_files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp mẫu", on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField("Tên mẫu", max_length=255, blank=True, help_text="Để trống để dùng tên tệp.")

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "Mẫu đơn, tờ khai"
        verbose_name_plural = "Mẫu đơn, tờ khai"

    @property
    def display_name(self):
        return self.label or self.document.title
