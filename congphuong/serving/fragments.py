"""Kept fragments: parts of a page rendered once and reused while what they show is unchanged.

``{% fragment "name" vary… %}…{% endfragment %}`` (``serving_tags``) keeps the HTML of its body
in the page cache's store. While the body renders, everything it reads is recorded as for a
whole page (``tracking``: every page instantiated, every model its ORM queries read), and the fragment is
tagged like the page it belongs to would be (``tags.response_tags``: the served page's tree,
the ward, the main menu…). A kept copy is used only while all those tag versions are unchanged,
so it is exact in the same way as a cached page: publishing an article re-renders the home
page's section of its category and leaves the other sections' kept HTML in use.

A render that uses the page cache (when it is on) inherits the fragments' tags, kept copy or
not. Used only for anonymous reads that are not previews, and never kept when the body used
the CSRF token (a form): the same rules as the full-page cache.
"""

from __future__ import annotations

import hashlib

from django.utils import translation

from . import conf, kept, tags, tracking


def enabled(request) -> bool:
    if request is None or not conf.kept_reads():
        return False
    if getattr(request, "is_preview", False):
        return False
    from .keys import is_anonymous_read

    return is_anonymous_read(request)


def key(request, name: str, vary_on) -> str:
    # Scheme and host: fragments hold absolute links (canonical, sharing, Open Graph). The language:
    # the header, menu and footer of /en/ are English (docs/english-section.md).
    language = translation.get_language() or ""
    raw = "|".join([request.scheme, request.get_host(), language, name, *(str(value) for value in vary_on)])
    return "frag:" + hashlib.sha256(raw.encode()).hexdigest()


def render(request, name: str, vary_on, render_body) -> str:
    """The kept HTML of fragment `name` for `vary_on`, or `render_body()` (kept for next time)."""
    if not enabled(request):
        return render_body()

    def compute():
        csrf_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        with tracking.record() as recorder:
            html = render_body()
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") != csrf_before:
            return html, None  # a form: its token belongs to one reader
        fragment_tags = tags.response_tags(request, recorder)
        served = getattr(request, "serving_page", None)
        if served is not None:  # read before the body: not recorded, but shown in it
            fragment_tags.add(tags.page_tag(served.pk))
        return str(html), fragment_tags

    return kept.fetch(key(request, name, vary_on), compute, conf.entry_timeout())
