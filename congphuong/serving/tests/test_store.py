"""The entries a process keeps in memory are served only while the purge clock proves them current."""

import time

import pytest

from congphuong.serving import store
from congphuong.serving.store import CLOCK_KEY, LocalEntries

from .test_fastpath import REDIS_PAGES, _require_redis


@pytest.fixture(params=["locmem", "redis"])
def cache(request, settings):
    if request.param == "redis":
        _require_redis()
        settings.CACHES = {**settings.CACHES, "pages": REDIS_PAGES}
    return request.getfixturevalue("page_cache")


def stored(key="page:test", content=b"<p>trang</p>", tags=("all", "page:1"), timeout=600):
    entry = {"status": 200, "headers": [("Content-Type", "text/html")], "content": content, "tags": set(tags)}
    assert store.store_entry(key, entry, store.clock(), timeout)
    return entry


def test_a_kept_entry_is_served_while_the_clock_stands_still(cache):
    stored()
    assert store.get_entry("page:test")["content"] == b"<p>trang</p>"
    cache.delete("page:test")  # not a purge: what this process kept is still current
    assert store.get_entry("page:test")["content"] == b"<p>trang</p>"
    store.purge_tags({"page:1"})
    assert store.get_entry("page:test") is None


def test_an_unrelated_purge_costs_one_check_of_the_versions(cache):
    stored()
    store.get_entry("page:test")
    cache.delete("page:test")
    store.purge_tags({"page:2"})  # the clock moved, this entry's tags did not
    assert store.get_entry("page:test")["content"] == b"<p>trang</p>"


def test_purging_moves_the_clock_before_and_after_the_tags(cache):
    before = store.clock()
    store.purge_tags({"page:1"})
    assert store.clock() == before + 2


def test_an_entry_checked_in_the_middle_of_a_purge_is_checked_again(cache):
    """A reader that validated an entry after the purge's first clock bump but before its tag
    bumps saw old versions under the new clock; the second bump makes the next read look again."""
    stored()
    store._incr(cache, CLOCK_KEY)  # a purge of page:1 has started...
    assert store.get_entry("page:test") is not None  # ...read before its tags moved: still current
    cache.delete("page:test")
    store._incr(cache, store._version_key("page:1"))
    store._incr(cache, CLOCK_KEY)  # ...and ended
    assert store.get_entry("page:test") is None


def test_a_newer_entry_from_another_process_replaces_a_purged_one(cache):
    stored(content=b"old")
    store.get_entry("page:test")
    store.purge_tags({"page:1"})
    other = {"status": 200, "headers": [], "content": b"new", "tags": {"all", "page:1"}}
    other["tags"] = store.versions_for_store(other["tags"])
    other["expires"] = time.time() + 600
    cache.set("page:test", other)  # stored by another process, not kept here
    assert store.get_entry("page:test")["content"] == b"new"


def test_an_expired_entry_is_not_served_from_memory(cache):
    entry = stored()
    entry["expires"] = time.time() - 1  # the object kept in memory
    cache.delete("page:test")
    assert store.get_entry("page:test") is None


def test_entries_without_an_expiry_are_not_kept(cache):
    old = {"status": 200, "headers": [], "content": b"x", "tags": store.versions_for_store({"all"})}
    cache.set("page:old", old)  # as stored before entries had one
    assert store.get_entry("page:old") is not None
    assert store.local_entries().get("page:old") is None


def test_a_cleared_cache_is_not_served_from_memory(cache):
    stored()
    store.get_entry("page:test")
    cache.clear()
    assert store.get_entry("page:test") is None


def test_kept_entries_are_bounded_in_bytes():
    kept = LocalEntries(max_bytes=40_000)

    def entry(size):
        return {"content": b"x" * size, "headers": [("A", "b")], "expires": time.time() + 60}

    for number in range(10):
        kept.put(f"k{number}", entry(5_000), clock_value=1)
    assert kept.size <= 40_000
    assert kept.get("k0") is None and kept.get("k9") is not None
    kept.get("k3")  # recently used: kept over k4
    kept.put("k10", entry(5_000), clock_value=1)
    assert kept.get("k3") is not None
    kept.put("big", entry(20_000), clock_value=1)  # more than a quarter: never kept
    assert kept.get("big") is None
    kept.put("k9", entry(1_000), clock_value=1)  # replaced, counted once
    assert kept.size == sum(size for _, _, size in kept._items.values())
    kept.discard("k9")
    assert kept.get("k9") is None
    kept.clear()
    assert len(kept) == 0 and kept.size == 0


def test_no_memory_kept_when_switched_off(settings, cache):
    settings.SERVING_LOCAL_CACHE_BYTES = 0
    assert store.local_entries() is None
    stored()
    cache.delete("page:test")
    assert store.get_entry("page:test") is None
