"""The banner's time-based appearance and disappearance, robust to caching.

Publishing, editing or deleting a notice is a save: the page cache purges the wards' pages
(``notices.MaintenanceNotice`` belongs in SERVING_SITE_WIDE_MODELS). What no save marks is
time: a shown notice switches to "đang tạm ngừng" at its start and disappears at its end.
The template tag records the notices it rendered on the request; ``next_change_at`` gives the
earliest such moment, and ``NoticeCacheCapMiddleware`` lowers any ``max-age`` / ``s-maxage`` of
the response so that no cache (nginx micro-cache, browser, the portal's own page cache if it
reads these headers or calls ``next_change_at``) keeps a page past that moment.
"""

import math
import re

from django.utils import timezone
from django.utils.cache import patch_cache_control

REQUEST_ATTRIBUTE = "_maintenance_notices_shown"
_AGE = re.compile(r"\b(max-age|s-maxage)=(\d+)")


def remember(request, notices):
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, list(notices))


def next_change_at(request, now=None):
    """The next start or end of a notice rendered on this request, or None."""
    now = now or timezone.now()
    moments = []
    for notice in getattr(request, REQUEST_ATTRIBUTE, ()):
        moments += [moment for moment in (notice.starts_at, notice.ends_at) if moment > now]
    return min(moments, default=None)


def seconds_to_next_change(request, now=None):
    now = now or timezone.now()
    moment = next_change_at(request, now)
    return None if moment is None else max(0, math.ceil((moment - now).total_seconds()))


class NoticeCacheCapMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = seconds_to_next_change(request)
        header = response.get("Cache-Control", "")
        if seconds is None or not header:
            return response
        capped = {name.replace("-", "_"): min(int(value), seconds) for name, value in _AGE.findall(header)}
        if capped:
            patch_cache_control(response, **capped)
        return response
