"""`manage.py merge_wards OLD_HOST_OR_CODE … --into NEW_HOST_OR_CODE [--dry-run] [--split-to …]`."""

from django.core.management.base import BaseCommand, CommandError

from congphuong.merger.merge import MergeRefused, merge_planned, plan, record_dry_run, record_failure


class Command(BaseCommand):
    help = "Sáp nhập cổng của các phường cũ vào cổng của phường mới (xem docs/ward-merger.md)."

    def add_arguments(self, parser):
        parser.add_argument("old", nargs="+", help="Tên miền hoặc mã đơn vị hành chính của phường cũ.")
        parser.add_argument("--into", required=True, help="Tên miền hoặc mã của phường mới.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in báo cáo, không thay đổi gì.")
        parser.add_argument(
            "--split-to",
            nargs="*",
            default=[],
            help="Phường cũ bị chia: các phường mới khác nhận một phần địa bàn (nhận ghi chú và liên kết, "
            "nội dung về phường của --into).",
        )

    def handle(self, *args, old, into, dry_run, split_to, **options):
        try:
            report = plan(old, into, split_to)
        except MergeRefused as problem:
            raise CommandError(str(problem)) from problem
        self.stdout.write(report.text())
        if report.done:
            return
        if report.conflicts:
            record_dry_run(report)
            raise CommandError("Có vướng mắc: chưa sáp nhập.")
        if dry_run:
            record_dry_run(report)
            self.stdout.write("Chạy thử: không thay đổi gì.")
            return
        try:
            result = merge_planned(report)
        except MergeRefused as problem:
            record_failure(old, into, problem)
            raise CommandError(str(problem)) from problem
        except Exception as problem:
            record_failure(old, into, problem)
            raise CommandError(f"Sáp nhập thất bại, đã hoàn tác, không thay đổi gì: {problem}") from problem
        self.stdout.write(result.text())
        self.stdout.write(self.style.SUCCESS("Đã sáp nhập."))
