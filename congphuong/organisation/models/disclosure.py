"""Công khai: public disclosures under Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 11–12.

A posting stays public at least its minimum period (30 days by default, set per
category). Until then editors cannot unpublish or delete it (wagtail_hooks.py);
a "Quản trị trang" may remove it early through a form that records a reason
(DisclosureRemoval).
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from congphuong.core.blocks import BodyStreamBlock
from congphuong.core.models import BasePage
from congphuong.core.page_forms import BasePageForm

from ..forms import WardScopedForm

DEFAULT_MINIMUM_DAYS = 30
DEFAULT_LEGAL_BASIS = "Điều 11, Điều 12 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"


class DisclosureCategory(models.Model):
    """A managed list of what a ward discloses: ngân sách, hỗ trợ xã hội, phí – lệ phí, …"""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Trang web của phường",
        on_delete=models.CASCADE,
        related_name="disclosure_categories",
    )
    name = models.CharField("Tên nhóm thông tin", max_length=160)
    slug = models.SlugField(
        "Mã trên đường dẫn", max_length=80, help_text="Chữ không dấu, ví dụ: ngan-sach. Dùng trong bộ lọc ?nhom=…"
    )
    description = models.TextField("Mô tả", blank=True)
    legal_basis = models.CharField("Căn cứ", max_length=255, blank=True, default=DEFAULT_LEGAL_BASIS)
    minimum_days = models.PositiveSmallIntegerField(
        "Thời gian niêm yết tối thiểu (ngày)",
        default=DEFAULT_MINIMUM_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text="Trong thời gian này biên tập viên không thể gỡ hoặc xóa bài. Luật quy định ít nhất 30 ngày.",
    )
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=100)

    base_form_class = WardScopedForm
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("legal_basis"),
        FieldPanel("minimum_days"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = "Nhóm thông tin công khai"
        verbose_name_plural = "Nhóm thông tin công khai"
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "slug"], name="unique_disclosure_category_per_site")]

    def __str__(self):
        return self.name


class DisclosureIndexPage(BasePage):
    """ "Công khai": the list of postings, filterable by category (?nhom=) and year (?nam=)."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["organisation.DisclosurePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Mục Công khai"
        verbose_name_plural = "Mục Công khai"

    def default_description(self) -> str:
        return gettext(
            "%(title)s: thông tin phường công khai theo quy định (ngân sách, hỗ trợ xã hội, phí, lệ phí…)."
        ) % {"title": self.title}

    def postings(self):
        return (
            DisclosurePage.objects.child_of(self)
            .live()
            .public()
            .select_related("category")
            .annotate(attachment_count=models.Count("attachments"))
            .order_by("-posted_on", "-pk")
            .defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        from ..views import disclosure_filters

        context = super().get_context(request, *args, **kwargs)
        context.update(disclosure_filters(request, self))
        return context


class DisclosurePageForm(BasePageForm):
    """Offers only the ward's own categories."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("category")
        if field is None:
            return
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        site = parent.get_site() if parent is not None else None
        if site is not None:
            field.queryset = DisclosureCategory.objects.filter(site=site)


class DisclosurePage(BasePage):
    category = models.ForeignKey(
        DisclosureCategory, verbose_name="Nhóm thông tin", on_delete=models.PROTECT, related_name="postings"
    )
    posted_on = models.DateField(
        "Ngày niêm yết",
        default=timezone.localdate,
        db_index=True,
        help_text="Ngày bắt đầu công khai. Thời gian niêm yết tối thiểu tính từ ngày này "
        "(hoặc từ ngày bài được xuất bản lần đầu, nếu muộn hơn).",
    )
    minimum_days = models.PositiveSmallIntegerField(
        "Thời gian niêm yết (ngày)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(3650)],
        help_text="Để trống sẽ dùng thời gian tối thiểu của nhóm thông tin (thường là 30 ngày). Chỉ được dài hơn.",
    )
    summary = models.TextField("Tóm tắt", blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name="Nội dung", blank=True)

    base_form_class = DisclosurePageForm
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("category", widget=forms.Select),
                FieldPanel("posted_on"),
                FieldPanel("minimum_days"),
            ],
            heading="Niêm yết",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label="Tệp đính kèm"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("posted_on"),
    ]

    parent_page_types = ["organisation.DisclosureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thông tin công khai"
        verbose_name_plural = "Thông tin công khai"

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    @property
    def display_days(self) -> int:
        minimum = self.category.minimum_days if self.category_id else DEFAULT_MINIMUM_DAYS
        return max(self.minimum_days or 0, minimum)

    @property
    def protection_start(self) -> datetime.date | None:
        """The day the minimum period starts: the posting date, or the first publication if later."""
        if self.first_published_at is None:
            return self.posted_on if self.live else None
        first = timezone.localdate(self.first_published_at)
        return max(self.posted_on, first) if self.posted_on else first

    @property
    def protected_until(self) -> datetime.date | None:
        """Last day the posting must stay public (inclusive)."""
        start = self.protection_start
        if start is None:
            return None
        return start + datetime.timedelta(days=self.display_days - 1)

    def is_protected(self, today: datetime.date | None = None) -> bool:
        """Live and still inside its minimum display period."""
        until = self.protected_until
        return bool(self.live and until is not None and (today or timezone.localdate()) <= until)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = list(self.attachments.select_related("document"))
        context["index_page"] = self.get_parent()
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.category_id and self.minimum_days and self.minimum_days < self.category.minimum_days:
            errors["minimum_days"] = (
                f"Nhóm “{self.category.name}” phải niêm yết ít nhất {self.category.minimum_days} ngày; "
                "không được đặt ngắn hơn."
            )
        if self.expire_at and self.posted_on and self.category_id:
            start = max(self.posted_on, timezone.localdate(self.first_published_at or timezone.now()))
            until = start + datetime.timedelta(days=self.display_days - 1)
            if timezone.localdate(self.expire_at) <= until:
                errors["expire_at"] = (
                    f"Thông tin công khai phải hiện ít nhất {self.display_days} ngày, tức đến hết ngày "
                    f"{until:%d/%m/%Y}. Hãy chọn thời điểm hết hạn sau ngày đó."
                )
        if errors:
            raise ValidationError(errors)


class DisclosureAttachment(Orderable):
    page = ParentalKey(DisclosurePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name="Tệp", on_delete=models.CASCADE, related_name="+")
    title = models.CharField("Tên hiển thị", max_length=255, blank=True, help_text="Để trống sẽ dùng tên của tệp.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp đính kèm"
        verbose_name_plural = "Tệp đính kèm"

    @property
    def display_title(self):
        return self.title or self.document.title


class DisclosureRemoval(models.Model):
    """A posting removed before its minimum period ended, by a site administrator, with the reason."""

    ACTION_UNPUBLISH = "unpublish"
    ACTION_DELETE = "delete"
    ACTIONS = [(ACTION_UNPUBLISH, "Gỡ khỏi cổng (ngừng xuất bản)"), (ACTION_DELETE, "Xóa hẳn")]

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Trang web của phường", on_delete=models.CASCADE, related_name="+"
    )
    page_id_value = models.PositiveIntegerField("Mã trang")
    page_title = models.CharField("Tiêu đề", max_length=255)
    category_name = models.CharField("Nhóm thông tin", max_length=160, blank=True)
    action = models.CharField("Thao tác", max_length=20, choices=ACTIONS)
    reason = models.TextField("Lý do")
    protected_until = models.DateField("Hạn niêm yết tối thiểu", null=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người thực hiện", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("Thời điểm", default=timezone.now)

    class Meta:
        verbose_name = "Gỡ thông tin công khai trước hạn"
        verbose_name_plural = "Gỡ thông tin công khai trước hạn"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_title} ({self.get_action_display()})"
