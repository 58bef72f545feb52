"""The embedded default (SQLite, local cache) is safe where it is used and refused where it is not."""

import sqlite3

import pytest
from django.core.exceptions import ImproperlyConfigured

from congphuong.settings.database import default_database
from congphuong.settings.embedded import embedded_stack_problems, refuse_embedded_stack

SQLITE = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/var/congphuong.sqlite3"}}
POSTGRES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "congphuong"}}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "congphuong.serving.redis_cache.RedisCache"}}


def test_sqlite_waits_for_the_write_lock_instead_of_failing(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    options = default_database(tmp_path)["OPTIONS"]
    # Taken at BEGIN: a transaction that read first cannot fail with "database is locked" on its write.
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    # The init command really switches a database file to WAL (readers go on during a write).
    connection = sqlite3.connect(tmp_path / "probe.sqlite3")
    for statement in options["init_command"].split(";"):
        connection.execute(statement)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_postgresql_gets_no_sqlite_options(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://congphuong@127.0.0.1:5432/congphuong")
    assert "transaction_mode" not in default_database(tmp_path).get("OPTIONS", {})


@pytest.mark.parametrize(
    ("databases", "caches", "expected"),
    [
        (POSTGRES, REDIS, []),
        (SQLITE, REDIS, ["DATABASE_URL"]),
        (POSTGRES, LOCMEM, ["REDIS_URL"]),
        (SQLITE, LOCMEM, ["DATABASE_URL", "REDIS_URL"]),
    ],
)
def test_production_names_what_is_missing(monkeypatch, databases, caches, expected):
    monkeypatch.delenv("CONGPHUONG_ALLOW_SQLITE", raising=False)
    monkeypatch.delenv("CONGPHUONG_ALLOW_LOCAL_CACHE", raising=False)
    problems = embedded_stack_problems(databases, caches)
    assert [name for name in ("DATABASE_URL", "REDIS_URL") if any(name in p for p in problems)] == expected
    if expected:
        with pytest.raises(ImproperlyConfigured, match="PostgreSQL|REDIS_URL"):
            refuse_embedded_stack(databases, caches)


def test_the_operator_may_accept_the_embedded_stack(monkeypatch):
    monkeypatch.setenv("CONGPHUONG_ALLOW_SQLITE", "1")
    monkeypatch.setenv("CONGPHUONG_ALLOW_LOCAL_CACHE", "1")
    refuse_embedded_stack(SQLITE, LOCMEM)  # no exception
    monkeypatch.setenv("CONGPHUONG_ALLOW_LOCAL_CACHE", "0")
    assert len(embedded_stack_problems(SQLITE, LOCMEM)) == 1
