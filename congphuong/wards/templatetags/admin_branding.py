"""{% admin_ward %}: the ward's name and emblem for the admin's branding blocks."""

from django import template

from congphuong.wards.admin_branding import PORTAL_NAME, admin_ward_settings

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_ward(context):
    """{"name": "Phường Bình An", "emblem_url": …} (emblem_url empty without an emblem)."""
    request = context.get("request")
    cached = getattr(request, "_admin_ward", None)
    if cached is not None:
        return cached
    settings = admin_ward_settings(request) if request is not None else None
    emblem_url = ""
    if settings is not None and settings.emblem is not None:
        emblem_url = settings.emblem.get_rendition("max-120x120|format-png").url
    ward = {"name": settings.short_name if settings is not None else PORTAL_NAME, "emblem_url": emblem_url}
    if request is not None:
        request._admin_ward = ward
    return ward
