"""`manage.py setup_roles`: the editorial groups, their rights on every ward and the approval workflow.

Run it once after the first `migrate` of a production install and again after adding a
ward; it is idempotent (creates what is missing, removes nothing granted by hand).
`load_demo` runs it too.
"""

from django.core.management.base import BaseCommand

from congphuong.core.roles import ROLES, WORKFLOW_NAME, ensure_roles, ward_home_pages


class Command(BaseCommand):
    help = "Tạo hoặc bổ sung các nhóm quyền (Biên tập viên, Lãnh đạo duyệt, Quản trị trang) và quy trình duyệt."

    def handle(self, *args, **options):
        homes = ward_home_pages()
        groups = ensure_roles(homes)
        self.stdout.write(self.style.SUCCESS(f"Nhóm quyền: {', '.join(groups)}."))
        self.stdout.write(f"Quy trình “{WORKFLOW_NAME}” (bước duyệt bốn mắt) gắn với {len(homes)} trang chủ phường.")
        if not homes:
            self.stdout.write("Chưa có phường nào: tạo trang chủ phường rồi chạy lại lệnh này.")
        missing = [role.name for role in ROLES if role.name not in groups]
        if missing:
            self.stderr.write(f"Thiếu nhóm: {', '.join(missing)}")
