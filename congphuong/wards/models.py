"""What belongs to one ward: its official details and its theme of the year.

Each ward is a Wagtail Site (own hostname, own page tree); these models hang off
that Site so no ward ever shows another's.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


class WardSettingsForm(WagtailAdminModelForm):
    """Offers only the published leaders of the ward being edited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("responsible_leader")
        if field is not None:
            # By name, not import: the ward module sits below the content apps (docs/architecture.md).
            from django.apps import apps

            Leader = apps.get_model("organisation", "Leader")  # noqa: N806 (a model class)
            site_id = self.instance.site_id if self.instance else None
            field.queryset = Leader.objects.filter(site_id=site_id, live=True) if site_id else Leader.objects.none()
            field.empty_label = "— Không chọn (ghi tay ở ô dưới) —"


@register_setting(icon="site")
class WardSettings(BaseSiteSetting):
    select_related = ["emblem", "responsible_leader"]  # shown on every page (header, sharing image, footer)

    official_name = models.CharField(
        "Tên cơ quan chính thức", max_length=255, help_text="Ví dụ: ỦY BAN NHÂN DÂN PHƯỜNG BÌNH AN"
    )
    short_name = models.CharField("Tên ngắn", max_length=120, help_text="Ví dụ: Phường Bình An")
    parent_unit = models.CharField(
        "Đơn vị cấp trên", max_length=255, blank=True, help_text="Ví dụ: Thành phố Hồ Chí Minh"
    )
    unit_code = models.CharField(
        "Mã đơn vị hành chính",
        max_length=10,
        blank=True,
        help_text="Mã của phường/xã theo danh mục đơn vị hành chính (từ 1/7/2025), ví dụ 26977 của phường Tân Sơn Hòa. "
        "Trang tra cứu «phường cũ nay là phường nào» dẫn người dân tới cổng này theo mã.",
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
    # The English section (/en/, Nghị định 42/2022 Điều 7; docs/english-section.md): the same contacts in
    # English. Phone and e-mail are the same in both languages.
    official_name_en = models.CharField(
        "Tên cơ quan bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Hiện trên phần tiếng Anh (/en/); viết bằng tiếng Anh, đủ, không viết tắt.",
    )
    address_en = models.CharField(
        "Địa chỉ bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Viết tên đường, phường không dấu, bằng tiếng Anh.",
    )
    working_hours_en = models.TextField(
        "Giờ làm việc bằng tiếng Anh",
        blank=True,
        help_text="Mỗi dòng một khoảng, viết bằng tiếng Anh như ô Giờ làm việc.",
    )
    # The leader is chosen from the ward's Lãnh đạo (organisation.Leader), the one record of who leads
    # the ward: the footer, the organisation page and the leader's profile cannot disagree.
    responsible_leader = models.ForeignKey(
        "organisation.Leader",
        verbose_name="Người chịu trách nhiệm nội dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Chọn trong danh sách Lãnh đạo của phường; chân trang hiện họ tên và chức vụ của người này.",
    )
    responsible_person = models.CharField(
        "Người chịu trách nhiệm nội dung (ghi tay)",
        max_length=255,
        blank=True,
        help_text="Chỉ dùng khi người này không có trong danh sách Lãnh đạo. Đã chọn ở ô trên thì để trống.",
    )

    base_form_class = WardSettingsForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("official_name"),
                FieldPanel("short_name"),
                FieldPanel("parent_unit"),
                FieldPanel("unit_code"),
                FieldPanel("emblem"),
            ],
            heading="Đơn vị",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
                # A plain list of this ward's leaders (WardSettingsForm), not a chooser of every ward's.
                FieldPanel("responsible_leader", widget=forms.Select),
                FieldPanel("responsible_person"),
            ],
            heading="Liên hệ (chân trang)",
        ),
        MultiFieldPanel(
            [FieldPanel("official_name_en"), FieldPanel("address_en"), FieldPanel("working_hours_en")],
            heading="Phần tiếng Anh (/en/)",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin phường"
        verbose_name_plural = "Thông tin phường"

    def __str__(self):
        return self.short_name or self.official_name

    @property
    def responsible_line(self) -> str:
        """ "Họ tên – Chức vụ" of the chosen leader (published, of this ward), else the text typed in."""
        leader = self.responsible_leader if self.responsible_leader_id else None
        if leader is not None and leader.live and leader.site_id == self.site_id:
            return f"{leader.full_name} – {leader.position}" if leader.position else leader.full_name
        return self.responsible_person

    def clean(self):
        super().clean()
        leader = self.responsible_leader if self.responsible_leader_id else None
        if leader is not None and leader.site_id != self.site_id:
            raise ValidationError(
                {"responsible_leader": "Lãnh đạo này thuộc phường khác; hãy chọn lãnh đạo của phường."}
            )
        self.unit_code = self.unit_code.strip()
        if self.unit_code:
            # By name, not import: the ward module sits below the units app (docs/architecture.md).
            from django.apps import apps

            units = apps.get_model("units", "AdministrativeUnit").objects.filter(valid_to__isnull=True)
            if units.exists() and not units.filter(code=self.unit_code).exists():
                raise ValidationError(
                    {"unit_code": f"Không có phường/xã hiện hành nào mang mã {self.unit_code} trong danh mục."}
                )

    @property
    def working_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.working_hours.splitlines() if line.strip()]

    def in_language(self, language: str | None):
        """What the public chrome shows in `language`: these settings in Vietnamese, their English
        view (EnglishWardSettings) in English."""
        if (language or "").split("-")[0] == "en":
            return EnglishWardSettings(self)
        return self


