"""The ward's accessibility statement ("Tuyên bố hỗ trợ tiếp cận", Thông tư 26/2020/TT-BTTTT).

One page per ward: the standard the portal targets, how far it meets it, the barriers the ward
knows of (each with where it is, a way around it and when it will be fixed), how the portal is
checked, and a way to report a barrier. A report is a Hỏi đáp question on the statement's topic,
so it lands in the ward's question queue with a tracking code and a deadline like any other.
The contact (address, phone, e-mail, hours) is the ward's own, kept once in "Thông tin phường".
"""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from congphuong.core.models import BasePage


class Conformance(models.TextChoices):
    FULL = "day-du", "Đáp ứng đầy đủ"
    PARTIAL = "mot-phan", "Đáp ứng một phần"
    NOT_YET = "chua", "Chưa đáp ứng"


class AccessibilityStatementPage(BasePage):
    """A ward's accessibility statement, reached from every page's footer."""

    intro = models.TextField(
        "Lời mở đầu",
        blank=True,
        help_text="Vài câu về cam kết của phường: mọi người, kể cả người khuyết tật, dùng được cổng.",
    )
    standard = models.CharField(
        "Tiêu chuẩn áp dụng",
        max_length=255,
        default="WCAG 2.1, mức AA (theo Thông tư 26/2020/TT-BTTTT)",
    )
    conformance = models.CharField(
        "Mức đáp ứng", max_length=10, choices=Conformance.choices, default=Conformance.PARTIAL
    )
    how_checked = RichTextField(
        "Cách phường kiểm tra",
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text="Công cụ kiểm tra tự động, kiểm tra thủ công (bàn phím, trình đọc màn hình, phóng to), "
        "và ai kiểm tra.",
    )
    last_reviewed = models.DateField(
        "Ngày rà soát gần nhất",
        default=timezone.localdate,
        help_text="Rà soát lại tuyên bố ít nhất mỗi năm một lần và khi cổng thay đổi lớn.",
    )
    report_topic = models.ForeignKey(
        "feedback.Topic",
        verbose_name="Chủ đề hỏi đáp nhận phản ánh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Phản ánh rào cản được gửi vào Hỏi đáp với chủ đề này, để cán bộ xử lý như mọi câu hỏi.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("standard"), FieldPanel("conformance"), FieldPanel("last_reviewed")],
            heading="Tiêu chuẩn và mức đáp ứng",
        ),
        InlinePanel(
            "known_barriers",
            heading="Những hạn chế đã biết",
            label="Hạn chế",
            help_text="Nội dung hoặc chức năng chưa đáp ứng tiêu chuẩn, cách khắc phục tạm thời và thời hạn sửa.",
        ),
        FieldPanel("how_checked"),
        FieldPanel("report_topic"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "accessibility/accessibility_statement_page.html"

    class Meta:
        verbose_name = "Tuyên bố hỗ trợ tiếp cận"
        verbose_name_plural = "Tuyên bố hỗ trợ tiếp cận"

    def report_url(self, request=None) -> str | None:
        """The ward's Hỏi đáp form with the statement's topic chosen, or None when the ward has no form."""
        from urllib.parse import urlencode

        from congphuong.feedback.models import FeedbackPage

        form_page = FeedbackPage.objects.live().public().sibling_of(self).first()
        if form_page is None:
            return None
        url = form_page.get_url(request) + form_page.reverse_subpage("ask")
        return url + "?" + urlencode({"chu-de": self.report_topic_id}) if self.report_topic_id else url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["barriers"] = list(self.known_barriers.all())
        context["report_url"] = self.report_url(request)
        return context


class KnownBarrier(Orderable):
    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="known_barriers")
    description = models.CharField(
        "Hạn chế",
        max_length=255,
        help_text="Ví dụ: Một số tệp PDF văn bản cũ là ảnh chụp, trình đọc màn hình không đọc được.",
    )
    where = models.CharField("Ở đâu", max_length=255, blank=True, help_text="Ví dụ: Văn bản ban hành trước năm 2020")
    workaround = models.CharField(
        "Cách khắc phục tạm thời",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Gọi điện thoại cho phường để được đọc hoặc gửi bản chữ.",
    )
    planned_fix = models.CharField("Dự kiến khắc phục", max_length=120, blank=True, help_text="Ví dụ: Quý II/2027")

    panels = [FieldPanel("description"), FieldPanel("where"), FieldPanel("workaround"), FieldPanel("planned_fix")]

    class Meta(Orderable.Meta):
        verbose_name = "Hạn chế đã biết"
        verbose_name_plural = "Hạn chế đã biết"

    def __str__(self):
        return self.description
