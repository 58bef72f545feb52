"""Page links without a reverse() each (core/page_urls.py) are Wagtail's: every page of two wards,
one with an English section, in both languages, with and without a request, a slug with Vietnamese
letters included, compared with Wagtail's own Page.get_url_parts."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from congphuong.core import page_urls
from congphuong.core.tests.test_english_section import _english_section
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db


def test_every_pages_url_is_wagtails(ward):
    _english_section(ward)
    home = ward.root_page.specific
    category = CategoryPageFactory(parent=home, title="Tin tức", slug="tin-tức")
    ArticlePageFactory(parent=category, title="Bài viết", slug="bài-viết-đầu-tiên")
    second = make_ward(hostname="phuong-hai.example.vn", name="Phường Hai", port=8443)
    CategoryPageFactory(parent=second.root_page.specific, title="Thông báo", slug="thong-bao")
    assert Page.get_url_parts is page_urls._get_url_parts  # installed by CoreConfig.ready

    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert len(pages) >= 9
    compared = 0
    for language in ("vi", "en"):
        with translation.override(language):
            for page in pages:
                for request in (None, RequestFactory().get("/", HTTP_HOST="testserver")):
                    ours = page_urls._get_url_parts(page, request=request)
                    wagtails = page_urls._wagtail_get_url_parts(page, request=request)
                    assert ours == wagtails, (language, page.url_path, ours, wagtails)
                    compared += 1
    with translation.override("vi"):
        urls = [parts[2] for parts in (page.get_url_parts() for page in pages) if parts]
    assert "/tin-t%E1%BB%A9c/" in urls and "/en/about/" in urls  # quoted as reverse() quotes it
    assert compared == 4 * len(pages)
