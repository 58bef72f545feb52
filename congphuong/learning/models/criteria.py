"""Criteria sets as versioned data: CriteriaSet → Criterion → Indicator, plus recognition levels.

A registration keeps the set it was assessed under; its scores point at that set's
indicators. Once a set has been used it cannot be changed (only closed with "Hiệu lực
đến" and copied into a new version), so editing a later version never changes a past
assessment. Points and thresholds come from the legal texts and are data: the seed
marks the ones to verify with "cần kiểm tra".
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from ..choices import Assessment, CriteriaStatus, LearningModel, TargetKind
from ..numbers import plain_number

CHECK_NOTE = "Số điểm, ngưỡng lấy theo văn bản hướng dẫn; mục nào ghi “cần kiểm tra” phải đối chiếu lại văn bản gốc."


class CriteriaSetQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(valid_from__lte=day).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))

    def for_ward(self, learning_model, site=None):
        """The ward's own sets and the shared ones of a model."""
        candidates = self.filter(learning_model=learning_model)
        if site is not None:
            return candidates.filter(Q(site=site) | Q(site__isnull=True))
        return candidates.filter(site__isnull=True)

    def in_force(self, learning_model, day, site=None):
        """Every version in force on `day` (several when the text has one set per group of people)."""
        return (
            self.for_ward(learning_model, site)
            .valid_on(day)
            .order_by(models.F("site").desc(nulls_last=True), "-valid_from", "population_group", "pk")
        )

    def applicable(self, learning_model, day, site=None):
        """The version in force on `day`: the ward's own first, then the shared one; newest first."""
        return self.in_force(learning_model, day, site).first()

    def latest_expired(self, learning_model, day, site=None):
        """The version that ended last before `day` (to say it expired, and to assess against it on purpose)."""
        return (
            self.for_ward(learning_model, site)
            .filter(valid_to__lt=day)
            .order_by("-valid_to", models.F("site").desc(nulls_last=True), "-pk")
            .first()
        )


