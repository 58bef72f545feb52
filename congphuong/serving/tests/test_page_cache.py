"""Anonymous reads are cached and served without touching the database; everything else is not."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.feedback.tests.factories import FeedbackPageFactory
from congphuong.serving import policy, store

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_second_anonymous_get_is_a_hit_without_queries(client, page_cache, article):
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries.captured_queries) == 0
    assert second.content == first.content
    assert article.title in second.content.decode()


@pytest.mark.parametrize("path", ["article", "category", "feed", "sitemap"])
def test_every_public_page_type_is_cached(client, page_cache, article, category, path):
    url = {
        "article": article.url,
        "category": category.url,
        "feed": f"{category.url}rss/",
        "sitemap": "/sitemap-trang.xml",
    }
    assert client.get(url[path]).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url[path])
    assert response["X-Page-Cache"] == "hit"
    assert len(queries.captured_queries) == 0


def test_head_is_served_from_the_cache(client, page_cache, home):
    client.get("/")
    response = client.head("/")
    assert response["X-Page-Cache"] == "hit"
    assert response.status_code == 200


def test_public_headers(client, page_cache, home):
    response = client.get("/")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=60", "stale-while-revalidate=30"} <= cache_control
    assert "cookie" not in response.get("Vary", "").lower()
    assert response["ETag"].startswith('"')
    assert response.has_header("Last-Modified")
    assert not response.cookies


def test_front_cache_expires_at_the_end_of_the_second_the_response_was_made(client, page_cache, home, monkeypatch):
    """nginx's micro-cache counts whole seconds; an absolute X-Accel-Expires makes its entries go
    stale at the next second boundary, so a publish reaches readers within 1 s plus one render."""
    now = SimpleNamespace(value=1_767_225_600.75)
    monkeypatch.setattr(policy, "time", SimpleNamespace(time=lambda: now.value))
    miss = client.get("/")
    assert miss["X-Page-Cache"] == "miss"
    assert miss["X-Accel-Expires"] == "@1767225600"
    now.value += 4.5
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit"
    assert hit["X-Accel-Expires"] == "@1767225605"  # this response's second, not the stored one's


def test_front_cache_expiry_only_on_shareable_responses(client, page_cache, home):
    user = get_user_model().objects.create_user("bientap2", password="x" * 12)
    client.force_login(user)
    response = client.get("/")
    assert response["X-Page-Cache"] == "bypass"
    assert not response.has_header("X-Accel-Expires")


def test_if_none_match_gets_304_on_miss_and_hit(client, page_cache, home):
    etag = client.get("/")["ETag"]
    hit = client.get("/", headers={"if-none-match": etag})
    assert hit.status_code == 304
    assert hit.content == b""
    page_cache.clear()
    miss = client.get("/", headers={"if-none-match": etag})
    assert miss["X-Page-Cache"] == "miss"
    assert miss.status_code == 304
    assert client.get("/", headers={"if-none-match": '"something-else"'}).status_code == 200


def test_logged_in_reader_bypasses_the_cache(client, page_cache, article):
    client.get(article.url)  # cached for anonymous readers
    user = get_user_model().objects.create_user("bientap1", password="x" * 12)
    client.force_login(user)
    for _ in range(2):
        response = client.get(article.url)
        assert response["X-Page-Cache"] == "bypass"
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"]


def test_preview_and_draft_are_never_cached(client, page_cache, article):
    live_title = article.title
    client.get(article.url)
    article.title = "Tiêu đề bản nháp chưa duyệt"
    article.save_revision()
    admin = get_user_model().objects.create_superuser("quantri1", "qt@example.vn", "x" * 12)
    client.force_login(admin)
    draft = client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert draft.status_code == 200
    assert "Tiêu đề bản nháp chưa duyệt" in draft.content.decode()
    assert "no-cache" in draft["Cache-Control"] or "private" in draft["Cache-Control"]
    client.logout()
    anonymous = client.get(article.url).content.decode()
    assert live_title in anonymous
    assert "Tiêu đề bản nháp chưa duyệt" not in anonymous


def test_page_with_a_csrf_form_is_not_cached(client, page_cache, home):
    page = FeedbackPageFactory(parent=home)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
    assert client.get(page.url)["X-Page-Cache"] == "bypass"


def test_post_is_never_cached(client, page_cache, home):
    response = client.post("/tim-kiem/", {"q": "học bổng"})
    assert response.get("X-Page-Cache") in (None, "bypass")


def test_switch_off(client, settings, page_cache, home):
    settings.CONGPHUONG_PAGE_CACHE = False
    client.get("/")
    response = client.get("/")
    assert "X-Page-Cache" not in response  # neither stored nor looked up
    assert "public" in response["Cache-Control"]  # same headers either way


def test_click_identifiers_share_the_entry_but_pagination_does_not(client, page_cache, category, article):
    client.get(category.url)
    assert client.get(f"{category.url}?fbclid=IwAR123&utm_source=zalo")["X-Page-Cache"] == "hit"
    assert client.get(f"{category.url}?trang=2")["X-Page-Cache"] != "hit"


def test_hosts_are_cached_apart(client, page_cache, home):
    from congphuong.wards.tests.factories import make_ward

    make_ward(hostname="phuong-khac.test", name="Phường Khác")
    client.get("/")
    other = client.get("/", HTTP_HOST="phuong-khac.test")
    assert other["X-Page-Cache"] == "miss"
    assert "Phường Khác" in other.content.decode()


def test_a_render_overlapping_a_purge_is_not_stored(page_cache):
    started = store.clock()
    store.purge_tags({"page:1"})  # an editor published while the page was rendering
    entry = {"status": 200, "headers": [], "content": b"old", "tags": {"page:1", "all"}}
    assert store.store_entry("page:test", entry, started) is False
    assert page_cache.get("page:test") is None
    entry = {"status": 200, "headers": [], "content": b"new", "tags": {"page:1", "all"}}
    assert store.store_entry("page:test", entry, store.clock()) is True
    assert store.get_entry("page:test")["content"] == b"new"
    store.purge_tags({"page:1"})
    assert store.get_entry("page:test") is None


def test_broken_cache_serves_uncached(client, settings, page_cache, home):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    response = client.get("/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "unavailable"
    assert "public" in response["Cache-Control"]


def test_static_and_media_paths_are_not_looked_up(client, settings, page_cache, home, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "congphuong.serving.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    client.get("/static/css/khong-co.css")
    client.get("/media/images/khong-co.jpg")
    assert "Bộ nhớ đệm trang không dùng được" not in caplog.text  # no lookup was tried
    client.get("/")
    assert "Bộ nhớ đệm trang không dùng được" in caplog.text


def test_a_response_with_a_csp_nonce_is_not_stored(rf, page_cache, home):
    from django.http import HttpResponse

    from congphuong.serving.middleware import PageCacheMiddleware

    def view(request):
        response = HttpResponse("<script nonce='abc'></script>")
        response["Content-Security-Policy"] = "script-src 'self' 'nonce-abc'"
        response.serving_public = True
        return response

    response = PageCacheMiddleware(view)(rf.get("/"))
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
