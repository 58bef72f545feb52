"""Request id + access log, and the full-page cache of anonymous reads."""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from . import conf, kept, keys, policy, store, tags, tracking

access_logger = logging.getLogger("congphuong.access")
logger = logging.getLogger(__name__)
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
CACHE_STATUS_HEADER = "X-Page-Cache"
# Per response, not per entry: the request id, cookies, the front cache's expiry (this second) and
# the cache status (entries stored before it was listed here carry "miss": replaced on a hit).
NOT_STORED_HEADERS = {"set-cookie", "x-request-id", policy.FRONT_CACHE_EXPIRES_HEADER.lower(), "x-page-cache"}
# Set in the WSGI environ by the fast path (fastpath.py) when it looked a request up and left it to
# Django: (key, "miss" | "unavailable"). The middleware then does not look it up a second time.
LOOKUP_OUTCOME = "congphuong.page_cache.lookup"


def new_request_id(incoming: str) -> str:
    """The proxy's X-Request-ID when it looks like one, else a new one."""
    return incoming if REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex


def log_access(request_id, method, path, status, started, page_cache) -> None:
    access_logger.info(
        "%s %s %s",
        method,
        path,
        status,
        extra={
            "request_id": request_id,
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "page_cache": page_cache,
        },
    )


class RequestIdMiddleware:
    """Accepts the proxy's X-Request-ID (or makes one), echoes it, logs one JSON line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = new_request_id(request.META.get("HTTP_X_REQUEST_ID", ""))
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            log_access(
                request_id,
                request.method,
                request.path,
                response.status_code,
                started,
                response.get(CACHE_STATUS_HEADER, ""),
            )
            return response
        finally:
            request_id_var.reset(token)


def _shareable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and not policy.has_own_policy(response)
        # A CSP nonce must differ per response (public pages use none; the admin is never public).
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def _safely(function, *args):
    try:
        return function(*args)
    except Exception as error:  # Redis down: serve uncached rather than fail
        logger.warning("Bộ nhớ đệm trang không dùng được: %s", error.__class__.__name__)
        return None


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with kept.scope():  # kept values (serving/kept.py) check the purge clock once a request
            return self._respond(request)

    def _respond(self, request):
        anonymous = keys.is_anonymous_read(request)
        key = started_clock = recorder = None
        if anonymous and conf.page_cache_enabled() and not request.path.startswith(keys.unserved_prefixes()):
            key = keys.request_key(request)
        if key is not None:
            looked_up, outcome = request.META.get(LOOKUP_OUTCOME, (None, None))
            if looked_up != key:
                outcome = None
                entry = _safely(store.get_entry, key)
                if entry is not None:
                    return self._from_entry(request, entry)
            if outcome != "unavailable":  # the fast path found the cache down: no second timeout
                started_clock = _safely(store.clock)
            with tracking.record() as recorder:
                response = self.get_response(request)
        else:
            response = self.get_response(request)

        if not getattr(response, "serving_public", False):
            return response
        if not (anonymous and _shareable(request, response)):
            policy.apply_private_headers(request, response)
            response[CACHE_STATUS_HEADER] = "bypass"
            return response
        policy.apply_public_headers(response)
        policy.apply_front_cache_expiry(response)
        set_response_etag(response)
        if key is not None and started_clock is None:
            response[CACHE_STATUS_HEADER] = "unavailable"
        elif key is not None and started_clock is not None:
            response["Last-Modified"] = http_date(time.time())
            response[CACHE_STATUS_HEADER] = "miss"
            entry = {
                "status": response.status_code,
                "headers": [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS],
                "content": response.content,
            }
            try:
                entry["tags"] = tags.response_tags(request, recorder)
                store.store_entry(key, entry, started_clock, conf.entry_timeout(request))
            except Exception:
                logger.exception("Không lưu được trang vào bộ nhớ đệm")
        return _conditional(request, response)

    def _from_entry(self, request, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[CACHE_STATUS_HEADER] = "hit"
        policy.apply_front_cache_expiry(response)
        return _conditional(request, response)


def _conditional(request, response):
    """304 when the reader's copy is current (If-None-Match, or If-Modified-Since)."""
    last_modified = parse_http_date_safe(response["Last-Modified"]) if response.has_header("Last-Modified") else None
    answer = get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )
    if answer is not None and answer is not response and response.has_header(CACHE_STATUS_HEADER):
        answer[CACHE_STATUS_HEADER] = response[CACHE_STATUS_HEADER]
    return answer
