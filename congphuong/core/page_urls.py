"""A portal page's URL without a ``reverse()`` per link: Wagtail's ``Page.get_url_parts``, cheaper.

Wagtail builds each page link (``{% pageurl %}``, ``page.url``) by switching to the page's language
and reversing ``wagtail_serve`` with the page's path below its site root: some 150 Python calls a
link, and an article shows about fifty links (menus, cards, breadcrumbs, the footer). The serve
pattern is a fixed prefix (the language's, "" or "en/" under ``i18n_patterns``, after the script
prefix) followed by the path itself, so the prefix is reversed once per language and URL
configuration and each link is that prefix plus the path, quoted as ``reverse()`` quotes it.

Everything else is Wagtail's: the site root paths (read once per request), the choice of site and
of the language variant. Wagtail reads them once per request only for links made with the request;
``page.url`` (no request: the admin explorer's "view live" link on every row, Wagtail's own hook)
read them from the cache once per page, i.e. the whole province's list unpickled fifty times a
screen. ``RequestRootPathsMiddleware`` names the request being answered, so those links share its
copy too (bench/RESULTS.md, "Province", "Admin at 2,000 children").

A path the serve pattern would not match, a page under several sites, or
a configuration without ``wagtail_serve`` goes through Wagtail's own method. Installed on Wagtail's
``Page`` in ``CoreConfig.ready`` (``install_page_urls``), like core/image_filters.py: most links are
made from plain ``Page`` rows (the menu, breadcrumbs, the routed path), not from a portal page type.
``core/tests/test_page_urls.py`` compares every page's URL with Wagtail's.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Page

# wagtail/urls.py's serve pattern with WAGTAIL_APPEND_SLASH (the portal's setting).
_SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")
_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what django.urls.reverse() leaves unquoted

# The request being answered, where Wagtail keeps its copy of the site root paths.
_current_request: ContextVar = ContextVar("page_urls_current_request", default=None)


class RequestRootPathsMiddleware:
    """Links made without the request (``page.url``) read the site root paths once per request too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def _share_request_root_paths(page, request) -> None:
    """A link made without the request: Wagtail would read the root paths from the cache and keep them
    on `page` (``_get_site_root_paths``); keep the request's copy there instead."""
    current = _current_request.get() if request is None else None
    if current is not None and "_wagtail_cached_site_root_paths" not in page.__dict__:
        page._wagtail_cached_site_root_paths = page._get_site_root_paths(current)


@lru_cache(maxsize=64)
def _serve_prefix(language_code: str, script_prefix: str, urlconf: str) -> str | None:
    """``reverse("wagtail_serve", args=("",))`` in `language_code`: "/" or "/en/" (None: not routable)."""
    try:
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",), urlconf=urlconf)
    except NoReverseMatch:
        return None


def url_parts(page, request=None, default=None):
    """``(site_id, root_url, path)`` as ``Page.get_url_parts`` answers it; ``default()`` (Wagtail's
    own method) for what this shortcut does not cover."""
    _share_request_root_paths(page, request)
    possible = page._get_relevant_site_root_paths(request)
    if not possible:
        return None
    site_id, root_path, root_url, language_code = possible[0]
    rest = page.url_path[len(root_path) :]
    if (
        not WAGTAIL_APPEND_SLASH
        or not settings.WAGTAIL_I18N_ENABLED
        or any(values[0] != site_id for values in possible[1:])
        or not _SERVE_PATH.fullmatch(rest)
    ):
        return default()
    active = translation.get_language()
    try:
        if get_supported_content_language_variant(active) == language_code:
            language_code = active
    except LookupError:
        pass
    prefix = _serve_prefix(language_code, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    if prefix is None:
        return (site_id, None, None)
    return (site_id, root_url, prefix + quote(rest, safe=_SAFE))


_wagtail_get_url_parts = Page.get_url_parts


def _get_url_parts(self, request=None):
    return url_parts(self, request, default=lambda: _wagtail_get_url_parts(self, request=request))


def install_page_urls() -> None:
    """Page.get_url_parts through `url_parts` (idempotent)."""
    Page.get_url_parts = _get_url_parts
