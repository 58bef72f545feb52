"""DATABASES["default"]: DATABASE_URL, and the statement timeout the app server sets."""

from pathlib import Path

import pytest
from django.db import connection

from congphuong.settings.database import default_database

PG_URL = "postgres://congphuong@127.0.0.1:5432/congphuong"


def test_sqlite_under_var_dir_without_database_url(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "30")
    config = default_database(Path("/srv/var"))
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/var/congphuong.sqlite3"
    assert "options" not in config.get("OPTIONS", {})  # SQLite has no such thing


def test_no_statement_timeout_unless_asked(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", PG_URL)
    monkeypatch.delenv("DB_STATEMENT_TIMEOUT", raising=False)
    assert "options" not in default_database(Path("/srv/var")).get("OPTIONS", {})
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "0")
    assert "options" not in default_database(Path("/srv/var")).get("OPTIONS", {})


def test_statement_timeout_in_milliseconds(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", PG_URL)
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "30")
    config = default_database(Path("/srv/var"))
    assert config["OPTIONS"]["options"] == "-c statement_timeout=30000"
    assert config["CONN_MAX_AGE"] == 60


@pytest.mark.django_db
def test_postgresql_cancels_a_statement_past_the_timeout(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    import psycopg

    params = connection.get_connection_params()
    monkeypatch.setenv("DATABASE_URL", PG_URL)
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "1")
    params["options"] = default_database(Path("/srv/var"))["OPTIONS"]["options"]
    with psycopg.connect(**params, autocommit=True) as conn:
        assert conn.execute("SHOW statement_timeout").fetchone()[0] == "1s"
        with pytest.raises(psycopg.errors.QueryCanceled):
            conn.execute("SELECT pg_sleep(3)")
