"""Links of the search page: the current query string with one parameter changed."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from congphuong.serving.params import cleaned

register = template.Library()


@register.simple_tag(takes_context=True)
def search_url(context, **changes):
    """`?q=…&loai=…` from the view's cleaned values (`link_query`) with `changes` applied (None/""
    removes); page reset. Never the raw query string: junk in the URL is not copied into every link."""
    if context.get("link_query") is not None:
        params = cleaned(context["link_query"])
    else:
        request = context.get("request")
        params = cleaned(request.GET if request is not None else None)
    params.pop("trang", None)
    for key, value in changes.items():
        name = key.replace("_", "-")
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def search_link(context, query, base="") -> str:
    """/tim-kiem/?q=… for `query`, encoded as the search form submits it (spaces as "+"): a tag
    link, a suggestion and the form must give the same URL, or one search has two addresses
    (two cache entries, two pages for a crawler). On the province-wide page (its view sets
    `search_base`) the same on /tim-kiem/toan-thanh-pho/."""
    base = base or context.get("search_base") or reverse("search")
    return f"{base}?{urlencode({'q': str(query)})}"
