"""Request id + access log, and the full-page cache of anonymous reads."""

from __future__ import annotations

import contextvars
import hashlib
import logging
import re
import time
import uuid
from fnmatch import fnmatch
from urllib.parse import parse_qsl, urlencode

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from . import conf, kept, policy, store, tags, tracking

access_logger = logging.getLogger("congphuong.access")
logger = logging.getLogger(__name__)
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
CACHE_STATUS_HEADER = "X-Page-Cache"
# Per response, not per entry: the request id, cookies, and the front cache's expiry (this second).
NOT_STORED_HEADERS = {"set-cookie", "x-request-id", policy.FRONT_CACHE_EXPIRES_HEADER.lower()}


class RequestIdMiddleware:
    """Accepts the proxy's X-Request-ID (or makes one), echoes it, logs one JSON line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "page_cache": response.get(CACHE_STATUS_HEADER, ""),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


def is_anonymous_read(request) -> bool:
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not (conf.bypass_cookies() & set(request.COOKIES))


def cache_key(request) -> str:
    ignored = conf.ignored_query_params()
    query = sorted(
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not any(fnmatch(name, pattern) for pattern in ignored)
    )
    raw = "|".join((request.scheme, request.get_host(), request.path, urlencode(query)))
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _shareable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and not policy.has_own_policy(response)
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
        with kept.scope():
            return self._respond(request)

    def _respond(self, request):
        anonymous = is_anonymous_read(request)
        key = started_clock = recorder = None
        if anonymous and conf.page_cache_enabled():
            try:
                key = cache_key(request)
            except DisallowedHost:
                key = None
        if key is not None:
            entry = _safely(store.get_entry, key)
            if entry is not None:
                return self._from_entry(request, entry)
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
        elif key is not None:
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
    if answer is not response and response.has_header(CACHE_STATUS_HEADER):
        answer[CACHE_STATUS_HEADER] = response[CACHE_STATUS_HEADER]
    return answer
