"""Rate limits of the public forms, per client address (core/ratelimit.py: atomic, never evicted).

The address is the reader's behind the trusted proxies (TRUSTED_PROXIES) and is hashed before it
becomes a counter key. A refused or invalid submission spends nothing.
"""

from django.conf import settings

from congphuong.core import ratelimit
from congphuong.serving.client_address import client_ip

HOUR = 60 * 60
# kind: (setting, default per hour)
LIMITS = {
    "request": ("CONGPHUONG_INFORMATION_REQUESTS_PER_HOUR", 5),
    "lookup": ("CONGPHUONG_INFORMATION_LOOKUPS_PER_HOUR", 20),
}


def _key(kind: str, request) -> str:
    return ratelimit.client_key(f"information_access:{kind}", client_ip(request))


def _limit(kind: str) -> int:
    setting, default = LIMITS[kind]
    return int(getattr(settings, setting, default))


def is_limited(kind: str, request) -> bool:
    return ratelimit.is_limited(_key(kind, request), _limit(kind))


def take(kind: str, request) -> bool:
    """Spend one action; False when the hour's limit is reached."""
    return ratelimit.take(_key(kind, request), _limit(kind), HOUR)
