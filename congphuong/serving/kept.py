"""Values kept in the page cache's store under tag versions, with a copy in each process.

The shared copy (Redis in production) is valid while every tag it was made under keeps the
version it had then. Each server process also keeps the values it used recently, in the same
bounded memory as the pages it served (``store.local_entries``), with the purge clock seen when
their versions were last current. Every purge bumps the clock before and after its tags
(store.purge_tags), so:

- a request reads the clock once (``scope``); a local copy seen current at that clock value is
  still current: no purge has started or finished since;
- a copy is checked by reading the clock and its tags' versions in one go (``store.snapshot``).

So a purge is seen by the next request in every process, as with the shared copy alone; the
local copies only save the round trips.
"""

from __future__ import annotations

import contextvars
import logging
import sys

from . import store, tracking

logger = logging.getLogger(__name__)

_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("serving_kept_scope", default=None)


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


def _size(entry) -> int:
    value = entry["value"]
    parts = value if isinstance(value, tuple) else (value,)
    return sum(sys.getsizeof(part) if isinstance(part, (str, bytes)) else 4096 for part in parts)


def get(key: str):
    """{"value": …, "tags": {tag: version}, "expires": …} while valid, else None."""
    return store.get_entry(key, clock_now=_request_clock, size=_size)


def put(key: str, value, tag_names, started_clock: int, timeout: int) -> bool:
    """Keep `value` under the current versions of `tag_names`, unless a purge happened since
    `started_clock` (it may have been read from before the change). Returns whether it was kept."""
    return store.store_entry(key, {"value": value, "tags": tag_names}, started_clock, timeout, size=_size)


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
