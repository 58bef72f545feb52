"""`manage.py load_demo`: two fictional demo wards, the editorial roles and the demo accounts.

Idempotent: when the demo wards exist it only makes sure the roles (and, when
asked, the accounts) are there, and exits. `--reset` removes the demo wards and
builds them again.
"""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from congphuong.core.bulk import bulk_changes
from congphuong.demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from congphuong.demo.builder import build_demo, delete_demo, demo_exists, set_demo_port
from congphuong.editorial.roles import ROLES, WORKFLOW_NAME, ensure_roles


@contextmanager
def _quiet_wagtail():
    """Wagtail logs every page it creates and publishes at INFO: hundreds of lines here."""
    logger = logging.getLogger("wagtail")
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _url(site) -> str:
    port = "" if site.port == 80 else f":{site.port}"
    return f"http://{site.hostname}{port}/"


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: hai phường, bài viết, tin media, vai trò biên tập và tài khoản thử."
    requires_system_checks = []  # `make run` has just run migrate, which checks; keep the second run fast

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Xóa các phường mẫu hiện có rồi tạo lại.")
        parser.add_argument(
            "--port",
            type=int,
            default=None,
            help="Cổng mà máy chủ phát triển chạy (make run PORT=…), dùng cho địa chỉ đầy đủ của các phường mẫu.",
        )
        parser.add_argument(
            "--core-only",
            action="store_true",
            help="Chỉ tạo phường, danh mục, bài viết, tin media; bỏ qua dữ liệu mẫu của các ứng dụng khác.",
        )
        parser.add_argument(
            "--with-accounts",
            action="store_true",
            help="Tạo tài khoản mẫu cả khi DEBUG=False (khi DEBUG=True luôn tạo).",
        )

    def handle(self, *args, reset=False, with_accounts=False, core_only=False, port=None, **options):
        started = time.monotonic()
        with_accounts = with_accounts or settings.DEBUG

        if demo_exists() and not reset:
            if port:
                set_demo_port(port)
            ensure_roles()
            if with_accounts:
                ensure_demo_accounts()
            self.stdout.write("Dữ liệu mẫu đã có, bỏ qua.")
            return

        # bulk_changes: no renditions, page-cache purges or indexing per save; each once at the end.
        with _quiet_wagtail(), transaction.atomic(), bulk_changes():  # a failed rebuild keeps the old demo
            if reset:
                removed = delete_demo()
                if removed:
                    self.stdout.write(f"Đã xóa {removed} phường mẫu cũ.")
            # Gives the editorial roles their rights on each ward.
            wards = build_demo(with_apps=not core_only, port=port)
            ensure_roles()  # idempotent; also covers wards that are not the demo's
        accounts = ensure_demo_accounts(reset_password=reset) if with_accounts else []

        self.stdout.write(self.style.SUCCESS("Đã tạo dữ liệu mẫu:"))
        for ward in wards:
            self.stdout.write(
                f"  • {ward.spec.name} ({_url(ward.site)}): {ward.categories} danh mục, {ward.articles} bài viết, "
                f"{ward.media} tin media, {ward.themes} chủ đề năm, {ward.images} ảnh"
            )
            if ward.apps:
                self.stdout.write(f"    và dữ liệu mẫu của: {', '.join(ward.apps)}")
        self.stdout.write(
            f"  • Vai trò: {', '.join(role.name for role in ROLES)}; "
            f"quy trình duyệt “{WORKFLOW_NAME}” gắn với trang chủ mỗi phường"
        )
        if accounts:
            self.stdout.write(f"Tài khoản mẫu (mật khẩu {DEMO_PASSWORD}), đăng nhập tại /admin/:")
            for account, _created in accounts:
                self.stdout.write(
                    f"  {account.username:<12} {account.first_name} {account.last_name} — {account.group}"
                )
        else:
            self.stdout.write("Không tạo tài khoản mẫu (DEBUG=False); thêm --with-accounts nếu cần.")
        self.stdout.write(f"Xong sau {_seconds(time.monotonic() - started)} giây.")
