"""`manage.py backup [--output PATH | --output-dir DIR] [--keep N]`: the database and both media roots
in one checked archive, mode 0600; with --keep, only the N newest archives of the directory are kept.
The nightly systemd unit (deploy/systemd/congphuong-backup.service) runs exactly this command."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from congphuong.backup.archive import BackupError, checksum_path, create_backup

ARCHIVE_NAME = re.compile(r"^congphuong-\d{8}-\d{6}\.tar\.gz$")


def default_directory() -> Path:
    return Path(getattr(settings, "BACKUP_DIR", None) or Path(settings.VAR_DIR) / "backups")


def archive_name() -> str:
    return f"congphuong-{timezone.localtime().strftime('%Y%m%d-%H%M%S')}.tar.gz"


def prune(directory: Path, keep: int) -> list[Path]:
    """Remove all but the ``keep`` newest archives named by this command (and their .sha256); returns them.

    Only names this command writes are considered, so other files in the directory are never touched.
    """
    archives = sorted(path for path in directory.iterdir() if ARCHIVE_NAME.match(path.name))
    removed = archives[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink(missing_ok=True)
        checksum_path(path).unlink(missing_ok=True)
    return removed


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và tệp media (công khai và riêng tư) vào một tệp .tar.gz (quyền 0600) "
        "kèm manifest và mã SHA-256."
    )

    def add_arguments(self, parser):
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--output", "-o", type=Path, help="Đường dẫn tệp sao lưu.")
        where.add_argument(
            "--output-dir",
            type=Path,
            help="Thư mục chứa tệp sao lưu congphuong-<thời điểm>.tar.gz (mặc định: BACKUP_DIR, hoặc var/backups).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Chỉ giữ N bản sao lưu mới nhất trong thư mục (0: không xóa bản nào). Không dùng cùng --output.",
        )

    def handle(self, *args, **options):
        keep = options["keep"]
        if keep < 0:
            raise CommandError("--keep phải là số không âm.")
        if keep and options["output"]:
            raise CommandError("--keep chỉ dùng với --output-dir (hoặc thư mục mặc định), không dùng với --output.")
        output = options["output"] or (options["output_dir"] or default_directory()) / archive_name()
        try:
            manifest = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = len(manifest["members"]) - 1
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu {rows} bản ghi và {files} tệp media vào {Path(output).resolve()}\n"
                f"SHA-256: {manifest['archive_sha256']}"
            )
        )
        if keep:
            for path in prune(Path(output).resolve().parent, keep):
                self.stdout.write(f"Đã xóa bản sao lưu cũ: {path}")
