"""Simultaneous form submissions through a real HTTP server, on a database that can show contention.

pytest-django's live_server answers each request in its own thread. On the in-memory SQLite of the
default test run those threads share one connection, so there is no contention to see; a test that
needs the embedded default as `make run` has it (a SQLite file) runs itself in a pytest of its own
with CONGPHUONG_TEST_SQLITE_FILE set (settings/test.py). On PostgreSQL it runs in place.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
FILE_DB_ENV = "CONGPHUONG_TEST_SQLITE_FILE"


def in_memory_sqlite() -> bool:
    """The test database is in-memory SQLite (Django's default for SQLite without TEST NAME)."""
    database = settings.DATABASES["default"]
    name = (database.get("TEST") or {}).get("NAME") or ""
    return database["ENGINE"].endswith("sqlite3") and (not name or name == ":memory:" or "mode=memory" in name)


# For the tests that need real contention: skipped on in-memory SQLite, where run_on_a_sqlite_file runs them.
needs_contention = pytest.mark.skipif(
    in_memory_sqlite(), reason="run by the module's test_on_a_sqlite_file (in-memory SQLite has no contention)"
)


def run_on_a_sqlite_file(module_file: str, migrated: bytes | None) -> None:
    """Runs the other tests of `module_file` in a pytest of their own on a SQLite file (as `make run`).

    The file starts as a copy of this run's migrated database (`migrated`: the `migrated_sqlite`
    fixture), which the child keeps (`--reuse-db`): its `migrate` then has nothing to apply.
    """
    if os.environ.get(FILE_DB_ENV):
        pytest.skip("already on a SQLite file")
    if not in_memory_sqlite():
        pytest.skip("the tests ran in place on this database")
    assert migrated, "the migrated in-memory database's bytes (migrated_sqlite)"
    with tempfile.TemporaryDirectory(prefix="congphuong-concurrency-") as directory:
        database = Path(directory) / "test.sqlite3"
        database.write_bytes(migrated)
        if not _has_migration_data(database):
            # Seen in the full run (not alone): the copy held the schema without the rows migrations
            # write (Wagtail's locale and tree root). The child then migrates a new file itself.
            database.unlink()
        env = {**os.environ, FILE_DB_ENV: str(database)}
        env.pop("DATABASE_URL", None)
        command = [
            *(sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-q", "--no-cov"),
            "--reuse-db",
        ]
        result = subprocess.run(  # noqa: S603 (our own test suite)
            [*command, module_file, "-k", "not test_on_a_sqlite_file"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1500,
        )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " skipped" not in result.stdout, result.stdout[-3000:]


def _has_migration_data(database: Path) -> bool:
    import sqlite3

    try:
        with sqlite3.connect(database) as db:
            locales = db.execute("SELECT COUNT(*) FROM wagtailcore_locale").fetchone()[0]
            roots = db.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE depth = 1").fetchone()[0]
    except sqlite3.Error:
        return False
    return bool(locales and roots)


class Browser:
    """One reader: a cookie jar and a forwarded address (CONGPHUONG_TRUSTED_PROXIES = 1)."""

    def __init__(self, address: str):
        self.address = address
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.opener.addheaders = [("X-Forwarded-For", address)]

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=120) as response:
            return response.read().decode()

    def post(self, url: str, fields: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310 (test server)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


def hidden_fields(html: str) -> dict[str, str]:
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def submit_at_once(count: int, form_url: str, fields: dict, address_of=lambda n: f"10.0.{n // 250}.{n % 250 + 1}"):
    """`count` readers each open the form, then all send it at the same moment: [(status, html)]."""
    readers = [Browser(address_of(n)) for n in range(count)]
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(n: int):
        try:
            page = readers[n].get(form_url)
            data = {**hidden_fields(page), **fields}
            barrier.wait(timeout=300)
            results[n] = readers[n].post(form_url, data)
        except Exception as error:  # reported by the assertions, with the others' outcomes
            results[n] = (None, repr(error))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return results
