"""Development stand-in for the production timer: publish scheduled content every N seconds.

Production runs `manage.py publish_scheduled` from a systemd timer or cron
(docs/editorial-workflow.md); `make run` starts this loop beside the server.
"""

import time

from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = "Chạy lặp lệnh publish_scheduled (xuất bản/hết hạn theo lịch) mỗi N giây."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=30, help="Số giây giữa hai lần chạy (mặc định 30).")
        parser.add_argument("--once", action="store_true", help="Chạy một lần rồi thoát.")

    def handle(self, *args, interval, once, **options):
        while True:
            call_command("publish_scheduled", verbosity=0)
            if once:
                return
            time.sleep(interval)
