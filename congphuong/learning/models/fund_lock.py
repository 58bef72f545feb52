"""Closed periods of the fund (khóa sổ) and what a voucher may do once its period is closed.

Accounting practice for a cash book: once the ward closes a period (end of a month, a
quarter, a year) the vouchers dated in it are final. A mistake found later is corrected by
an adjusting entry (bút toán điều chỉnh) dated in an open period and pointing at the voucher
it corrects, never by editing or deleting the voucher. The rule holds in the model (save,
delete, queryset update and delete), so no view, import or shell session can bypass it.
A closing itself cannot be changed or deleted: reopening a period would undo the lock.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .registry import site_field


def locked_through(site_id):
    """The last day of the latest closed period of the ward, or None when nothing is closed."""
    if not site_id:
        return None
    return FundClosing.objects.filter(site_id=site_id).aggregate(day=Max("closed_through"))["day"]


def locked_message(voucher_number, day):
    return (
        f"Phiếu {voucher_number} thuộc kỳ đã khóa sổ (đến hết ngày {day:%d/%m/%Y}): không được sửa hay xóa. "
        "Hãy lập phiếu điều chỉnh trong kỳ đang mở, chọn phiếu này ở mục “Điều chỉnh cho phiếu”."
    )


class FundClosing(models.Model):
    """Khóa sổ: every voucher of the ward dated on or before `closed_through` is final."""

    site = site_field("learning_fund_closings")
    closed_through = models.DateField(
        "Khóa sổ đến hết ngày", help_text="Thường là ngày cuối tháng, quý hoặc năm đã đối chiếu xong."
    )
    note = models.CharField("Ghi chú", max_length=255, blank=True, help_text="Ví dụ: Đã đối chiếu sổ quỹ năm 2025")
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người khóa sổ",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField("Thời điểm khóa sổ", auto_now_add=True)

    panels = [FieldPanel("site"), FieldRowPanel([FieldPanel("closed_through"), FieldPanel("note")])]

    class Meta:
        verbose_name = "Khóa sổ quỹ"
        verbose_name_plural = "Khóa sổ quỹ"
        ordering = ["-closed_through"]
        constraints = [
            models.UniqueConstraint(fields=["site", "closed_through"], name="learning_unique_fund_closing"),
        ]

    def __str__(self):
        return f"Khóa sổ đến hết ngày {self.closed_through:%d/%m/%Y}"

    def clean(self):
        super().clean()
        if self.pk:
            raise ValidationError("Kỳ đã khóa sổ không được sửa.")
        latest = locked_through(self.site_id)
        if latest and self.closed_through and self.closed_through <= latest:
            raise ValidationError(
                {"closed_through": f"Sổ quỹ đã khóa đến hết ngày {latest:%d/%m/%Y}; hãy chọn một ngày sau đó."}
            )

    def check_editable(self):
        if self.pk and FundClosing.objects.filter(pk=self.pk).exists():
            raise ValidationError("Kỳ đã khóa sổ không được sửa.")

    def check_deletable(self):
        raise ValidationError("Kỳ đã khóa sổ không được mở lại hay xóa.")

    def save(self, *args, **kwargs):
        self.check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_deletable()


def refusal(instance, action):
    """Why `instance` may not be edited or deleted ("edit"/"delete"), or None when it may."""
    check = getattr(instance, f"check_{'editable' if action == 'edit' else 'deletable'}", None)
    if check is None:
        return None
    try:
        check()
    except ValidationError as error:
        return " ".join(error.messages)
    return None


class LockedVoucherQuerySet(models.QuerySet):
    """Bulk update and delete refuse as soon as one of the rows lies in a closed period."""

    def _refuse_if_locked(self):
        for site_id, day in self.values_list("site_id", "date").distinct():
            through = locked_through(site_id)
            if through and day <= through:
                raise ValidationError(
                    f"Có phiếu thuộc kỳ đã khóa sổ (đến hết ngày {through:%d/%m/%Y}): không được sửa hay xóa."
                )

    def delete(self):
        self._refuse_if_locked()
        return super().delete()

    def update(self, **kwargs):
        self._refuse_if_locked()
        return super().update(**kwargs)


class LockedVoucher(models.Model):
    """A receipt or expense voucher: final once its period is closed, corrected by adjustments."""

    adjusts = models.ForeignKey(
        "self",
        verbose_name="Điều chỉnh cho phiếu",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adjustments",
        help_text="Chỉ chọn khi phiếu này sửa sai cho một phiếu thuộc kỳ đã khóa sổ. "
        "Số tiền điều chỉnh có thể âm (giảm) hoặc dương (tăng).",
    )

    class Meta:
        abstract = True

    def locked_since(self):
        """The closing day that locks this voucher as stored in the database, or None."""
        if not self.pk:
            return None
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("site_id", "date").first()
        if stored is None:
            return None
        through = locked_through(stored[0])
        return through if through and stored[1] <= through else None

    def is_locked(self) -> bool:
        return self.locked_since() is not None

    is_locked.boolean = True
    is_locked.short_description = "Đã khóa sổ"

    def check_lock(self):
        """Refuse to change a locked voucher, or to date a voucher inside a closed period."""
        self.check_editable()
        through = locked_through(self.site_id)
        if through and self.date and self.date <= through:
            raise ValidationError(
                {
                    "date": f"Sổ quỹ đã khóa đến hết ngày {through:%d/%m/%Y}; phiếu mới hay phiếu điều chỉnh "
                    "phải ghi ngày sau đó."
                }
            )

    def check_editable(self):
        through = self.locked_since()
        if through:
            raise ValidationError(locked_message(self.voucher_number, through))

    check_deletable = check_editable

    def check_adjustment(self):
        if self.amount is not None and self.amount < 0 and not self.adjusts_id:
            raise ValidationError(
                {"amount": "Số tiền âm chỉ dùng cho phiếu điều chỉnh; hãy chọn phiếu được điều chỉnh."}
            )
        if self.adjusts_id:
            if self.pk and self.adjusts_id == self.pk:
                raise ValidationError({"adjusts": "Phiếu không điều chỉnh cho chính nó."})
            if self.site_id and self.adjusts.site_id != self.site_id:
                raise ValidationError({"adjusts": "Mục này thuộc phường khác; hãy chọn mục của cùng phường."})

    def check_purpose_balance(self):
        """Refuse a voucher that would spend an earmarked purpose beyond its balance (ledger.overspending)."""
        from ..ledger import overspending

        shortfall = overspending(self)
        if shortfall is not None:
            field = "purpose" if type(self).__name__ == "FundExpense" else "amount"
            raise ValidationError({field: shortfall.message})

    def save(self, *args, **kwargs):
        self.check_lock()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_deletable()
        return super().delete(*args, **kwargs)
