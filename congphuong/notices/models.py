"""Scheduled maintenance notice (Nghị định 224/2026, Điều 13): planned downtime announced ahead.

A published notice shows on every public page of the wards it concerns from its publication
until the end of the downtime, then disappears by itself. Its start must come at least
7 working days after publication; see ``rules.earliest_start``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from congphuong.core.templatetags.vi_format import vi_date, vi_datetime

from .forms import MaintenanceNoticeForm
from .rules import NOTICE_WORKING_DAYS, earliest_start


class MaintenanceNoticeQuerySet(models.QuerySet):
    def not_over(self, site, now=None):
        """Published notices of ``site`` whose downtime is not over at ``now`` (shown or to be shown)."""
        now = now or timezone.now()
        return (
            self.filter(is_published=True, ends_at__gt=now)
            .filter(Q(all_wards=True) | Q(sites=site))
            .distinct()
            .order_by("starts_at", "pk")
        )

    def shown(self, site, now=None):
        """Notices on the public pages of ``site`` at ``now``: published, downtime not over, ward concerned."""
        now = now or timezone.now()
        return self.not_over(site, now).filter(published_at__lte=now)


class MaintenanceNotice(models.Model):
    title = models.CharField(
        "Tiêu đề", max_length=200, default="Thông báo tạm ngừng hoạt động cổng thông tin để bảo trì"
    )
    message = models.TextField(
        "Nội dung",
        help_text=(
            "Lý do, phạm vi ảnh hưởng, cách liên hệ trong thời gian tạm ngừng. Hiển thị nguyên văn, mỗi dòng một đoạn."
        ),
    )
    starts_at = models.DateTimeField("Bắt đầu tạm ngừng", help_text="Giờ Việt Nam (Asia/Ho_Chi_Minh).")
    ends_at = models.DateTimeField("Kết thúc tạm ngừng", help_text="Sau thời điểm này thông báo tự ẩn.")
    all_wards = models.BooleanField("Áp dụng cho tất cả phường, xã", default=True)
    sites = models.ManyToManyField(
        "wagtailcore.Site",
        verbose_name="Các phường, xã áp dụng",
        blank=True,
        related_name="+",
        help_text="Chỉ dùng khi không chọn “Áp dụng cho tất cả phường, xã”.",
    )
    is_published = models.BooleanField(
        "Đăng thông báo",
        default=False,
        help_text=f"Khi đăng, thời điểm bắt đầu phải cách ngày đăng ít nhất {NOTICE_WORKING_DAYS} ngày làm việc.",
    )
    published_at = models.DateTimeField("Đăng lúc", null=True, blank=True, editable=False)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    objects = MaintenanceNoticeQuerySet.as_manager()
    base_form_class = MaintenanceNoticeForm

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="Thời gian tạm ngừng"),
        MultiFieldPanel([FieldPanel("all_wards"), FieldPanel("sites")], heading="Phạm vi"),
        FieldPanel("is_published"),
    ]

    class Meta:
        verbose_name = "Thông báo bảo trì"
        verbose_name_plural = "Thông báo bảo trì"
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.title} ({vi_datetime(self.starts_at)})"

    def publication_moment(self, now=None):
        """When the notice counts as published: kept from its first publication, else now."""
        if self.is_published and self.published_at:
            return self.published_at
        return now or timezone.now()

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "Thời điểm kết thúc phải sau thời điểm bắt đầu tạm ngừng."})
        if self.is_published and self.starts_at:
            published = self.publication_moment()
            earliest = earliest_start(published)
            if self.starts_at < earliest:
                raise ValidationError(
                    {
                        "starts_at": (
                            f"Thông báo phải được đăng trước ít nhất {NOTICE_WORKING_DAYS} ngày làm việc "
                            "(không tính thứ Bảy, Chủ nhật, ngày lễ, Tết và ngày nghỉ bù). "
                            f"Đăng ngày {vi_date(published)} thì thời điểm bắt đầu tạm ngừng sớm nhất là "
                            f"{vi_datetime(earliest)}."
                        )
                    }
                )

    def save(self, *args, **kwargs):
        if self.is_published and not self.published_at:
            self.published_at = timezone.now()
        elif not self.is_published:
            self.published_at = None
        super().save(*args, **kwargs)

    def in_progress(self, now=None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at
