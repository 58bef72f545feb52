"""Backup round trip of every model: every concrete model holds rows, `manage.py backup`, then
`manage.py migrate`-ed empty databases of each kind get `manage.py restore` in their own process
(as an operator runs them), and every row's content hash and every media and private file's hash
must come back. A second restore into the now non-empty database must refuse and change nothing.

The empty targets are copies of this test database taken before anything is written to it (the
state `migrate` left), which spares a second `migrate` of every app: on SQLite the database's bytes
(`serialize()`, taken by `demo_world` just before it built the demo) into a new file, on PostgreSQL
through pg_dump into a new database created for the test. The demo wards are the session's
`demo_world` (congphuong/conftest.py), built once for every test that reads them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from congphuong.backup.archive import dump_database
from congphuong.backup.digest import row_hashes

from .filling import dumped_models, empty_models, fill_every_model

pytestmark = pytest.mark.django_db

MANAGE = Path(settings.BASE_DIR) / "manage.py"


def file_hashes(*roots: tuple[str, Path]) -> dict[str, str]:
    found = {}
    for label, root in roots:
        for path in sorted(Path(root).rglob("*")):
            if path.is_file():
                found[f"{label}/{path.relative_to(root).as_posix()}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


class Target:
    """An empty migrated database of one kind, and media roots of its own, used through manage.py."""

    def __init__(self, kind: str, url: str, directory: Path, drop=None):
        self.kind, self.url, self.directory, self.drop = kind, url, directory, drop
        self.media = directory / "media"
        self.private = directory / "private"
        package = directory / "target_settings"
        package.mkdir()
        (package / "__init__.py").write_text(
            "from congphuong.settings.test import *  # noqa: F403\n"
            f"MEDIA_ROOT = {str(self.media)!r}\nPRIVATE_MEDIA_ROOT = {str(self.private)!r}\n",
            encoding="utf-8",
        )

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "target_settings",
            "DATABASE_URL": self.url,
            "REDIS_URL": "",  # never clear a shared cache from the target's process
            "PYTHONPATH": os.pathsep.join([str(self.directory), str(MANAGE.parent)]),
        }
        return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, *args], cwd=MANAGE.parent, env=env, capture_output=True, text=True, timeout=1800
        )

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        return self.run(str(MANAGE), *args)

    def row_hashes(self) -> dict:
        dump = self.directory / "target.jsonl"
        script = (
            "import sys, django; django.setup(); from pathlib import Path; "
            "from congphuong.backup.archive import dump_database; dump_database(Path(sys.argv[1]))"
        )
        result = self.run("-c", script, str(dump))
        assert result.returncode == 0, result.stderr[-3000:]
        return row_hashes(dump)

    def file_hashes(self) -> dict:
        return file_hashes(("media", self.media), ("private", self.private))


def sqlite_target(directory: Path, migrated: bytes) -> Target:
    """A new SQLite file holding what this SQLite test database held before anything was written to it.

    The bytes come from `serialize()` (`demo_world`), which reads the database through this very
    connection. The sqlite3 backup API reads it as a second reader would, and so waited forever on
    the write lock of the test's own transaction (`transaction_mode="IMMEDIATE"`, settings/database.py).
    """
    assert migrated, "demo_world keeps the migrated SQLite database's bytes"
    path = directory / "khoi-phuc.sqlite3"
    path.write_bytes(migrated)
    return Target("sqlite", f"sqlite:///{path}", directory)


def postgres_target(directory: Path) -> Target:
    """A new PostgreSQL database with the schema and the rows `migrate` left in this test database.

    pg_dump sees only what is committed: the demo's and the test's rows stay in their open transaction.
    """
    source = connection.settings_dict
    name = f"{source['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    host, port, user = source.get("HOST") or "127.0.0.1", str(source.get("PORT") or 5432), source.get("USER")
    env = {**os.environ}
    if source.get("PASSWORD"):
        env["PGPASSWORD"] = source["PASSWORD"]
    common = ["-h", host, "-p", port, *(["-U", user] if user else [])]
    subprocess.run(["createdb", *common, name], check=True, env=env)  # noqa: S603, S607

    def drop():
        subprocess.run(["dropdb", *common, "--if-exists", name], check=False, env=env)  # noqa: S603, S607

    try:
        dump = subprocess.run(  # noqa: S603
            ["pg_dump", *common, "--no-owner", "--no-privileges", source["NAME"]],  # noqa: S607
            check=True, env=env, capture_output=True,
        )  # fmt: skip
        subprocess.run(  # noqa: S603
            ["psql", *common, "-q", "-v", "ON_ERROR_STOP=1", "-d", name],  # noqa: S607
            input=dump.stdout, check=True, env=env, capture_output=True,
        )  # fmt: skip
    except BaseException:
        drop()
        raise
    auth = f"{user}@" if user else ""
    return Target("postgresql", f"postgres://{auth}{host}:{port}/{name}", directory, drop=drop)


def empty_target(directory: Path, demo_world) -> Target:
    directory.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        return sqlite_target(directory, demo_world.migrated_sqlite)
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is needed to copy the migrated test database")
    return postgres_target(directory)


def migrated_target(directory: Path, kind: str) -> Target:
    """An empty database of the other kind, made by `manage.py migrate` in its own process (slow)."""
    directory.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        target = Target("sqlite", f"sqlite:///{directory / 'khoi-phuc.sqlite3'}", directory)
    else:
        server = os.environ.get("CONGPHUONG_BACKUP_CROSS_POSTGRES", "")
        if not server.startswith("postgres"):
            pytest.skip("CONGPHUONG_BACKUP_CROSS_POSTGRES=postgres://user@host:port names a server for the cross pair")
        name = f"cp_backup_cross_{uuid.uuid4().hex[:8]}"
        maintenance = f"{server.rstrip('/')}/postgres"
        subprocess.run(["psql", maintenance, "-qc", f'CREATE DATABASE "{name}"'], check=True)  # noqa: S603, S607

        def drop():
            subprocess.run(["psql", maintenance, "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=False)  # noqa: S603, S607

        target = Target("postgresql", f"{server.rstrip('/')}/{name}", directory, drop=drop)
    migrated = target.manage("migrate", "--noinput", "-v0")
    if migrated.returncode != 0:
        if target.drop:
            target.drop()
        pytest.fail(migrated.stderr[-3000:])
    return target


def fill_and_back_up(tmp_path: Path):
    """Every model filled, a private file, the source's row and file hashes, the archive."""
    fill_every_model()
    private = Path(settings.PRIVATE_MEDIA_ROOT) / "feedback" / "don-kien-nghi.txt"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text("Đơn kiến nghị của công dân (dữ liệu cá nhân)", encoding="utf-8")
    assert empty_models() == []

    source_dump = tmp_path / "nguon.jsonl"
    dump_database(source_dump)
    rows = row_hashes(source_dump)
    assert set(rows) == {model._meta.label_lower for model in dumped_models()}
    files = file_hashes(("media", Path(settings.MEDIA_ROOT)), ("private", Path(settings.PRIVATE_MEDIA_ROOT)))
    assert any(name.startswith("private/") for name in files)
    assert any(name.startswith("media/images/") for name in files)  # a rendition

    archive = tmp_path / "sao-luu" / "congphuong.tar.gz"
    call_command("backup", output=str(archive), verbosity=0)
    return archive, rows, files


