"""Requests on an old portal's host name (`OldHostname`): a 301 to where the page lives now, or the
old-hostname 404 ("this ward is now part of …", with the public lookup).

Sits in MIDDLEWARE just above the page cache (settings/base.py): an old host is answered here, so
nothing is ever rendered, stored or served from the page cache under an old host name, and the WSGI
fast path (serving/fastpath.py) finds nothing to serve for it. Entries stored under a host before it
became an old host name are dropped: saving or deleting an `OldHostname` purges the page cache
(legacy/signals.py).

The old host need not be in ALLOWED_HOSTS: this middleware reads the raw Host header and answers
only for host names registered here (the table is the allow list); it builds no URL from the Host
(the target is the new ward's canonical origin, core/origin.py). Any other host goes on untouched,
through Django's ALLOWED_HOSTS check as before.

Cheap for a normal host: a ward's own host name (one of Wagtail's site root paths, which Wagtail keeps
in the default cache for every `{% pageurl %}` anyway) is served by its ward — the merger deletes the
old ward's Site in the transaction that records its host name (merger/merge.py) — so it is let through
with no other lookup. Only when its ward answers 404 and the host is also an old host name (a ward
that imported its own old portal, on the domain it keeps) are that host's recorded old addresses
looked up (`redirect_on_own_host`). Any other host (an old one, a `www.` alias, the server's address) is looked up
in the set of old host names kept in the default cache (filled from the database on a miss, deleted
whenever an `OldHostname` is saved or deleted); with the kept reads off (CONGPHUONG_FRAGMENT_CACHE=0,
the tests that pin a render's queries) by one query for that host name.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.template.loader import render_to_string

from congphuong.core.origin import site_origin

HOSTS_CACHE_KEY = "legacy:old-hostnames:v1"
HOSTS_CACHE_TIMEOUT = 24 * 3600
LOOKUP_PATH = "/tra-cuu-phuong-moi/"
# The load balancer's health checks (by address, any host) need no database (serving/health.py).
UNCHECKED_PATHS = frozenset({"/healthz", "/readyz"})


def _unserved_prefixes() -> tuple[str, ...]:
    """Static files and media: never an old portal's page."""
    return tuple(url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url and url.startswith("/"))


def ward_hostnames() -> frozenset[str]:
    """The host names of the wards' Sites, from Wagtail's site root paths (no query once Wagtail
    has them in the default cache)."""
    from wagtail.models import Site

    return frozenset(urlsplit(root.root_url).hostname or "" for root in Site.get_site_root_paths())


def old_hostnames() -> frozenset[str]:
    """The old host names, kept in the default cache."""
    from .models import OldHostname

    hosts = cache.get(HOSTS_CACHE_KEY)
    if hosts is None:
        hosts = frozenset(OldHostname.objects.values_list("hostname", flat=True))
        cache.set(HOSTS_CACHE_KEY, hosts, HOSTS_CACHE_TIMEOUT)
    return hosts


def forget_old_hostnames() -> None:
    cache.delete(HOSTS_CACHE_KEY)


def raw_host(request) -> str:
    """The request's host name as sent (X-Forwarded-Host when trusted), lower case, no port or final dot."""
    try:
        host = request._get_raw_host()
    except Exception:  # noqa: BLE001 — a malformed header is simply not an old host
        return ""
    domain, _port = split_domain_port(host.lower())
    return domain.rstrip(".")


def candidate_paths(request) -> list[str]:
    """The forms an old address may have been recorded in: with its query, without, with or without
    the final slash (old portals printed both)."""
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    forms = []
    bases = [path]
    if path != "/":
        bases.append(path[:-1] if path.endswith("/") else path + "/")
    for base in bases:
        if query:
            forms.append(f"{base}?{query}")
        forms.append(base)
    return forms


def page_path(page, site) -> str:
    """`page`'s path on `site` (its url_path below the site's home), "" when it is not under it."""
    root_path = site.root_page.url_path
    if not page.url_path.startswith(root_path):
        return ""
    return "/" + page.url_path[len(root_path) :]


