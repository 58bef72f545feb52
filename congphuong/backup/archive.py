"""One backup archive: the database as Django's JSON Lines dump, both media roots, a manifest.

Layout of ``<name>.tar.gz``::

    database.jsonl      every row of every model (primary keys kept), see ``dump_database``
    media/…             MEDIA_ROOT (images and their renditions, documents, videos)
    private/…           PRIVATE_MEDIA_ROOT (citizens' attachments: personal data)
    manifest.json       written last: SHA-256 and size of each member, a digest over all of them,
                        app version, database vendor, the applied migrations, row counts and
                        each model's content digest (``digest.model_digests``), which the restore
                        checks the loaded database against

Every file this module writes (the archive, its checksum, the dump and the unpacked members while
restoring) is created with mode 0600 whatever the umask: it holds password hashes, TOTP secrets and
citizens' personal data.

Beside it, ``<name>.tar.gz.sha256`` holds the checksum of the whole file in ``sha256sum``
format (a file cannot carry its own checksum), so ``sha256sum -c`` also works.

Why a JSON dump with primary keys rather than pg_dump or SQLite's backup API: one format for
both engines (a backup taken on SQLite restores into PostgreSQL and back); ids are kept, which
Wagtail needs because StreamField JSON, revisions and generic relations store bare ids that
natural keys would not rewrite; content types and permissions travel with their ids, so the
restore empties the target (including the rows ``migrate`` created) before loading.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .digest import model_digests
from .serializer import FORMAT as DUMP_FORMAT

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "database.jsonl"
CHUNK = 1024 * 1024
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700

# Left out of the dump: sessions (logging everyone out on restore is the safe outcome) and the
# two search indexes, which are derived from the content and rebuilt after a restore
# (their SQLite FTS5 tables are not Django models and would not be dumped anyway).
# App labels, or "app_label.ModelName" for one model.
EXCLUDED_FROM_DUMP = ("sessions", "wagtailsearch", "portal_search", "core.RateCounter")


class BackupError(Exception):
    """A refusal or failure with a message for the operator, in Vietnamese."""


@dataclass(frozen=True)
class MediaRoot:
    prefix: str
    path: Path


def media_roots() -> list[MediaRoot]:
    roots = [MediaRoot("media", Path(settings.MEDIA_ROOT))]
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if private:
        roots.append(MediaRoot("private", Path(private)))
    return roots


def create_private_file(path: Path) -> Path:
    """Create (or truncate) ``path`` with mode 0600 before anyone writes into it: a later open(path, "w")
    keeps the mode, whatever the process's umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    os.close(fd)
    os.chmod(path, PRIVATE_FILE_MODE)  # an existing file keeps its old mode through O_CREAT
    return path


def open_private(path: Path, mode: str = "wb", **kwargs):
    return open(create_private_file(path), mode, **kwargs)


def app_version() -> str:
    try:
        return metadata.version("congphuong")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


def applied_migrations() -> list[list[str]]:
    """Sorted [app, name] pairs recorded in django_migrations of the default database."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted([app, name] for app, name in recorder.applied_migrations())


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_digest(members: dict[str, dict]) -> str:
    """One SHA-256 over every member's name and checksum: the manifest's checksum of the whole."""
    lines = "".join(f"{members[name]['sha256']}  {name}\n" for name in sorted(members))
    return hashlib.sha256(lines.encode()).hexdigest()


class _HashingReader:
    """Feeds what tarfile reads from a file into a SHA-256, so the manifest matches the bytes stored."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def excluded_labels() -> list[str]:
    """The apps above, plus unmanaged models: the restore's flush does not empty their tables either
    (some have none at all, e.g. a model that only carries permissions)."""
    installed = {config.label for config in apps.get_app_configs()}
    labels = [label for label in EXCLUDED_FROM_DUMP if label.split(".")[0] in installed]
    # Unmanaged models of the apps above are already left out with their app.
    labels += [
        model._meta.label
        for model in apps.get_models()
        if not model._meta.managed and model._meta.app_label not in EXCLUDED_FROM_DUMP
    ]
    return labels


# Loaded first: building a Wagtail page subclass's row (only its own table's fields) calls
# ContentType.objects.get_for_model(), which creates the content type if it is not in the
# database yet — with a new id that the dump's own row then collides with.
LOAD_FIRST = ("contenttypes", "auth")


def dump_order() -> list[str]:
    """App labels in the order the dump writes (and loaddata reads) them."""
    skipped = set(EXCLUDED_FROM_DUMP)
    labels = [config.label for config in apps.get_app_configs() if config.label not in skipped]
    return [label for label in LOAD_FIRST if label in labels] + [label for label in labels if label not in LOAD_FIRST]


def dump_database(path: Path) -> Counter:
    """Dump every model (primary keys kept) from one consistent snapshot into a 0600 file; returns rows per model."""
    create_private_file(path)
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # Without it each table would be read at a different moment while editors keep working.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            *dump_order(),
            format=DUMP_FORMAT,
            output=str(path),
            exclude=excluded_labels(),
            use_base_manager=True,
            verbosity=0,
        )
    counts: Counter = Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                counts[json.loads(line)["model"]] += 1
    return counts


