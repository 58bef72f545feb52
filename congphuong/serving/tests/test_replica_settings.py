"""Read replicas without a replica: settings parse DATABASE_REPLICA_URLS, and when it is unset
nothing is added (no router, no middleware). The tests against a real replica: test_replicas.py."""

import logging
import os

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from congphuong.serving import replicas
from congphuong.settings.database import replica_databases


def test_no_replica_configured_adds_nothing():
    if os.environ.get("DATABASE_REPLICA_URLS"):
        pytest.skip("a replica is configured in this run")
    assert list(settings.DATABASES) == ["default"]
    assert not getattr(settings, "DATABASE_ROUTERS", [])
    assert "congphuong.serving.replicas.ReplicaRoutingMiddleware" not in settings.MIDDLEWARE


def test_replica_urls_become_aliases(monkeypatch):
    monkeypatch.setenv(
        "DATABASE_REPLICA_URLS", "postgres://doc@10.0.0.2:5432/congphuong, postgres://doc@10.0.0.3:5433/congphuong"
    )
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "30")
    databases = replica_databases()
    assert list(databases) == ["replica_1", "replica_2"]
    assert databases["replica_2"]["HOST"] == "10.0.0.3" and databases["replica_2"]["PORT"] == 5433
    assert databases["replica_1"]["OPTIONS"]["connect_timeout"] == 2
    assert databases["replica_1"]["OPTIONS"]["options"] == "-c statement_timeout=30000"
    assert databases["replica_1"]["TEST"] == {"MIRROR": "default"}


def test_only_postgresql_replicas(monkeypatch):
    monkeypatch.setenv("DATABASE_REPLICA_URLS", "sqlite:////tmp/khong-dung.sqlite3")
    with pytest.raises(ImproperlyConfigured):
        replica_databases()


def test_router_outside_a_request_and_migrations(settings):
    router = replicas.ReplicaRouter()
    assert router.db_for_read(None) == "default"  # management commands, tests, the scheduler
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica_1", "news") is False
    assert router.allow_migrate("default", "news") is None


@pytest.mark.parametrize(
    ("method", "path", "cookies", "allowed"),
    [
        ("GET", "/tin-tuc/", {}, True),
        ("HEAD", "/", {}, True),
        ("POST", "/hoi-dap/gui-cau-hoi/", {}, False),
        ("GET", "/admin/", {}, False),
        ("GET", "/tin-tuc/", {"sessionid": "x"}, False),  # signed in
        ("GET", "/hoi-dap/tra-cuu/", {replicas.PIN_COOKIE: "1"}, False),  # right after their own write
    ],
)
def test_which_requests_may_read_a_replica(method, path, cookies, allowed):
    request = RequestFactory().generic(method, path)
    request.COOKIES.update(cookies)
    assert replicas.replica_allowed(request) is allowed


def test_a_replica_lost_under_a_lower_middleware_is_served_again_from_the_primary(monkeypatch, caplog):
    """A read of a middleware below ReplicaRoutingMiddleware (Django turns its exception into a 500
    right there, and no process_exception runs) fails on a replica that went away: the reader still
    gets the page, read again from the primary. (Against a real replica: test_replicas.py.)"""
    from django.core.handlers.exception import convert_exception_to_response
    from django.db.utils import OperationalError
    from django.http import HttpResponse

    marked_down = []
    monkeypatch.setattr(replicas.health, "mark_down", marked_down.append)
    monkeypatch.setattr(replicas, "_close_quietly", lambda alias: None)
    reads = []

    def lower_middleware(request):
        state = replicas._routing.get()
        reads.append(state.replica_allowed)
        if state.replica_allowed:
            state.used.add("replica_1")  # routed to the replica, which has just gone away
            raise OperationalError("server closed the connection unexpectedly")
        return HttpResponse("trang từ máy chủ chính")

    middleware = replicas.ReplicaRoutingMiddleware(convert_exception_to_response(lower_middleware))
    response = middleware(RequestFactory().get("/tin-tuc/"))
    assert response.status_code == 200 and response.content.decode() == "trang từ máy chủ chính"
    assert reads == [True, False] and marked_down == ["replica_1"]
    # One warning of ours; not Django's "Internal Server Error" for a 500 nobody got.
    assert [record.name for record in caplog.records if record.levelno >= logging.WARNING] == [
        "congphuong.serving.replicas"
    ]

    # Any other error of a lower middleware stays what it is: no second try.
    def broken(request):
        replicas._routing.get().used.add("replica_1")
        raise ValueError("lỗi khác")

    reads.clear()
    caplog.clear()
    answer = replicas.ReplicaRoutingMiddleware(convert_exception_to_response(broken))(RequestFactory().get("/"))
    assert answer.status_code == 500 and marked_down == ["replica_1"]
    assert any(record.name == "django.request" and record.levelno == logging.ERROR for record in caplog.records)
