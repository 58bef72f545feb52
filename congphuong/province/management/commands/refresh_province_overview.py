"""Recompute each ward's compliance-board state shown on "Tổng quan thành phố" (run from cron)."""

from django.core.management.base import BaseCommand

from congphuong.province.overview import refresh_snapshots


class Command(BaseCommand):
    help = "Tính lại trạng thái bảng theo dõi công khai của mọi phường cho trang Tổng quan thành phố."

    def handle(self, *args, **options):
        count = refresh_snapshots()
        self.stdout.write(f"Đã tính lại {count} phường.")
