"""Template helpers of the organisation app. Load with ``{% load organisation_tags %}``."""

from django import template

from ..blocks import site_from_context
from ..models import organisation_page_for

register = template.Library()


@register.simple_tag(takes_context=True)
def leader_url(context, leader):
    """The public profile of `leader` on the ward's "Cơ cấu tổ chức" page, or "" if the ward has none."""
    if leader is None or not leader.slug:
        return ""
    request = context.get("request")
    site = site_from_context(context)
    page = organisation_page_for(request, site)
    if page is None or leader.site_id != getattr(site, "pk", None):
        return ""
    return f"{page.get_url(request)}lanh-dao/{leader.slug}/"


@register.simple_tag(takes_context=True)
def week_url(context, page, week, print_view=False):
    """The schedule's address for `week` (?tuan=2026-W48), on the page or its print view."""
    request = context.get("request")
    base = page.get_url(request)
    if print_view:
        base += page.reverse_subpage("print")
    return f"{base}?tuan={week.param}"
