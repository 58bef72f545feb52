from django import template
from django.utils import timezone

from congphuong.notices.caching import remember
from congphuong.notices.models import MaintenanceNotice

register = template.Library()

# Saving a notice purges every ward (SERVING_SITE_WIDE_MODELS); its list of wards is an m2m table.
KEPT_TAGS = ("all", "model:notices.maintenancenotice", "model:notices.maintenancenotice_sites")
KEPT_SECONDS = 300


def shown_notices(site, now=None):
    """MaintenanceNotice.objects.shown(site): the notices not yet over are kept (serving/kept.py),
    which ones show at `now` is decided here, so a banner appears and goes on time."""
    now = now or timezone.now()
    from congphuong.serving import conf, kept

    if not conf.kept_reads():
        return list(MaintenanceNotice.objects.shown(site, now))

    def not_over():
        return list(MaintenanceNotice.objects.not_over(site, now))

    candidates = kept.fetch(f"notices:{site.pk}", not_over, KEPT_SECONDS, KEPT_TAGS)
    return [notice for notice in candidates if notice.published_at and notice.published_at <= now < notice.ends_at]


def _may_show(chrome, request) -> bool:
    """False when the ward's settings, read for this request, found no notice shown (a kept
    copy of them may be older than a notice's start: then the notices are read)."""
    if chrome.enabled():
        return True
    ward = chrome.for_request(request)
    return ward is None or bool(getattr(ward.settings, "notices_shown", True))


@register.inclusion_tag("notices/maintenance_banner.html", takes_context=True)
def maintenance_banner(context):
    from congphuong.core.origin import request_site
    from congphuong.wards import chrome

    request = context.get("request")
    site = request_site(request) if request is not None else None
    notices = shown_notices(site) if site is not None and _may_show(chrome, request) else []
    remember(request, notices)
    return {"notices": notices}
