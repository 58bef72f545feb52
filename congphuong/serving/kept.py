"""Values kept in the page cache's store under tag versions, with a copy in each process.

The shared copy (Redis in production) is valid while every tag it was made under keeps the
version it had then: checking that costs two round trips. Each server process also keeps the
values it used recently, with the store's purge clock read when it last checked them. Every
purge bumps the clock before and after bumping its tags (store.purge_tags), so:

- a request reads the clock once (``scope``); a local copy checked at that same clock value is
  still valid: no purge has started since, and none was half done (it would bump the clock
  again when it finishes);
- a copy is checked against its tags between two clock reads, and remembered only when the two
  agree (no purge ran in between).

So a purge is seen by the next request in every process, as with the shared copy alone; the
local copies only save the round trips. They are bounded (``CONGPHUONG_KEPT_LOCAL_MB``).
"""

from __future__ import annotations

import contextvars
import logging
import sys
import time
from collections import OrderedDict

from django.conf import settings

from . import conf, store, tracking

logger = logging.getLogger(__name__)

_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("serving_kept_scope", default=None)
_local: OrderedDict[str, tuple[dict, int, int]] = OrderedDict()  # key → (entry, clock, size)
_local_size = 0


class scope:
    """One request: the purge clock is read at most once inside (PageCacheMiddleware)."""

    def __enter__(self):
        self._token = _scope.set({})
        return self

    def __exit__(self, *exc):
        _scope.reset(self._token)
        return False


def _request_clock() -> int:
    current = _scope.get()
    if current is None:  # outside a request (commands, tests calling directly): read each time
        return store.clock()
    if "clock" not in current:
        current["clock"] = store.clock()
    return current["clock"]


def _limit() -> int:
    return int(getattr(settings, "CONGPHUONG_KEPT_LOCAL_MB", 32)) * 1024 * 1024


def _size(entry) -> int:
    value = entry["value"]
    parts = value if isinstance(value, tuple) else (value,)
    return sum(sys.getsizeof(part) if isinstance(part, (str, bytes)) else 4096 for part in parts)


def _remember(key: str, entry: dict, at_clock: int) -> None:
    global _local_size
    limit = _limit()
    size = _size(entry)
    if size > limit:
        return
    _forget(key)
    _local[key] = (entry, at_clock, size)
    _local_size += size
    while _local_size > limit:
        _key, (_entry, _clock, old_size) = _local.popitem(last=False)
        _local_size -= old_size


def _forget(key: str) -> None:
    global _local_size
    old = _local.pop(key, None)
    if old is not None:
        _local_size -= old[2]


def clear_local() -> None:
    global _local_size
    _local.clear()
    _local_size = 0


def get(key: str):
    """{"value": …, "tags": {tag: version}} while valid, else None."""
    now = _request_clock()
    local = _local.get(key)
    if local is not None and local[1] == now and local[0].get("expires", 0) > time.time():
        _local.move_to_end(key)
        return local[0]
    entry = conf.page_cache().get(key)
    if entry is None or store.current_versions(entry["tags"]) != entry["tags"]:
        _forget(key)
        return None
    if store.clock() == now:
        _remember(key, entry, now)
    return entry


def put(key: str, value, tag_names, started_clock: int, timeout: int) -> bool:
    """Keep `value` under the current versions of `tag_names`, unless a purge happened since
    `started_clock` (it may have been read from before the change). Returns whether it was kept."""
    if timeout <= 0:
        return False
    versions = store.versions_for_store(tag_names)
    if store.clock() != started_clock:
        return False
    entry = {"value": value, "tags": versions, "expires": time.time() + timeout}
    conf.page_cache().set(key, entry, timeout)
    if _request_clock() == started_clock:
        _remember(key, entry, started_clock)
    return True


def started() -> int:
    """The clock to pass to `put` for a value about to be read from the database."""
    return store.clock()


def fetch(key: str, compute, timeout: int, tag_names=None):
    """The value kept under `key`, or a fresh one kept for next time.

    With `tag_names`, ``compute()`` returns the value; without, it returns ``(value, tags)``
    (tags None: do not keep it). A request that records what it reads (the page cache, a
    fragment) gets the value's tags either way. If the store is down the value is computed.
    """
    if tag_names is not None:
        tag_names = list(tag_names)
        tracking.add_tags(*tag_names)
    try:
        entry = get(key)
        if entry is not None:
            tracking.add_tags(*entry["tags"])
            return entry["value"]
        started_clock = started()
    except Exception as error:
        logger.warning("Không đọc được bộ nhớ đệm (%s): %s", key.split(":", 1)[0], error.__class__.__name__)
        return compute() if tag_names is not None else compute()[0]
    if tag_names is not None:
        value, value_tags = compute(), tag_names
    else:
        value, value_tags = compute()
    if value_tags is not None:
        try:
            put(key, value, value_tags, started_clock, timeout)
        except Exception as error:
            logger.warning("Không lưu được vào bộ nhớ đệm (%s): %s", key.split(":", 1)[0], error.__class__.__name__)
    return value
