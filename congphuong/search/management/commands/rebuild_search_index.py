"""`manage.py rebuild_search_index`: drop the portal's search index and build it again."""

import time

from django.core.management.base import BaseCommand

from congphuong.search import indexer


class Command(BaseCommand):
    help = "Xây dựng lại toàn bộ chỉ mục tìm kiếm của cổng (mọi phường, mọi loại nội dung)."

    def handle(self, *args, **options):
        started = time.monotonic()
        log = self.stdout.write if options["verbosity"] > 1 else None
        total = indexer.rebuild(log=log)
        if options["verbosity"]:
            seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
            self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {total} mục trong {seconds} giây."))
