"""The reader's address behind the proxies in front of Django (nginx, maybe a load balancer or CDN).

nginx talks to the app server over a Unix socket, so the WSGI REMOTE_ADDR is empty (or nginx's own
address over TCP): without this, every citizen would share one rate-limit bucket for questions and
comments, and django-axes would lock a username out for everyone at once. Each trusted proxy
appends the address it received the request from to X-Forwarded-For (nginx:
`$proxy_add_x_forwarded_for`), so with N trusted proxies the reader is the N-th entry from the
right; whatever the reader sent to the left of it may be forged and is ignored.

CONGPHUONG_TRUSTED_PROXIES (environment TRUSTED_PROXIES) is N: 1 in production (the shipped nginx),
0 elsewhere. Only right when nothing but those proxies can reach the app server (the shipped unit
puts its socket where only nginx may connect).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def forwarded_client(forwarded_for: str, proxies: int) -> str | None:
    """The address `proxies` hops back in an X-Forwarded-For value, or None when there is none."""
    if proxies <= 0:
        return None
    entries = [entry.strip() for entry in forwarded_for.split(",") if entry.strip()]
    if len(entries) < proxies:
        return None
    candidate = entries[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


class ClientAddressMiddleware:
    """Sets REMOTE_ADDR to the reader's address, as the trusted proxies forwarded it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        proxies = int(getattr(settings, "CONGPHUONG_TRUSTED_PROXIES", 0) or 0)
        client = forwarded_client(request.META.get("HTTP_X_FORWARDED_FOR", ""), proxies)
        if client:
            request.META["REMOTE_ADDR"] = client
        return self.get_response(request)


def client_ip(request) -> str:
    """The reader's address for rate limits (REMOTE_ADDR, set by ClientAddressMiddleware)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"
