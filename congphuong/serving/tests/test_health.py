import json
import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.serving.log import JsonFormatter

pytestmark = pytest.mark.django_db


def test_healthz_needs_no_database(client, page_cache):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert len(queries.captured_queries) == 0
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_readyz_ok(client, page_cache):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) >= {"database", "cache:default", "cache:pages", "media"}
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/readyz").get("X-Page-Cache") is None


def test_readyz_503_when_the_page_cache_is_unreachable(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        # Nothing listens on port 1: a real connection failure, not a mock.
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["cache:pages"]["ok"] is False
    assert body["checks"]["cache:pages"]["detail"] == "Không dùng được bộ nhớ đệm."
    assert body["checks"]["database"]["ok"] is True


def test_readyz_503_when_media_is_not_writable(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    settings.MEDIA_ROOT = str(blocker / "media")  # cannot be created, even by root
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["media"]["ok"] is False


def test_request_id_is_echoed_or_made(client, home, caplog):
    with caplog.at_level(logging.INFO, logger="congphuong.access"):
        response = client.get("/", headers={"x-request-id": "lb-42.abc"})
    assert response["X-Request-ID"] == "lb-42.abc"
    record = next(r for r in caplog.records if r.name == "congphuong.access")
    assert (record.request_id, record.method, record.path, record.status) == ("lb-42.abc", "GET", "/", 200)
    assert record.duration_ms >= 0
    made = client.get("/", headers={"x-request-id": "bad id\n<script>"})["X-Request-ID"]
    assert len(made) == 32 and made.isalnum()


def test_json_log_line(client, home, caplog):
    with caplog.at_level(logging.INFO, logger="congphuong.access"):
        client.get("/healthz", headers={"x-request-id": "r-1"})
    record = next(r for r in caplog.records if r.name == "congphuong.access")
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "r-1"
    assert line["method"] == "GET" and line["path"] == "/healthz" and line["status"] == 200
    assert isinstance(line["duration_ms"], float)