class EnglishWardSettings:
    """A ward's settings as the English section shows them: the English name, address and hours
    (the Vietnamese ones when left empty: a name is better than none), the responsible leader's
    English title. Everything else (emblem, phone, e-mail, site) is the settings' own."""

    def __init__(self, ward: WardSettings):
        self._ward = ward

    def __getattr__(self, name):
        return getattr(self._ward, name)

    @property
    def official_name(self) -> str:
        return self._ward.official_name_en or self._ward.official_name

    @property
    def short_name(self) -> str:
        return self._ward.official_name_en or self._ward.short_name

    @property
    def parent_unit(self) -> str:
        return "Ho Chi Minh City" if self._ward.parent_unit == "Thành phố Hồ Chí Minh" else ""

    @property
    def address(self) -> str:
        return self._ward.address_en or self._ward.address

    @property
    def working_hours_lines(self) -> list[str]:
        text = self._ward.working_hours_en
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def responsible_line(self) -> str:
        ward = self._ward
        leader = ward.responsible_leader if ward.responsible_leader_id else None
        if leader is not None and leader.live and leader.site_id == ward.site_id:
            position = getattr(leader, "position_en", "")
            return f"{leader.full_name} – {position}" if position else leader.full_name
        return ward.responsible_person


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
    # The English section's banner (docs/english-section.md): approved with the Vietnamese text, in the
    # same revision. Left empty, the English pages show no theme (never the Vietnamese slogan).
    text_en = models.TextField(
        "Nội dung chủ đề bằng tiếng Anh",
        max_length=1000,
        blank=True,
        help_text="Hiện trên phần tiếng Anh (/en/); để trống thì phần tiếng Anh không hiện chủ đề năm.",
    )

    objects = YearThemeQuerySet.as_manager()

    panels = [FieldPanel("site"), FieldPanel("year"), FieldPanel("text"), FieldPanel("text_en")]

    class Meta:
        verbose_name = "Chủ đề năm"
        verbose_name_plural = "Chủ đề năm"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["site", "year"], name="unique_year_theme_per_site"),
        ]

    def __str__(self):
        return f"Chủ đề năm {self.year}"
