"""Managed lists (loại văn bản, cơ quan ban hành, lĩnh vực…): a name, a URL slug and an order.

The lists are shared reference data for every ward, kept by the site administrators. Public
pages only ever show the entries that the current ward's own pages use, so one ward's issuing
bodies never appear in another ward's filters.
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from congphuong.core.text import slugify_vi


class ManagedList(models.Model):
    name = models.CharField("Tên", max_length=200, unique=True)
    slug = models.SlugField(
        "Mã trên đường dẫn",
        max_length=100,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text="Chữ không dấu, nối bằng gạch ngang; để trống để tạo tự động từ tên.",
    )
    sort_order = models.PositiveIntegerField(
        "Thứ tự", default=100, help_text="Số nhỏ đứng trước trong danh sách và bộ lọc."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.slug and self.name and not slugify_vi(self.name, max_length=100):
            raise ValidationError({"slug": "Không tạo được mã từ tên này, hãy nhập mã bằng chữ không dấu."})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug(slugify_vi(self.name, max_length=90) or "muc")
        super().save(*args, **kwargs)

    def _unique_slug(self, base):
        slug, n = base, 2
        others = type(self)._default_manager.exclude(pk=self.pk)
        while others.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug
