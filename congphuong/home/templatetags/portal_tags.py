"""Template helpers for the public pages: ward settings, menus, pagination links, JSON-LD.

Load with ``{% load portal_tags %}`` (found by name in any installed app). Nothing here renders
per-article queries: the listing helpers run one query each, whatever the number of articles.

The library lives in the home app, on top of the apps it reads (the ward chrome of
``congphuong.wards``, the media index, the serving app's query parameters), not in core: the
ground floor imports no app above it (docs/architecture.md, "Layers").
"""

import json
import re

from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from congphuong.core.origin import absolute
from congphuong.core.templatetags.vi_format import iso_datetime  # builtin filter; also used by the JSON-LD tags here
from congphuong.media.models import MediaIndexPage
from congphuong.serving.params import cleaned
from congphuong.wards import chrome

register = template.Library()

# The characters that could end a <script> element or start markup inside one.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data) -> str:
    """JSON that is safe inside <script>: a title containing "</script>" cannot end the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SCRIPT_ESCAPES)


@register.simple_tag(takes_context=True)
def ward_settings(context):
    """The WardSettings of the request's site, or None when there is no site (error pages)."""
    ward = chrome.for_request(context.get("request"))
    # In English under /en/ (wards.models.EnglishWardSettings, docs/english-section.md).
    return ward.settings.in_language(translation.get_language()) if ward is not None else None


@register.simple_tag(takes_context=True)
def ward_categories(context):
    """Top-level news categories of the current ward, for the "Danh mục" list (wards.chrome)."""
    ward = chrome.for_request(context.get("request"))
    return ward.categories if ward is not None else []


@register.simple_tag(takes_context=True)
def ward_accessibility_statement(context):
    """The ward's public accessibility statement page for the footer link, or None (wards.chrome)."""
    ward = chrome.for_request(context.get("request"))
    return ward.accessibility_statement if ward is not None else None


@register.simple_tag(takes_context=True)
def media_index(context):
    """The ward's "Tin tức media" page, or None.

    Only used where public media stories are listed: those stories are its children, so
    the index is public too and the extra view-restriction query is not needed.
    """
    page = context.get("page")
    if hasattr(page, "landing_pages"):  # the home page reads it with its other linked pages
        return page.landing_pages.get("media")
    site = context.get("current_site")
    if not site:
        return None
    return MediaIndexPage.objects.child_of(site.root_page).live().only("id", "title", "url_path").first()


@register.simple_tag
def nav_current(item, page):
    """aria-current value for a menu item: "page" on the page itself, "true" inside its section."""
    if not page or not getattr(page, "url_path", None) or not item:
        return ""
    if item.pk == page.pk:
        return "page"
    if page.url_path.startswith(item.url_path):
        return "true"
    return ""


@register.simple_tag
def nav_state(page) -> str:
    """What the menus mark with aria-current for `page` (nav_current, and "Trang chủ" on the home
    page): its top-level section and whether it is that section. Menu items are the ward home's
    children, so this is all that varies between the menus of two pages (the kept fragments' key)."""
    url_path = getattr(page, "url_path", None) if page else None
    if not url_path:
        return ""
    parts = url_path.strip("/").split("/")
    if len(parts) < 2:
        return "home" if getattr(page, "depth", None) == 2 else ""
    return f"{parts[1]}/{'self' if len(parts) == 2 else 'in'}"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` on the ward's canonical origin (canonical, Open Graph, JSON-LD, sharing), whatever
    host the request came through (core/origin.py)."""
    return absolute(url, context.get("request"))


@register.simple_tag
def share_links(url, title):
    """Plain share links (Zalo, Facebook, e-mail) for an absolute `url`: core/share.py."""
    from congphuong.core.share import share_links as links

    return links(url, title)


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The query string for page ``number`` of a listing, keeping the other parameters (e.g. q):
    the view's cleaned ``link_query`` if it gave one, else the known parameters of the request with
    bounded values (serving/params.py), never the raw query string."""
    request = context.get("request")
    if context.get("link_query") is not None:
        params = cleaned(context["link_query"])
    elif request is not None:
        params = cleaned(request.GET)
    else:
        return f"?trang={number}"
    params.pop("trang", None)
    if int(number) > 1:
        params["trang"] = number
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def elided_pages(page_obj, on_each_side=1, on_ends=1):
    """Page numbers with "…" gaps, e.g. 1 … 4 5 6 … 20."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends))


@register.filter
def tel_href(phone) -> str:
    """ "028 3800 0000" → "tel:02838000000" (first number only when several are listed)."""
    if not phone:
        return ""
    first = re.split(r"[,;/]| - | – ", str(phone))[0]
    digits = re.sub(r"[^\d+]", "", first)
    return f"tel:{digits}" if digits else ""


@register.filter
def page_kind(page) -> str:
    """The Vietnamese name of a page's type ("Bài viết", "Tin media", …)."""
    model = getattr(page, "specific_class", None) or type(page)
    return str(model._meta.verbose_name).capitalize()


@register.filter
def page_summary(page) -> str:
    """A page's short description for listings: SEO description, else lead, else intro."""
    for attr in ("search_description", "lead", "intro"):
        text = getattr(page, attr, "") or ""
        if text.strip():
            return text
    return ""


@register.simple_tag(takes_context=True)
def article_json_ld(context, page, image_url="", logo_url=""):
    """schema.org NewsArticle for ``page``, as a ready <script type="application/ld+json"> element."""
    request = context.get("request")
    ward = context.get("ward")
    official_name = getattr(ward, "official_name", "") or getattr(context.get("current_site"), "site_name", "")
    url = absolute(page.url, request) if request is not None else page.full_url
    modified = page.last_published_at or page.published_at
    if modified and page.published_at and modified < page.published_at:
        modified = page.published_at
    publisher = {"@type": "GovernmentOrganization", "name": official_name}
    if logo_url:
        publisher["logo"] = {"@type": "ImageObject", "url": logo_url}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "datePublished": iso_datetime(page.published_at),
        "dateModified": iso_datetime(modified),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": "vi",
        "author": {"@type": "Organization", "name": page.signing_unit or official_name},
        "publisher": publisher,
    }
    if page.lead:
        data["description"] = page.lead
    if image_url:
        data["image"] = [image_url]
    return mark_safe(f'<script type="application/ld+json">{json_for_script(data)}</script>')  # noqa: S308


@register.simple_tag
def concat(*parts) -> str:
    """Pieces joined into one string, for `as` variables built from text and values (e.g. a page's
    description, printed in three meta tags by includes/meta_description.html). Escaped on output."""
    return "".join(str(part) for part in parts if part is not None)


def _ld_script(data) -> str:
    return mark_safe(f'<script type="application/ld+json">{json_for_script(data)}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def site_json_ld(context, logo_url=""):
    """schema.org GovernmentOrganization (the People's Committee) and WebSite (with the search
    action) of the ward, for the home page: names, address and contacts from WardSettings."""
    request = context.get("request")
    ward = context.get("ward")
    site_name = getattr(context.get("current_site"), "site_name", "")
    home = absolute("/", request)
    organisation = {
        "@type": "GovernmentOrganization",
        "@id": home + "#to-chuc",
        "name": getattr(ward, "official_name", "") or site_name,
        "url": home,
    }
    if getattr(ward, "short_name", ""):
        organisation["alternateName"] = ward.short_name
    if logo_url:
        organisation["logo"] = {"@type": "ImageObject", "url": logo_url}
    if getattr(ward, "address", ""):
        organisation["address"] = {"@type": "PostalAddress", "streetAddress": ward.address, "addressCountry": "VN"}
    if getattr(ward, "phone", ""):
        organisation["telephone"] = ward.phone
    if getattr(ward, "email", ""):
        organisation["email"] = ward.email
    website = {
        "@type": "WebSite",
        "@id": home + "#website",
        "url": home,
        "name": getattr(ward, "short_name", "") or site_name,
        "inLanguage": "vi",
        "publisher": {"@id": organisation["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute("/tim-kiem/", request) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return _ld_script({"@context": "https://schema.org", "@graph": [organisation, website]})


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, page, crumbs, crumb_title=""):
    """schema.org BreadcrumbList matching includes/breadcrumbs.html (the same crumbs, absolute URLs)."""
    request = context.get("request")
    # The home in the page's language: "Home" at /en/ on the English section (docs/english-section.md).
    trail = [(translation.gettext("Trang chủ"), reverse("wagtail_serve", args=("",)))]
    trail += [(crumb.title, crumb.url) for crumb in crumbs]
    trail.append((page.title, page.url))
    if crumb_title and request is not None:
        trail.append((str(crumb_title), request.path))
    items = [
        {"@type": "ListItem", "position": n, "name": name, "item": absolute(url, request)}
        for n, (name, url) in enumerate(trail, start=1)
    ]
    return _ld_script({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
