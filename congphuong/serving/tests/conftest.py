import pytest

from congphuong.serving import conf, store


def _serving(settings, *, whole_pages: bool):
    """The serving caches as in production (whole pages optional), empty before and after."""
    settings.CONGPHUONG_PAGE_CACHE = whole_pages
    settings.CONGPHUONG_CHROME_CACHE = True
    settings.CONGPHUONG_FRAGMENT_CACHE = True
    cache = conf.page_cache()
    cache.clear()
    store.clear_local_entries()
    yield cache
    cache.clear()
    store.clear_local_entries()


@pytest.fixture
def page_cache(settings):
    """The page cache switched on and empty (LocMem, or Redis when REDIS_URL is set), with the
    ward chrome, fragments and the rest kept in it as in production."""
    yield from _serving(settings, whole_pages=True)


@pytest.fixture
def kept_rendering(settings):
    """The page cache off (every request renders), fragments and the ward's reads kept."""
    yield from _serving(settings, whole_pages=False)
