"""Wagtail's page routing for a portal page, in one query for the whole path.

Wagtail's ``Page.route`` walks the tree one URL segment at a time with two queries per segment
(the child by slug, then its specific row): four for an article below its category. A portal
page's ``route`` (core.models.BasePage) reads every page the rest of the path names in one
query instead — by ``url_path``, which Wagtail keeps equal to the parent's ``url_path`` plus the
slug — together with the page's ancestors and which of them carry a view restriction, then
fetches the served page's specific row (with its listing image). Each page gets its parent
cached as Wagtail's walk leaves it (``get_parent()``, breadcrumbs: no query), and the served page
knows its view restrictions (``get_view_restrictions``: no query for a public page).

The answer is Wagtail's: a page on the way that routes sub-paths itself (a routable page whose
sub-route matches, or a page type with its own ``route``) is handed the rest of the path as
Wagtail would; an alias anywhere on the way, or anything unexpected, falls back to Wagtail's
own checks.

Pages are served by Wagtail's own ``serve`` (``Page.route_for_request``: ``Site.find_for_request``,
then ``site.root_page.localized.specific.route``); this module is only the portal pages' ``route``.
Where Wagtail's ``localized`` falls back to the Vietnamese home under ``/en/`` (a ward with no live
English home), ``serves_active_language`` (a ``before_serve_page`` hook, core/wagtail_hooks.py) makes
it a 404 instead (docs/english-section.md).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import Resolver404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site

# Set on the served page: ids of the pages on its path (itself included) with a view restriction,
# or None when an alias is on the path (Wagtail's own lookup then applies).
RESTRICTED_IDS_ATTR = "_routed_restricted_ids"

# For a page the route did not find: `shortcut(page, default)` answers its view restrictions, calling
# `default()` (one query) only when it must. Registered by the serving app from its AppConfig.ready()
# (serving/restrictions.py: none at all for a page under no kept restricted path), so that core
# imports no app above it; without one, `default()`.
_restriction_shortcut: Callable | None = None


def register_restriction_shortcut(shortcut: Callable | None) -> None:
    """Use `shortcut(page, default)` for the view restrictions of a page the route did not find."""
    global _restriction_shortcut
    _restriction_shortcut = shortcut


def serves_active_language(page) -> bool:
    """False when `page` lies under a ward's home of another language than the active one: Wagtail's
    ``localized`` hands the Vietnamese home to ``/en/`` when the ward has no live English one. Wagtail's
    site root paths (kept in Django's cache, most specific first) say it without a query."""
    language = translation.get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return True
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return root.language_code == language
    return True


def language_root(site):
    """The ward's home in the active language: the Site's root page in Vietnamese, its live English
    translation under /en/; None when the ward has no English home (no query for a ward without one)."""
    language = translation.get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return site.root_page
    if not any(path.site_id == site.pk and path.language_code == language for path in Site.get_site_root_paths()):
        return None
    root = site.root_page.localized
    if root.pk == site.root_page_id:
        return None
    return root


def _ancestor_paths(path: str) -> list[str]:
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def _read_path(parent, components):
    """The pages the path names below `parent`, in order, each with its parent cached; and
    `parent`'s own ancestors (itself included) with their `restricted` flag."""
    prefixes = [parent.url_path + "/".join(components[:n]) + "/" for n in range(1, len(components) + 1)]
    above_paths = _ancestor_paths(parent.path)
    rows = list(
        Page.objects.filter(
            Q(path__startswith=parent.path, depth__gt=parent.depth, url_path__in=prefixes) | Q(path__in=above_paths)
        ).annotate(restricted=Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk"))))
    )
    by_url = {row.url_path: row for row in rows if row.path.startswith(parent.path) and row.depth > parent.depth}
    above = [row for row in rows if row.path in above_paths]
    chain = []
    current = parent
    for depth, prefix in enumerate(prefixes, start=parent.depth + 1):
        page = by_url.get(prefix)
        if page is None or page.depth != depth or not page.path.startswith(current.path):
            break
        page._cached_parent_obj = current
        chain.append(page)
        current = page
    return chain, above


def _takes_over(page, rest) -> bool:
    """Whether Wagtail's walk would stop at `page` (on the way, `rest` still to route): its page
    type routes itself, or it is a live routable page with a sub-route matching `rest`."""
    from congphuong.core.models import BasePage

    model = page.specific_class
    if model is None:
        return True
    if model.route is BasePage.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(rest) + "/")
        except (Resolver404, Http404):
            return False
        return True
    return True


def specific_of(page):
    """The specific row of `page` (one query, with its listing image), parent cache kept."""
    model = page.specific_class
    if model is None:
        raise Http404
    queryset = model._default_manager.all()
    if any(field.name == "listing_image" for field in model._meta.concrete_fields):
        queryset = queryset.select_related("listing_image")
    specific = queryset.get(pk=page.pk)
    if "_cached_parent_obj" in page.__dict__:
        specific._cached_parent_obj = page._cached_parent_obj
    return specific


def route(parent, request, components):
    """The RouteResult for `components` below `parent`, as Page.route would find it."""
    chain, above = _read_path(parent, components)
    if not chain:
        raise Http404
    for consumed, page in enumerate(chain[:-1], start=1):
        rest = components[consumed:]
        if _takes_over(page, rest):
            return specific_of(page).route(request, rest)
    served = specific_of(chain[-1])
    on_path = above + chain
    has_alias = any(page.alias_of_id for page in on_path)
    restricted = None if has_alias else [page.pk for page in on_path if page.restricted]
    setattr(served, RESTRICTED_IDS_ATTR, restricted)
    return served.route(request, components[len(chain) :])


def restrictions_of(page):
    """BasePage.get_view_restrictions: from the route that found the page (no query), else through
    the registered shortcut (no query for a public page), else in one query."""
    if getattr(page, RESTRICTED_IDS_ATTR, None) is not None or _restriction_shortcut is None:
        return view_restrictions(page)
    return _restriction_shortcut(page, lambda: view_restrictions(page))


def view_restrictions(page):
    """Page.get_view_restrictions: known from the route that found the page (no query), else
    in one query (Wagtail's takes two): the restrictions of the page and its ancestors, an
    alias's taken from its source page, as Wagtail does."""
    restricted = getattr(page, RESTRICTED_IDS_ATTR, None)
    if restricted is not None:
        none = PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted) if restricted else none
    paths = _ancestor_paths(page.path)
    on_path = Page.objects.filter(path__in=paths)
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True)
        | Q(page__in=on_path.filter(alias_of__isnull=False).values("alias_of"))
        | Q(page_id=page.alias_of_id)
    )
