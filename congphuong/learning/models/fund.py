"""Quỹ khuyến học: donors, receipts, expenses, the opening balance, awards and scholarships.

Money is stored in whole đồng (Decimal, no fractions, never float). The cash book
counts cash only; in-kind gifts are listed with their estimated value beside it.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from ..choices import AwardCategory, DonorKind, ExpenseCategory, FundPurpose, ReceiptKind, ReceiptSource
from .fund_lock import LockedVoucher, LockedVoucherQuerySet
from .registry import Household, LearningQuarter, check_same_site, site_field

APPROVER_HELP = "Người có vai trò “Lãnh đạo duyệt” được phân công phường này (ví dụ: Chủ tịch Hội Khuyến học phường)."


def money_field(verbose_name, signed=False, **kwargs):
    """Whole đồng; `signed` only for vouchers, whose adjusting entries may be negative (checked in clean)."""
    return models.DecimalField(
        verbose_name,
        max_digits=15,
        decimal_places=0,
        validators=[] if signed else [MinValueValidator(Decimal(0))],
        help_text=kwargs.pop("help_text", "Số tiền bằng đồng, không có phần lẻ."),
        **kwargs,
    )


class FundOpening(models.Model):
    """The fund's balance on the day the ward starts keeping it here."""

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="learning_fund_opening"
    )
    date = models.DateField("Ngày chốt số dư")
    amount = money_field("Số dư tiền mặt ngày đó")

    panels = [FieldPanel("site"), FieldRowPanel([FieldPanel("date"), FieldPanel("amount")])]

    class Meta:
        verbose_name = "Số dư ban đầu của quỹ"
        verbose_name_plural = "Số dư ban đầu của quỹ"

    def __str__(self):
        return f"Số dư ngày {self.date:%d/%m/%Y}"

    def clean(self):
        super().clean()
        self.check_lock()

    def check_editable(self):
        if self.pk:
            self.check_lock()

    def check_deletable(self):
        self.check_lock()

    def check_lock(self):
        # The opening balance carries every closed period's figures: it is final once one is closed.
        from .fund_lock import locked_through

        through = locked_through(self.site_id)
        if through:
            raise ValidationError(
                f"Sổ quỹ đã khóa đến hết ngày {through:%d/%m/%Y}: số dư ban đầu không được sửa hay xóa nữa."
            )

    def save(self, *args, **kwargs):
        if self.pk:
            self.check_lock()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_lock()
        return super().delete(*args, **kwargs)


class Donor(models.Model):
    site = site_field("learning_donors")
    name = models.CharField("Tên nhà hảo tâm / đơn vị", max_length=200)
    kind = models.CharField("Loại", max_length=20, choices=DonorKind.choices, default=DonorKind.PERSON)
    quarter = models.ForeignKey(
        LearningQuarter, verbose_name="Khu phố", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    may_publish_name = models.BooleanField(
        "Được công khai tên", default=False, help_text="Chỉ chọn khi nhà hảo tâm đồng ý nêu tên trên cổng thông tin."
    )

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("quarter"),
        FieldPanel("may_publish_name"),
    ]

    class Meta:
        verbose_name = "Nhà hảo tâm"
        verbose_name_plural = "Nhà hảo tâm"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_same_site(self, "quarter")


