"""Cache entries and tag versions in the `pages` cache alias.

An entry remembers the version of every tag it was rendered under; it is served only while
all of them are unchanged. Purging a tag is one INCR, so it is exact and costs nothing per
cached page. A logical clock, bumped before the tags, lets a render that overlapped a purge
notice it and stay out of the cache (it may have read the data from before the change).

The clock is bumped again after the tags, so an unchanged clock proves that no purge started or
finished since it was read. Each process keeps the entries it served recently (`LocalEntries`,
bounded in bytes) with the clock read together with (or before) their versions: while the clock
still has that value, the entry is current, and a hit costs one GET of the clock instead of the
entry plus an MGET of its versions. When the clock moved, the entry's versions are read again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict

from . import conf

logger = logging.getLogger(__name__)

CLOCK_KEY = "clock"
ALL_TAG = "all"


def _version_key(tag: str) -> str:
    return f"v:{tag}"


def _initial_version() -> int:
    # A version key that was evicted restarts from a value no stored entry can hold.
    return int(time.time() * 1000)


def clock() -> int:
    cache = conf.page_cache()
    value = cache.get(CLOCK_KEY)
    if value is None:
        cache.add(CLOCK_KEY, _initial_version(), None)
        value = cache.get(CLOCK_KEY)
    return value


def _incr(cache, key):
    try:
        return cache.incr(key)
    except ValueError:
        cache.add(key, _initial_version(), None)
        return cache.incr(key)


def current_versions(tags) -> dict[str, int | None]:
    keys = {_version_key(tag): tag for tag in tags}
    found = conf.page_cache().get_many(list(keys))
    return {tag: found.get(key) for key, tag in keys.items()}


def versions_for_store(tags) -> dict[str, int]:
    cache = conf.page_cache()
    versions = current_versions(tags)
    missing = [tag for tag, version in versions.items() if version is None]
    for tag in missing:
        cache.add(_version_key(tag), _initial_version(), None)
    if missing:
        versions.update(current_versions(missing))
    return {tag: version or 0 for tag, version in versions.items()}  # 0: a tag purged in between (never current)


def snapshot(tags) -> tuple[int | None, dict[str, int | None]]:
    """The clock and the current versions of `tags`, in one read (one MGET on Redis: atomic; the
    other backends read the keys in order, the clock first)."""
    keys = {_version_key(tag): tag for tag in tags}
    found = conf.page_cache().get_many([CLOCK_KEY, *keys])
    return found.get(CLOCK_KEY), {tag: found.get(key) for key, tag in keys.items()}


def purge_tags(tags) -> None:
    """Invalidate every entry rendered under any of `tags`. Never raises: a publish must not fail."""
    tags = sorted(set(tags))
    if not tags:
        return
    try:
        cache = conf.page_cache()
        _incr(cache, CLOCK_KEY)  # first: see the module docstring
        for tag in tags:
            _incr(cache, _version_key(tag))
        _incr(cache, CLOCK_KEY)  # and last: a reader that validated an entry mid-purge looks again
    except Exception:
        logger.exception("Không xóa được bộ nhớ đệm trang (%s)", ", ".join(tags[:10]))
        return
    from . import frontend

    frontend.after_purge(tags)


def purge_all() -> None:
    purge_tags([ALL_TAG])


class LocalEntries:
    """The entries this process served recently, each with the clock value under which its
    versions were last seen current. Least recently used first out, bounded by content bytes;
    shared by the threads of the process."""

    OVERHEAD = 512  # the dict, header tuples, bookkeeping: a rough per-entry cost

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[str, tuple[dict, int, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, entry: dict, clock_value, size: int | None = None) -> None:
        """`size`: the entry's bytes, roughly; worked out for a page entry when not given."""
        if clock_value is None or not isinstance(entry.get("expires"), int | float):
            return
        if size is None:
            size = len(entry["content"]) + sum(len(k) + len(v) for k, v in entry["headers"])
        size += self.OVERHEAD
        if size > self.max_bytes // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= old[2]
            self._items[key] = (entry, clock_value, size)
            self.size += size
            while self.size > self.max_bytes:
                _, (_, _, dropped) = self._items.popitem(last=False)
                self.size -= dropped

    def discard(self, key: str) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= old[2]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0

    def __len__(self) -> int:
        return len(self._items)


_local: LocalEntries | None = None


def local_entries() -> LocalEntries | None:
    """This process's kept entries (SERVING_LOCAL_CACHE_BYTES, 0: none)."""
    global _local
    max_bytes = conf.local_cache_bytes()
    if max_bytes <= 0:
        return None
    if _local is None or _local.max_bytes != max_bytes:
        _local = LocalEntries(max_bytes)
    return _local


def clear_local_entries() -> None:
    """Forget what this process kept (tests; the shared cache was cleared under it)."""
    if _local is not None:
        _local.clear()


def get_entry(key: str, *, clock_now=None, size=None):
    """The entry stored under `key` if every tag it was rendered under is unchanged, else None.

    `clock_now()`: the purge clock for the local copy's check (default: read it now; kept values
    pass the one read per request). `size(entry)`: its bytes in this process's memory (default:
    a page entry's)."""
    cache = conf.page_cache()
    local = local_entries()
    kept = local.get(key) if local is not None else None
    if local is not None and kept is not None:
        entry, seen, _ = kept
        if entry["expires"] > time.time():
            current = cache.get(CLOCK_KEY) if clock_now is None else clock_now()
            if current == seen:  # nothing purged since its versions were current
                return entry
            now, versions = snapshot(entry["tags"])
            if versions == entry["tags"]:
                local.put(key, entry, now, size(entry) if size else None)
                return entry
        local.discard(key)  # another process may have stored a newer one: read it
    entry = cache.get(key)
    if entry is None:
        return None
    now, versions = snapshot(entry["tags"])
    if versions != entry["tags"]:
        return None
    if local is not None:
        local.put(key, entry, now, size(entry) if size else None)
    return entry


def store_entry(key: str, entry: dict, started_clock: int, timeout: int | None = None, size=None) -> bool:
    """Store unless a purge happened while the response was rendered. Returns whether it was stored.

    `entry["tags"]`: the tag names it was made under (replaced by their versions)."""
    timeout = conf.entry_timeout() if timeout is None else timeout
    if timeout <= 0:
        return False
    versions = versions_for_store(entry["tags"])
    if clock() != started_clock:
        return False
    entry["tags"] = versions
    entry["expires"] = time.time() + timeout
    conf.page_cache().set(key, entry, timeout)
    # The clock did not move between started_clock (read before the render) and now: these
    # versions were current under started_clock.
    local = local_entries()
    if local is not None:
        local.put(key, entry, started_clock, size(entry) if size else None)
    return True
