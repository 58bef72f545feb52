import datetime

import factory
import wagtail_factories
from django.utils import timezone

from congphuong.news.models import ArticlePage, CategoryPage


class CategoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Danh mục {n}")
    slug = factory.Sequence(lambda n: f"danh-muc-{n}")
    show_in_menus = True

    class Meta:
        model = CategoryPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Bài viết số {n}")
    slug = factory.Sequence(lambda n: f"bai-viet-so-{n}")
    lead = "Đoạn dẫn ngắn của bài viết."
    signing_unit = "ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM"
    published_at = factory.Sequence(
        lambda n: timezone.make_aware(datetime.datetime(2025, 1, 1, 8, 0)) + datetime.timedelta(hours=n)
    )
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Nội dung chính", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Đoạn văn có <b>chữ đậm</b> và danh sách.</p>"},
        ]
    )

    class Meta:
        model = ArticlePage