class FundEntryQuerySet(LockedVoucherQuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def cash(self):
        return self.filter(kind=ReceiptKind.CASH)

    def between(self, start=None, end=None):
        queryset = self
        if start:
            queryset = queryset.filter(date__gte=start)
        if end:
            queryset = queryset.filter(date__lte=end)
        return queryset

    def total(self) -> Decimal:
        return self.aggregate(total=models.Sum("amount"))["total"] or Decimal(0)


class FundReceipt(LockedVoucher):
    site = site_field("learning_receipts")
    date = models.DateField("Ngày thu", default=timezone.localdate)
    voucher_number = models.CharField("Số phiếu thu", max_length=40, help_text="Ví dụ: PT-2025/015")
    kind = models.CharField("Hình thức", max_length=20, choices=ReceiptKind.choices, default=ReceiptKind.CASH)
    source = models.CharField("Nguồn thu", max_length=20, choices=ReceiptSource.choices)
    purpose = models.CharField("Mục đích", max_length=20, choices=FundPurpose.choices, default=FundPurpose.GENERAL)
    amount = money_field(
        "Số tiền / giá trị ước tính",
        signed=True,
        help_text="Với hiện vật: giá trị ước tính bằng đồng. Chỉ phiếu điều chỉnh mới được ghi số âm.",
    )
    in_kind_description = models.CharField(
        "Hiện vật", max_length=255, blank=True, help_text="Ví dụ: 200 quyển vở, 10 xe đạp."
    )
    donor = models.ForeignKey(
        Donor, verbose_name="Nhà hảo tâm", null=True, blank=True, on_delete=models.SET_NULL, related_name="receipts"
    )
    description = models.CharField("Nội dung", max_length=255, help_text="Ví dụ: Mổ heo đất khuyến học khu phố 4")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FundEntryQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("voucher_number")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("purpose")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("amount")]), FieldPanel("in_kind_description")],
            heading="Số tiền",
        ),
        FieldPanel("donor"),
        FieldPanel("description"),
        FieldPanel("adjusts"),
    ]

    class Meta:
        verbose_name = "Phiếu thu quỹ"
        verbose_name_plural = "Phiếu thu quỹ"
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "voucher_number"], name="learning_unique_receipt_voucher"),
        ]

    def __str__(self):
        return f"{self.voucher_number} ngày {self.date:%d/%m/%Y}"

    def clean(self):
        super().clean()
        check_same_site(self, "donor")
        self.check_lock()
        self.check_adjustment()
        if self.kind == ReceiptKind.IN_KIND and not self.in_kind_description:
            raise ValidationError({"in_kind_description": "Hãy ghi hiện vật đã nhận."})
        self.check_purpose_balance()

    def check_deletable(self):
        """Closed periods are final; and money already spent cannot lose its receipt."""
        super().check_deletable()
        from ..ledger import overspending_if_deleted

        shortfall = overspending_if_deleted(self)
        if shortfall is not None:
            raise ValidationError(shortfall.message)


class FundExpense(LockedVoucher):
    site = site_field("learning_expenses")
    date = models.DateField("Ngày chi", default=timezone.localdate)
    voucher_number = models.CharField("Số phiếu chi", max_length=40, help_text="Ví dụ: PC-2025/008")
    kind = models.CharField("Hình thức", max_length=20, choices=ReceiptKind.choices, default=ReceiptKind.CASH)
    category = models.CharField("Khoản chi", max_length=20, choices=ExpenseCategory.choices)
    purpose = models.CharField(
        "Chi từ nguồn",
        max_length=20,
        choices=FundPurpose.choices,
        default=FundPurpose.GENERAL,
        help_text="Nguồn đã thu theo mục đích (ví dụ: tiền thu cho học bổng chỉ chi học bổng).",
    )
    amount = money_field("Số tiền / giá trị ước tính", signed=True)
    description = models.CharField("Nội dung", max_length=255)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người duyệt chi",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=APPROVER_HELP,
    )
    # Before the approver was an account, it was typed as free text; kept as it was written.
    approver_legacy = models.CharField(
        "Người duyệt chi (ghi tay trước đây)", max_length=120, blank=True, editable=False
    )
    recipient_count = models.PositiveIntegerField("Số người nhận", default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FundEntryQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("voucher_number")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("purpose")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("amount")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("approved_by"), FieldPanel("recipient_count")]),
        FieldPanel("adjusts"),
    ]

    class Meta:
        verbose_name = "Phiếu chi quỹ"
        verbose_name_plural = "Phiếu chi quỹ"
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "voucher_number"], name="learning_unique_expense_voucher"),
        ]

    def __str__(self):
        return f"{self.voucher_number} ngày {self.date:%d/%m/%Y}"

    def clean(self):
        super().clean()
        self.check_lock()
        self.check_adjustment()
        if self.approved_by_id is None:
            if not self.pk or not self.approver_legacy:
                raise ValidationError({"approved_by": "Hãy chọn người duyệt chi."})
        elif self.site_id and not is_fund_approver(self.approved_by, self.site_id):
            raise ValidationError(
                {"approved_by": "Người duyệt chi phải có vai trò “Lãnh đạo duyệt” và được phân công phường này."}
            )
        self.check_purpose_balance()

    def approver_display(self):
        if self.approved_by_id:
            user = self.approved_by
            return user.get_full_name() or user.get_username()
        return self.approver_legacy

    approver_display.short_description = "Người duyệt chi"


