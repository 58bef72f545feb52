"""Two wards on one install: neither shows the other's content."""

import pytest
from django.utils import timezone

from congphuong.home.models import FeaturedArticle
from congphuong.media.tests.factories import MediaIndexPageFactory, MediaStoryPageFactory
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.tests.factories import YearThemeFactory, make_ward

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_wards(db):
    from wagtail.models import Site

    Site.objects.all().delete()
    wards = {}
    for key, host, name, default in (
        ("a", "phuong-a.localhost", "Phường An Phú", True),
        ("b", "phuong-b.localhost", "Phường Bình Minh", False),
    ):
        site = make_ward(hostname=host, name=name, default=default)
        home = site.root_page.specific
        category = CategoryPageFactory(parent=home, title=f"Tin {name}", slug="tin-tuc")
        article = ArticlePageFactory(parent=category, title=f"Bài riêng của {name}")
        FeaturedArticle.objects.create(page=home, article=article, sort_order=0)
        media = MediaIndexPageFactory(parent=home)
        MediaStoryPageFactory(parent=media, title=f"Phóng sự của {name}")
        YearThemeFactory(site=site, year=timezone.localdate().year, text=f"Chủ đề riêng của {name}")
        wards[key] = (site, name)
    return wards


@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/tin-tuc/rss/", "/rss/", "/tin-tuc-media/", "/sitemap-trang.xml"])
def test_each_ward_shows_only_its_own_content(client, two_wards, path):
    for key, other in (("a", "b"), ("b", "a")):
        site, name = two_wards[key]
        _, other_name = two_wards[other]
        response = client.get(path, HTTP_HOST=site.hostname)
        assert response.status_code == 200, (path, site.hostname)
        html = response.content.decode()
        assert other_name not in html, (path, site.hostname)
        if path in ("/", "/tin-tuc/", "/tin-tuc/rss/", "/rss/"):
            assert f"Bài riêng của {name}" in html


def test_featured_never_shows_another_wards_article(two_wards):
    site_a, _ = two_wards["a"]
    site_b, name_b = two_wards["b"]
    foreign = ArticlePageFactory(
        parent=site_b.root_page.get_children().type(CategoryPageFactory._meta.model).first(), title="Bài phường B"
    )
    home_a = site_a.root_page.specific
    FeaturedArticle.objects.create(page=home_a, article=foreign, sort_order=0)
    assert "Bài phường B" not in [a.title for a in home_a.featured()]


def test_unknown_host_gets_the_default_ward(client, two_wards):
    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert "Bài riêng của Phường An Phú" in html


def test_related_articles_stay_in_the_ward_even_with_shared_tags_and_foreign_picks(client, two_wards):
    from congphuong.news.models import ArticlePage, CategoryPage, RelatedArticle

    articles = {}
    for key in ("a", "b"):
        site, name = two_wards[key]
        category = CategoryPage.objects.descendant_of(site.root_page).get(slug="tin-tuc")
        article = ArticlePageFactory(parent=category, title=f"Khuyến học ở {name}")
        article.tags.add("khuyến học")
        article.save_revision().publish()
        articles[key] = ArticlePage.objects.get(pk=article.pk)
    # An editor of ward A picks ward B's article by mistake: it must not show.
    RelatedArticle.objects.create(page=articles["a"], article=articles["b"], sort_order=0)

    site_a, name_a = two_wards["a"]
    _, name_b = two_wards["b"]
    html = client.get(articles["a"].url, HTTP_HOST=site_a.hostname).content.decode()
    assert f"Bài riêng của {name_a}" in html  # the related block is there, with the ward's own articles
    assert name_b not in html
