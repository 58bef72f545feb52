"""The registry a ward keeps: khu phố, households and their members, clans, units, citizens.

Personal data is kept to the minimum the programme needs: the head of household's
name and address, and for each member only birth year, sex, schooling status and
occupation group (no names, no ID numbers, no phone numbers).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from ..choices import OccupationGroup, SchoolingStatus, Sex, UnitKind

SITE_HELP = "Phường quản lý dữ liệu này."
ADULT_AGE = 15  # "người lớn" for the Công dân học tập target: aged 15 and over (cần kiểm tra)


def site_field(related_name):
    return models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Phường",
        on_delete=models.CASCADE,
        related_name=related_name,
        help_text=SITE_HELP,
    )


def check_same_site(instance, *field_names):
    """Raise a form error when a related object belongs to another ward."""
    errors = {}
    for name in field_names:
        related = getattr(instance, name, None)
        if related is not None and instance.site_id and related.site_id != instance.site_id:
            errors[name] = "Mục này thuộc phường khác; hãy chọn mục của cùng phường."
    if errors:
        raise ValidationError(errors)


class LearningQuarter(models.Model):
    """A khu phố (ấp) of the ward, as the learning-society programme counts it.

    The khu phố themselves are the ward's one list (organisation.Quarter, shown on Giới thiệu and in
    the Q&A form): a row here links to one of them and takes its name from it, and holds only what
    the programme adds (its denominators, whether it is still counted)."""

    site = site_field("learning_quarters")
    quarter = models.OneToOneField(
        "organisation.Quarter",
        verbose_name="Khu phố trong danh sách của phường",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_row",
        help_text="Chọn trong danh sách Khu phố/ấp của phường (mục Tổ chức); tên bên dưới theo tên ở đó.",
    )
    name = models.CharField(
        "Tên khu phố/ấp",
        max_length=120,
        help_text="Ví dụ: Khu phố 3. Đã chọn khu phố ở ô trên thì tên tự lấy theo danh sách của phường.",
    )
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    households_total = models.PositiveIntegerField(
        "Tổng số hộ trên địa bàn",
        null=True,
        blank=True,
        help_text="Dùng làm mẫu số khi tính tỷ lệ Gia đình học tập. Để trống thì lấy số hộ có trong sổ.",
    )
    adults_total = models.PositiveIntegerField(
        "Số người lớn (từ 15 tuổi) trên địa bàn",
        null=True,
        blank=True,
        help_text="Mẫu số của tỷ lệ Công dân học tập. Để trống thì đếm thành viên từ 15 tuổi trong sổ hộ.",
    )
    active = models.BooleanField("Còn sử dụng", default=True, help_text="Bỏ chọn khi khu phố đã sáp nhập.")

    panels = [
        FieldPanel("site"),
        FieldPanel("quarter"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("households_total"), FieldPanel("adults_total")]),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = "Khu phố (xã hội học tập)"
        verbose_name_plural = "Khu phố"
        ordering = ["site", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="learning_unique_quarter_name")]

    def __str__(self):
        return self.name

    def clean(self):
        check_same_site(self, "quarter")

    def save(self, *args, **kwargs):
        from congphuong.organisation.models import Quarter

        if self.quarter_id is None and self.site_id and self.name:
            # A row named like one of the ward's khu phố is that khu phố (not yet counted by another row).
            self.quarter = (
                Quarter.objects.filter(site_id=self.site_id, name=self.name, learning_row__isnull=True)
                .order_by("-live", "pk")
                .first()
            )
        if self.quarter_id is not None and self.quarter.site_id == self.site_id:
            self.name = self.quarter.name
        super().save(*args, **kwargs)


class HouseholdQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed=False)


class Household(ClusterableModel):
    site = site_field("learning_households")
    code = models.CharField(
        "Mã hộ", max_length=30, blank=True, help_text="Mã hộ theo sổ của khu phố (không bắt buộc, không trùng)."
    )
    quarter = models.ForeignKey(
        LearningQuarter, verbose_name="Khu phố", on_delete=models.PROTECT, related_name="households"
    )
    head_name = models.CharField("Họ tên chủ hộ", max_length=120)
    address = models.CharField("Địa chỉ", max_length=255, help_text="Số nhà, tên đường (hẻm).")
    removed = models.BooleanField(
        "Đã chuyển đi / xóa khỏi sổ",
        default=False,
        help_text="Hộ không còn ở địa bàn; số liệu các năm trước giữ nguyên.",
    )
    removed_on = models.DateField(
        "Ngày xóa khỏi sổ",
        null=True,
        blank=True,
        help_text="Để trống thì lấy ngày lưu. Hộ vẫn được tính vào mẫu số các năm trước ngày này.",
    )
    created_at = models.DateTimeField("Ngày lập", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lần cuối", auto_now=True)

    objects = HouseholdQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("quarter"), FieldPanel("code")]),
        FieldPanel("head_name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("removed"), FieldPanel("removed_on")]),
        InlinePanel(
            "members",
            heading="Thành viên",
            label="Thành viên",
            help_text="Chỉ ghi năm sinh, giới tính, tình trạng học tập và nhóm nghề nghiệp; không ghi họ tên.",
        ),
    ]

    class Meta:
        verbose_name = "Hộ gia đình"
        verbose_name_plural = "Hộ gia đình"
        ordering = ["quarter__sort_order", "head_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "code"], condition=~models.Q(code=""), name="learning_unique_household_code"
            )
        ]

    def __str__(self):
        return f"Hộ {self.head_name}"

    def clean(self):
        super().clean()
        check_same_site(self, "quarter")

    def save(self, *args, **kwargs):
        # The day a household leaves the registry decides which years still count it.
        if self.removed and self.removed_on is None:
            self.removed_on = timezone.localdate()
        elif not self.removed:
            self.removed_on = None
        super().save(*args, **kwargs)

    @property
    def member_count(self):
        return len(self.members.all())


class HouseholdTombstone(models.Model):
    """What a deleted household still counts for: the denominators of the years before its deletion.

    No name and no address: only the ward, the khu phố, the dates and the members' birth
    years (to count adults), so figures already reported for past years do not change.
    """

    site = site_field("learning_household_tombstones")
    quarter = models.ForeignKey(
        LearningQuarter, verbose_name="Khu phố", null=True, on_delete=models.SET_NULL, related_name="tombstones"
    )
    deleted_on = models.DateField("Ngày xóa")
    removed_on = models.DateField("Ngày xóa khỏi sổ", null=True, blank=True)
    member_birth_years = models.JSONField("Năm sinh các thành viên", default=list)

    class Meta:
        verbose_name = "Hộ đã xóa (giữ số liệu)"
        verbose_name_plural = "Hộ đã xóa (giữ số liệu)"
        ordering = ["-deleted_on", "pk"]

    def __str__(self):
        return f"Hộ đã xóa ngày {self.deleted_on:%d/%m/%Y}"

    def counts_in(self, year) -> bool:
        """Whether the household was in the registry at the end of `year`."""
        left = min(day for day in (self.deleted_on, self.removed_on) if day is not None)
        return left.year > year


class HouseholdMember(models.Model):
    household = ParentalKey(Household, on_delete=models.CASCADE, related_name="members")
    birth_year = models.PositiveSmallIntegerField(
        "Năm sinh", validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    sex = models.CharField("Giới tính", max_length=3, choices=Sex.choices)
    schooling = models.CharField("Tình trạng học tập", max_length=20, choices=SchoolingStatus.choices)
    occupation = models.CharField("Nhóm nghề nghiệp", max_length=20, choices=OccupationGroup.choices)
    is_head = models.BooleanField("Là chủ hộ", default=False)

    panels = [
        FieldRowPanel([FieldPanel("birth_year"), FieldPanel("sex"), FieldPanel("is_head")]),
        FieldRowPanel([FieldPanel("schooling"), FieldPanel("occupation")]),
    ]

    class Meta:
        verbose_name = "Thành viên hộ"
        verbose_name_plural = "Thành viên hộ"
        ordering = ["-is_head", "birth_year", "pk"]

    def __str__(self):
        return f"{self.get_sex_display()}, sinh năm {self.birth_year}"


class Clan(models.Model):
    site = site_field("learning_clans")
    name = models.CharField("Tên dòng họ", max_length=120, help_text="Ví dụ: Họ Nguyễn Văn (chi nhánh khu phố 2)")
    representative = models.CharField("Trưởng họ / người đại diện", max_length=120, blank=True)
    quarter = models.ForeignKey(
        LearningQuarter,
        verbose_name="Khu phố sinh hoạt chính",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clans",
    )
    households_count = models.PositiveIntegerField("Số hộ trong dòng họ", default=0)
    active = models.BooleanField("Còn theo dõi", default=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("representative"),
        FieldRowPanel([FieldPanel("quarter"), FieldPanel("households_count")]),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = "Dòng họ"
        verbose_name_plural = "Dòng họ"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_same_site(self, "quarter")


class Unit(models.Model):
    site = site_field("learning_units")
    name = models.CharField("Tên đơn vị", max_length=200)
    kind = models.CharField("Loại đơn vị", max_length=20, choices=UnitKind.choices)
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    quarter = models.ForeignKey(
        LearningQuarter, verbose_name="Khu phố", on_delete=models.SET_NULL, null=True, blank=True, related_name="units"
    )
    staff_count = models.PositiveIntegerField("Số cán bộ, nhân viên", default=0)
    is_public = models.BooleanField(
        "Đơn vị công lập",
        default=False,
        help_text="Cơ quan nhà nước, trường công lập: người làm việc là công chức, viên chức.",
    )
    active = models.BooleanField("Còn hoạt động", default=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_public")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("quarter"), FieldPanel("staff_count")]),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = "Đơn vị"
        verbose_name_plural = "Đơn vị (trường, cơ quan, doanh nghiệp)"
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_same_site(self, "quarter")


class Citizen(models.Model):
    """A resident who registers for Công dân học tập (voluntary)."""

    site = site_field("learning_citizens")
    full_name = models.CharField("Họ và tên", max_length=120)
    birth_year = models.PositiveSmallIntegerField(
        "Năm sinh", validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    sex = models.CharField("Giới tính", max_length=3, choices=Sex.choices)
    quarter = models.ForeignKey(
        LearningQuarter, verbose_name="Khu phố", on_delete=models.PROTECT, related_name="citizens"
    )
    household = models.ForeignKey(
        Household,
        verbose_name="Thuộc hộ",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="citizens",
    )
    unit = models.ForeignKey(
        Unit, verbose_name="Nơi làm việc", on_delete=models.SET_NULL, null=True, blank=True, related_name="citizens"
    )
    is_public_staff = models.BooleanField("Là cán bộ, công chức, viên chức", default=False)
    removed = models.BooleanField("Đã chuyển đi / xóa khỏi sổ", default=False)

    panels = [
        FieldPanel("site"),
        FieldPanel("full_name"),
        FieldRowPanel([FieldPanel("birth_year"), FieldPanel("sex")]),
        FieldRowPanel([FieldPanel("quarter"), FieldPanel("household")]),
        MultiFieldPanel([FieldPanel("unit"), FieldPanel("is_public_staff")], heading="Công việc"),
        FieldPanel("removed"),
    ]

    class Meta:
        verbose_name = "Công dân đăng ký học tập"
        verbose_name_plural = "Công dân học tập"
        ordering = ["full_name"]

    def __str__(self):
        return f"{self.full_name} ({self.birth_year})"

    def clean(self):
        super().clean()
        check_same_site(self, "quarter", "household", "unit")
