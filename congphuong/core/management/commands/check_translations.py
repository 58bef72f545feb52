"""List Wagtail back-office strings that still render in English under "vi".

Exits non-zero when any are found, so it can gate CI or a deployment.
"""

from itertools import groupby

from django.core.management.base import BaseCommand, CommandError

from congphuong.core.translation_check import editor_facing_catalogues, untranslated_admin_strings


class Command(BaseCommand):
    help = "Liệt kê các chuỗi giao diện quản trị Wagtail chưa được dịch sang tiếng Việt."

    def handle(self, *args, **options):
        untranslated = untranslated_admin_strings()
        if not untranslated:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã dịch đầy đủ: không còn chuỗi tiếng Anh nào trong "
                    f"{len(editor_facing_catalogues())} danh mục chuỗi của giao diện quản trị."
                )
            )
            return

        for catalogue, items in groupby(untranslated, key=lambda item: item.catalogue):
            items = list(items)
            self.stdout.write(self.style.WARNING(f"{catalogue}: {len(items)} chuỗi chưa dịch"))
            for item in items:
                context = f" [ngữ cảnh: {item.msgctxt}]" if item.msgctxt else ""
                self.stdout.write(f"  {item.msgid!r}{context}")

        raise CommandError(
            f"Còn {len(untranslated)} chuỗi chưa dịch sang tiếng Việt. "
            "Hãy bổ sung bản dịch vào congphuong/locale rồi biên dịch lại tệp .mo (msgfmt)."
        )
