"""The Redis backend builds one redis.Redis client per connection pool, not one per cache call."""

import pytest

from congphuong.serving.redis_cache import RedisCache, ReusingRedisCacheClient

from .test_fastpath import REDIS_PAGES, _require_redis


@pytest.fixture
def redis_cache():
    _require_redis()
    backend = RedisCache(REDIS_PAGES["LOCATION"], {"KEY_PREFIX": "test-reuse"})
    yield backend
    backend.clear()


def test_the_client_is_reused(redis_cache):
    assert isinstance(redis_cache._cache, ReusingRedisCacheClient)
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client  # one server: one pool
    redis_cache.set("a", 1)
    assert redis_cache.get("a") == 1
    assert redis_cache.get_many(["a", "b"]) == {"a": 1}
    assert redis_cache.incr("a") == 2
    assert redis_cache._cache.get_client("a") is client
    assert len(redis_cache._cache._clients) == 1


def test_a_new_pool_gets_a_new_client(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache._cache._pools.clear()  # e.g. another thread's backend object, or a reset
    other = redis_cache._cache.get_client()
    assert other is not client
    assert redis_cache._cache.get_client() is other
    redis_cache.set("b", "giá trị")
    assert redis_cache.get("b") == "giá trị"


def test_long_keys_are_fine_on_redis(redis_cache):
    key = "k" * 300  # memcached would warn about it; Redis takes any key
    redis_cache.set(key, "x")
    assert redis_cache.get(key) == "x"
