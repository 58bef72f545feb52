"""The yearly cycle: registration → self-assessment → khu phố review → council scoring → decision."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..choices import DecisionOutcome, LearningModel, Status
from ..storage import get_private_storage
from .criteria import CriteriaSet, Indicator, RecognitionLevel
from .registry import Citizen, Clan, Household, LearningQuarter, Unit, check_same_site, site_field

# The subject field of a registration for each model (None: the ward itself).
SUBJECT_FIELDS = {
    LearningModel.FAMILY: "household",
    LearningModel.CLAN: "clan",
    LearningModel.COMMUNITY: "community",
    LearningModel.UNIT: "unit",
    LearningModel.CITIZEN: "citizen",
    LearningModel.WARD: None,
}


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise ValueError(day)


def tt25_deadlines(year):
    """(dossier sent upward by, decision by) for the ward's TT 25/2023 assessment of `year`."""
    return datetime.date(year + 1, 2, 28), datetime.date(year + 1, 3, 31)


class RecognitionDecision(models.Model):
    """Quyết định công nhận: number, date, signer; its registrations form the certificate list."""

    site = site_field("learning_decisions")
    year = models.PositiveSmallIntegerField(
        "Năm đánh giá", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    learning_model = models.CharField("Mô hình", max_length=20, choices=LearningModel.choices)
    number = models.CharField("Số quyết định", max_length=60, help_text="Ví dụ: 125/QĐ-UBND")
    signed_on = models.DateField("Ngày ký")
    signer_name = models.CharField("Người ký", max_length=120)
    signer_title = models.CharField(
        "Chức vụ người ký",
        max_length=120,
        blank=True,
        help_text="Để trống để lấy từ bảng “Cơ quan công nhận” (khi dòng đã chọn có ghi chức vụ).",
    )
    # No default: who recognises depends on the model and on the rules in force (TT 25: the level
    # above the ward, not settled after the 2025 reform; families, clans…: the body the rules name).
    recognising_body = models.ForeignKey(
        "learning.RecognisingBody",
        verbose_name="Theo bảng cơ quan công nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        help_text="Dòng của bảng “Cơ quan công nhận” cho mô hình này. Để trống ô “Cơ quan ban hành” thì lấy cơ "
        "quan và chức vụ người ký từ dòng đã chọn (chỉ khi dòng đó đã xác nhận căn cứ).",
    )
    issuer = models.CharField(
        "Cơ quan ban hành",
        max_length=200,
        blank=True,
        help_text="Ghi đúng cơ quan có thẩm quyền theo quy định hiện hành, hoặc để trống để lấy từ bảng “Cơ quan "
        "công nhận”. Cộng đồng học tập cấp xã (Thông tư 25/2023/TT-BGDĐT) do cơ quan cấp trên công nhận, "
        "không phải Ủy ban nhân dân phường.",
    )
    granted_level = models.ForeignKey(
        RecognitionLevel,
        verbose_name="Mức được công nhận",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Chỉ với Cộng đồng học tập cấp xã: mức cơ quan cấp trên công nhận (có thể khác mức phường đề nghị).",
    )
    outcome = models.CharField(
        "Kết quả",
        max_length=20,
        choices=DecisionOutcome.choices,
        default=DecisionOutcome.RECOGNISED,
        help_text="Chỉ với Cộng đồng học tập cấp xã: cơ quan cấp trên có thể không công nhận hồ sơ phường đề nghị. "
        "Khi đó để trống “Mức được công nhận” và ghi lý do.",
    )
    refusal_reason = models.TextField(
        "Lý do không công nhận",
        blank=True,
        help_text="Ghi theo quyết định hoặc văn bản trả lời của cơ quan cấp trên.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Bản quyết định (tệp)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tệp ở thư mục riêng “Hồ sơ xã hội học tập” của phường; chỉ cán bộ, lãnh đạo của phường tải được.",
    )
    created_at = models.DateTimeField("Ngày nhập", auto_now_add=True)

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("learning_model")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("signed_on")]),
        FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_title")]),
        FieldPanel("recognising_body"),
        FieldPanel("issuer"),
        FieldRowPanel([FieldPanel("outcome"), FieldPanel("granted_level")]),
        FieldPanel("refusal_reason"),
        FieldPanel("document"),
    ]

    class Meta:
        verbose_name = "Quyết định công nhận"
        verbose_name_plural = "Quyết định công nhận"
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "number"], name="learning_unique_decision_number"),
        ]

    def __str__(self):
        return f"Quyết định số {self.number} ngày {self.signed_on:%d/%m/%Y}"

    @property
    def refuses(self) -> bool:
        """The higher body did not recognise the ward's TT 25 dossier."""
        return self.outcome == DecisionOutcome.REFUSED

    @property
    def decision_deadline(self):
        """TT 25/2023: the level above decides by 31/3 of the year after the data year."""
        return tt25_deadlines(self.year)[1] if self.learning_model == LearningModel.WARD else None

    @property
    def is_late(self) -> bool:
        deadline = self.decision_deadline
        return bool(deadline and self.signed_on and self.signed_on > deadline)

    def clean(self):
        super().clean()
        from .recognition import check_decision_issuer

        check_decision_issuer(self)
        if self.granted_level_id and self.learning_model != LearningModel.WARD:
            raise ValidationError(
                {"granted_level": "Chỉ quyết định công nhận Cộng đồng học tập cấp xã mới ghi mức ở đây."}
            )
        if self.refuses:
            if self.learning_model != LearningModel.WARD:
                raise ValidationError(
                    {
                        "outcome": "Chỉ hồ sơ Cộng đồng học tập cấp xã mới có quyết định “Không công nhận” của cơ "
                        "quan cấp trên; với các mô hình khác, hồ sơ chưa đạt được ghi “Không được công nhận” khi "
                        "xét theo quyết định công nhận."
                    }
                )
            if self.granted_level_id:
                raise ValidationError(
                    {"granted_level": "Quyết định không công nhận thì không ghi “Mức được công nhận”; hãy để trống."}
                )
        elif self.refusal_reason.strip():
            raise ValidationError({"refusal_reason": "Chỉ ghi lý do khi kết quả là “Không công nhận”."})
        if self.document_id and self.site_id:
            from ..files import collection_name, private_ward_of

            if private_ward_of(self.document.collection) != self.site_id:
                raise ValidationError(
                    {
                        "document": "Tệp quyết định phải nằm trong thư mục riêng “"
                        + collection_name(self.site)
                        + "” của phường (tệp có thông tin cá nhân không để ở thư mục công khai). "
                        "Hãy tải tệp lên thư mục đó rồi chọn lại."
                    }
                )


class RegistrationQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def recognised(self):
        return self.filter(status=Status.RECOGNISED)

    def valid_on(self, day):
        return self.recognised().filter(valid_until__gte=day)


class Registration(models.Model):
    """One subject's registration for one year, and its assessment under one criteria version.

    The subject's name and khu phố are copied at registration so that the yearly
    figures stay the same if a household is later removed from the registry.
    """

    site = site_field("learning_registrations")
    year = models.PositiveSmallIntegerField("Năm", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    learning_model = models.CharField("Mô hình", max_length=20, choices=LearningModel.choices)
    criteria_set = models.ForeignKey(
        CriteriaSet,
        verbose_name="Bộ tiêu chí áp dụng",
        on_delete=models.PROTECT,
        related_name="registrations",
        blank=True,
        help_text="Để trống: tự chọn phiên bản có hiệu lực vào ngày đăng ký.",
    )
    household = models.ForeignKey(
        Household,
        verbose_name="Hộ gia đình",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    clan = models.ForeignKey(
        Clan, verbose_name="Dòng họ", null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    community = models.ForeignKey(
        LearningQuarter,
        verbose_name="Khu phố (Cộng đồng học tập)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_registrations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị", null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    citizen = models.ForeignKey(
        Citizen, verbose_name="Công dân", null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    # Snapshots, kept when the subject is deleted.
    subject_name = models.CharField("Tên đối tượng", max_length=255, blank=True, editable=False)
    quarter = models.ForeignKey(
        LearningQuarter,
        verbose_name="Khu phố",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        editable=False,
    )
    is_public_staff = models.BooleanField("Cán bộ, công chức, viên chức", default=False, editable=False)
    subject_removed = models.BooleanField("Đối tượng đã xóa khỏi sổ", default=False, editable=False)

    registered_on = models.DateField("Ngày đăng ký", default=timezone.localdate)
    digital_skills = models.BooleanField(
        "Có kỹ năng số",
        default=False,
        help_text="Chỉ với Công dân học tập: hội đồng xác nhận công dân có kỹ năng số theo hướng dẫn của cấp trên "
        "(chỉ tiêu công dân học tập có kỹ năng số: 70% năm 2025, 90% năm 2030 – Quyết định 677/QĐ-TTg).",
    )
    disadvantaged_area = models.BooleanField(
        "Thuộc vùng khó khăn",
        default=False,
        help_text="Dùng ngưỡng điểm của vùng khó khăn nếu bộ tiêu chí có (ví dụ Công dân học tập: 70 thay cho 80).",
    )
    status = models.CharField(
        "Trạng thái", max_length=20, choices=Status.choices, default=Status.REGISTERED, editable=False
    )
    self_total = models.DecimalField("Điểm tự đánh giá", max_digits=7, decimal_places=2, null=True, editable=False)
    council_total = models.DecimalField("Điểm hội đồng", max_digits=7, decimal_places=2, null=True, editable=False)
    level = models.ForeignKey(
        RecognitionLevel,
        verbose_name="Mức đạt",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    level_name = models.CharField("Mức đạt", max_length=60, blank=True, editable=False)
    # The ward's TT 25 dossier: the ward proposes a level, the level above grants one (it may differ).
    proposed_level_name = models.CharField("Mức phường đề nghị", max_length=60, blank=True, editable=False)
    dossier_sent_on = models.DateField(
        "Ngày gửi hồ sơ lên cấp trên",
        null=True,
        blank=True,
        help_text="Cộng đồng học tập cấp xã: hạn gửi hồ sơ là 28/02 năm sau năm đánh giá.",
    )
    quarter_note = models.TextField("Ý kiến của khu phố", blank=True, editable=False)
    council_note = models.TextField("Ý kiến của hội đồng", blank=True, editable=False)
    decision = models.ForeignKey(
        RecognitionDecision,
        verbose_name="Quyết định",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
        editable=False,
    )
    valid_until = models.DateField("Công nhận có giá trị đến", null=True, blank=True, editable=False)
    certificate_number = models.CharField("Số giấy công nhận", max_length=60, blank=True, editable=False)
    note = models.TextField("Ghi chú", blank=True)

    objects = RegistrationQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("learning_model"), FieldPanel("registered_on")]),
        FieldRowPanel([FieldPanel("disadvantaged_area"), FieldPanel("digital_skills")]),
        MultiFieldPanel(
            [
                FieldPanel("household"),
                FieldPanel("clan"),
                FieldPanel("community"),
                FieldPanel("unit"),
                FieldPanel("citizen"),
            ],
            heading="Đối tượng đăng ký",
            help_text="Chọn đúng một đối tượng theo mô hình (mô hình cấp xã thì để trống cả năm ô).",
        ),
        FieldPanel("criteria_set"),
        FieldPanel("dossier_sent_on"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "Đăng ký – đánh giá"
        verbose_name_plural = "Đăng ký – đánh giá"
        ordering = ["-year", "learning_model", "subject_name"]
        permissions = [
            ("review_registration", "Khu phố xem xét hồ sơ tự đánh giá"),
            ("score_registration", "Hội đồng phường chấm điểm"),
            ("recognise_registration", "Ra quyết định công nhận"),
            ("view_learning_reports", "Xem thống kê, báo cáo xã hội học tập"),
        ]
        indexes = [models.Index(fields=["site", "year", "learning_model", "status"])]

    def __str__(self):
        return f"{self.get_learning_model_display()} {self.year}: {self.subject_name or 'phường'}"

    # --- subject -----------------------------------------------------------------------------------
    @property
    def subject(self):
        field = SUBJECT_FIELDS.get(self.learning_model)
        return getattr(self, field) if field else self.site

    def _snapshot_subject(self):
        subject = self.subject
        field = SUBJECT_FIELDS.get(self.learning_model)
        if field is None:
            self.subject_name = self.site.site_name if self.site_id else ""
            return
        if subject is None:
            return  # deleted later: keep the snapshot
        if self.learning_model == LearningModel.FAMILY:
            self.subject_name = f"Hộ {subject.head_name}"
            self.quarter_id = subject.quarter_id
        elif self.learning_model == LearningModel.COMMUNITY:
            self.subject_name = subject.name
            self.quarter_id = subject.pk
        elif self.learning_model == LearningModel.CITIZEN:
            self.subject_name = subject.full_name
            self.quarter_id = subject.quarter_id
            self.is_public_staff = subject.is_public_staff
        else:
            self.subject_name = subject.name
            self.quarter_id = subject.quarter_id

    def clean(self):
        super().clean()
        errors = {}
        wanted = SUBJECT_FIELDS.get(self.learning_model)
        for model_value, field in SUBJECT_FIELDS.items():
            if field is None:
                continue
            chosen = getattr(self, f"{field}_id")
            if field == wanted and not chosen and not self.pk:
                errors[field] = f"Hãy chọn đối tượng cho mô hình {LearningModel(model_value).label}."
            elif field != wanted and chosen:
                errors[field] = "Ô này không dùng cho mô hình đã chọn; hãy để trống."
        if self.digital_skills and self.learning_model != LearningModel.CITIZEN:
            errors["digital_skills"] = "Chỉ ghi kỹ năng số với hồ sơ Công dân học tập."
        if errors:
            raise ValidationError(errors)
        if wanted:
            check_same_site(self, wanted)
        if not self.criteria_set_id and self.learning_model:
            self.criteria_set = self._pick_criteria_set()
        if self.criteria_set_id and self.criteria_set.learning_model != self.learning_model:
            raise ValidationError({"criteria_set": "Bộ tiêu chí này dành cho mô hình khác."})
        if wanted and getattr(self, f"{wanted}_id"):
            duplicate = Registration.objects.filter(
                site_id=self.site_id,
                year=self.year,
                learning_model=self.learning_model,
                **{wanted: getattr(self, wanted)},
            ).exclude(pk=self.pk)
            if duplicate.exists():
                raise ValidationError(f"Đối tượng này đã đăng ký năm {self.year}.")
        if wanted is None:
            duplicate = Registration.objects.filter(
                site_id=self.site_id, year=self.year, learning_model=self.learning_model
            ).exclude(pk=self.pk)
            if duplicate.exists():
                raise ValidationError(f"Phường đã có hồ sơ cộng đồng học tập cấp xã năm {self.year}.")

    def _pick_criteria_set(self):
        """The set in force on the registration day; never an expired one, never a guess between groups."""
        from ..availability import gap

        site = self.site if self.site_id else None
        in_force = list(CriteriaSet.objects.in_force(self.learning_model, self.registered_on, site))
        if not in_force:
            raise ValidationError({"criteria_set": gap(self.learning_model, self.registered_on, site).message})
        first_scope = [found for found in in_force if found.site_id == in_force[0].site_id]
        if len({found.population_group for found in first_scope}) > 1:
            groups = "; ".join(found.population_group or str(found) for found in first_scope)
            raise ValidationError(
                {
                    "criteria_set": f"Có {len(first_scope)} bộ tiêu chí {self.get_learning_model_display()} riêng "
                    f"cho từng nhóm đối tượng ({groups}). Hãy chọn bộ đúng nhóm của đối tượng đăng ký."
                }
            )
        return first_scope[0]

    @property
    def criteria_expired(self) -> bool:
        """Assessed on purpose under a set no longer in force on the registration day (a provisional assessment)."""
        return bool(self.criteria_set_id and not self.criteria_set.is_valid_on(self.registered_on))

    def save(self, *args, **kwargs):
        if not self.criteria_set_id and self.learning_model:
            self.criteria_set = CriteriaSet.objects.applicable(self.learning_model, self.registered_on, self.site)
        self._snapshot_subject()
        super().save(*args, **kwargs)

    # --- cycle helpers ------------------------------------------------------------------------------
    @property
    def dossier_deadline(self):
        return tt25_deadlines(self.year)[0] if self.learning_model == LearningModel.WARD else None

    @property
    def dossier_late(self) -> bool:
        deadline = self.dossier_deadline
        return bool(deadline and self.dossier_sent_on and self.dossier_sent_on > deadline)

    @property
    def is_editable_by_owner(self):
        return self.status == Status.REGISTERED

    def score_map(self, which="self"):
        attr = f"{which}_points"
        return {score.indicator_id: getattr(score, attr) for score in self.scores.all()}


class Score(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="scores")
    indicator = models.ForeignKey(Indicator, verbose_name="Chỉ số", on_delete=models.PROTECT, related_name="scores")
    self_points = models.DecimalField("Điểm tự chấm", max_digits=6, decimal_places=2, null=True, blank=True)
    council_points = models.DecimalField("Điểm hội đồng chấm", max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "Điểm chỉ số"
        verbose_name_plural = "Điểm chỉ số"
        constraints = [
            models.UniqueConstraint(fields=["registration", "indicator"], name="learning_unique_score"),
        ]

    def __str__(self):
        return f"{self.indicator.code}: {self.self_points} / {self.council_points}"

    def clean(self):
        super().clean()
        if self.indicator.criterion.criteria_set_id != self.registration.criteria_set_id:
            raise ValidationError("Chỉ số không thuộc bộ tiêu chí của hồ sơ.")
        for field in ("self_points", "council_points"):
            value = getattr(self, field)
            if value is not None and not (Decimal(0) <= value <= self.indicator.max_points):
                raise ValidationError({field: f"Điểm phải từ 0 đến {self.indicator.max_points}."})


def evidence_upload_to(instance, filename):
    return f"minh-chung/{instance.registration.site_id}/{instance.registration_id}/{filename}"


class Evidence(models.Model):
    """A self-assessment evidence file (private) or a link to a Wagtail document."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.ForeignKey(
        Indicator, verbose_name="Cho chỉ số", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("Mô tả minh chứng", max_length=255)
    file = models.FileField(
        "Tệp", upload_to=evidence_upload_to, storage=get_private_storage, blank=True, max_length=255
    )
    content_type = models.CharField("Kiểu tệp", max_length=100, blank=True)
    size = models.PositiveIntegerField("Dung lượng (byte)", default=0)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Hoặc tài liệu đã có", null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField("Ngày tải lên", auto_now_add=True)

    class Meta:
        verbose_name = "Minh chứng"
        verbose_name_plural = "Minh chứng"
        ordering = ["indicator__sort_order", "pk"]

    def __str__(self):
        return self.title


class RegistrationEvent(models.Model):
    """Who moved a registration from one step of the cycle to the next, and when."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("Thời điểm", auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người thực hiện", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField("Từ", max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField("Sang", max_length=20, choices=Status.choices)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Bước xử lý hồ sơ"
        verbose_name_plural = "Các bước xử lý hồ sơ"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
