"""Which languages a ward's page exists in: the hreflang links and the header's language switch
(docs/english-section.md).

A ward's English section is the English translation of its home page (a sibling of the home in
Wagtail's tree, same ``translation_key``, locale ``en``) served at ``/en/``. Whether a ward has one
is read from Wagtail's site root paths (kept in Django's cache, no query): a ward without an
English home shows no switch and costs no query. Otherwise one query finds the live translations
of the page being shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page, Site

from congphuong.core.origin import request_site
from congphuong.serving.params import cleaned

REQUEST_ATTR = "_congphuong_languages"
# The switch's label, in the language it leads to (WCAG 3.1.2: marked with lang).
LABELS = {"vi": "Tiếng Việt", "en": "English"}


@dataclass
class Alternate:
    language: str
    url: str  # a path on the ward's own host ("/en/about/")
    label: str = ""


@dataclass
class Languages:
    alternates: list[Alternate] = field(default_factory=list)  # every language, the current one included
    switch: Alternate | None = None  # where the header's switch leads


def for_request(request, page=None) -> Languages:
    """The languages of `page` (None for a view that is not a page: no alternates), memoised."""
    if request is None:
        return Languages()
    memo = getattr(request, REQUEST_ATTR, None)
    if memo is not None and memo[0] == getattr(page, "pk", None):
        return memo[1]
    languages = _compute(request, page)
    setattr(request, REQUEST_ATTR, (getattr(page, "pk", None), languages))
    return languages


def _compute(request, page) -> Languages:
    site = request_site(request)
    if site is None:
        return Languages()
    roots = {root.language_code: root for root in Site.get_site_root_paths() if root.site_id == site.pk}
    if len(roots) < 2:
        return Languages()
    current = translation.get_language()
    keys = {site.root_page.translation_key}
    if page is not None and getattr(page, "translation_key", None) is not None:
        keys.add(page.translation_key)
    # One query: the live translations of the page and of the ward's home (a draft English home
    # is no English section yet).
    found = (
        Page.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code")
    )
    homes, urls = {}, {}
    for other in found:
        language = other.locale.language_code
        root = roots.get(language)
        if root is None or not other.url_path.startswith(root.root_path):
            continue
        with translation.override(language):
            url = reverse("wagtail_serve", args=(other.url_path[len(root.root_path) :],))
        if other.translation_key == site.root_page.translation_key:
            homes[language] = url
        if page is not None and other.translation_key == page.translation_key:
            urls[language] = url
    if len(homes) < 2:
        return Languages()
    # A sub-page of a routable page (the leaders' list, a form, the print version) is the same sub-page
    # of the page's translation.
    route = _route_below(request, page, urls.get(current))
    ordered = sorted(urls.items(), key=lambda item: item[0] != "vi")  # Vietnamese first
    alternates = [Alternate(language, url + route, LABELS.get(language, language)) for language, url in ordered]
    other_language = next((language for language in homes if language != current), None)
    switch = None
    if other_language is not None:
        if other_language in urls:
            target = urls[other_language] + route
        else:
            # A view that is not a page (the search) leads to the same view in the other language,
            # else the other home.
            target = _same_view(request, other_language) or homes[other_language]
        switch = Alternate(other_language, target, LABELS.get(other_language, other_language))
    return Languages(alternates=alternates if len(alternates) > 1 else [], switch=switch)


def _route_below(request, page, page_url: str | None) -> str:
    """The part of the request's path below the page's own URL ("lanh-dao/") when it is one of the
    page's routes that takes no argument; "" otherwise (a route naming a record of one language, such
    as a question, leads to the page itself)."""
    resolve_subpage = getattr(page, "resolve_subpage", None)
    if resolve_subpage is None or page_url is None or not request.path.startswith(page_url):
        return ""
    route = request.path[len(page_url) :]
    if not route:
        return ""
    try:
        _view, args, kwargs = resolve_subpage("/" + route)
    except Http404:
        return ""
    return "" if args or kwargs else route


def _same_view(request, language: str) -> str | None:
    """The same non-page view (its URL name and arguments) in `language`, with the query string."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or match.url_name == "wagtail_serve":
        return None
    try:
        with translation.override(language):
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    query = cleaned(request.GET).urlencode()  # the known parameters only: no junk copied into the link
    return f"{url}?{query}" if query else url
