"""Optional CDN purge through Wagtail's frontend cache (wagtail.contrib.frontend_cache).

Off unless SERVING_FRONTEND_CACHE_PURGE is True and WAGTAILFRONTENDCACHE is configured (see
docs/caching.md). The CDN holds URLs, not tags: a purge of page, tree or site tags purges the
URLs of the affected ward(s) — the pages and their lists, feeds and the sitemap.
"""

from __future__ import annotations

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(getattr(settings, "SERVING_FRONTEND_CACHE_PURGE", False)) and bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
    )


def after_purge(tags) -> None:
    if not enabled():
        return
    try:
        _purge_cdn(tags)
    except Exception:
        logger.exception("Không xóa được bộ nhớ đệm CDN")


def _purge_cdn(tags) -> None:
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    batch = PurgeBatch()
    page_ids = {int(tag.split(":", 1)[1]) for tag in tags if tag.startswith("page:")}
    paths = {tag.split(":", 1)[1] for tag in tags if tag.startswith(("tree:", "children:"))}
    pages = Page.objects.live().filter(pk__in=page_ids) | Page.objects.live().filter(path__in=paths)
    batch.add_pages(pages)
    site_ids = {tag.split(":", 1)[1] for tag in tags if tag.startswith("site:")}
    sites = Site.objects.all() if "all" in tags else Site.objects.filter(pk__in=site_ids)
    for site in sites:
        # Ward-wide: everything under its home page.
        batch.add_pages(Page.objects.live().descendant_of(site.root_page, inclusive=True))
    for site in Site.objects.filter(root_page__path__in=paths):  # a change below a ward's home
        # The sitemap index and its first page (wards/sitemap.py; the later pages `?p=N` follow
        # `s-maxage`), the ward's feed.
        batch.add_urls([f"{site.root_url}/sitemap.xml", f"{site.root_url}/sitemap-trang.xml", f"{site.root_url}/rss/"])
    batch.purge()
