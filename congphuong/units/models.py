"""Vietnam's commune-level administrative units before and after 1/7/2025, and who succeeded whom.

Loaded from the shipped data file (`manage.py load_admin_units`, data/units.json.gz, built from the
`vietnamadminunits` package: docs/units.md says why that source). An administrator may correct a unit
in the admin; a corrected unit is never overwritten by a later load.
"""

import re

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from congphuong.core.text import fold


def search_text_for(name: str, district: str, province: str) -> str:
    """Folded words with a space at both ends, so a lookup can ask for a whole word (" 1 ", not "10")."""
    return " " + words(" ".join(part for part in (name, district, province) if part)) + " "


def words(value: str) -> str:
    """Folded ASCII words separated by one space: "Bà Rịa - Vũng Tàu" → "ba ria vung tau"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(value)).split())


class AdministrativeUnit(models.Model):
    source_key = models.CharField(
        "Khóa trong dữ liệu nguồn", max_length=160, unique=True, editable=False, help_text="Không đổi khi sửa."
    )
    code = models.CharField("Mã đơn vị hành chính", max_length=10, db_index=True)
    name = models.CharField("Tên", max_length=120)
    unit_type = models.CharField("Loại", max_length=30, help_text="Phường, Xã, Đặc khu, Thị trấn…")
    district = models.CharField("Quận/huyện/thị xã (trước 1/7/2025)", max_length=120, blank=True)
    province = models.CharField("Tỉnh/thành phố", max_length=120)
    province_code = models.CharField("Mã tỉnh/thành phố", max_length=4)
    valid_from = models.DateField("Có hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("Hết hiệu lực sau ngày", null=True, blank=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True)
    corrected = models.BooleanField(
        "Đã sửa tay",
        default=False,
        editable=False,
        help_text="Đơn vị đã được quản trị viên sửa: lần nạp dữ liệu sau không ghi đè.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("unit_type"), FieldPanel("code")], heading="Đơn vị"),
        MultiFieldPanel([FieldPanel("district"), FieldPanel("province"), FieldPanel("province_code")], heading="Thuộc"),
        MultiFieldPanel([FieldPanel("valid_from"), FieldPanel("valid_to")], heading="Thời gian"),
    ]

    class Meta:
        verbose_name = "Đơn vị hành chính cấp xã"
        verbose_name_plural = "Đơn vị hành chính cấp xã"
        ordering = ["province_code", "name"]

    def __str__(self):
        where = ", ".join(part for part in (self.district, self.province) if part)
        return f"{self.name} ({where})" if where else self.name

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def save(self, *args, **kwargs):
        self.search_text = search_text_for(self.name, self.district, self.province)
        super().save(*args, **kwargs)


class Succession(models.Model):
    """An old unit (or part of it) went into a new one on 1/7/2025."""

    predecessor = models.ForeignKey(
        AdministrativeUnit, verbose_name="Đơn vị cũ", on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(
        AdministrativeUnit, verbose_name="Đơn vị mới", on_delete=models.CASCADE, related_name="predecessions"
    )
    whole = models.BooleanField("Nhập toàn bộ", default=True, help_text="Bỏ chọn khi chỉ một phần đơn vị cũ về đây.")
    main = models.BooleanField(
        "Đơn vị kế thừa chính", default=True, help_text="Với đơn vị cũ bị chia: nơi nhận phần lớn (theo dữ liệu nguồn)."
    )
    part = models.CharField(
        "Phần chuyển về",
        max_length=255,
        blank=True,
        help_text="Với đơn vị cũ bị chia: phần nào về đây (ví dụ: khu phố 1–4). Dữ liệu nguồn không ghi; "
        "quản trị viên bổ sung theo nghị quyết sắp xếp.",
    )

    class Meta:
        verbose_name = "Kế thừa đơn vị hành chính"
        verbose_name_plural = "Kế thừa đơn vị hành chính"
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="units_one_succession")]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"