class CriteriaSet(ClusterableModel):
    learning_model = models.CharField("Mô hình", max_length=20, choices=LearningModel.choices)
    name = models.CharField("Tên bộ tiêu chí", max_length=200)
    version = models.CharField("Phiên bản", max_length=60, help_text="Ví dụ: 2015, hoặc 2024 (sửa đổi).")
    legal_basis = models.TextField(
        "Căn cứ", help_text="Văn bản ban hành, ví dụ: Quyết định 448/QĐ-KHVN của Trung ương Hội Khuyến học Việt Nam."
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Riêng cho phường",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Để trống nếu bộ tiêu chí dùng chung cho mọi phường.",
    )
    document_number = models.CharField(
        "Số văn bản", max_length=60, blank=True, help_text="Ví dụ: 25/2023/TT-BGDĐT; 448/QĐ-KHVN."
    )
    issued_on = models.DateField("Ngày ban hành", null=True, blank=True)
    status = models.CharField(
        "Tình trạng",
        max_length=20,
        choices=CriteriaStatus.choices,
        default=CriteriaStatus.DRAFT,
        help_text="Chỉ bộ tiêu chí chính thức mới dùng được trong quyết định công nhận. Quản trị chuyển sang "
        "“Dùng để công nhận” sau khi đã đối chiếu toàn bộ tiêu chí, chỉ số, điểm, ngưỡng với văn bản gốc.",
    )
    source_status = models.TextField(
        "Tình trạng nguồn",
        blank=True,
        help_text="Đã tìm thấy văn bản gốc chưa, nội dung nào là tóm tắt, nội dung nào còn thiếu.",
    )
    assessment = models.CharField("Cách đánh giá", max_length=20, choices=Assessment.choices, default=Assessment.POINTS)
    population_group = models.CharField(
        "Đối tượng áp dụng",
        max_length=200,
        blank=True,
        help_text="Khi văn bản có bộ riêng cho từng nhóm người (ví dụ Công dân học tập); để trống nếu dùng chung.",
    )
    valid_from = models.DateField("Hiệu lực từ ngày")
    valid_to = models.DateField("Hiệu lực đến ngày", null=True, blank=True, help_text="Để trống nếu còn hiệu lực.")
    validity_months = models.PositiveSmallIntegerField(
        "Thời hạn công nhận (tháng)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Ví dụ: 12 tháng với gia đình; 36 tháng với cộng đồng học tập cấp xã (Thông tư 25/2023).",
    )
    validity_years_after = models.PositiveSmallIntegerField(
        "Công nhận có giá trị đến hết năm thứ … sau năm công nhận",
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
        help_text="Ví dụ: 3 với Thông tư 25/2023 (công nhận năm 2025 có giá trị đến 31/12/2028). "
        "Khi có, thay cho “Thời hạn công nhận (tháng)”.",
    )
    certificate_title = models.CharField(
        "Tên giấy công nhận", max_length=200, blank=True, help_text="Ví dụ: Giấy công nhận Gia đình học tập"
    )
    note = models.TextField("Ghi chú", blank=True, help_text=CHECK_NOTE)

    objects = CriteriaSetQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("learning_model"), FieldPanel("version")]),
                FieldPanel("name"),
                FieldPanel("legal_basis"),
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("issued_on")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("assessment")]),
                FieldPanel("source_status"),
                FieldPanel("population_group"),
                FieldPanel("site"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                FieldRowPanel(
                    [FieldPanel("validity_months"), FieldPanel("validity_years_after"), FieldPanel("certificate_title")]
                ),
                FieldPanel("note"),
            ],
            heading="Phiên bản",
        ),
        InlinePanel(
            "criteria",
            heading="Tiêu chí và chỉ số",
            label="Tiêu chí",
            help_text="Mỗi tiêu chí gồm các chỉ số với điểm tối đa; điểm tối đa của tiêu chí là tổng điểm các chỉ số.",
        ),
        InlinePanel(
            "levels",
            heading="Ngưỡng công nhận",
            label="Mức công nhận",
            help_text="Hồ sơ đạt mức cao nhất thỏa mọi điều kiện của mức đó. Ô để trống là không xét điều kiện ấy.",
        ),
    ]

    class Meta:
        verbose_name = "Bộ tiêu chí"
        verbose_name_plural = "Bộ tiêu chí"
        ordering = ["learning_model", "-valid_from"]

    def __str__(self):
        return f"{self.name} – phiên bản {self.version}"

    def clean(self):
        super().clean()
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."})

    @property
    def is_draft(self) -> bool:
        return self.status != CriteriaStatus.OFFICIAL

    @property
    def uses_points(self) -> bool:
        return self.assessment == Assessment.POINTS

    def draft_reason(self) -> str:
        """Why a decision cannot rely on this set (shown where the decision is applied)."""
        if not self.is_draft:
            return ""
        reason = (
            f"Bộ tiêu chí “{self}” đang ở tình trạng “Dự thảo – chưa dùng để công nhận”: "
            "nội dung chưa được đối chiếu với văn bản gốc nên không dùng được trong quyết định công nhận. "
            "Quản trị dùng chung chuyển bộ này sang “Dùng để công nhận” sau khi đã đối chiếu với văn bản gốc."
        )
        if self.source_status:
            reason += f" Tình trạng nguồn: {self.source_status}"
        return reason

    def is_valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    def expired_reason(self, day=None) -> str:
        """Why a dossier assessed under this set, on `day`, cannot ground a recognition decision."""
        if day is not None and self.is_valid_on(day):
            return ""
        if self.valid_to is None:
            return ""
        return (
            f"Bộ tiêu chí “{self}” đã hết hiệu lực từ ngày {self.valid_to + datetime.timedelta(days=1):%d/%m/%Y} "
            f"(hiệu lực {self.valid_from:%d/%m/%Y}–{self.valid_to:%d/%m/%Y}): hồ sơ đánh giá theo bộ này chỉ là "
            "đánh giá tạm, không dùng được trong quyết định công nhận. Quản trị thêm bộ tiêu chí thay thế rồi đánh "
            "giá lại theo bộ mới."
        )

    def valid_until(self, recognition_year: int, signed_on):
        """The last day a recognition under this set is valid."""
        if self.validity_years_after is not None:
            return datetime.date(recognition_year + self.validity_years_after, 12, 31)
        from .cycle import add_months

        return add_months(signed_on, self.validity_months) - datetime.timedelta(days=1)

    @property
    def in_use(self) -> bool:
        return self.pk is not None and self.registrations.exists()

    def ordered_criteria(self):
        return self.criteria.order_by("sort_order", "pk").prefetch_related(
            models.Prefetch("indicators", queryset=Indicator.objects.order_by("sort_order", "pk"))
        )

    def indicators(self):
        return Indicator.objects.filter(criterion__criteria_set=self).order_by(
            "criterion__sort_order", "criterion__pk", "sort_order", "pk"
        )

    @property
    def max_total(self) -> Decimal:
        return self.indicators().aggregate(total=models.Sum("max_points"))["total"] or Decimal(0)

    def ordered_levels(self):
        return self.levels.order_by("-rank", "pk")

    @transaction.atomic
    def copy_as_new_version(self, version: str, valid_from):
        """A new, editable version with the same criteria, indicators and levels."""
        new = CriteriaSet.objects.create(
            learning_model=self.learning_model,
            name=self.name,
            version=version,
            legal_basis=self.legal_basis,
            site=self.site,
            valid_from=valid_from,
            valid_to=None,
            validity_months=self.validity_months,
            validity_years_after=self.validity_years_after,
            certificate_title=self.certificate_title,
            note=self.note,
            document_number=self.document_number,
            issued_on=self.issued_on,
            assessment=self.assessment,
            population_group=self.population_group,
            source_status=self.source_status,
            status=CriteriaStatus.DRAFT,  # a new version is checked against its text before use
        )
        for criterion in self.ordered_criteria():
            new_criterion = Criterion.objects.create(
                criteria_set=new,
                code=criterion.code,
                title=criterion.title,
                sort_order=criterion.sort_order,
            )
            Indicator.objects.bulk_create(
                [
                    Indicator(
                        criterion=new_criterion,
                        code=indicator.code,
                        text=indicator.text,
                        text_level2=indicator.text_level2,
                        max_points=indicator.max_points,
                        evidence_required=indicator.evidence_required,
                        evidence_hint=indicator.evidence_hint,
                        sort_order=indicator.sort_order,
                    )
                    for indicator in criterion.indicators.all()
                ]
            )
        RecognitionLevel.objects.bulk_create(
            [
                RecognitionLevel(
                    criteria_set=new,
                    name=level.name,
                    rank=level.rank,
                    min_total=level.min_total,
                    min_criterion_percent=level.min_criterion_percent,
                    min_indicator_points=level.min_indicator_points,
                    min_total_disadvantaged=level.min_total_disadvantaged,
                )
                for level in self.levels.all()
            ]
        )
        return new


