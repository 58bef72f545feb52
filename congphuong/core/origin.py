"""The ward's one canonical origin, for every absolute URL the public site prints.

A ward answers on several host names (its own, ``www.``, an old domain, the server's address: any
host Wagtail falls back to the default ward for). Canonical links, Open Graph, JSON-LD, RSS and
robots.txt must name one origin whatever host a reader or a crawler came through, or search engines
index the same page under several addresses (and a cached page would carry another host's links).
That origin is the Wagtail Site's: ``Site.root_url`` (the scheme follows the port: 443 → https, 80 →
http, any other port → http with the port), the same that ``Page.full_url``, ``Page.url`` (with
several wards) and the sitemap use, so the links agree everywhere. Behind TLS the Site's port must be
443 (docs/deploy.md).
"""

from __future__ import annotations

from urllib.parse import urljoin


def site_origin(site) -> str:
    """``https://phuong.example.gov.vn`` (no trailing slash) for a Wagtail Site."""
    return site.root_url.rstrip("/")


def request_site(request):
    """The ward of a request: Wagtail's `Site.find_for_request` (memoised on the request)."""
    from wagtail.models import Site

    return Site.find_for_request(request)


def canonical_origin(request=None, site=None) -> str:
    """The origin of `site`, else of the request's ward; "" when neither is known."""
    if site is None and request is not None:
        site = request_site(request)
    return site_origin(site) if site is not None else ""


def absolute(url: str, request=None, site=None) -> str:
    """`url` (a path, or already absolute) on the ward's canonical origin."""
    if not url:
        return ""
    origin = canonical_origin(request, site)
    if not origin:
        return request.build_absolute_uri(url) if request is not None else url
    if "://" in url[:12]:
        return url  # already absolute (an external image, a link to another service)
    return urljoin(origin + "/", url)
