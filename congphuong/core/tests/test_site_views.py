import xml.etree.ElementTree as ET

import pytest

from congphuong.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages(client, category):
    live = ArticlePageFactory(parent=category, title="Bài đang hiển thị", slug="bai-dang-hien-thi")
    gone = ArticlePageFactory(parent=category, title="Bài đã gỡ", slug="bai-da-go")
    gone.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", ns)]
    assert any(loc.endswith(live.url) for loc in locs)
    assert not any("bai-da-go" in loc for loc in locs)


def test_robots_points_at_sitemap_and_hides_admin(client, ward):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
    # The first page of search results is crawlable (its noindex rules are in the page itself).
    assert "Disallow: /tim-kiem/\n" not in body and "Disallow: /tim-kiem/goi-y/" in body


def test_404_is_friendly_and_vietnamese(client, ward):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert 'lang="vi"' in html


def test_500_page_renders_without_context(rf):
    from congphuong.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "lỗi" in response.content.decode().lower()


def test_search_page_handles_empty_and_junk_queries(client, article):
    assert "Hãy nhập từ khóa" in client.get("/tim-kiem/").content.decode()
    assert client.get("/tim-kiem/", {"q": "!!!???"}).status_code == 200
    assert client.get("/tim-kiem/", {"q": "x" * 5000}).status_code == 200
    response = client.get("/tim-kiem/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
