import pytest

from congphuong.home.models import FeaturedArticle
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.tests.factories import YearThemeFactory

pytestmark = pytest.mark.django_db


def test_featured_uses_editor_order_then_latest(home, category):
    articles = [ArticlePageFactory(parent=category, title=f"Tin {n}") for n in range(8)]
    # Editor picks an old article first and a middle one second.
    FeaturedArticle.objects.create(page=home, article=articles[1], sort_order=0)
    FeaturedArticle.objects.create(page=home, article=articles[4], sort_order=1)
    featured = home.featured(limit=4)
    assert [a.title for a in featured] == ["Tin 1", "Tin 4", "Tin 7", "Tin 6"]


def test_featured_falls_back_to_latest_when_none_picked(home, category):
    for n in range(3):
        ArticlePageFactory(parent=category, title=f"Tin {n}")
    assert [a.title for a in home.featured(limit=2)] == ["Tin 2", "Tin 1"]


def test_featured_skips_unpublished_picks(home, category):
    picked = ArticlePageFactory(parent=category, title="Bài bị gỡ")
    ArticlePageFactory(parent=category, title="Bài mới")
    FeaturedArticle.objects.create(page=home, article=picked, sort_order=0)
    picked.unpublish()
    assert [a.title for a in home.featured(limit=1)] == ["Bài mới"]


def test_home_page_has_theme_featured_sections_and_footer(client, ward, home, category):
    YearThemeFactory(site=ward, year=2020, text="Chủ đề của năm cũ")
    from django.utils import timezone

    YearThemeFactory(site=ward, year=timezone.localdate().year, text="Đẩy mạnh chuyển đổi số")
    hidden = CategoryPageFactory(parent=home, title="Danh mục ẩn", slug="an", show_on_home=False)
    ArticlePageFactory(parent=hidden, title="Bài trong danh mục ẩn")
    ArticlePageFactory(parent=category, title="Trao học bổng cho học sinh")
    html = client.get("/").content.decode()
    assert f"Chủ đề năm {timezone.localdate().year}" in html
    assert "Đẩy mạnh chuyển đổi số" in html
    assert "Chủ đề của năm cũ" not in html
    assert "Tin tức nổi bật" in html
    assert "Khuyến học – khuyến tài" in html
    assert "Trao học bổng cho học sinh" in html
    assert "ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM" in html
    assert "028 3800 0000" in html
    assert "Thứ Hai – Thứ Sáu: 7:30 – 17:00" in html
