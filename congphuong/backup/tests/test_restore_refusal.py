"""What counts as "not empty" for a restore, and the files' modes (the archive holds password hashes,
TOTP secrets and citizens' data)."""

import datetime
import os
import stat
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from congphuong.backup.archive import create_backup, dump_database, verify_and_unpack
from congphuong.backup.digest import row_hashes
from congphuong.backup.restore import SEEDED_BY_MIGRATE, existing_content, restore_backup

pytestmark = pytest.mark.django_db


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_freshly_migrated_database_is_empty_and_the_seeded_list_is_exact():
    """The test database is as `migrate` left it: it must count as empty, and every model `migrate`
    seeds rows into must be listed (a model listed but never seeded would hide real content)."""
    assert existing_content() == {}
    tables = [model for model in apps.get_models() if model._meta.managed and not model._meta.proxy]
    seeded = {model._meta.label for model in tables if model._base_manager.exists()}
    assert seeded == set(SEEDED_BY_MIGRATE)


def test_any_row_makes_the_target_not_empty_and_the_refusal_changes_nothing(tmp_path):
    archive = tmp_path / "sao-luu.tar.gz"
    create_backup(archive)
    # A row in a table that is neither an account, a page, an image nor a document.
    from congphuong.core.models import CalendarDay

    CalendarDay.objects.create(date=datetime.date(2027, 2, 6), kind="work", note="Làm bù")
    before = tmp_path / "truoc.jsonl"
    dump_database(before)
    with pytest.raises(CommandError, match="Cơ sở dữ liệu đích đang có dữ liệu .*--force-wipe"):
        call_command("restore", str(archive), yes=True, verbosity=0)
    after = tmp_path / "sau.jsonl"
    dump_database(after)
    assert row_hashes(after) == row_hashes(before)
    assert CalendarDay.objects.filter(note="Làm bù").exists()


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_archive_checksum_and_unpacked_files_are_owner_only(tmp_path, open_umask):
    private = Path(settings.PRIVATE_MEDIA_ROOT) / "feedback" / "dinh-kem.txt"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text("Số CCCD của công dân", encoding="utf-8")
    archive = tmp_path / "moi" / "sao-luu.tar.gz"
    create_backup(archive)
    assert mode(archive) == 0o600
    assert mode(Path(f"{archive}.sha256")) == 0o600
    assert mode(archive.parent) == 0o700  # the directory the command created
    assert [p.name for p in archive.parent.iterdir() if p.name.startswith(".backup-")] == []  # no staging left

    verified = verify_and_unpack(archive, work_dir=tmp_path)
    try:
        assert mode(verified.directory) == 0o700
        unpacked = [path for path in verified.directory.rglob("*") if path.is_file()]
        assert unpacked and {mode(path) for path in unpacked} == {0o600}
    finally:
        verified.cleanup()


def test_restored_media_is_readable_by_the_web_server_and_private_files_are_not(tmp_path, open_umask):
    media = Path(settings.MEDIA_ROOT) / "documents" / "ke-hoach.pdf"
    media.parent.mkdir(parents=True, exist_ok=True)
    media.write_bytes(b"%PDF-1.4 ke hoach\n")
    private = Path(settings.PRIVATE_MEDIA_ROOT) / "feedback" / "dinh-kem.txt"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text("Số CCCD của công dân", encoding="utf-8")
    archive = tmp_path / "sao-luu.tar.gz"
    create_backup(archive)
    media.unlink()
    private.unlink()
    restore_backup(archive, force_wipe=True)
    assert mode(media) == (settings.FILE_UPLOAD_PERMISSIONS or 0o644)
    assert mode(private) == 0o600
