"""`manage.py restore PATH [--yes] [--force-wipe]`: verify an archive, then restore it into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congphuong.backup.archive import BackupError
from congphuong.backup.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Kiểm tra mã SHA-256 của tệp sao lưu rồi khôi phục cơ sở dữ liệu và tệp media vào một "
        "cơ sở dữ liệu trống có cùng trạng thái migration."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Tệp .tar.gz do `manage.py backup` tạo.")
        parser.add_argument("--yes", action="store_true", help="Không hỏi xác nhận.")
        parser.add_argument(
            "--force-wipe",
            action="store_true",
            help="Cho phép khôi phục vào cơ sở dữ liệu đang có dữ liệu: XÓA TOÀN BỘ dữ liệu hiện có trước.",
        )
        parser.add_argument("--work-dir", type=Path, help="Thư mục tạm để giải nén (mặc định: thư mục tạm hệ thống).")

    def handle(self, *args, **options):
        def confirm(manifest):
            if options["yes"]:
                return True
            wipe = " XÓA TOÀN BỘ dữ liệu hiện có và" if options["force_wipe"] else ""
            answer = input(
                f"Tệp sao lưu tạo lúc {manifest.get('created_at')} (phiên bản {manifest.get('app_version')}) "
                f"đã được kiểm tra. Sẽ{wipe} khôi phục vào cơ sở dữ liệu hiện tại. Gõ 'co' để tiếp tục: "
            )
            return answer.strip().lower() in {"co", "có", "yes", "y"}

        try:
            report = restore_backup(
                options["path"], force_wipe=options["force_wipe"], confirm=confirm, work_dir=options["work_dir"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục {report.rows} bản ghi và {report.media_files} tệp media "
                f"(bản sao lưu lúc {report.manifest.get('created_at')})."
            )
        )
