"""Consent to publish a name, and how long each kind of personal record is kept.

A consent says who agreed, when, for what and how it was recorded; it can be withdrawn, which
takes effect at once (the public pages are purged on save, see signals.py). A withdrawn consent
cannot be revived: a new agreement is a new record.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..choices import ConsentGiver, ConsentPurpose, RetentionKind
from .fund import Award
from .registry import check_same_site, site_field


class NameConsentQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(withdrawn=False, purpose=ConsentPurpose.PUBLISH_NAME)


class NameConsent(models.Model):
    site = site_field("learning_name_consents")
    award = models.ForeignKey(
        Award, verbose_name="Khen thưởng – học bổng", on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(
        "Đồng ý cho việc", max_length=30, choices=ConsentPurpose.choices, default=ConsentPurpose.PUBLISH_NAME
    )
    giver = models.CharField("Người đồng ý là", max_length=20, choices=ConsentGiver.choices)
    giver_name = models.CharField("Họ tên người đồng ý", max_length=120)
    given_on = models.DateField("Ngày đồng ý")
    evidence = models.CharField(
        "Hình thức ghi nhận",
        max_length=255,
        help_text=(
            "Sự đồng ý phải thể hiện rõ ràng (im lặng không phải là đồng ý). "
            "Ví dụ: Phiếu đồng ý có chữ ký, lưu tại hồ sơ Hội Khuyến học phường."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người ghi nhận",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField("Thời điểm ghi nhận", auto_now_add=True)
    withdrawn = models.BooleanField(
        "Đã rút lại đồng ý",
        default=False,
        help_text="Khi lưu, tên người nhận biến mất khỏi trang công khai ngay lập tức. Không thể bỏ chọn sau đó.",
    )
    withdrawn_at = models.DateTimeField("Thời điểm rút lại", null=True, blank=True, editable=False)
    withdrawal_note = models.CharField(
        "Ghi chú khi rút lại", max_length=255, blank=True, help_text="Ví dụ: Phụ huynh gọi điện ngày 03/01/2026."
    )

    objects = NameConsentQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldPanel("award"),
        FieldPanel("purpose"),
        FieldRowPanel([FieldPanel("giver"), FieldPanel("giver_name"), FieldPanel("given_on")]),
        FieldPanel("evidence"),
        MultiFieldPanel([FieldPanel("withdrawn"), FieldPanel("withdrawal_note")], heading="Rút lại đồng ý"),
    ]

    class Meta:
        verbose_name = "Đồng ý công khai tên"
        verbose_name_plural = "Đồng ý công khai tên"
        ordering = ["-given_on", "-pk"]

    def __str__(self):
        return f"{self.giver_name} ({self.get_giver_display()}) – {self.award.recipient_name}"

    def is_in_force(self) -> bool:
        return not self.withdrawn and self.purpose == ConsentPurpose.PUBLISH_NAME

    def clean(self):
        super().clean()
        check_same_site(self, "award")
        if self.given_on and self.given_on > timezone.localdate():
            raise ValidationError({"given_on": "Ngày đồng ý không được sau ngày hôm nay."})
        if self.pk and not self.withdrawn:
            was_withdrawn = type(self).objects.filter(pk=self.pk, withdrawn=True).exists()
            if was_withdrawn:
                raise ValidationError(
                    {"withdrawn": "Đồng ý đã rút lại thì không khôi phục được; hãy ghi nhận một lần đồng ý mới."}
                )

    def save(self, *args, **kwargs):
        if self.withdrawn and self.withdrawn_at is None:
            self.withdrawn_at = timezone.now()
        super().save(*args, **kwargs)


class RetentionRule(models.Model):
    """How long one kind of personal record is kept after its reference date (shared by every ward)."""

    kind = models.CharField("Loại dữ liệu", max_length=20, choices=RetentionKind.choices, unique=True)
    years = models.PositiveSmallIntegerField("Thời hạn lưu giữ (năm)")
    counted_from = models.CharField("Tính từ", max_length=255)
    basis = models.TextField("Căn cứ")
    confirmed = models.BooleanField(
        "Đã xác nhận căn cứ",
        default=False,
        help_text="Bỏ chọn khi thời hạn là mặc định của phần mềm, chưa đối chiếu văn bản quy định.",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("years")]),
        FieldPanel("counted_from"),
        FieldPanel("basis"),
        FieldPanel("confirmed"),
    ]

    class Meta:
        verbose_name = "Thời hạn lưu giữ dữ liệu cá nhân"
        verbose_name_plural = "Thời hạn lưu giữ dữ liệu cá nhân"
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.years} năm"