def fund_approvers(site_ids=None):
    """Active users with the approver role assigned to one of `site_ids` (None: any ward)."""
    from django.contrib.auth import get_user_model

    from ..roles import APPROVER

    users = get_user_model().objects.filter(is_active=True, groups__name=APPROVER)
    if site_ids is not None:
        users = users.filter(learning_assignments__site_id__in=site_ids)
    return users.distinct().order_by("last_name", "first_name", "username")


def is_fund_approver(user, site_id) -> bool:
    return fund_approvers([site_id]).filter(pk=user.pk).exists()


class Award(models.Model):
    """A scholarship or award given to one pupil or student."""

    site = site_field("learning_awards")
    school_year = models.CharField("Năm học", max_length=9, help_text="Ví dụ: 2024-2025")
    awarded_on = models.DateField("Ngày trao")
    category = models.CharField("Loại", max_length=20, choices=AwardCategory.choices)
    recipient_name = models.CharField("Họ tên người nhận", max_length=120)
    birth_year = models.PositiveSmallIntegerField("Năm sinh", null=True, blank=True)
    school = models.CharField("Trường", max_length=200)
    grade = models.CharField("Lớp / năm học", max_length=40, help_text="Ví dụ: Lớp 9; Năm nhất đại học")
    quarter = models.ForeignKey(
        LearningQuarter, verbose_name="Khu phố", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    household = models.ForeignKey(
        Household, verbose_name="Thuộc hộ", null=True, blank=True, on_delete=models.SET_NULL, related_name="awards"
    )
    amount = money_field("Số tiền", default=Decimal(0))
    in_kind = models.CharField("Hiện vật kèm theo", max_length=255, blank=True)
    decision_number = models.CharField("Số quyết định khen thưởng", max_length=60, blank=True)
    expense = models.ForeignKey(
        FundExpense,
        verbose_name="Chi từ phiếu chi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
    )
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("school_year"), FieldPanel("awarded_on"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("recipient_name"), FieldPanel("birth_year")]),
        FieldRowPanel([FieldPanel("school"), FieldPanel("grade")]),
        FieldRowPanel([FieldPanel("quarter"), FieldPanel("household")]),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("in_kind")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("expense")]),
        HelpPanel(
            "Họ tên người nhận chỉ hiện trên trang công khai khi đã ghi nhận sự đồng ý trong mục "
            "“Đồng ý công khai tên” (em từ 7 tuổi: cả em và cha, mẹ hoặc người giám hộ). "
            "Học bổng vượt khó và loại “Khác” không bao giờ nêu tên công khai.",
            heading="Công khai tên",
        ),
    ]

    class Meta:
        verbose_name = "Khen thưởng – học bổng"
        verbose_name_plural = "Khen thưởng – học bổng"
        ordering = ["-awarded_on", "recipient_name"]

    def __str__(self):
        return f"{self.get_category_display()}: {self.recipient_name}"

    def clean(self):
        super().clean()
        check_same_site(self, "quarter", "household", "expense")

    def publication_status(self) -> str:
        # The name is public only with the recorded consents in force (consent.py).
        from ..consent import publication_status

        return publication_status(self)

    publication_status.short_description = "Công khai tên"
