import xml.etree.ElementTree as ET

import pytest

from congphuong.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_pages(client, category):
    live = ArticlePageFactory(parent=category, title="Bài đang hiển thị", slug="bai-dang-hien-thi")
    gone = ArticlePageFactory(parent=category, title="Bài đã gỡ", slug="bai-da-go")
    gone.unpublish()
    response = client.get("/sitemap-trang.xml")
    assert response.status_code == 200
    locs = [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)]
    assert any(loc.endswith(live.url) for loc in locs)
    assert not any("bai-da-go" in loc for loc in locs)


def _locations(response, kind="url"):
    return [loc.text for loc in ET.fromstring(response.content).findall(f"s:{kind}/s:loc", NS)]


def test_sitemap_xml_is_an_index_of_bounded_pages(client, settings, category, monkeypatch):
    from congphuong.wards.sitemap import WardSitemap

    settings.CONGPHUONG_PAGE_CACHE = False
    for n in range(5):
        ArticlePageFactory(parent=category, title=f"Bài số {n}", slug=f"bai-so-{n}")
    pages = 7  # home, category, 5 articles
    monkeypatch.setattr(WardSitemap, "limit", 3)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    assert b"<sitemapindex" in index.content
    assert _locations(index, "sitemap") == [
        "http://testserver/sitemap-trang.xml",
        "http://testserver/sitemap-trang.xml?p=2",
        "http://testserver/sitemap-trang.xml?p=3",
    ]
    # The ward's latest publication (one aggregate): the factories' pages have none, an article
    # published the editor's way has one.
    assert b"<lastmod>" not in index.content
    category.save_revision().publish()
    assert b"<lastmod>" in client.get("/sitemap.xml").content
    listed = []
    for page in ("", "?p=2", "?p=3"):
        response = client.get(f"/sitemap-trang.xml{page}")
        assert response.status_code == 200
        assert len(_locations(response)) <= 3
        listed += _locations(response)
    assert len(listed) == len(set(listed)) == pages
    assert client.get("/sitemap-trang.xml?p=4").status_code == 404
    assert client.get("/sitemap-trang.xml?p=x").status_code == 404
    assert client.get("/sitemap-khac.xml").status_code == 404


def test_the_index_names_the_wards_canonical_origin_and_each_ward_lists_its_own(client, category):
    from congphuong.wards.tests.factories import make_ward

    other = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    ArticlePageFactory(parent=other.root_page.specific, title="Bài phường khác", slug="bai-phuong-khac")
    ArticlePageFactory(parent=category, title="Bài phường này", slug="bai-phuong-nay")
    # Through an address that is not a Site's host the default ward answers, with its own origin.
    index = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1")
    assert _locations(index, "sitemap") == ["http://testserver/sitemap-trang.xml"]
    here = " ".join(_locations(client.get("/sitemap-trang.xml")))
    there = " ".join(_locations(client.get("/sitemap-trang.xml", HTTP_HOST="phuong-khac.test")))
    assert "bai-phuong-nay" in here and "bai-phuong-khac" not in here
    assert "bai-phuong-khac" in there and "bai-phuong-nay" not in there and "testserver" not in there
    assert _locations(client.get("/sitemap.xml", HTTP_HOST="phuong-khac.test"), "sitemap") == [
        "http://phuong-khac.test/sitemap-trang.xml"
    ]


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
