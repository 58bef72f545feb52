"""{% page_languages page as languages %}: hreflang alternates and the language switch (wards/languages.py)."""

from django import template

from congphuong.wards import languages as ward_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    return ward_languages.for_request(context.get("request"), page or None)
