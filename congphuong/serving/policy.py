"""Cache-Control policy, set on URL patterns (congphuong/urls.py) rather than view by view.

`public` marks a view's responses as shareable *candidates*: the page cache middleware decides
once the response is rendered (anonymous reader, 200, no cookie set, no CSRF token used) and
writes the headers. Everything else (`private`: admin, sign-in, health checks) is never cached.
"""

from __future__ import annotations

import time
from functools import wraps

from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import conf

FRONT_CACHE_EXPIRES_HEADER = "X-Accel-Expires"


def public(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.serving_public = True
        return response

    return wrapped


def private(view):
    return never_cache(view)


def public_urlpatterns(patterns):
    return decorate_urlpatterns(patterns, public)


def private_urlpatterns(patterns):
    return decorate_urlpatterns(patterns, private)


def apply_public_headers(response) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=conf.max_age(),
        s_maxage=conf.s_maxage(),
        stale_while_revalidate=conf.stale_while_revalidate(),
    )
    _drop_vary_cookie(response)


def apply_front_cache_expiry(response) -> None:
    """nginx's micro-cache keeps this response until the end of the current second, no longer.

    nginx counts cache lifetimes in whole seconds: `proxy_cache_valid 1s` keeps an entry until the
    end of the next second (1 to 2 s), and a render that was running when a purge happened starts
    that count late, so a publish could take 2 s plus a render to reach readers. With an absolute
    expiry at the second the response was made, every entry goes stale at the next second boundary
    however late nginx stored it: one refresh a second per page, a publish visible within 1 s plus
    one render (docs/caching.md). nginx does not pass X-Accel-* headers on to readers or a CDN, and
    the rest of the world ignores them.
    """
    response[FRONT_CACHE_EXPIRES_HEADER] = front_cache_expiry()


def front_cache_expiry() -> str:
    """The X-Accel-Expires value of a response made now (the WSGI fast path sets it too)."""
    return f"@{int(time.time())}"


def apply_private_headers(request, response) -> None:
    if request.method in ("GET", "HEAD"):
        patch_cache_control(response, private=True, no_cache=True)
    else:  # the answer to a form may carry what the reader typed
        patch_cache_control(response, private=True, no_store=True)


def _drop_vary_cookie(response) -> None:
    """Readers with a session cookie never get a shared copy (see docs/caching.md): no Vary: Cookie."""
    if not response.has_header("Vary"):
        return
    kept = [item.strip() for item in response["Vary"].split(",") if item.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def has_own_policy(response) -> bool:
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in ("private", "no-store", "no-cache"))
