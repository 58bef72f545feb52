"""Cache entries and tag versions in the `pages` cache alias.

An entry remembers the version of every tag it was rendered under; it is served only while
all of them are unchanged. Purging a tag is one INCR, so it is exact and costs nothing per
cached page. A logical clock, bumped before the tags, lets a render that overlapped a purge
notice it and stay out of the cache (it may have read the data from before the change).
"""

from __future__ import annotations

import logging
import time

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
    return versions


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
        _incr(cache, CLOCK_KEY)  # and last: see kept.py (a copy checked during the purge)
    except Exception:
        logger.exception("Không xóa được bộ nhớ đệm trang (%s)", ", ".join(tags[:10]))
        return
    from . import frontend

    frontend.after_purge(tags)


def purge_all() -> None:
    purge_tags([ALL_TAG])


def get_entry(key: str):
    entry = conf.page_cache().get(key)
    if entry is None:
        return None
    if current_versions(entry["tags"]) != entry["tags"]:
        return None
    return entry


def store_entry(key: str, entry: dict, started_clock: int, timeout: int | None = None) -> bool:
    """Store unless a purge happened while the response was rendered. Returns whether it was stored."""
    timeout = conf.entry_timeout() if timeout is None else timeout
    if timeout <= 0:
        return False
    versions = versions_for_store(entry["tags"])
    if clock() != started_clock:
        return False
    entry["tags"] = versions
    conf.page_cache().set(key, entry, timeout)
    return True
