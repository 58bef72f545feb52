"""List the personal records past their retention period (nothing is deleted).

    manage.py learning_retention [--ward HOST] [--date dd/mm/yyyy]

One line per record: kind, record id, ward(s), the date the period counts from and the day it
ended. No name is printed: the officer opens the record in the admin to decide.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Site

from congphuong.learning import retention


class Command(BaseCommand):
    help = "Liệt kê dữ liệu cá nhân của mục Xã hội học tập đã quá thời hạn lưu giữ (không xóa gì)."

    def add_arguments(self, parser):
        parser.add_argument("--ward", help="Tên miền của phường (mặc định: mọi phường)")
        parser.add_argument("--date", help="Tính đến ngày dd/mm/yyyy (mặc định: hôm nay)")

    def handle(self, *args, ward=None, date=None, **options):
        today = timezone.localdate()
        if date:
            try:
                today = datetime.datetime.strptime(date, "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError(f"Ngày “{date}” không đúng dạng dd/mm/yyyy.") from exc
        site_ids = None
        if ward:
            site = Site.objects.filter(hostname=ward).first()
            if site is None:
                raise CommandError(f"Không có phường với tên miền “{ward}”.")
            site_ids = [site.pk]
        names = dict(Site.objects.values_list("pk", "site_name"))
        total = 0
        for item in retention.overdue(site_ids, today, with_records=True):
            rule = item.rule
            self.stdout.write(
                f"{rule.get_kind_display()}: lưu {rule.years} năm, tính từ {rule.counted_from.lower()}"
                f"{'' if rule.confirmed else ' (mặc định, chưa xác nhận căn cứ)'} — quá hạn: {item.count}"
            )
            for record in item.records:
                start = retention.reference_date(rule.kind, record)
                end = retention.cutoff(-rule.years, start)
                wards = ", ".join(names.get(pk) or str(pk) for pk in retention.record_site_ids(record))
                self.stdout.write(
                    f"  {record._meta.model_name} #{record.pk}\t{wards}\ttừ {start:%d/%m/%Y}\thết hạn {end:%d/%m/%Y}"
                )
            total += item.count
        self.stdout.write(f"Tổng cộng: {total} bản ghi quá thời hạn lưu giữ.")
