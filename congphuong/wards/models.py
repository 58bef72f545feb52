"""What belongs to one ward: its official details and its theme of the year.

Each ward is a Wagtail Site (own hostname, own page tree); these models hang off
that Site so no ward ever shows another's.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


@register_setting(icon="site")
class WardSettings(BaseSiteSetting):
    select_related = ["emblem"]  # shown on every page (header, sharing image)

    official_name = models.CharField(
        "Tên cơ quan chính thức", max_length=255, help_text="Ví dụ: ỦY BAN NHÂN DÂN PHƯỜNG BÌNH AN"
    )
    short_name = models.CharField("Tên ngắn", max_length=120, help_text="Ví dụ: Phường Bình An")
    parent_unit = models.CharField(
        "Đơn vị cấp trên", max_length=255, blank=True, help_text="Ví dụ: Thành phố Hồ Chí Minh"
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Biểu trưng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=60, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    working_hours = models.TextField(
        "Giờ làm việc", blank=True, help_text="Mỗi dòng một khoảng, ví dụ: Thứ Hai – Thứ Sáu: 7:30 – 17:00"
    )
    responsible_person = models.CharField("Người chịu trách nhiệm nội dung", max_length=255, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("official_name"), FieldPanel("short_name"), FieldPanel("parent_unit"), FieldPanel("emblem")],
            heading="Đơn vị",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
                FieldPanel("responsible_person"),
            ],
            heading="Liên hệ (chân trang)",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin phường"
        verbose_name_plural = "Thông tin phường"

    def __str__(self):
        return self.short_name or self.official_name

    @property
    def working_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.working_hours.splitlines() if line.strip()]


class YearThemeQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site, live=True)

    def current(self, site, today=None):
        year = (today or timezone.localdate()).year
        return self.for_site(site).filter(year=year).first()


class YearTheme(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """The "Chủ đề năm …" banner. Past years are kept; only the current one shows."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Trang web của phường", on_delete=models.CASCADE, related_name="year_themes"
    )
    year = models.PositiveSmallIntegerField("Năm", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    text = models.TextField("Nội dung chủ đề", max_length=1000)

    objects = YearThemeQuerySet.as_manager()

    panels = [FieldPanel("site"), FieldPanel("year"), FieldPanel("text")]

    class Meta:
        verbose_name = "Chủ đề năm"
        verbose_name_plural = "Chủ đề năm"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["site", "year"], name="unique_year_theme_per_site"),
        ]

    def __str__(self):
        return f"Chủ đề năm {self.year}"