class Criterion(Orderable, ClusterableModel):
    criteria_set = ParentalKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField("Số hiệu", max_length=10, help_text="Ví dụ: 1")
    title = models.CharField("Tên tiêu chí", max_length=255)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("title")]),
        InlinePanel("indicators", heading="Chỉ số", label="Chỉ số"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Tiêu chí"
        verbose_name_plural = "Tiêu chí"

    def __str__(self):
        return f"Tiêu chí {self.code}. {self.title}"

    @property
    def max_points(self) -> Decimal:
        return sum((indicator.max_points for indicator in self.indicators.all()), Decimal(0))


class Indicator(Orderable):
    criterion = ParentalKey(Criterion, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField("Số hiệu", max_length=10, help_text="Ví dụ: 1.2")
    text = models.TextField("Nội dung chỉ số", help_text="Với bộ đánh giá theo mức: nội dung ở Mức 1.")
    text_level2 = models.TextField(
        "Nội dung ở Mức 2", blank=True, help_text="Chỉ với bộ đánh giá theo mức, khi Mức 2 đòi hỏi khác Mức 1."
    )
    max_points = models.DecimalField(
        "Điểm tối đa",
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="Theo văn bản hướng dẫn; số điểm mẫu ban đầu cần kiểm tra với bản gốc.",
    )
    evidence_required = models.BooleanField("Bắt buộc có minh chứng", default=False)
    evidence_hint = models.CharField(
        "Gợi ý minh chứng", max_length=255, blank=True, help_text="Ví dụ: giấy khen, sổ theo dõi, ảnh hoạt động."
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("max_points"), FieldPanel("evidence_required")]),
        FieldPanel("text"),
        FieldPanel("text_level2"),
        FieldPanel("evidence_hint"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Chỉ số"
        verbose_name_plural = "Chỉ số"

    def __str__(self):
        return f"{self.code}. {self.text}"


class RecognitionLevel(Orderable):
    """A pass threshold: "Đạt", or "Mức 1" / "Mức 2" for Thông tư 25/2023."""

    criteria_set = ParentalKey(CriteriaSet, on_delete=models.CASCADE, related_name="levels")
    name = models.CharField("Tên mức", max_length=60, help_text="Ví dụ: Đạt; Mức 1; Mức 2.")
    rank = models.PositiveSmallIntegerField("Bậc", default=1, help_text="Mức cao hơn có bậc lớn hơn.")
    min_total = models.DecimalField(
        "Tổng điểm tối thiểu",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Ngưỡng mẫu ban đầu cần kiểm tra với văn bản gốc.",
    )
    min_criterion_percent = models.DecimalField(
        "Mỗi tiêu chí đạt tối thiểu (% điểm tối đa của tiêu chí)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    min_indicator_points = models.DecimalField(
        "Mỗi chỉ số đạt tối thiểu (điểm)",
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Với bộ đánh giá theo mức: số của mức (1 = mọi chỉ số đạt Mức 1, 2 = mọi chỉ số đạt Mức 2).",
    )
    min_total_disadvantaged = models.DecimalField(
        "Tổng điểm tối thiểu ở vùng khó khăn",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Thay cho tổng điểm tối thiểu khi hồ sơ thuộc vùng khó khăn; để trống nếu như nhau.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("rank")]),
        FieldRowPanel(
            [
                FieldPanel("min_total"),
                FieldPanel("min_total_disadvantaged"),
                FieldPanel("min_criterion_percent"),
                FieldPanel("min_indicator_points"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Mức công nhận"
        verbose_name_plural = "Mức công nhận"

    def __str__(self):
        return self.name


class Target(models.Model):
    """A percentage to reach by a year (QĐ 387/QĐ-TTg, QĐ 677/QĐ-TTg), as editable data."""

    kind = models.CharField("Chỉ tiêu cho", max_length=20, choices=TargetKind.choices)
    year = models.PositiveSmallIntegerField("Đến năm", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    percent = models.DecimalField(
        "Tỷ lệ phải đạt (%)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text="Để trống khi chưa có số liệu chính thức (khi đó đánh dấu “Cần xác nhận”).",
    )
    legal_basis = models.CharField("Căn cứ", max_length=255, help_text="Ví dụ: Quyết định 387/QĐ-TTg năm 2022")
    needs_confirmation = models.BooleanField(
        "Cần xác nhận",
        default=False,
        help_text="Chỉ tiêu chưa đối chiếu với văn bản gốc: bảng thống kê ghi rõ “cần xác nhận”. "
        "Bỏ chọn sau khi đã nhập đúng tỷ lệ theo văn bản.",
    )
    note = models.CharField("Ghi chú", max_length=255, blank=True)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Riêng cho phường",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Để trống nếu là chỉ tiêu chung; chỉ tiêu riêng của phường được ưu tiên.",
    )

    province = models.CharField(
        "Riêng cho tỉnh, thành phố",
        max_length=120,
        blank=True,
        help_text="Chỉ tiêu theo kế hoạch của tỉnh, thành phố (ví dụ: Thành phố Hồ Chí Minh), ghi đúng như ô “Đơn vị "
        "cấp trên” trong Cài đặt phường. Để trống nếu là chỉ tiêu toàn quốc hoặc riêng của phường.",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year"), FieldPanel("percent")]),
        FieldPanel("legal_basis"),
        FieldRowPanel([FieldPanel("needs_confirmation"), FieldPanel("note")]),
        FieldRowPanel([FieldPanel("site"), FieldPanel("province")]),
    ]

    class Meta:
        verbose_name = "Chỉ tiêu"
        verbose_name_plural = "Chỉ tiêu"
        ordering = ["year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "year"], name="learning_unique_target"),
            models.UniqueConstraint(
                fields=["kind", "year", "province"],
                condition=Q(site__isnull=True),
                name="learning_unique_shared_target",
            ),
        ]

    def __str__(self):
        if self.percent is None:
            return f"{self.get_kind_display()} đến năm {self.year}: chưa có tỷ lệ (cần xác nhận)"
        suffix = " (cần xác nhận)" if self.needs_confirmation else ""
        return f"{self.get_kind_display()}: {plain_number(self.percent)}% đến năm {self.year}{suffix}"

    @property
    def layer(self) -> str:
        """Whose target it is: the ward's own plan, the province's, or the national one."""
        if self.site_id:
            return "Phường"
        return f"Tỉnh, thành phố ({self.province})" if self.province else "Toàn quốc"

    def clean(self):
        super().clean()
        if self.site_id and self.province:
            raise ValidationError(
                {"province": "Chỉ tiêu riêng của phường thì để trống ô tỉnh, thành phố (và ngược lại)."}
            )
        if self.percent is None and not self.needs_confirmation:
            raise ValidationError({"percent": "Nhập tỷ lệ phải đạt, hoặc đánh dấu “Cần xác nhận” nếu chưa có số liệu."})
