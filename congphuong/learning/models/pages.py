"""The public "Xã hội học tập" page: aggregate figures only, never a person's data.

Sub-page ``cong-khai-quy/``: the fund's income, spending and balance by period and
purpose (Luật 10/2022/QH15, Điều 11 khoản 5); an award recipient's name appears only with the
consents recorded and in force (consent.py), never for a hardship or social award.
"""

from django.db import models
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from congphuong.core.models import BasePage


class LearningSocietyPage(RoutablePageMixin, BasePage):
    intro = models.TextField("Lời giới thiệu", blank=True)
    body = RichTextField(
        "Nội dung thêm",
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
        help_text="Ví dụ: kế hoạch năm, cách đăng ký gia đình học tập, địa chỉ trung tâm học tập cộng đồng.",
    )
    show_fund = models.BooleanField(
        "Công khai quỹ khuyến học",
        default=True,
        help_text="Hiện trang công khai thu, chi, số dư của quỹ (Luật 10/2022/QH15, Điều 11 khoản 5).",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("show_fund")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Trang Xã hội học tập"
        verbose_name_plural = "Trang Xã hội học tập"

    def default_description(self) -> str:
        return gettext("%(title)s: kết quả xây dựng xã hội học tập và công khai quỹ khuyến học của phường.") % {
            "title": self.title
        }

    def get_cached_paths(self):
        # A CDN purge of this page (serving/frontend.py) must reach the fund page and its names too.
        return ["/", "/cong-khai-quy/"]

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if self.show_fund and urls:
            urls.append({**urls[0], "location": urls[0]["location"].rstrip("/") + "/cong-khai-quy/"})
        return urls

    @path("")
    def index(self, request):
        from ..public import statistics_context

        return self.render(request, context_overrides=statistics_context(self, request))

    @path("cong-khai-quy/", name="fund")
    def fund(self, request):
        from django.http import Http404

        from ..public import fund_context

        if not self.show_fund:
            raise Http404
        return self.render(
            request, template="learning/pages/fund_transparency.html", context_overrides=fund_context(self, request)
        )