def assert_restores(target: Target, archive: Path, expected_rows: dict, expected_files: dict):
    restored = target.manage("restore", str(archive), "--yes")
    assert restored.returncode == 0, restored.stderr[-3000:]
    assert "Đã khôi phục" in restored.stdout

    found_rows = target.row_hashes()
    changed = sorted(
        f"{label} {pk}"
        for label in expected_rows
        for pk in set(expected_rows[label]) | set(found_rows.get(label, {}))
        if expected_rows[label].get(pk) != found_rows.get(label, {}).get(pk)
    )
    assert changed == [], f"{len(changed)} rows differ after the restore into {target.kind}: {changed[:20]}"
    assert set(found_rows) == set(expected_rows)
    assert target.file_hashes() == expected_files

    # The target now holds content: a second restore must refuse, in Vietnamese, and change nothing.
    again = target.manage("restore", str(archive), "--yes")
    assert again.returncode != 0
    assert "Cơ sở dữ liệu đích đang có dữ liệu" in again.stderr
    assert target.row_hashes() == found_rows


def test_backup_restores_every_row_of_every_model_and_every_file(tmp_path, demo_world):
    target = empty_target(tmp_path / "target", demo_world)  # what `migrate` left
    try:
        archive, rows, files = fill_and_back_up(tmp_path)
        assert_restores(target, archive, rows, files)
    finally:
        if target.drop:
            target.drop()


@pytest.mark.skipif(
    os.environ.get("CONGPHUONG_BACKUP_CROSS") != "1",
    reason="the cross pair runs a full `migrate` of a second database: CONGPHUONG_BACKUP_CROSS=1 runs it",
)
def test_backup_restores_into_the_other_kind_of_database(tmp_path):
    """SQLite → PostgreSQL (the way up from a one-machine install) and PostgreSQL → SQLite."""
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    target = migrated_target(tmp_path / "target", other)
    try:
        archive, rows, files = fill_and_back_up(tmp_path)
        assert_restores(target, archive, rows, files)
    finally:
        if target.drop:
            target.drop()
