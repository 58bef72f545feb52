"""The WSGI fast path answers page-cache hits exactly as Django's middleware would, and leaves
everything else to Django."""

import io
import logging

import pytest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.serving import fastpath, keys
from congphuong.serving.middleware import LOOKUP_OUTCOME

pytestmark = pytest.mark.django_db

PER_RESPONSE = {"x-request-id", "x-accel-expires"}
REDIS_PAGES = {"BACKEND": "congphuong.serving.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/11"}


def environ(path="/", method="GET", query="", **headers):
    """A WSGI environ as the server makes it (PEP 3333: PATH_INFO is the raw bytes as latin-1)."""
    env = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode().decode("iso-8859-1"),
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    env.update({"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()})
    return env


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.status_code = int(status.split()[0])
        self.headers = headers
        self.body = body

    def __getitem__(self, name):
        return {k.lower(): v for k, v in self.headers}[name.lower()]

    def get(self, name, default=None):
        return {k.lower(): v for k, v in self.headers}.get(name.lower(), default)

    def comparable_headers(self):
        return sorted((k.lower(), v) for k, v in self.headers if k.lower() not in PER_RESPONSE)


class Django:
    """Django's WSGI handler, counting the requests that reached it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, env, start_response):
        self.calls += 1
        return self.handler(env, start_response)


def call(app, env) -> Answer:
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"], started["headers"] = status, headers

    result = app(env, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Answer(started["status"], started["headers"], body)


@pytest.fixture
def django_app():
    # As Django's test client does: the test's transaction must survive the request signals.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield Django()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fast(django_app, settings):
    settings.SERVING_FAST_PATH = True
    return fastpath.wrap(django_app)


@pytest.fixture(params=["locmem", "redis"])
def any_page_cache(request, settings):
    """The page cache of the test settings (LocMem, or Redis with REDIS_URL), then the real Redis
    at 127.0.0.1:6379 db 11 (skipped where none runs)."""
    if request.param == "redis":
        _require_redis()
        settings.CACHES = {**settings.CACHES, "pages": REDIS_PAGES}
    return request.getfixturevalue("page_cache")


def _require_redis():
    import redis

    try:
        redis.Redis.from_url(REDIS_PAGES["LOCATION"], socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")


@pytest.mark.parametrize("page", ["home", "article", "feed", "sitemap"])
def test_a_hit_is_answered_as_django_would(fast, django_app, any_page_cache, category, article, page):
    path = {"home": "/", "article": article.url, "feed": f"{category.url}rss/", "sitemap": "/sitemap-trang.xml"}[page]
    first = call(fast, environ(path))
    assert first["X-Page-Cache"] == "miss" and django_app.calls == 1
    by_django = call(django_app, environ(path))
    assert by_django["X-Page-Cache"] == "hit" and django_app.calls == 2
    by_fast_path = call(fast, environ(path))
    assert django_app.calls == 2  # answered without Django
    assert by_fast_path.status == by_django.status == "200 OK"
    assert by_fast_path.body == by_django.body == first.body
    assert by_fast_path.comparable_headers() == by_django.comparable_headers()
    assert by_fast_path["X-Accel-Expires"].startswith("@")
    # What the middleware stored with the entry: the headers of the middleware below it.
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "ETag"):
        assert by_fast_path.get(header), header


def test_head_has_no_body(fast, django_app, page_cache, article):
    get = call(fast, environ(article.url))
    call(fast, environ(article.url))
    head = call(fast, environ(article.url, method="HEAD"))
    assert django_app.calls == 1
    assert head.status_code == 200 and head.body == b""
    assert head["Content-Length"] == str(len(get.body))
    assert head["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("condition", ["etag", "date"])
def test_conditional_get_is_answered_304(fast, django_app, page_cache, article, condition):
    first = call(fast, environ(article.url))
    header = {"If-None-Match": first["ETag"]} if condition == "etag" else {"If-Modified-Since": first["Last-Modified"]}
    by_django = call(django_app, environ(article.url, **header))
    calls = django_app.calls
    by_fast_path = call(fast, environ(article.url, **header))
    assert django_app.calls == calls
    assert by_fast_path.status == by_django.status == "304 Not Modified"
    assert by_fast_path.body == by_django.body == b""
    assert by_fast_path.comparable_headers() == by_django.comparable_headers()
    assert by_fast_path["X-Page-Cache"] == "hit"
    assert call(fast, environ(article.url, if_none_match='"something-else"')).status_code == 200


def test_if_match_is_left_to_django(fast, django_app, page_cache, article):
    call(fast, environ(article.url))
    answer = call(fast, environ(article.url, if_match='"something-else"'))
    assert django_app.calls == 2
    assert answer.status_code == 412


@pytest.mark.parametrize(
    "request_",
    [
        {"method": "POST"},
        {"authorization": "Basic eDp5"},
        {"cookie": "sessionid=abc"},
        {"cookie": "theme=dark; messages=abc"},
    ],
    ids=["post", "authorization", "session-cookie", "messages-cookie"],
)
def test_not_anonymous_reads_go_to_django(fast, django_app, page_cache, article, request_):
    call(fast, environ(article.url))
    answer = call(fast, environ(article.url, **request_))
    assert django_app.calls == 2
    assert answer.get("X-Page-Cache") != "hit"


def test_an_unrelated_cookie_still_hits(fast, django_app, page_cache, article):
    call(fast, environ(article.url))
    assert call(fast, environ(article.url, cookie="_ga=GA1.2.3"))["X-Page-Cache"] == "hit"
    assert django_app.calls == 1


def test_a_publish_makes_the_next_request_a_miss(fast, django_app, any_page_cache, committed, category, article):
    call(fast, environ(category.url))
    assert call(fast, environ(category.url))["X-Page-Cache"] == "hit"
    committed(ArticlePageFactory, parent=category, title="Lịch tiếp công dân tháng Mười Hai")
    answer = call(fast, environ(category.url))
    assert answer["X-Page-Cache"] == "miss"
    assert "Lịch tiếp công dân tháng Mười Hai" in answer.body.decode()
    assert django_app.calls == 2


def test_a_broken_cache_falls_through_to_django(fast, django_app, settings, page_cache, home):
    settings.CACHES = {
        **settings.CACHES,
        # Nothing listens on port 1: a real connection failure.
        "pages": {"BACKEND": "congphuong.serving.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    env = environ("/")
    answer = call(fast, env)
    assert django_app.calls == 1
    assert answer.status_code == 200
    assert answer["X-Page-Cache"] == "unavailable"
    assert env[LOOKUP_OUTCOME][1] == "unavailable"  # Django did not try the cache a second time


def test_an_error_in_the_fast_path_falls_through(fast, django_app, page_cache, home, monkeypatch, caplog):
    call(fast, environ("/"))

    def broken(environ):
        raise RuntimeError("bug")

    monkeypatch.setattr(keys, "environ_path", broken)
    answer = call(fast, environ("/"))
    assert django_app.calls == 2
    assert answer["X-Page-Cache"] == "hit"  # by the middleware
    assert "chuyển cho Django" in caplog.text


def test_static_files_are_not_looked_up(fast, django_app, page_cache, home):
    env = environ("/static/css/site.css")
    call(fast, env)
    assert django_app.calls == 1
    assert LOOKUP_OUTCOME not in env


def test_a_disallowed_host_never_hits(fast, django_app, settings, page_cache, home):
    call(fast, environ("/"))
    settings.ALLOWED_HOSTS = ["phuong.example.vn"]
    answer = call(fast, environ("/"))
    assert django_app.calls == 2
    assert answer.status_code == 400


def test_request_id_and_access_log(fast, django_app, page_cache, article, caplog):
    caplog.set_level(logging.INFO, logger="congphuong.access")
    call(fast, environ(article.url))
    caplog.clear()
    by_django = call(django_app, environ(article.url, x_request_id="nginx-1234"))
    by_fast_path = call(fast, environ(article.url, x_request_id="nginx-5678"))
    assert by_django["X-Request-ID"] == "nginx-1234"
    assert by_fast_path["X-Request-ID"] == "nginx-5678"
    django_line, fast_line = [r for r in caplog.records if r.name == "congphuong.access"]
    fields = ("method", "path", "status", "page_cache")
    assert [getattr(fast_line, f) for f in fields] == [getattr(django_line, f) for f in fields]
    assert fast_line.getMessage() == django_line.getMessage()
    assert fast_line.request_id == "nginx-5678"
    assert isinstance(fast_line.duration_ms, float)
    generated = call(fast, environ(article.url, x_request_id="bad id with spaces"))["X-Request-ID"]
    assert len(generated) == 32 and " " not in generated


def test_switched_off(settings, django_app):
    settings.SERVING_FAST_PATH = False
    assert fastpath.wrap(django_app) is django_app


def test_page_cache_off_goes_to_django(fast, django_app, settings, page_cache, home):
    call(fast, environ("/"))
    settings.CONGPHUONG_PAGE_CACHE = False
    assert "X-Page-Cache" not in dict(call(fast, environ("/")).headers)
    assert django_app.calls == 2


@pytest.mark.parametrize(
    ("path", "query", "headers"),
    [
        ("/", "", {}),
        ("/tin-tuc/bài-viết/", "", {"host": "testserver:8453"}),
        ("/tim-kiem/", "q=h%E1%BB%8Dc&utm_source=zalo&fbclid=1&trang=2", {"host": "testserver"}),
        ("/a/", "", {"host": "testserver", "x_forwarded_proto": "https"}),
        ("/a/", "", {"host": "evil.example"}),
    ],
)
def test_the_fast_path_and_the_middleware_compute_the_same_key(settings, path, query, headers):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    env = environ(path, query=query, **headers)
    from_environ = keys.environ_key(dict(env), keys.environ_path(dict(env)))
    from_request = keys.request_key(WSGIRequest(dict(env)))
    assert from_environ == from_request
    assert (from_environ is None) == (headers.get("host") == "evil.example")


def test_click_identifiers_do_not_change_the_key():
    env = environ("/", query="trang=2&utm_medium=social&gclid=x")
    assert keys.environ_key(env, "/") == keys.environ_key(environ("/", query="trang=2"), "/")
    assert keys.environ_key(env, "/") != keys.environ_key(environ("/"), "/")
