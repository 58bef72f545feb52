"""DATABASES["default"] from DATABASE_URL (SQLite under VAR_DIR when unset)."""

import dj_database_url

from .env import env_int, env_str


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
