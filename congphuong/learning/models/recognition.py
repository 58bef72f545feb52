"""Who recognises what: the recognising body per model and level, as data an administrator corrects.

Issue 16 §3: recognition comes from outside the ward's own groups, and the body depends on the
model, sometimes on the level, and on the time (the district level was abolished on 1/7/2025, and
its successor for TT 25/2023 is not settled in our notes). Each row names the body, its level, the
signer's title, its basis and whether that basis was confirmed; a row whose fact the domain notes
do not give says so in its note and stays unconfirmed instead of guessing "Ủy ban nhân dân phường".

Shared rows (no ward) are edited by national administrators; a ward may keep its own row, which
comes first (the province's guidance it received). Decisions use the table (`check_decision_issuer`)
and the dossier pages show it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from congphuong.core.text import nfc

from ..choices import BodyLevel, LearningModel


class RecognisingBodyQuerySet(models.QuerySet):
    def for_decision(self, learning_model, day, site=None, level_name=""):
        """The rows that apply: the model, valid on `day`, the ward's own first; a row for the level first."""
        rows = self.filter(learning_model=learning_model)
        rows = rows.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        rows = rows.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        rows = rows.filter(Q(site=site) | Q(site__isnull=True)) if site is not None else rows.filter(site__isnull=True)
        rows = rows.filter(Q(level_name="") | Q(level_name=level_name)) if level_name else rows
        return rows.order_by(models.F("site").desc(nulls_last=True), "-level_name", "-valid_from", "pk")

    def applicable(self, learning_model, day, site=None, level_name=""):
        return self.for_decision(learning_model, day, site, level_name).first()


class RecognisingBody(models.Model):
    learning_model = models.CharField("Mô hình được công nhận", max_length=20, choices=LearningModel.choices)
    level_name = models.CharField(
        "Mức công nhận",
        max_length=60,
        blank=True,
        help_text="Ví dụ: Mức 1, Mức 2 (Cộng đồng học tập cấp xã). Để trống nếu mọi mức do cùng cơ quan công nhận.",
    )
    body_level = models.CharField("Cấp của cơ quan", max_length=20, choices=BodyLevel.choices)
    issuer = models.CharField(
        "Cơ quan công nhận",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Hội Khuyến học phường; Ủy ban nhân dân phường; Sở Giáo dục và Đào tạo. "
        "Để trống khi chưa xác định được (ghi rõ lý do ở ô Ghi chú).",
    )
    signer_title = models.CharField("Chức vụ người ký", max_length=120, blank=True)
    legal_basis = models.CharField("Căn cứ", max_length=255, blank=True)
    confirmed = models.BooleanField(
        "Đã xác nhận căn cứ",
        default=False,
        help_text="Chỉ đánh dấu sau khi đã đối chiếu văn bản quy định. "
        "Quyết định chỉ tự lấy cơ quan từ dòng đã xác nhận.",
    )
    note = models.TextField("Ghi chú", blank=True, help_text="Nguồn, điều còn thiếu, điều cần kiểm tra.")
    valid_from = models.DateField("Áp dụng từ ngày", null=True, blank=True)
    valid_to = models.DateField("Áp dụng đến ngày", null=True, blank=True, help_text="Để trống nếu đang áp dụng.")
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Riêng cho phường",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Để trống nếu dùng chung; dòng riêng của phường (theo hướng dẫn tỉnh, thành phố) được ưu tiên.",
    )

    objects = RecognisingBodyQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("learning_model"), FieldPanel("level_name"), FieldPanel("body_level")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer_title")]),
        FieldRowPanel([FieldPanel("legal_basis"), FieldPanel("confirmed")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("note"),
        FieldPanel("site"),
    ]

    class Meta:
        verbose_name = "Cơ quan công nhận"
        verbose_name_plural = "Cơ quan công nhận"
        ordering = ["learning_model", "level_name", "valid_from", "pk"]

    def __str__(self):
        level = f" – {self.level_name}" if self.level_name else ""
        who = self.issuer or "chưa xác định"
        suffix = "" if self.confirmed else " (chưa xác nhận căn cứ)"
        return f"{self.get_learning_model_display()}{level}: {who}{suffix}"

    @property
    def usable(self) -> bool:
        """A row a decision may take its issuer from."""
        return self.confirmed and bool(self.issuer)

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "Ngày kết thúc phải sau ngày bắt đầu áp dụng."})
        if self.confirmed and not self.issuer.strip():
            raise ValidationError({"issuer": "Đã xác nhận căn cứ thì phải ghi cơ quan công nhận."})
        if self.learning_model == LearningModel.WARD and self.body_level == BodyLevel.WARD:
            raise ValidationError(
                {"body_level": "Cộng đồng học tập cấp xã do cơ quan cấp trên công nhận, không phải cấp xã, phường."}
            )


# Words that name the ward's own bodies: a TT 25/2023 decision never comes from them.
OWN_WARD_BODIES = ("ủy ban nhân dân phường", "ubnd phường", "ủy ban nhân dân xã", "ubnd xã", "hội khuyến học phường")


def names_the_ward_itself(issuer, site) -> bool:
    text = nfc(issuer or "").casefold().replace("uỷ", "ủy")
    if any(word in text for word in OWN_WARD_BODIES):
        return True
    names = {site.site_name} if site else set()
    from congphuong.wards.models import WardSettings

    settings = WardSettings.objects.filter(site=site).first() if site else None
    if settings:
        names |= {settings.short_name, settings.official_name}
    return any(name and nfc(name).casefold() in text for name in names)


def check_decision_issuer(decision):
    """Fill the issuer from the table when left empty, and refuse what the rules exclude (Vietnamese)."""
    if not decision.learning_model:
        return
    site = decision.site if decision.site_id else None
    day = decision.signed_on or datetime.date.today()
    body = decision.recognising_body
    if body is not None:
        if body.learning_model != decision.learning_model:
            raise ValidationError({"recognising_body": "Dòng này là cơ quan công nhận của mô hình khác."})
        if body.site_id and body.site_id != decision.site_id:
            raise ValidationError({"recognising_body": "Dòng này thuộc phường khác."})
    if not decision.issuer.strip():
        if body is None:
            body = RecognisingBody.objects.applicable(decision.learning_model, day, site)
        if body is None or not body.usable:
            reason = f" Ghi chú của bảng: {body.note}" if body is not None and body.note else ""
            raise ValidationError(
                {
                    "issuer": "Hãy ghi cơ quan ban hành: bảng “Cơ quan công nhận” chưa có cơ quan đã xác nhận căn "
                    f"cứ cho {LearningModel(decision.learning_model).label}.{reason}"
                }
            )
        decision.recognising_body = body
        decision.issuer = body.issuer
        if not decision.signer_title.strip():
            decision.signer_title = body.signer_title
    if not decision.signer_title.strip():
        raise ValidationError({"signer_title": "Hãy ghi chức vụ người ký."})
    if decision.learning_model == LearningModel.WARD and names_the_ward_itself(decision.issuer, site):
        raise ValidationError(
            {
                "issuer": "Cộng đồng học tập cấp xã (Thông tư 25/2023/TT-BGDĐT) do cơ quan cấp trên công nhận: "
                "phường chỉ đề nghị mức, không tự ra quyết định công nhận cho chính mình."
            }
        )