def _media_files(root: MediaRoot):
    """(archive name, path) of every regular file under the root, in a stable order."""
    if not root.path.is_dir():
        return
    for directory, dirnames, filenames in os.walk(root.path):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(directory) / filename
            if path.is_symlink() or not path.is_file():
                continue
            yield f"{root.prefix}/{path.relative_to(root.path).as_posix()}", path


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> dict:
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with open(path, "rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


def create_backup(output: Path) -> dict:
    """Write the archive (atomically: a partial file never carries the final name); returns the manifest."""
    output = Path(output).resolve()
    output.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".backup-", dir=output.parent))  # mode 0700
    partial_path = staging / output.name
    try:
        dump = staging / DATABASE_MEMBER
        counts = dump_database(dump)
        digests = model_digests(dump)
        members: dict[str, dict] = {}
        with open_private(partial_path) as raw, tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
            members[DATABASE_MEMBER] = _add_file(tar, DATABASE_MEMBER, dump)
            for root in media_roots():
                for name, path in _media_files(root):
                    members[name] = _add_file(tar, name, path)
            manifest = {
                "format": FORMAT_VERSION,
                "app": "congphuong",
                "app_version": app_version(),
                "created_at": timezone.localtime().isoformat(timespec="seconds"),
                "database_vendor": connection.vendor,
                "migrations": applied_migrations(),
                "row_counts": dict(sorted(counts.items())),
                "row_digests": digests,
                "members": members,
                "content_sha256": content_digest(members),
            }
            data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.datetime.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
        whole = sha256_file(partial_path)
        os.replace(partial_path, output)
        with open_private(checksum_path(output), "w", encoding="utf-8") as sidecar:
            sidecar.write(f"{whole}  {output.name}\n")
        manifest["archive_sha256"] = whole
        return manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def checksum_path(archive: Path) -> Path:
    return Path(f"{archive}.sha256")


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


@dataclass
class VerifiedArchive:
    """An archive whose every member matched the manifest, unpacked into ``directory``."""

    directory: Path
    manifest: dict

    @property
    def database_dump(self) -> Path:
        return self.directory / DATABASE_MEMBER

    def media_files(self, prefix: str):
        for name in sorted(self.manifest["members"]):
            if name.startswith(f"{prefix}/"):
                yield name[len(prefix) + 1 :], self.directory / name

    def cleanup(self):
        shutil.rmtree(self.directory, ignore_errors=True)


CORRUPT = "Tệp sao lưu bị hỏng hoặc không đầy đủ ({reason}). Không khôi phục, dữ liệu hiện có được giữ nguyên."


def verify_and_unpack(archive: Path, work_dir: Path | None = None) -> VerifiedArchive:
    """Check the whole-file checksum (if its .sha256 is beside it) and every member; unpack into a temp dir.

    Raises BackupError, having changed nothing, at the first mismatch.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu: {archive}")
    sidecar = checksum_path(archive)
    if sidecar.is_file():
        expected = sidecar.read_text(encoding="utf-8").split()[:1]
        if not expected or expected[0] != sha256_file(archive):
            raise BackupError(CORRUPT.format(reason="mã SHA-256 của cả tệp không khớp với tệp .sha256 đi kèm"))
    directory = Path(tempfile.mkdtemp(prefix=".restore-", dir=work_dir))
    try:
        found: dict[str, dict] = {}
        manifest_bytes = None
        try:
            with tarfile.open(archive, "r:gz") as tar:
                for member in tar:
                    if not member.isfile() or not _safe_member_name(member.name):
                        raise BackupError(CORRUPT.format(reason=f"thành phần không hợp lệ: {member.name!r}"))
                    source = tar.extractfile(member)
                    if member.name == MANIFEST:
                        manifest_bytes = source.read()
                        continue
                    target = directory / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    digest = hashlib.sha256()
                    with open_private(target) as out:
                        for chunk in iter(partial(source.read, CHUNK), b""):
                            digest.update(chunk)
                            out.write(chunk)
                    found[member.name] = {"sha256": digest.hexdigest(), "size": member.size}
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
            raise BackupError(
                CORRUPT.format(reason="không giải nén được, tệp bị cắt cụt hoặc sai định dạng")
            ) from error
        except OSError as error:
            raise BackupError(f"Không đọc hoặc giải nén được tệp sao lưu: {error}") from error
        if manifest_bytes is None:
            raise BackupError(CORRUPT.format(reason="thiếu manifest.json"))
        try:
            manifest = json.loads(manifest_bytes)
            expected_members = manifest["members"]
        except (ValueError, KeyError, TypeError) as error:
            raise BackupError(CORRUPT.format(reason="manifest.json không đọc được")) from error
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(
                f"Định dạng tệp sao lưu {manifest.get('format')!r} không được phiên bản này hỗ trợ "
                f"(chỉ hỗ trợ định dạng {FORMAT_VERSION})."
            )
        missing = sorted(set(expected_members) - set(found))
        extra = sorted(set(found) - set(expected_members))
        if missing:
            raise BackupError(CORRUPT.format(reason=f"thiếu {len(missing)} thành phần, ví dụ {missing[0]}"))
        if extra:
            raise BackupError(CORRUPT.format(reason=f"có thành phần lạ không ghi trong manifest: {extra[0]}"))
        for name, expected in expected_members.items():
            if found[name]["sha256"] != expected.get("sha256"):
                raise BackupError(CORRUPT.format(reason=f"mã SHA-256 của {name} không khớp"))
        if content_digest(expected_members) != manifest.get("content_sha256"):
            raise BackupError(CORRUPT.format(reason="mã SHA-256 tổng trong manifest không khớp"))
        if DATABASE_MEMBER not in found:
            raise BackupError(CORRUPT.format(reason=f"thiếu {DATABASE_MEMBER}"))
        return VerifiedArchive(directory, manifest)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
