"""The ward's page chrome: settings and emblem, theme of the year, main menu, news categories.

Every public page shows them and, read from the database, they cost about a third of the queries
of an article page. They are read once per ward and kept in the page cache's store
(``congphuong.serving.store``) under the versions of the tags whose purge would change them, so a
kept copy is exact, like a cached page: editing the ward settings or the theme of the year bumps
``site:<id>``; publishing, renaming, moving or restricting a child of the home page bumps
``children:<home path>``; editing an image bumps ``table:wagtailimages_image``. A page rendered
with a kept copy carries the same tags, so the full-page cache stays exact too.

Off (read every time) when ``CONGPHUONG_CHROME_CACHE`` is false: the test settings, whose query
counts are pinned per render.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

REQUEST_ATTR = "_congphuong_chrome"
# The theme of the year changes at New Year without any edit: a kept copy lives at most this long.
TIMEOUT_SECONDS = 300
# Renditions of the emblem that base.html asks for (header, and the sharing image).
EMBLEM_FILTERS = ("height-112|format-webp", "max-600x600|format-png")
PAGE_FIELDS = ("id", "title", "url_path", "path", "depth")


class Chrome:
    """Each part is read on first use: a page that shows only the settings (a print view) reads
    only them. A kept copy has every part read before it is stored."""

    def __init__(self, site):
        self.site_id = site.pk
        self.year = timezone.localdate().year
        self._site = site

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_site", None)
        return state

    @cached_property
    def settings(self):
        from congphuong.wards.models import WardSettings

        # With the footer's responsible leader in the same query (organisation.Leader).
        found = WardSettings.objects.select_related("responsible_leader").filter(site=self._site).first()
        return found or WardSettings.for_site(self._site)

    @cached_property
    def year_theme(self):
        from congphuong.wards.models import YearTheme

        return YearTheme.objects.current(self._site)

    @cached_property
    def menu(self) -> list[Page]:
        """Live children of the home page shown in menus."""
        return list(self._site.root_page.get_children().live().in_menu().only(*PAGE_FIELDS))

    @cached_property
    def categories(self) -> list[Page]:
        """Live, public top-level news categories."""
        from congphuong.news.models import CategoryPage

        return list(CategoryPage.objects.child_of(self._site.root_page).live().public().only(*PAGE_FIELDS))

    def read_all(self) -> Chrome:
        """Every part, and the emblem with the renditions the header and sharing image use, so a
        kept copy needs no query at all."""
        for part in ("settings", "year_theme", "menu", "categories"):
            getattr(self, part)
        emblem = self.settings.emblem if self.settings.emblem_id else None
        if emblem is not None:
            emblem.get_renditions(*EMBLEM_FILTERS)  # made once, then read with the image
            self.settings.emblem = type(emblem).objects.prefetch_related("renditions").get(pk=emblem.pk)
        return self


def enabled() -> bool:
    return bool(getattr(settings, "CONGPHUONG_CHROME_CACHE", True))


def for_request(request):
    """The Chrome of the request's ward (memoised on the request), or None without a site."""
    if request is None:
        return None
    if hasattr(request, REQUEST_ATTR):
        return getattr(request, REQUEST_ATTR)
    from congphuong.serving.routing import find_site

    site = find_site(request)
    chrome = _cached(site) if site is not None else None
    setattr(request, REQUEST_ATTR, chrome)
    return chrome


def _tags(site, root_path: str) -> list[str]:
    from congphuong.serving import restrictions, store, tags

    return [
        store.ALL_TAG,
        tags.site_tag(site.pk),
        tags.children_tag(root_path),
        "table:wagtailimages_image",
        restrictions.TAG,  # a category restricted or opened
    ]


def _cached(site) -> Chrome:
    if not enabled():
        return Chrome(site)
    from congphuong.serving import kept

    key = f"chrome:{site.pk}:{timezone.localdate().year}"  # the theme of the year changes at New Year
    return kept.fetch(key, lambda: Chrome(site).read_all(), TIMEOUT_SECONDS, _tags(site, site.root_page.path))
