"""The ward of a served page's request, read in one query with its home page ready to route from.

Wagtail's serve (``Page.route_for_request``) takes three queries before any routing:
``Site.find_for_request`` (the Site with its root page as a plain ``Page``), ``root_page.localized``
(the active ``Locale``, by language code) and ``.specific`` (the home page's own row). For a request
that Wagtail's ``serve`` will answer, ``ServedSiteMiddleware`` reads the Site the way Wagtail does
(the same hostname/port/default matching as ``wagtail.models.sites.get_site_for_hostname``) with, in
the same query, the root page in its own page type (a join per page type that may sit at the root),
its locale, and whether a view restriction applies to it. It hands that Site to Wagtail as its
per-request memo (``request._wagtail_site``, which ``Site.find_for_request`` returns), so:

- ``.specific`` is the page itself (Wagtail returns an instance of the specific class as it is);
- ``.localized`` (``BasePage.localized``) needs no query when the page's locale is the active
  language (the Vietnamese paths); otherwise Wagtail's own lookup runs as before;
- the home page's view restrictions are known (no query for a public home).

Everything after is Wagtail's own serve and the portal pages' ``route`` (core/routing.py).
"""

from __future__ import annotations

from functools import cache

from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import Page, Site, get_page_models

from .models import restricted_at_or_above
from .routing import RESTRICTED_IDS_ATTR

SERVE_URL_NAME = "wagtail_serve"


@cache
def _root_accessors() -> tuple[str, ...]:
    """The joins from a Page to its row in each page type that may be a site root (its parent page
    types allow Wagtail's tree root) and extends Page directly."""
    accessors = []
    for model in get_page_models():
        parent_link = model._meta.parents.get(Page)
        if parent_link is None or Page not in model.allowed_parent_page_models():
            continue
        accessors.append(parent_link.remote_field.get_accessor_name())
    return tuple(accessors)


def _preference(site, hostname: str, port: str) -> int:
    """Wagtail's order of preference (wagtail.models.sites.get_site_for_hostname)."""
    if site.hostname == hostname:
        if str(site.port) == port:
            return 0
        if site.is_default_site:
            return 1
        return 3
    return 2  # the default site, on another host name


def find_site(request):
    """``Site.find_for_request``'s answer, with the root page in its page type, its locale and
    whether it is restricted, in one query; None when no Site answers for the host.

    The candidates are Wagtail's (the host name's Sites and the default one, seldom more than two);
    they are ranked here as Wagtail ranks them in SQL: SiteManager's ordering and Wagtail's CASE cost
    more CPU to build than the rest of the query."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = str(request.get_port())
    accessors = _root_accessors()
    rows = (
        Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
        .order_by()
        .annotate(root_restricted=restricted_at_or_above("root_page__path"))
        .select_related("root_page__locale", *(f"root_page__{accessor}" for accessor in accessors))
    )
    sites = sorted(rows, key=lambda site: _preference(site, hostname, port))
    if not sites:
        return None
    match = _preference(sites[0], hostname, port)
    if len(sites) == 1 or match in (0, 1):
        site = sites[0]
    elif match == 2:
        site = sites[len(sites) == 2]
    else:
        return None
    _ready_root(site, accessors)
    return site


def _ready_root(site, accessors) -> None:
    """Put the root page's own page type in place of the plain Page, locale and restrictions known."""
    root = site.root_page
    specific = None
    model = root.specific_class
    for accessor in accessors:
        candidate = root._state.fields_cache.get(accessor)
        if candidate is not None and type(candidate) is model:
            specific = candidate
            break
    if specific is None:  # a root of another page type: Wagtail's own lookups, as before
        return
    specific._state.fields_cache["locale"] = root.locale
    if not site.root_restricted and specific.alias_of_id is None:
        setattr(specific, RESTRICTED_IDS_ATTR, [])
    site.root_page = specific


class ServedSiteMiddleware:
    """Reads the Site of a request Wagtail's serve answers in one query (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.url_name == SERVE_URL_NAME and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = find_site(request)
        return None
