"""`manage.py backup [--output PATH]`: the database and both media roots in one checked archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from congphuong.backup.archive import BackupError, create_backup


def default_output() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(getattr(settings, "BACKUP_DIR", Path(settings.BASE_DIR) / "var" / "backups")) / (
        f"congphuong-{stamp}.tar.gz"
    )


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp media (công khai và riêng tư) vào một tệp .tar.gz kèm manifest và mã SHA-256."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="Đường dẫn tệp sao lưu (mặc định: var/backups/congphuong-<thời điểm>.tar.gz).",
        )

    def handle(self, *args, **options):
        output = options["output"] or default_output()
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
