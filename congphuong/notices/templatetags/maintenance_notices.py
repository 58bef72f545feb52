from django import template
from wagtail.models import Site

from congphuong.notices.caching import remember
from congphuong.notices.models import MaintenanceNotice

register = template.Library()


@register.inclusion_tag("notices/maintenance_banner.html", takes_context=True)
def maintenance_banner(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    notices = list(MaintenanceNotice.objects.shown(site)) if site is not None else []
    remember(request, notices)
    return {"notices": notices}
