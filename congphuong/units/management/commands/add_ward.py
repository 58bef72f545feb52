"""`manage.py add_ward CODE --hostname HOST [--port 443]` or `add_ward --from-file wards.csv`: a ward's
portal from its official unit (units/provisioning.py). The file has one ward a line: `code,hostname`
(a header line `ma,ten_mien` is allowed). Each ward is made in its own transaction; a ward that cannot
be made is reported with its line and the others go on."""

import csv
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congphuong.units.provisioning import WardNotCreated, add_ward


class Command(BaseCommand):
    help = "Tạo cổng cho một phường/xã/đặc khu từ mã đơn vị hành chính (hoặc nhiều phường từ tệp CSV)."

    def add_arguments(self, parser):
        parser.add_argument("code", nargs="?", help="Mã đơn vị hành chính hiện hành, ví dụ 26977.")
        parser.add_argument("--hostname", help="Tên miền của cổng, ví dụ tansonhoa.hochiminhcity.gov.vn.")
        parser.add_argument("--port", type=int, default=443)
        parser.add_argument("--from-file", type=Path, help="Tệp CSV: mỗi dòng «mã,tên miền».")

    def handle(self, *args, code=None, hostname=None, port=443, from_file=None, **options):
        if from_file is not None:
            rows = self._rows(from_file)
        elif code and hostname:
            rows = [(0, code, hostname)]
        else:
            raise CommandError("Cần mã đơn vị và --hostname, hoặc --from-file.")
        failed = 0
        for line, unit_code, host in rows:
            started = time.monotonic()
            try:
                ward = add_ward(unit_code, host, port=port)
            except WardNotCreated as problem:
                failed += 1
                where = f"dòng {line}: " if line else ""
                self.stderr.write(f"{where}{problem}")
                continue
            self.stdout.write(
                f"Đã tạo {ward.site.site_name} tại {ward.site.root_url} ({len(ward.sections)} chuyên mục, "
                f"{time.monotonic() - started:.1f} giây)."
            )
        if failed:
            raise CommandError(f"{failed} phường chưa tạo được (xem thông báo ở trên); các phường khác đã tạo.")

    def _rows(self, path):
        try:
            with path.open(encoding="utf-8-sig", newline="") as stream:
                raw = list(csv.reader(stream))
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc.__class__.__name__}.") from exc
        rows = []
        for number, cells in enumerate(raw, start=1):
            cells = [cell.strip() for cell in cells]
            if not any(cells) or (number == 1 and cells[0].lower() in ("ma", "mã", "code")):
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise CommandError(f"Tệp {path}, dòng {number}: cần «mã,tên miền».")
            rows.append((number, cells[0], cells[1]))
        return rows
