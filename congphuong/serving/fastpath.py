"""Page-cache hits answered at the WSGI level, before Django builds a request (congphuong/wsgi.py).

A hit through Django's handler and middleware costs more CPU than the cache lookup itself. For an
anonymous GET/HEAD (no Authorization, no session/messages cookie: keys.environ_is_anonymous_read)
this looks the page up under the key PageCacheMiddleware uses (keys.py) and, on a hit, answers
exactly as the middleware would: the stored headers (security and CSP headers included: the
middleware sits just below RequestIdMiddleware, so they are stored with the entry), X-Page-Cache:
hit, X-Accel-Expires, X-Request-ID, 304 for If-None-Match / If-Modified-Since, no body for HEAD,
and the access-log line of RequestIdMiddleware. Anything else — a miss, the cache down, If-Match
or If-Unmodified-Since, static files, an error here — goes to Django unchanged (told what the
lookup found, so the middleware does not repeat it).
"""

from __future__ import annotations

import logging
import time
from http import HTTPStatus
from types import SimpleNamespace

from django.conf import settings
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from . import conf, keys, policy, store
from .middleware import CACHE_STATUS_HEADER, LOOKUP_OUTCOME, NOT_STORED_HEADERS, log_access, new_request_id

logger = logging.getLogger(__name__)

# What Django keeps of a response in its 304 (django.utils.cache._not_modified).
NOT_MODIFIED_HEADERS = ("cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary")
_STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


def wrap(application):
    """The fast path around Django's WSGI application, unless SERVING_FAST_PATH is off."""
    if not conf.setting("SERVING_FAST_PATH", True):
        return application
    return FastPath(application)


class FastPath:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        answer = None
        if keys.environ_is_anonymous_read(environ) and conf.page_cache_enabled():
            started = time.perf_counter()
            try:
                answer = self._answer(environ, started)
            except Exception:
                logger.exception("Lỗi khi trả trang từ bộ nhớ đệm; chuyển cho Django")
                answer = None
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return body

    def _answer(self, environ, started):
        path = keys.environ_path(environ)
        if path.startswith(keys.unserved_prefixes()):
            return None
        if "HTTP_IF_MATCH" in environ or "HTTP_IF_UNMODIFIED_SINCE" in environ:
            return None  # 412 rules: rare on reads, left to Django's get_conditional_response
        key = keys.environ_key(environ, path)
        if key is None:
            return None
        try:
            entry = store.get_entry(key)
        except Exception as error:  # the cache is down: Django serves the page uncached
            logger.warning("Bộ nhớ đệm trang không dùng được: %s", error.__class__.__name__)
            environ[LOOKUP_OUTCOME] = (key, "unavailable")
            return None
        if entry is None:
            environ[LOOKUP_OUTCOME] = (key, "miss")
            return None

        method = environ["REQUEST_METHOD"]
        request_id = new_request_id(environ.get("HTTP_X_REQUEST_ID", ""))
        stored = [(name, value) for name, value in entry["headers"] if name.lower() not in NOT_STORED_HEADERS]
        status = entry["status"]
        body = [] if method == "HEAD" else [entry["content"]]
        if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
            found = {name.lower(): (name, value) for name, value in stored}
            last_modified = found.get("last-modified")
            etag = found.get("etag")
            not_modified = get_conditional_response(
                SimpleNamespace(META=environ, method=method),  # type: ignore[arg-type]  # reads META and method only
                etag=etag[1] if etag else None,
                last_modified=parse_http_date_safe(last_modified[1]) if last_modified else None,
            )
            if not_modified is not None:  # a 304: same headers as Django's
                status = not_modified.status_code
                stored = [found[name] for name in NOT_MODIFIED_HEADERS if name in found]
                body = []
        headers = list(stored)
        if status != 304:
            if not any(name.lower() == "content-type" for name, _ in headers):
                headers.insert(0, ("Content-Type", f"text/html; charset={settings.DEFAULT_CHARSET}"))
            headers.append((policy.FRONT_CACHE_EXPIRES_HEADER, policy.front_cache_expiry()))
        headers.append((CACHE_STATUS_HEADER, "hit"))
        headers.append(("X-Request-ID", request_id))
        log_access(request_id, method, path, status, started, "hit")
        return _STATUS_LINES.get(status, str(status)), headers, body