def target_of(redirect, site) -> str:
    if redirect.page_id is not None:
        path = page_path(redirect.page, site)
        if path:
            return site_origin(site) + quote(path, safe="/-._~")
        return redirect.page.full_url or ""
    url = redirect.url
    if url and url.startswith("/"):
        return site_origin(site) + url
    return url


class OldHostnameMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in UNCHECKED_PATHS or request.path.startswith(_unserved_prefixes()):
            return self.get_response(request)
        host = raw_host(request)
        if not host:
            return self.get_response(request)
        if host in ward_hostnames():
            response = self.get_response(request)
            if response.status_code == 404 and request.method in ("GET", "HEAD") and host in old_hostnames():
                return redirect_on_own_host(request, host) or response
            return response
        # Kept like the project's other kept reads; with them off, the one query of answer_old_host.
        if getattr(settings, "CONGPHUONG_FRAGMENT_CACHE", True) and host not in old_hostnames():
            return self.get_response(request)
        return answer_old_host(request, host) or self.get_response(request)


def answer_old_host(request, host: str):
    from .models import LegacyRedirect, OldHostname

    old = OldHostname.objects.select_related("site__root_page", "old_unit").filter(hostname=host).first()
    if old is None:  # deleted meanwhile: an ordinary request
        forget_old_hostnames()
        return None
    site = old.site
    found = {
        row.old_path: row
        for row in LegacyRedirect.objects.filter(
            old_hostname=old, old_path__in=candidate_paths(request)
        ).select_related("page")
    }
    for path in candidate_paths(request):
        if path in found:
            target = target_of(found[path], site)
            if target:
                return HttpResponsePermanentRedirect(target)
    if request.path == "/":
        return HttpResponsePermanentRedirect(site_origin(site) + "/")
    return not_found(request, old)


def redirect_on_own_host(request, host: str):
    """A ward that moved its own old portal in keeps its host name: the old addresses the importer
    recorded for that host answer 301 where the new portal has nothing (a 404), and only there."""
    from .models import LegacyRedirect

    found = {
        row.old_path: row
        for row in LegacyRedirect.objects.filter(
            old_hostname__hostname=host, old_path__in=candidate_paths(request)
        ).select_related("page", "old_hostname__site__root_page")
    }
    for path in candidate_paths(request):
        if path in found:
            target = target_of(found[path], found[path].old_hostname.site)
            if target and urlsplit(target).path != request.path:
                return HttpResponsePermanentRedirect(target)
    return None


def successors_of(old) -> list[dict]:
    """For an old unit split between new ones: every successor, with its part and its portal here."""
    if old.old_unit_id is None:
        return []
    from congphuong.units.models import Succession
    from congphuong.wards.models import WardSettings

    links = list(
        Succession.objects.filter(predecessor_id=old.old_unit_id).select_related("successor").order_by("-main", "pk")
    )
    codes = {link.successor.code for link in links}
    portals = {
        row.unit_code: site_origin(row.site)
        for row in WardSettings.objects.filter(unit_code__in=codes).select_related("site")
        if row.site_id
    }
    return [
        {
            "name": link.successor.name,
            "part": link.part,
            "whole": link.whole,
            "portal": portals.get(link.successor.code, ""),
        }
        for link in links
    ]


def not_found(request, old):
    site = old.site
    origin = site_origin(site)
    old_name = old.old_ward_name or (old.old_unit.name if old.old_unit_id else old.hostname)
    query = old.old_unit.name if old.old_unit_id else old_name.replace("(cũ)", "").strip()
    if old.old_unit_id and old.old_unit.district:
        query = f"{query} {old.old_unit.district}"
    successors = successors_of(old)
    context = {
        "old_name": old_name,
        "new_name": site.site_name or site.hostname,
        "home_url": origin + "/",
        "lookup_url": origin + LOOKUP_PATH + "?" + urlencode({"q": query}),
        "successors": successors if len(successors) > 1 else [],
    }
    response = HttpResponse(render_to_string("legacy/old_hostname_404.html", context, request=None), status=404)
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    # Answered above the security and CSP middleware: the page's own headers (no script, its one style).
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "same-origin"
    return response
