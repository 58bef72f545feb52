"""Fixtures shared by every app's tests: a ward (Site + home page) with content, a headless Chromium."""

import pytest
from django.core.cache import cache
from django.test import override_settings

# Headless Chromium for every browser test (`chromium`); tests/conftest.py shares it with tests/.
from congphuong.core.tests.browser import chromium  # noqa: F401
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.wards.tests.factories import make_ward


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every cache empty before and after each test, the page cache's store too: a test's rows are
    rolled back without the purges that run on commit, so a page, fragment or route it left kept
    would be served for the next test's rows under the same ids and paths."""
    from congphuong.serving import conf, store

    def clear():
        cache.clear()
        conf.page_cache().clear()  # its own alias ("pages"): LocMem in tests, or the same Redis
        store.clear_local_entries()  # the process's copies of kept values and pages (serving/store.py)

    clear()
    yield
    clear()


@pytest.fixture
def nothing_cached():
    """Every cache layer of the public pages off, whatever the suite's default (docs/caching.md,
    "One switch"): for the tests that pin the queries of one render."""
    with override_settings(CONGPHUONG_PAGE_CACHE=False, CONGPHUONG_CHROME_CACHE=False, CONGPHUONG_FRAGMENT_CACHE=False):
        yield


@pytest.fixture
def ward(db):
    """The default ward, answering for the test client's host."""
    from wagtail.models import Site

    Site.objects.all().delete()
    return make_ward(hostname="testserver", name="Phường Thử Nghiệm", default=True)


@pytest.fixture
def home(ward):
    return ward.root_page.specific


@pytest.fixture
def category(home):
    return CategoryPageFactory(parent=home, title="Khuyến học – khuyến tài", slug="khuyen-hoc-khuyen-tai")


@pytest.fixture
def article(category):
    return ArticlePageFactory(parent=category, title="Trao học bổng cho học sinh vượt khó")
