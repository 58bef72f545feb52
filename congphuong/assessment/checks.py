"""The self-assessment of one ward's portal against the national ranking's groups of criteria.

Each item is measured now from the server where it can be (the app's own responses, the compliance
board, the page tree, the settings), or read from the last run of `manage.py measure_portal`
(Lighthouse page speed, TLS versions, IPv6). An item nothing has measured says so ("Chưa đo") and
counts neither for nor against the score: no figure is invented. A group's score is the share of its
measured items that pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory
from django.utils import timezone

from . import lighthouse, probes
from .models import ConnectionProbe, PageKind, PageSpeedRun

PASS, FAIL, UNMEASURED = "dat", "chua-dat", "chua-do"
STATUS_LABELS = {PASS: "Đạt", FAIL: "Chưa đạt", UNMEASURED: "Chưa đo"}
HSTS_MIN_SECONDS = 31_536_000  # one year, what browsers' preload lists and the ranking expect
# Measurements older than this are shown with a warning: the figures may no longer hold.
STALE_DAYS = 31


@dataclass
class Item:
    name: str
    status: str
    figure: str = ""  # what was found, in words and numbers
    advice: str = ""  # what to do to pass (shown when it does not)
    source: str = "Đo từ máy chủ"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Group:
    name: str
    items: list[Item] = field(default_factory=list)

    def add(self, *args, **kwargs) -> Item:
        item = Item(*args, **kwargs)
        self.items.append(item)
        return item

    @property
    def measured(self) -> list[Item]:
        return [item for item in self.items if item.status != UNMEASURED]

    @property
    def passed(self) -> int:
        return sum(1 for item in self.items if item.status == PASS)

    @property
    def unmeasured(self) -> int:
        return len(self.items) - len(self.measured)

    @property
    def score(self) -> int | None:
        """Percent of the measured items that pass; None when nothing was measured."""
        return round(100 * self.passed / len(self.measured)) if self.measured else None


@dataclass
class Assessment:
    site: object
    groups: list[Group]
    made_at: object

    @property
    def to_do(self) -> list[tuple[str, Item]]:
        return [(group.name, item) for group in self.groups for item in group.items if item.status != PASS]


def _verdict(ok: bool) -> str:
    return PASS if ok else FAIL


def _handler() -> BaseHandler:
    # One per assessment, not per process: middleware reads the settings when it is made.
    handler = BaseHandler()
    handler.load_middleware()
    return handler


def _fetch(handler: BaseHandler, site, path: str):
    """The app's own answer to `path` on the ward's host, as a reader over HTTPS would get it.

    Through the middleware and views, without the request signals a test client or the WSGI handler
    sends (request_finished would close the database connection of the admin request asking)."""
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    request = RequestFactory().get(path, HTTP_HOST=host, secure=True)
    response = handler.get_response(request)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    return response


def _home(site):
    return site.root_page.specific


def _content_advice(row) -> str:
    """What to do for a mandatory category that fails: publish what is missing, or close the overdue
    questions and requests (their codes), which no publishing fixes."""
    board = "(xem bảng theo dõi công khai thông tin)"
    if row.status == "overdue":
        titles = ", ".join(finding.title for finding in row.overdue[:3]) + ("…" if len(row.overdue) > 3 else "")
        if row.is_questions:
            return f"Trả lời hoặc giải quyết xong các mục đã quá hạn: {titles} {board}."
        return f"Đăng các mục đã quá hạn: {titles} {board}."
    if row.status == "missing":
        return f"Đăng nội dung cho hạng mục này {board}."
    return f"Kiểm tra hạng mục này {board}: {row.status_label}."


def _content_group(site) -> Group:
    from congphuong.accessibility.models import AccessibilityStatementPage
    from congphuong.information_access.models import InformationAccessPage
    from congphuong.organisation.compliance.board import build_board
    from congphuong.organisation.english import english_section

    group = Group("Chuyên mục và thông tin bắt buộc")
    board = build_board(site)
    if not board.rows:
        group.add(
            "Hạng mục thông tin bắt buộc",
            FAIL,
            "Phường chưa khai báo hạng mục bắt buộc nào.",
            "Vào «Công khai» (bảng theo dõi công khai thông tin) và tạo các hạng mục mặc định.",
        )
    for row in board.rows:
        ok = row.status in ("ok", "late", "due_soon")
        updated = f"; cập nhật {timezone.localtime(row.last_updated):%d/%m/%Y}" if row.last_updated else ""
        group.add(
            f"Hạng mục bắt buộc: {row.category.name}",
            _verdict(ok),
            f"{row.status_label}{updated}",
            "" if ok else _content_advice(row),
            "Bảng theo dõi công khai thông tin",
        )
    home = _home(site)
    english = english_section(site)
    group.add(
        "Phần tiếng Anh (Nghị định 42/2022/NĐ-CP, Điều 7)",
        _verdict(english.complete),
        "Có phần tiếng Anh tại /en/: tổ chức bộ máy, chức năng nhiệm vụ, liên hệ chính thức."
        if english.complete
        else "Chưa đủ phần tiếng Anh. Còn thiếu: " + "; ".join(english.missing) + ".",
        "Xuất bản bằng tiếng Anh ít nhất: tổ chức bộ máy, chức năng nhiệm vụ, thông tin liên hệ chính thức "
        "(dịch trang chủ sang tiếng Anh bằng «Dịch», xem docs/english-section.md).",
    )
    statement = AccessibilityStatementPage.objects.live().public().child_of(home).first()
    group.add(
        "Tuyên bố hỗ trợ tiếp cận (Thông tư 26/2020/TT-BTTTT)",
        _verdict(statement is not None),
        f"Có; rà soát ngày {statement.last_reviewed:%d/%m/%Y}." if statement else "Chưa có.",
        "Tạo trang «Tuyên bố hỗ trợ tiếp cận» dưới trang chủ và gửi duyệt.",
    )
    access = InformationAccessPage.objects.live().public().child_of(home).exists()
    group.add(
        "Chuyên mục Tiếp cận thông tin (Nghị định 13/2018/NĐ-CP, Điều 11)",
        _verdict(access),
        "Có." if access else "Chưa có.",
        "Tạo trang «Tiếp cận thông tin» dưới trang chủ và gửi duyệt.",
    )
    return group


def _formats_group(handler: BaseHandler, site, probe: ConnectionProbe | None) -> Group:
    group = Group("Định dạng dữ liệu và kết nối")
    sitemap = _fetch(handler, site, "/sitemap.xml")  # the index of the sitemap's pages
    urls = 0
    if sitemap.status_code == 200:
        for location in re.findall(rb"<loc>([^<]+)</loc>", sitemap.content):
            part = urlsplit(location.decode())
            page = _fetch(handler, site, part.path + (f"?{part.query}" if part.query else ""))
            urls += page.content.count(b"<loc>") if page.status_code == 200 else 0
    group.add(
        "Sơ đồ trang (sitemap.xml)",
        _verdict(urls > 0),
        f"HTTP {sitemap.status_code}, {urls} địa chỉ.",
        "Kiểm tra trang chủ của phường đã xuất bản và /sitemap.xml trả về danh sách trang.",
    )
    feed = _fetch(handler, site, "/rss/")
    is_feed = feed.status_code == 200 and b"<rss" in feed.content[:500]
    group.add(
        "Tin mới qua RSS (/rss/)",
        _verdict(is_feed),
        f"HTTP {feed.status_code}" + (", đúng định dạng RSS." if is_feed else "."),
        "Kiểm tra /rss/ trả về nguồn tin RSS của phường.",
    )
    if probe is None:
        group.add("IPv6", UNMEASURED, "Chưa có lần đo nào.", "Chạy `manage.py measure_portal` trên máy chủ.", "")
    else:
        group.add(
            "IPv6",
            _verdict(bool(probe.ipv6_reachable)),
            f"{probe.ipv6_address} – kết nối được" if probe.ipv6_reachable else "Không kết nối được qua IPv6.",
            "Khai báo bản ghi AAAA cho tên miền và cho nginx nghe trên [::]:443 (docs/deploy.md).",
            f"Đo lúc {timezone.localtime(probe.measured_at):%H:%M %d/%m/%Y}",
        )
    return group


def _domain_group(site) -> Group:
    group = Group("Tên miền")
    ok = site.hostname.endswith(".gov.vn")
    group.add(
        "Tên miền .gov.vn",
        _verdict(ok),
        site.hostname,
        "Cổng của cơ quan nhà nước dùng tên miền .gov.vn: đăng ký với cơ quan quản lý tên miền của tỉnh/thành phố.",
    )
    return group


def _speed_group(site) -> Group:
    group = Group("Tốc độ trang (Lighthouse, di động)")
    for kind, label in PageKind.choices:
        run = PageSpeedRun.objects.filter(site=site, page_kind=kind).first()
        if run is None:
            group.add(
                f"{label}: tốc độ",
                UNMEASURED,
                "Chưa có lần đo nào.",
                "Chạy `manage.py measure_portal` trên máy chủ có Node.js (Lighthouse: `make bench-lighthouse`).",
                "",
            )
            continue
        when = f"{run.tool}, đo lúc {timezone.localtime(run.measured_at):%H:%M %d/%m/%Y}"
        if (timezone.now() - run.measured_at).days > STALE_DAYS:
            when += " (đã cũ: nên đo lại)"
        for field_name, _audit, limit, metric in lighthouse.METRICS:
            value = getattr(run, field_name)
            group.add(
                f"{label}: {metric} < {limit / 1000:g} giây".replace(".", ","),
                _verdict(value < limit),
                f"{value / 1000:.1f} giây".replace(".", ","),
                "Giảm ảnh và kịch bản tải đầu trang; bật bộ nhớ đệm trang (docs/caching.md).",
                when,
            )
    return group


def _security_group(handler: BaseHandler, site, probe: ConnectionProbe | None) -> Group:
    group = Group("An toàn thông tin")
    group.add(
        "Chuyển mọi truy cập sang HTTPS",
        _verdict(bool(settings.SECURE_SSL_REDIRECT)),
        "Bật" if settings.SECURE_SSL_REDIRECT else "Tắt",
        "Đặt SECURE_SSL_REDIRECT=1 (mặc định của cấu hình vận hành).",
        "Cấu hình ứng dụng",
    )
    response = _fetch(handler, site, "/")
    hsts = response.headers.get("Strict-Transport-Security", "")
    max_age = next((int(part.split("=", 1)[1]) for part in hsts.split(";") if part.strip().startswith("max-age=")), 0)
    group.add(
        "HSTS (ít nhất 1 năm)",
        _verdict(max_age >= HSTS_MIN_SECONDS),
        hsts or "Không có tiêu đề Strict-Transport-Security.",
        "Đặt SECURE_HSTS_SECONDS=31536000 (mặc định của cấu hình vận hành).",
    )
    headers = {
        "Content-Security-Policy": "Content-Security-Policy" in response.headers,
        "X-Content-Type-Options: nosniff": response.headers.get("X-Content-Type-Options") == "nosniff",
        "Referrer-Policy": "Referrer-Policy" in response.headers,
        "Chống nhúng khung (frame-ancestors/X-Frame-Options)": "frame-ancestors"
        in response.headers.get("Content-Security-Policy", "")
        or "X-Frame-Options" in response.headers,
    }
    missing = [name for name, present in headers.items() if not present]
    group.add(
        "Tiêu đề bảo mật của trang",
        _verdict(not missing),
        "Đủ: " + ", ".join(headers) if not missing else "Thiếu: " + ", ".join(missing),
        "Dùng cấu hình vận hành (congphuong.settings.production) và tệp nginx mẫu trong deploy/.",
    )
    if probe is None:
        group.add("Phiên bản TLS", UNMEASURED, "Chưa có lần đo nào.", "Chạy `manage.py measure_portal`.", "")
    elif not probe.accepted_versions:
        group.add(
            "Phiên bản TLS", UNMEASURED, probe.tls_error or "Không kết nối được.", "Chạy lại khi máy chủ chạy.", ""
        )
    else:
        versions = set(probe.accepted_versions)
        ok = versions <= probes.WANTED and "TLSv1.3" in versions
        group.add(
            "Phiên bản TLS (chỉ 1.2 và 1.3)",
            _verdict(ok),
            ", ".join(probe.accepted_versions),
            "Trong nginx: ssl_protocols TLSv1.2 TLSv1.3; ở cả khối server mặc định (docs/security.md).",
            f"Đo lúc {timezone.localtime(probe.measured_at):%H:%M %d/%m/%Y}",
        )
    return group


def assess(site) -> Assessment:
    probe = ConnectionProbe.objects.filter(site=site).first()
    handler = _handler()
    groups = [
        _content_group(site),
        _formats_group(handler, site, probe),
        _domain_group(site),
        _speed_group(site),
        _security_group(handler, site, probe),
    ]
    return Assessment(site=site, groups=groups, made_at=timezone.now())
