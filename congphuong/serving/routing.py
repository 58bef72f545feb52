"""Wagtail's page serving with the ward and the route of a path kept (kept.py), not re-read.

Wagtail finds the Site of a request with one query and walks the page tree with two queries
per path segment (the child by slug, then its specific type): six for an article, before it is
rendered. Both answers change only when pages or sites change, so they are kept under the tags
of what they read, like a cached page:

- the Site of a hostname and port (with its root page): ``all`` (any Site change purges it)
  and the root page's ``page:`` tag;
- the route of a path: the page that serves it (its live row, specific type) and how many
  segments the page tree consumed. Tagged ``page:<id>`` for every page walked (publishing,
  unpublishing, editing a live page, a rename, move or deletion bumps it; a move bumps every
  descendant's) and ``children:<path>`` for each.

A kept route lets the page finish routing (a routable page's sub-paths, the live check), and
view restrictions are checked as Wagtail's own view does (serving/restrictions.py). A path that
does not route (404) is never kept. Off with ``CONGPHUONG_FRAGMENT_CACHE``; routes are kept for
anonymous reads only (previews and signed-in readers walk the tree).
"""

from __future__ import annotations

import hashlib
import pickle

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import re_path
from django.utils import translation
from wagtail import hooks
from wagtail import urls as wagtail_urls
from wagtail.models import Page, Site
from wagtail.views import serve_chain

from . import conf, fragments, kept, tags, tracking

TIMEOUT_SECONDS = 3600


def _site_key(hostname: str, port) -> str:
    return "site:" + hashlib.sha256(f"{hostname}|{port}".encode()).hexdigest()


def find_site(request):
    """Site.find_for_request, kept (and memoised on the request as Wagtail does)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    if not conf.kept_reads():
        return Site.find_for_request(request)
    from django.http.request import split_domain_port

    def compute():
        site = Site.find_for_request(request)
        return site, (["all", tags.page_tag(site.root_page_id)] if site is not None else None)

    hostname = split_domain_port(request._get_raw_host())[0]
    request._wagtail_site = kept.fetch(_site_key(hostname, request.get_port()), compute, TIMEOUT_SECONDS)
    return request._wagtail_site


def _route_key(site, components) -> str:
    # "route3": the value's shape changed; a deploy must not read the old shape. The language is part
    # of the key: /en/x/ reaches this view with the path "x/", routed from the English home.
    raw = f"{site.pk}|{translation.get_language()}|{'/'.join(components)}"
    return "route3:" + hashlib.sha256(raw.encode()).hexdigest()


def language_root(site):
    """The ward's home in the active language: the Site's root page in Vietnamese, its live English
    translation under /en/; None when the ward has no English home (then /en/… is not found, rather
    than the Vietnamese pages served under /en/ as Wagtail's Page.localized would)."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return site.root_page
    # Wagtail's site root paths (kept in Django's cache) list the home's translations: a ward with
    # none in this language costs no query.
    if not any(path.site_id == site.pk and path.language_code == language for path in Site.get_site_root_paths()):
        return None
    root = site.root_page.localized
    if root.pk == site.root_page_id:
        return None
    return root


def _walk(site, request, components):
    """Wagtail's own routing, recorded; returns (route result, tags) — tags None if not keepable."""
    with tracking.record() as recorder:
        try:
            root = language_root(site)
            if root is None:
                return None, None
            result = root.specific.route(request, components)
        except Http404:
            return None, None
    if result is None:
        return None, None
    page = result[0]
    depth_below_root = page.depth - root.depth
    if not 0 <= depth_below_root <= len(components) or not page.path.startswith(root.path):
        return result, None  # not a plain walk down the tree (an alias, a custom route): not kept
    # The pages walked are the served page and its ancestors from the root: their paths are prefixes.
    root_path = root.path
    walked_paths = [page.path[:end] for end in range(len(root_path), len(page.path) + 1, tags.STEPLEN)]
    route_tags = {tags.page_tag(pk) for pk in recorder.page_ids} | {tags.children_tag(path) for path in walked_paths}
    return result, route_tags


def find_route(request, path: str):
    """Page.route_for_request, with the route kept for anonymous reads; the same result."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = find_site(request)  # memoised on the request: Wagtail's routing reads it from there
    components = [component for component in path.split("/") if component]
    if site is None:
        return Page.route_for_request(request, path)
    if not fragments.enabled(request):
        request._wagtail_route_for_request = _walk(site, request, components)[0]
        return request._wagtail_route_for_request
    request._wagtail_route_for_request = _kept_route(request, site, components)
    return request._wagtail_route_for_request


def _kept_route(request, site, components):
    walked = {}

    def compute():
        result, route_tags = _walk(site, request, components)
        walked["result"] = result
        if result is None or route_tags is None:
            return None, None
        page = result[0]
        # The page itself, pickled: each request unpickles its own copy (pages get request state).
        return (pickle.dumps(page, pickle.HIGHEST_PROTOCOL), page.depth - site.root_page.depth), route_tags

    value = kept.fetch(_route_key(site, components), compute, TIMEOUT_SECONDS)
    if "result" in walked or value is None:
        return walked.get("result")
    pickled_page, consumed = value
    page = pickle.loads(pickled_page)  # noqa: S301 (our own store, written above)
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


def serve(request, path):
    """wagtail.views.serve with find_route instead of Page.route_for_request."""
    route_result = find_route(request, path)
    if route_result is None:
        raise Http404
    page, args, kwargs = route_result

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)


def _urlpatterns():
    """Wagtail's front-end URL patterns, its page-serving pattern served by `serve`."""
    patterns = []
    for pattern in wagtail_urls.urlpatterns:
        if getattr(pattern, "name", None) == "wagtail_serve":
            pattern = re_path(pattern.pattern.regex.pattern, serve, name="wagtail_serve")
        patterns.append(pattern)
    return patterns


urlpatterns = _urlpatterns()
