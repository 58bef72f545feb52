"""`manage.py setup_roles`: each ward's editorial groups, their rights and the approval workflow.

Run it once after the first `migrate` of a production install and again after adding a
ward; it is idempotent (creates what is missing, removes nothing granted by hand to a
ward's group). `load_demo` runs it too. See `congphuong.editorial.roles` for what happens
to the global groups of an older setup.
"""

from django.core.management.base import BaseCommand

from congphuong.editorial.roles import ROLES, WORKFLOW_NAME, ensure_roles, ward_home_pages


class Command(BaseCommand):
    help = (
        "Tạo hoặc bổ sung các nhóm quyền của từng phường (Biên tập viên, Lãnh đạo duyệt, Quản trị trang) "
        "và quy trình duyệt."
    )

    def handle(self, *args, **options):
        homes = ward_home_pages()
        groups = ensure_roles(homes)
        self.stdout.write(self.style.SUCCESS(f"Nhóm mẫu (không gắn phường): {', '.join(groups.templates)}."))
        for ward_groups in groups.by_site.values():
            self.stdout.write(f"  • {', '.join(group.name for group in ward_groups.values())}")
        self.stdout.write(f"Quy trình “{WORKFLOW_NAME}” (bước duyệt bốn mắt) gắn với {len(homes)} trang chủ phường.")
        if not homes:
            self.stdout.write("Chưa có phường nào: tạo trang chủ phường rồi chạy lại lệnh này.")
        without_site = len(homes) - len(groups.by_site)
        if without_site > 0:
            self.stderr.write(f"{without_site} trang chủ chưa gắn với trang web (Site) nào nên chưa có nhóm quyền.")
        missing = [
            role.name for ward_groups in groups.by_site.values() for role in ROLES if role.name not in ward_groups
        ]
        if missing:
            self.stderr.write(f"Thiếu nhóm: {', '.join(missing)}")
        if groups.unplaced:
            self.stderr.write(
                "Đã rút khỏi nhóm dùng chung (nhóm đó nay không còn quyền trên phường nào) các tài khoản: "
                f"{', '.join(groups.unplaced)}. Hãy gán họ vào nhóm của đúng phường trong mục Người dùng."
            )
