"""``{% csp_nonce_attr %}``: the CSP nonce attribute, also in templates rendered without a request."""

from django import template

from ..csp_nonce import nonce_attr

register = template.Library()


@register.simple_tag
def csp_nonce_attr():
    return nonce_attr()
