"""Exact invalidation: a change is visible at once on every cached page that shows it."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.models import WardSettings
from congphuong.wards.tests.factories import YearThemeFactory, make_ward

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists(category):
    """Every cached URL that lists the category's articles."""
    return ["/", "/rss/", category.url, f"{category.url}rss/", "/sitemap-trang.xml"]


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_publishing_a_new_article_shows_everywhere(client, page_cache, committed, category, article, lists):
    warm(client, lists)
    new = committed(ArticlePageFactory, parent=category, title="Thông báo lịch tiêm chủng tháng Mười Hai")
    for url in lists:
        body = client.get(url).content.decode()
        assert ("Thông báo lịch tiêm chủng" in body) or (new.url in body), url


def test_publishing_through_a_revision_shows_everywhere(client, page_cache, committed, category, article, lists):
    draft = ArticlePageFactory.build(title="Kế hoạch dọn vệ sinh kênh rạch", live=False)
    category.add_child(instance=draft)
    warm(client, lists)
    committed(lambda: draft.save_revision().publish())
    for url in lists:
        body = client.get(url).content.decode()
        assert "Kế hoạch dọn vệ sinh kênh rạch" in body or draft.url in body, url


def test_unpublishing_removes_it_everywhere(client, page_cache, committed, category, article, lists):
    warm(client, lists + [article.url])
    committed(article.unpublish)
    for url in lists:
        body = client.get(url).content.decode()
        assert article.title not in body and article.url not in body, url
    assert client.get(article.url).status_code == 404


def test_deleting_removes_it_everywhere(client, page_cache, committed, category, article, lists):
    warm(client, lists)
    url = article.url
    committed(article.delete)
    for list_url in lists:
        body = client.get(list_url).content.decode()
        assert article.title not in body and url not in body, list_url


def test_editing_a_title_shows_on_lists_and_related(client, page_cache, committed, category, article, lists):
    sibling = ArticlePageFactory(parent=category, title="Bài cùng danh mục")
    warm(client, lists + [sibling.url])
    assert article.title in client.get(sibling.url).content.decode()  # related block

    def rename():
        article.title = "Trao 120 suất học bổng cho học sinh vượt khó"
        article.save_revision().publish()

    committed(rename)
    for url in lists + [sibling.url]:
        if url != "/sitemap-trang.xml":  # lists no titles
            assert "Trao 120 suất học bổng" in client.get(url).content.decode(), url


def test_moving_updates_both_categories(client, page_cache, committed, home, category, article):
    other = CategoryPageFactory(parent=home, title="Thông báo", slug="thong-bao")
    old_url = article.url
    warm(client, [category.url, other.url, "/"])
    committed(article.move, other, pos="last-child")
    article.refresh_from_db()
    assert article.title not in client.get(category.url).content.decode()
    assert article.title in client.get(other.url).content.decode()
    home_body = client.get("/").content.decode()
    assert old_url not in home_body
    assert article.url in home_body


def test_other_pages_stay_cached_after_a_publish(client, page_cache, committed, home, category, article):
    quiet = CategoryPageFactory(parent=home, title="Đảng ủy", slug="dang-uy")
    committed(ArticlePageFactory, parent=quiet, title="Hội nghị Đảng ủy")
    warm(client, [quiet.url])
    committed(ArticlePageFactory, parent=category, title="Tin mới trong danh mục khác")
    assert client.get(quiet.url)["X-Page-Cache"] == "hit"  # exact: not a ward-wide purge
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_theme_of_the_year_purges_the_ward_only(client, page_cache, committed, ward, article):
    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    warm(client, ["/", article.url])
    client.get("/", HTTP_HOST="phuong-khac.test")
    theme = committed(YearThemeFactory, site=ward, year=timezone.localdate().year, text="Năm kỷ cương, hiệu quả")
    assert "Năm kỷ cương, hiệu quả" in client.get("/").content.decode()
    assert "Năm kỷ cương, hiệu quả" in client.get(article.url).content.decode()
    assert client.get("/", HTTP_HOST="phuong-khac.test")["X-Page-Cache"] == "hit"

    def change():
        theme.text = "Năm hành động vì người dân"
        theme.save()

    committed(change)
    assert "Năm hành động vì người dân" in client.get("/").content.decode()
    assert other.pk


def test_footer_change_purges_the_ward(client, page_cache, committed, ward):
    warm(client, ["/"])

    def change():
        settings_row = WardSettings.objects.get(site=ward)
        settings_row.phone = "028 3999 1234"
        settings_row.save()

    committed(change)
    assert "028 3999 1234" in client.get("/").content.decode()


def test_menu_follows_a_new_top_level_category(client, page_cache, committed, home, article):
    warm(client, [article.url])
    committed(CategoryPageFactory, parent=home, title="Văn hóa – Thể thao", slug="van-hoa-the-thao")
    assert "Văn hóa – Thể thao" in client.get(article.url).content.decode()


def test_search_results_follow_the_index(client, settings, page_cache, committed, category, article):
    url = "/tim-kiem/?q=học+bổng"
    warm(client, [url])
    committed(ArticlePageFactory, parent=category, title="Học bổng tiếp sức đến trường")
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "miss"
    settings.CONGPHUONG_PAGE_CACHE = False
    assert cached.content == client.get(url).content  # what a fresh render shows


def test_purge_page_cache_command(client, page_cache, ward, article):
    make_ward(hostname="phuong-khac.test", name="Phường Khác")
    warm(client, ["/"])
    client.get("/", HTTP_HOST="phuong-khac.test")
    call_command("purge_page_cache", "--site", "phuong-khac.test")
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert client.get("/", HTTP_HOST="phuong-khac.test")["X-Page-Cache"] == "miss"
    call_command("purge_page_cache")
    assert client.get("/")["X-Page-Cache"] == "miss"
    with pytest.raises(CommandError, match="Không có phường"):
        call_command("purge_page_cache", "--site", "khong-co.test")


def test_a_change_to_a_non_page_table_purges_the_pages_that_read_it(client, page_cache, committed, home):
    from congphuong.procedures.tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory

    index = ProcedureIndexPageFactory(parent=home)
    procedure = ProcedurePageFactory(parent=index)
    warm(client, [procedure.url, "/"])
    assert "Hộ tịch" in client.get(procedure.url).content.decode()

    def rename():
        procedure.sector.name = "Hộ tịch – Chứng thực"
        procedure.sector.save()

    committed(rename)
    assert "Hộ tịch – Chứng thực" in client.get(procedure.url).content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"  # the home page reads no sector


def test_an_inline_change_purges_its_page(client, page_cache, committed, home, category, article):
    from congphuong.news.models import RelatedArticle

    other = ArticlePageFactory(parent=CategoryPageFactory(parent=home), title="Bài ở danh mục khác")
    warm(client, [article.url])
    assert "Bài ở danh mục khác" not in client.get(article.url).content.decode()
    committed(RelatedArticle.objects.create, page=article, article=other, sort_order=0)
    assert "Bài ở danh mục khác" in client.get(article.url).content.decode()
