"""Which pages may have a view restriction, kept, so that serving a public page needs no query.

Wagtail checks a page's view restrictions on every request with two queries (its ancestors, then
their restrictions), though nearly every page of a portal is public. The paths of the restricted
pages and of the alias pages (whose restrictions are their source's) are kept (kept.py) under the
``restrictions`` tag, which any change to a restriction or an alias bumps (signals.py). A page
under none of them has no restriction; any other is checked the way Wagtail does.
"""

from __future__ import annotations

from wagtail.models import Page, PageViewRestriction

from . import conf, kept

TAG = "restrictions"
TIMEOUT_SECONDS = 3600


def _read() -> tuple[tuple[str, ...], tuple[str, ...]]:
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    aliases = tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    return restricted, aliases


def may_be_restricted(page) -> bool:
    """False only when neither the page nor an ancestor has a restriction or is an alias."""
    if page.alias_of_id is not None:
        return True
    restricted, aliases = kept.fetch("restrictions", _read, TIMEOUT_SECONDS, [TAG])
    return any(page.path.startswith(path) for path in restricted + aliases)


def view_restrictions(page, default):
    """page.get_view_restrictions(), without queries for a public page (the same answer: the
    kept paths are exact). Follows CONGPHUONG_FRAGMENT_CACHE, like the other kept reads."""
    if conf.kept_reads() and not may_be_restricted(page):
        return PageViewRestriction.objects.none()
    return default()
