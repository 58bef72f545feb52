"""List (and optionally e-mail) recognitions that expire soon, so the ward re-assesses in time.

    python manage.py learning_reminders --days 60
    python manage.py learning_reminders --days 60 --email

With --email each ward's list goes to the active members of "Cán bộ khuyến học" who have
an e-mail address. Run it weekly from cron or a systemd timer.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from congphuong.learning.roles import LEARNING_OFFICER
from congphuong.learning.workflow import expiring


class Command(BaseCommand):
    help = "Liệt kê các công nhận sắp hết hạn (và gửi thư nhắc cho cán bộ khuyến học)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=60, help="Số ngày tới (mặc định 60).")
        parser.add_argument("--email", action="store_true", help="Gửi thư nhắc cho nhóm Cán bộ khuyến học.")
        parser.add_argument("--today", help="Ngày tính (YYYY-MM-DD), để thử.")

    def handle(self, *args, days, email, today=None, **options):
        if days < 0 or days > 3650:
            raise CommandError("--days phải từ 0 đến 3650.")
        try:
            day = datetime.date.fromisoformat(today) if today else datetime.date.today()
        except ValueError as exc:
            raise CommandError("--today phải có dạng YYYY-MM-DD.") from exc
        by_site = {}
        for registration in expiring(None, days, day):
            by_site.setdefault(registration.site, []).append(registration)
        if not by_site:
            self.stdout.write(f"Không có công nhận nào hết hạn trong {days} ngày tới.")
            return
        recipients = list(
            get_user_model()
            .objects.filter(groups__name=LEARNING_OFFICER, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        for site, items in by_site.items():
            lines = [
                f"- {item.get_learning_model_display()}: {item.subject_name}"
                f"{f' ({item.quarter})' if item.quarter else ''}, hết hạn ngày {item.valid_until:%d/%m/%Y}"
                for item in items
            ]
            heading = f"{site.site_name}: {len(items)} công nhận hết hạn trong {days} ngày tới"
            self.stdout.write(heading)
            self.stdout.write("\n".join(lines))
            if email and recipients:
                link = f"{settings.WAGTAILADMIN_BASE_URL}{reverse('learning_dashboard')}?phuong={site.pk}"
                send_mail(
                    f"[Xã hội học tập] {heading}",
                    "Các công nhận sau sắp hết hạn; hãy hướng dẫn đăng ký đánh giá lại:\n\n"
                    + "\n".join(lines)
                    + f"\n\nXem chi tiết: {link}",
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                )
        if email:
            self.stdout.write(f"Đã gửi thư cho {len(recipients)} người." if recipients else "Không có ai để gửi thư.")
