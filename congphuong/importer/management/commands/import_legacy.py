"""`manage.py import_legacy PATH… --site HOST` — bring an old ward portal's pages into a ward.

See docs/legacy-import.md.
"""

import logging
import sys

from django.core.management.base import BaseCommand, CommandError

from congphuong.core.text import fold, nfc
from congphuong.importer.pipeline import ImportFailed, Options, run_import


def find_site(value: str):
    """A ward by host name, by its site name or its home page's title ("Phường Tân Sơn Hòa")."""
    from wagtail.models import Site

    value = nfc(value.strip())
    site = Site.objects.filter(hostname=value.lower()).select_related("root_page").first()
    if site is not None:
        return site
    wanted = fold(value)
    matches = [
        site
        for site in Site.objects.select_related("root_page")
        if wanted in (fold(site.site_name or ""), fold(site.root_page.title))
    ]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(f"{site.hostname} ({site.site_name})" for site in Site.objects.order_by("hostname"))
    if matches:
        raise CommandError(f"Có nhiều phường tên «{value}»; hãy ghi tên miền. Các phường: {known}.")
    raise CommandError(f"Không có phường nào là «{value}». Các phường: {known}.")


class Progress:
    """A progress bar on standard error for long runs (written over itself on a terminal)."""

    def __init__(self, stream, threshold=20):
        self.stream = stream
        self.threshold = threshold
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last = -1

    def __call__(self, done: int, total: int):
        if total < self.threshold:
            return
        percent = done * 100 // total
        if percent == self.last and done != total:
            return
        self.last = percent
        bar = "#" * (percent // 4) + "-" * (25 - percent // 4)
        line = f"Đang nhập [{bar}] {done}/{total} ({percent}%)"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
        elif percent % 10 == 0 or done == total:
            self.stream.write(line + "\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Nhập trang của cổng thông tin cũ (HTML đã lưu, văn bản thuần, WXR, RSS/Atom, NukeViet, CSV) vào một phường."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Tệp hoặc thư mục cần nhập.")
        parser.add_argument("--site", required=True, help="Phường nhận nội dung: tên miền hoặc tên phường.")
        parser.add_argument(
            "--old-hostname", default="", help="Tên miền cổng cũ: địa chỉ cũ chuyển hướng 301 về trang mới."
        )
        parser.add_argument("--old-ward", default="", help="Tên phường cũ ghi trên mỗi trang, ví dụ «Phường 1 (cũ)».")
        parser.add_argument(
            "--mapping", default=None, help="Tệp ánh xạ danh mục (JSON hoặc dòng «mẫu => Tên danh mục»)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ in những gì sẽ tạo, cập nhật, bỏ qua; không lưu."
        )
        parser.add_argument("--publish", action="store_true", help="Xuất bản ngay (mặc định: lưu bản nháp).")
        parser.add_argument(
            "--overwrite-edited",
            action="store_true",
            help="Ghi đè cả những trang đã được sửa ở đây sau lần nhập trước (mặc định: giữ bản đã sửa).",
        )
        parser.add_argument(
            "--format",
            default=None,
            help="Bỏ qua nhận diện, dùng định dạng này (html, text, wxr, feed, nukeviet, csv).",
        )

    def handle(self, *args, **options):
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        if options["verbosity"] < 2:  # Wagtail logs every page saved: the progress bar says enough
            wagtail_log.setLevel(logging.WARNING)
        try:
            self.run(options)
        finally:
            wagtail_log.setLevel(level)

    def run(self, options):
        site = find_site(options["site"])
        opts = Options(
            site=site,
            old_hostname=options["old_hostname"],
            old_ward=options["old_ward"],
            mapping=options["mapping"],
            dry_run=options["dry_run"],
            publish=options["publish"],
            format=options["format"],
            overwrite_edited=options["overwrite_edited"],
        )
        try:
            report = run_import(options["paths"], opts, progress=Progress(getattr(self.stderr, "_out", sys.stderr)))
        except ImportFailed as error:
            raise CommandError(f"Không nhập gì (đã hoàn tác toàn bộ): {error}") from error
        for line in report.lines():
            self.stdout.write(line)
