"""Rate limits that hold under concurrency and survive cache eviction.

`take(key, limit, window)` spends one of `limit` actions in a fixed window and says whether it
was allowed, in one conditional UPDATE (count = count + 1 WHERE count < limit): two requests at
once cannot both see "4 of 5" and both go on, as a read of the counter followed by a separate
increment allowed (15 simultaneous questions passed a limit of 5). The counters are rows of
core.RateCounter, so no cache eviction resets them.

Callers spend before acting and only for an action that would otherwise go ahead (a form that
validated), so a refused or invalid submission costs nothing.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateCounter

# Expired windows are deleted now and then, by the request that finds its own window expired.
PURGE_AFTER = timedelta(days=1)


def client_key(scope: str, identity: str) -> str:
    """A counter key that does not store the address or e-mail it is about."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{identity}".encode()).hexdigest()[:40]
    return f"{scope}:{digest}"[:120]


def _ensure(key: str, expires_at) -> None:
    if RateCounter.objects.filter(key=key).exists():
        return
    try:
        with transaction.atomic():
            RateCounter.objects.create(key=key, count=0, expires_at=expires_at)
    except IntegrityError:  # created by a simultaneous request: use that row
        pass


def take(key: str, limit: int, window: int) -> bool:
    """Spend one action of `key`; False (nothing spent) when `limit` are already spent in the window."""
    now = timezone.now()
    expires_at = now + timedelta(seconds=window)
    _ensure(key, expires_at)
    # A window that ended starts again; the WHERE makes only one of simultaneous requests reset it.
    if RateCounter.objects.filter(key=key, expires_at__lte=now).update(count=0, expires_at=expires_at):
        RateCounter.objects.filter(expires_at__lte=now - PURGE_AFTER).delete()
    return bool(RateCounter.objects.filter(key=key, count__lt=limit).update(count=F("count") + 1))


def is_limited(key: str, limit: int) -> bool:
    """True when `limit` actions are already spent in the current window (nothing is spent)."""
    return RateCounter.objects.filter(key=key, count__gte=limit, expires_at__gt=timezone.now()).exists()
