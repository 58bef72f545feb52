"""What the old portals and the old wards leave behind: their host names, their addresses, and the
mark on every page or record that came from them.

Shared by the legacy import (congphuong/importer, `manage.py import_legacy`) and the ward merger
(congphuong/merger, `manage.py merge_wards`). It sits low (it imports only core, wards and units) so
that the content apps can filter on an item's old ward (the archive filter) without importing the
tools that put it there.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class OldHostname(models.Model):
    """A host name of an old portal, or of an old ward merged into a new one, that now answers for
    a ward of this install: requests on it are redirected (301) to the moved pages
    (legacy/middleware.py); an address that maps to nothing gets the old-hostname 404, which links
    to "Phường cũ của tôi nay là phường nào?"."""

    hostname = models.CharField(
        "Tên miền cũ", max_length=255, unique=True, help_text="Ví dụ: phuong1.tanbinh.hochiminhcity.gov.vn"
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Phường hiện nay",
        on_delete=models.CASCADE,
        related_name="old_hostnames",
    )
    old_unit = models.ForeignKey(
        "units.AdministrativeUnit",
        verbose_name="Đơn vị hành chính cũ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_ward_name = models.CharField("Tên phường cũ", max_length=120, blank=True, help_text="Ví dụ: Phường 1 (cũ)")

    class Meta:
        verbose_name = "Tên miền cũ"
        verbose_name_plural = "Tên miền cũ"
        ordering = ["hostname"]

    def __str__(self):
        return self.hostname

    def save(self, *args, **kwargs):
        self.hostname = self.hostname.strip().lower().rstrip(".")
        super().save(*args, **kwargs)


class LegacyRedirect(models.Model):
    """One old address (path and query, as the old portal printed it) and where it lives now."""

    old_hostname = models.ForeignKey(OldHostname, on_delete=models.CASCADE, related_name="redirects")
    old_path = models.CharField(
        "Địa chỉ cũ", max_length=1000, help_text="Đường dẫn cũ kèm tham số, không kèm tên miền."
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang mới", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(
        "Địa chỉ mới khác",
        max_length=1000,
        blank=True,
        help_text="Khi địa chỉ mới không phải một trang (ví dụ tệp đính kèm).",
    )

    class Meta:
        verbose_name = "Chuyển hướng địa chỉ cũ"
        verbose_name_plural = "Chuyển hướng địa chỉ cũ"
        constraints = [models.UniqueConstraint(fields=["old_hostname", "old_path"], name="legacy_redirect_unique_path")]

    def __str__(self):
        return f"{self.old_hostname}{self.old_path}"


class ImportRun(models.Model):
    """One run of `import_legacy` or `merge_wards` (dry runs too): what it was asked, what it did."""

    class Kind(models.TextChoices):
        IMPORT = "import", "Nhập cổng cũ"
        MERGE = "merge", "Sáp nhập phường"

    class Status(models.TextChoices):
        RUNNING = "running", "Đang chạy"
        SUCCEEDED = "succeeded", "Hoàn tất"
        FAILED = "failed", "Thất bại, không thay đổi gì"

    kind = models.CharField("Loại", max_length=10, choices=Kind.choices)
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người chạy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField("Nguồn", max_length=1000, blank=True)
    detected_format = models.CharField("Định dạng", max_length=40, blank=True)
    dry_run = models.BooleanField("Chạy thử", default=False)
    started_at = models.DateTimeField("Bắt đầu", auto_now_add=True)
    finished_at = models.DateTimeField("Kết thúc", null=True, blank=True)
    status = models.CharField("Trạng thái", max_length=10, choices=Status.choices, default=Status.RUNNING)
    counts = models.JSONField("Số lượng", default=dict, blank=True)
    report = models.TextField("Báo cáo", blank=True)

    class Meta:
        verbose_name = "Lượt nhập/sáp nhập"
        verbose_name_plural = "Lượt nhập/sáp nhập"
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_at:%d/%m/%Y %H:%M}"


class ContentOrigin(models.Model):
    """Where a page or record came from: an old portal (import: its source URL and content hash, for
    re-runs that update and never duplicate) or an old ward (merger). Pages are recorded under
    wagtailcore.Page's content type and their page id, whatever their specific type, so that one
    query filters any page list by old ward."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường hiện nay", on_delete=models.CASCADE, related_name="+"
    )
    old_ward_name = models.CharField("Phường cũ", max_length=120, blank=True, db_index=True)
    old_unit = models.ForeignKey(
        "units.AdministrativeUnit",
        verbose_name="Đơn vị hành chính cũ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_url = models.CharField("Địa chỉ nguồn", max_length=1000, blank=True)
    content_hash = models.CharField("Mã băm nội dung", max_length=64, blank=True)
    original_title = models.TextField(
        "Tiêu đề gốc",
        blank=True,
        help_text="Tiêu đề như trang cũ ghi (ví dụ toàn chữ in hoa), khi tiêu đề hiển thị đã được viết lại.",
    )
    run = models.ForeignKey(
        ImportRun, verbose_name="Lượt", null=True, blank=True, on_delete=models.SET_NULL, related_name="origins"
    )
    # The revision the import wrote: a later revision is an edit made here (an editor fixed a title,
    # a leader's review), which a re-run of the import must not overwrite unless asked to.
    imported_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="Phiên bản do lượt nhập tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "Nguồn gốc nội dung"
        verbose_name_plural = "Nguồn gốc nội dung"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="content_origin_one_per_item")
        ]
        indexes = [models.Index(fields=["site", "source_url"], name="content_origin_source")]

    def __str__(self):
        return self.old_ward_name or self.source_url
