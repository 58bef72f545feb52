"""DATABASES["default"] from DATABASE_URL (SQLite under VAR_DIR when unset), and the read replicas
`replica_1`, … from DATABASE_REPLICA_URLS (congphuong/serving/replicas.py)."""

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_list, env_str


def default_database(var_dir) -> dict:
    config = dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{var_dir / 'congphuong.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
    # PostgreSQL cancels a statement that runs longer than DB_STATEMENT_TIMEOUT seconds (0: never).
    # The app server sets it (deploy/granian.env): granian kills no request that hangs, and a
    # runaway query is the likely way for one to hang; management commands (migrations, imports,
    # reindexing) keep no limit.
    timeout = env_int("DB_STATEMENT_TIMEOUT", 0)
    if timeout > 0 and config["ENGINE"] == "django.db.backends.postgresql":
        config.setdefault("OPTIONS", {})["options"] = f"-c statement_timeout={timeout * 1000}"
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(sqlite_options())
    return config


def sqlite_options() -> dict:
    """The embedded default under concurrent writers (several runserver threads, the scheduler).

    SQLite's default (rollback journal, deferred transactions, 5 s timeout) loses writes: a
    transaction that read first and then tries to write cannot wait for the lock, it fails at once
    with "database is locked". IMMEDIATE takes the write lock when the transaction starts, so
    writers queue (up to SQLITE_BUSY_TIMEOUT seconds) instead; WAL lets readers go on during a
    write; synchronous=NORMAL is the safe setting for WAL.
    """
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }


def replica_databases() -> dict:
    """`replica_1`, `replica_2`, … from DATABASE_REPLICA_URLS (comma-separated PostgreSQL URLs of
    streaming replicas of DATABASE_URL); empty when unset. Same options as the primary, plus a short
    connect timeout: a replica that does not answer sends reads to the primary, it must not hang them."""
    databases = {}
    for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise ImproperlyConfigured("DATABASE_REPLICA_URLS: only PostgreSQL replicas are supported.")
        options = config.setdefault("OPTIONS", {})
        options.setdefault("connect_timeout", env_int("CONGPHUONG_REPLICA_CONNECT_TIMEOUT", 2))
        timeout = env_int("DB_STATEMENT_TIMEOUT", 0)
        if timeout > 0:
            options["options"] = f"-c statement_timeout={timeout * 1000}"
        # Test runs: the replica reads the primary's test database (Django creates none on it).
        config["TEST"] = {"MIRROR": "default"}
        databases[f"replica_{number}"] = config
    return databases
