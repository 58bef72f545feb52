"""List back-office text that still reads in English, or as a programmer's value.

Two checks: (1) Wagtail's catalogue strings that render unchanged under "vi"; (2) the admin
as each demo role sees it (demo/admin_crawl.py): English UI words, printed None/True/False
and model ids in the rendered text and accessible names. The crawl needs the demo accounts
(`manage.py load_demo --with-accounts`, which `make translations` runs first) and leaves
nothing behind: it runs in a transaction that is rolled back.

Exits non-zero when anything is found, so it can gate CI or a deployment.
"""

from itertools import groupby

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from congphuong.core.translation_check import editor_facing_catalogues, untranslated_admin_strings
from congphuong.demo.admin_crawl import DEMO_ROLE_USERNAMES, crawl_admin


class Command(BaseCommand):
    help = "Liệt kê chữ tiếng Anh, giá trị None/True/False và mã mô hình còn sót trong giao diện quản trị."

    def add_arguments(self, parser):
        parser.add_argument(
            "--catalogues-only",
            action="store_true",
            help="Chỉ kiểm tra danh mục chuỗi dịch, không duyệt các trang quản trị.",
        )

    def handle(self, *args, **options):
        problems = self.check_catalogues()
        if not options["catalogues_only"]:
            problems += self.check_rendered_admin()
        if problems:
            raise CommandError(
                f"Còn {problems} chỗ chưa thuần Việt. Chuỗi của Wagtail: bổ sung bản dịch vào congphuong/locale "
                "rồi biên dịch lại tệp .mo (msgfmt); chữ trên trang: sửa mẫu hoặc mã hiển thị."
            )

    def check_catalogues(self) -> int:
        untranslated = untranslated_admin_strings()
        if not untranslated:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã dịch đầy đủ: không còn chuỗi tiếng Anh nào trong "
                    f"{len(editor_facing_catalogues())} danh mục chuỗi của giao diện quản trị."
                )
            )
            return 0
        for catalogue, group in groupby(untranslated, key=lambda item: item.catalogue):
            items = list(group)
            self.stdout.write(self.style.WARNING(f"{catalogue}: {len(items)} chuỗi chưa dịch"))
            for item in items:
                context = f" [ngữ cảnh: {item.msgctxt}]" if item.msgctxt else ""
                self.stdout.write(f"  {item.msgid!r}{context}")
        return len(untranslated)

    def check_rendered_admin(self) -> int:
        existing = set(
            get_user_model().objects.filter(username__in=DEMO_ROLE_USERNAMES).values_list("username", flat=True)
        )
        missing = [name for name in DEMO_ROLE_USERNAMES if name not in existing]
        if missing:
            raise CommandError(
                f"Thiếu tài khoản mẫu {', '.join(missing)}: chạy `manage.py load_demo --with-accounts` trước."
            )
        with transaction.atomic():
            found, pages_read = crawl_admin()
            transaction.set_rollback(True)  # exports and views may log; the check changes nothing
        if not found:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã duyệt {pages_read} trang quản trị với {len(DEMO_ROLE_USERNAMES)} vai trò mẫu: "
                    "không còn chữ tiếng Anh, None/True/False hay mã mô hình."
                )
            )
            return 0
        self.stdout.write(self.style.WARNING(f"{len(found)} chỗ còn sót trên {pages_read} trang quản trị:"))
        for leftover in found:
            self.stdout.write(
                f"  [{leftover.role}] {leftover.url} ({leftover.where}) {leftover.word!r}: {leftover.context}"
            )
        return len(found)
