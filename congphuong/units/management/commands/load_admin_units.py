"""`manage.py load_admin_units [--file PATH]`: the commune-level units before and after 1/7/2025."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congphuong.units.loading import DATA_FILE, UnitsFileError, load


class Command(BaseCommand):
    help = (
        "Nạp danh mục đơn vị hành chính cấp xã cũ và mới (từ 1/7/2025) cùng quan hệ kế thừa; chạy lại không nhân đôi."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DATA_FILE, help="Tệp .json.gz (mặc định: tệp kèm phần mềm).")

    def handle(self, *args, file, **options):
        try:
            report = load(file)
        except UnitsFileError as problem:
            raise CommandError(f"{problem} Không có gì thay đổi.") from problem
        for line in report.lines():
            self.stdout.write(line)
