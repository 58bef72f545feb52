"""The optional CDN purge hook sends the URLs a change affects to Wagtail's frontend-cache backends."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from congphuong.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
PURGED = []


class RecordingBackend(BaseBackend):
    """Stands in for the CDN's API (an external service), keeping the URLs it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.SERVING_FRONTEND_CACHE_PURGE = True
    PURGED.clear()
    return PURGED


def test_off_by_default(page_cache, committed, category):
    PURGED.clear()
    committed(ArticlePageFactory, parent=category, title="Không báo CDN")
    assert PURGED == []


def test_publish_purges_the_page_its_lists_the_feed_and_the_sitemap(cdn, page_cache, committed, category):
    article = committed(ArticlePageFactory, parent=category, title="Báo CDN xóa trang")
    urls = set(cdn)
    assert f"http://testserver{article.url}" in urls
    assert f"http://testserver{category.url}" in urls
    assert "http://testserver/" in urls
    assert {"http://testserver/sitemap.xml", "http://testserver/sitemap-trang.xml", "http://testserver/rss/"} <= urls
