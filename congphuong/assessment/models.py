"""What the server measured of a ward's portal and keeps for the self-assessment page.

Only figures a tool measured are stored: a page-speed run of Lighthouse (`lighthouse.py`) and a probe
of the ward's address from the server (TLS versions, IPv6: `probes.py`), both made by
`manage.py measure_portal` (run it from a timer). The page shows the latest of each with its date.
"""

from django.db import models


class PageKind(models.TextChoices):
    HOME = "trang-chu", "Trang chủ"
    CATEGORY = "chuyen-muc", "Chuyên mục"
    ARTICLE = "bai-viet", "Bài viết"


class PageSpeedRun(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="page_speed_runs"
    )
    measured_at = models.DateTimeField("Thời điểm đo", db_index=True)
    page_kind = models.CharField("Loại trang", max_length=20, choices=PageKind.choices)
    url = models.URLField("Địa chỉ đã đo", max_length=500)
    tool = models.CharField("Công cụ", max_length=60, help_text="Ví dụ: Lighthouse 12.6.1 (di động)")
    first_contentful_paint_ms = models.PositiveIntegerField("Hiện nội dung đầu tiên (ms)")
    largest_contentful_paint_ms = models.PositiveIntegerField("Hiện nội dung lớn nhất (ms)")
    speed_index_ms = models.PositiveIntegerField("Hiển thị đầy đủ – Speed Index (ms)")
    total_blocking_time_ms = models.PositiveIntegerField("Thời gian chặn tác vụ – TBT (ms)")

    class Meta:
        verbose_name = "Lần đo tốc độ trang"
        verbose_name_plural = "Các lần đo tốc độ trang"
        ordering = ["-measured_at", "-pk"]

    def __str__(self):
        return f"{self.get_page_kind_display()} {self.measured_at:%d/%m/%Y %H:%M}"


class ConnectionProbe(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="connection_probes"
    )
    measured_at = models.DateTimeField("Thời điểm đo", db_index=True)
    hostname = models.CharField("Tên miền đã đo", max_length=255)
    tls_versions = models.CharField(
        "Phiên bản TLS chấp nhận",
        max_length=80,
        blank=True,
        help_text="Các phiên bản máy chủ chấp nhận, cách nhau bằng dấu phẩy; trống khi không kết nối được.",
    )
    tls_error = models.CharField("Lỗi khi đo TLS", max_length=255, blank=True)
    ipv6_address = models.CharField("Địa chỉ IPv6", max_length=60, blank=True)
    ipv6_reachable = models.BooleanField("Kết nối được qua IPv6", null=True)

    class Meta:
        verbose_name = "Lần đo kết nối"
        verbose_name_plural = "Các lần đo kết nối"
        ordering = ["-measured_at", "-pk"]

    def __str__(self):
        return f"{self.hostname} {self.measured_at:%d/%m/%Y %H:%M}"

    @property
    def accepted_versions(self) -> list[str]:
        return [version for version in self.tls_versions.split(",") if version]
