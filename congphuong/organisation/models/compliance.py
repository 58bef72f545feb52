"""Hạng mục bắt buộc: what a ward must publish, where it lives in the portal and how fast.

Each row names a source ("văn bản của phường", "lịch công tác", "hỏi đáp"…, see
compliance/sources.py) and a deadline in working days. The law changes: an
administrator edits these rows, not the code.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..compliance.sources import source_choices
from ..forms import WardScopedForm


class MandatoryCategoryQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site, active=True)


class MandatoryCategory(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Trang web của phường",
        on_delete=models.CASCADE,
        related_name="mandatory_categories",
    )
    name = models.CharField("Tên hạng mục", max_length=200)
    legal_basis = models.TextField(
        "Căn cứ pháp lý", blank=True, help_text="Ví dụ: Điều 17 Nghị định 43/2011/NĐ-CP; Nghị định 42/2022/NĐ-CP"
    )
    source = models.CharField(
        "Nội dung trên cổng",
        max_length=40,
        choices=source_choices,
        help_text="Phần nội dung của cổng dùng để kiểm tra hạng mục này.",
    )
    deadline_working_days = models.PositiveSmallIntegerField(
        "Thời hạn đăng (ngày làm việc)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(365)],
        help_text="Tính từ ngày ban hành/ngày nhận. Để trống nếu hạng mục không có thời hạn.",
    )
    warn_working_days = models.PositiveSmallIntegerField(
        "Báo trước hạn (ngày làm việc)",
        default=2,
        validators=[MaxValueValidator(30)],
        help_text="Mục chưa đăng/chưa trả lời sẽ được nhắc khi còn từng này ngày làm việc.",
    )
    keywords = models.CharField(
        "Từ khóa nhận diện",
        max_length=255,
        blank=True,
        help_text="Không bắt buộc; các cụm từ cách nhau bằng dấu “;”. Văn bản của phường / cơ quan khác: "
        "tên cơ quan ban hành của phường (mặc định: tên ngắn của phường). Kế hoạch, thống kê, phổ biến pháp luật: "
        "tên loại văn bản hoặc lĩnh vực.",
    )
    disclosure_category = models.ForeignKey(
        "organisation.DisclosureCategory",
        verbose_name="Nhóm thông tin công khai",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Chỉ dùng với nội dung “Thông tin công khai”: để trống là mọi nhóm.",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Chuyên mục nguồn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Dùng với “Chuyên mục do bạn chọn” và “Phổ biến pháp luật” (chuyên mục tin bài tuyên truyền).",
    )
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=100)
    active = models.BooleanField("Đang theo dõi", default=True)

    objects = MandatoryCategoryQuerySet.as_manager()

    base_form_class = WardScopedForm
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("keywords"),
                FieldPanel("disclosure_category"),
                FieldPanel("source_page"),
            ],
            heading="Nguồn nội dung",
        ),
        MultiFieldPanel([FieldPanel("deadline_working_days"), FieldPanel("warn_working_days")], heading="Thời hạn"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = "Hạng mục bắt buộc"
        verbose_name_plural = "Hạng mục bắt buộc"
        ordering = ["sort_order", "name"]
        permissions = [("view_compliance_board", "Xem bảng theo dõi công khai thông tin")]

    def __str__(self):
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        return [part.strip() for part in self.keywords.split(";") if part.strip()]
