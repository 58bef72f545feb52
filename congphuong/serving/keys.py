"""Which requests the page cache answers, and under which key.

Two callers compute the same thing: PageCacheMiddleware from Django's request, and the WSGI fast
path (fastpath.py) from the bare WSGI environ, before Django builds a request. Both go through
`page_key`, with the scheme, host and path Django itself would compute (the environ side calls
Django's own code on a request object that only has META), so a page stored by the middleware is
found by the fast path and the other way round.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.http import HttpRequest
from django.http.cookie import parse_cookie

from . import conf, params

READ_METHODS = ("GET", "HEAD")


def page_key(scheme: str, host: str, path: str, query_string: str) -> str | None:
    """Known query parameters are part of the key, sorted, without click identifiers
    (SERVING_IGNORED_QUERY_PARAMS); None (not cached) for any other query (serving/params.py)."""
    query = params.cacheable_query(query_string)
    if query is None:
        return None
    raw = "|".join((scheme, host, path, query))
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def unserved_prefixes() -> tuple[str, ...]:
    """Static files and media are never pages: no lookup for them (only URLs served by this host)."""
    return tuple(url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url and url.startswith("/"))


def is_anonymous_read(request) -> bool:
    if request.method not in READ_METHODS or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not (conf.bypass_cookies() & set(request.COOKIES))


def request_key(request) -> str | None:
    """The key of a Django request; None (nothing is stored) for a Host not in ALLOWED_HOSTS or a
    query string with unknown parameters or overlong values (serving/params.py)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    return page_key(request.scheme, host, request.path, request.META.get("QUERY_STRING", ""))


class _EnvironRequest(HttpRequest):
    """Just enough of a request for Django's `scheme` and `get_host()` (SECURE_PROXY_SSL_HEADER,
    USE_X_FORWARDED_HOST/PORT, ALLOWED_HOSTS): no query dicts, no body stream."""

    def __init__(self, environ):  # noqa: D107 — HttpRequest.__init__ builds what is not needed here
        self.META = environ

    def _get_scheme(self):
        return self.META.get("wsgi.url_scheme", "http")


def environ_path(environ) -> str:
    """request.path as WSGIRequest computes it (script name + path info, broken UTF-8 re-quoted)."""
    script_name = get_script_name(environ)
    path_info = get_path_info(environ) or "/"
    return "{}/{}".format(script_name.rstrip("/"), path_info.replace("/", "", 1))


def environ_is_anonymous_read(environ) -> bool:
    if environ.get("REQUEST_METHOD") not in READ_METHODS or "HTTP_AUTHORIZATION" in environ:
        return False
    cookie = environ.get("HTTP_COOKIE")
    return not (cookie and conf.bypass_cookies() & parse_cookie(cookie).keys())


def environ_key(environ, path: str) -> str | None:
    """The key of a request from its WSGI environ (before Django touched it), `path` from environ_path."""
    request = _EnvironRequest(environ)
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    return page_key(request.scheme or "http", host, path, environ.get("QUERY_STRING", ""))
