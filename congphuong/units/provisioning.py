"""A new ward's portal from its official unit: the city IT team's `manage.py add_ward CODE --hostname …`.

Creates, in one transaction: the Wagtail Site and home page named after the unit; "Thông tin phường"
(official name, parent unit, unit code); the standard sections a ward portal has (empty, published so
the ward's editors can start: every article, document or answer they add goes through the leader's
approval); the ward's editorial groups and approval workflow (`editorial.roles.ensure_roles`, with
every app's permissions); the default mandatory categories of the compliance board. No person, phone
or address is invented: those the ward fills in ("Thông tin phường", "Tiếp cận thông tin").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Site

from congphuong.core.text import slugify_vi

from .models import AdministrativeUnit


class WardNotCreated(Exception):
    """Why a ward could not be made, in Vietnamese; nothing was changed."""


# (model label, title, slug, shown in the main menu): the sections of a ward portal, in menu order.
SECTIONS = (
    ("organisation.AboutIndexPage", "Giới thiệu", "gioi-thieu", True),
    ("news.CategoryPage", "Tin tức – sự kiện", "tin-tuc-su-kien", True),
    ("news.CategoryPage", "Thông báo", "thong-bao", False),
    ("documents.DocumentIndexPage", "Văn bản", "van-ban", True),
    ("documents.DraftIndexPage", "Dự thảo lấy ý kiến", "du-thao-lay-y-kien", False),
    ("procedures.ProcedureIndexPage", "Thủ tục hành chính", "thu-tuc-hanh-chinh", True),
    ("organisation.DisclosureIndexPage", "Công khai", "cong-khai", True),
    ("organisation.WorkSchedulePage", "Lịch công tác", "lich-cong-tac", True),
    ("feedback.FeedbackPage", "Hỏi đáp – phản ánh kiến nghị", "hoi-dap", True),
    ("media.MediaIndexPage", "Tin tức media", "tin-tuc-media", False),
    ("learning.LearningSocietyPage", "Xã hội học tập", "xa-hoi-hoc-tap", False),
    ("information_access.InformationAccessPage", "Tiếp cận thông tin", "tiep-can-thong-tin", False),
    ("accessibility.AccessibilityStatementPage", "Tuyên bố hỗ trợ tiếp cận", "ho-tro-tiep-can", False),
)
# News categories under "Tin tức – sự kiện", as ward portals group their news.
NEWS_CATEGORIES = (
    "Đảng ủy",
    "Hội đồng nhân dân – Ủy ban nhân dân",
    "Mặt trận Tổ quốc và các đoàn thể",
    "An sinh xã hội",
    "Cải cách hành chính – chuyển đổi số",
)


@dataclass
class NewWard:
    site: Site
    home: Page
    sections: list[Page]


def current_unit(code: str) -> AdministrativeUnit:
    code = code.strip()
    unit = AdministrativeUnit.objects.filter(code=code, valid_to__isnull=True).first()
    if unit is not None:
        return unit
    old = AdministrativeUnit.objects.filter(code=code).prefetch_related("successions__successor").first()
    if old is not None:
        successors = ", ".join(f"{link.successor.name} (mã {link.successor.code})" for link in old.successions.all())
        raise WardNotCreated(f"Mã {code} là {old} — đơn vị cũ, hết hiệu lực; nay thuộc: {successors or 'không rõ'}.")
    if not AdministrativeUnit.objects.exists():
        raise WardNotCreated("Chưa có danh mục đơn vị hành chính: chạy `manage.py load_admin_units` trước.")
    raise WardNotCreated(f"Không có phường/xã/đặc khu hiện hành nào mang mã {code}.")


def _official_name(unit: AdministrativeUnit) -> str:
    return f"ỦY BAN NHÂN DÂN {unit.name.upper()}"  # "ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA"


def _add(parent: Page, label: str, **fields) -> Page:
    from django.apps import apps

    from congphuong.editorial.publishing import approved_publishing

    model = apps.get_model(label)
    page = model(**fields)
    # The four-eyes rule is for what people write. These are the empty sections of a new ward, their
    # titles fixed here, made by the install's administrator (command line or superuser-only screen).
    with approved_publishing():
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


@transaction.atomic
def add_ward(code: str, hostname: str, port: int = 443, default: bool = False) -> NewWard:
    from congphuong.editorial.roles import ensure_roles
    from congphuong.feedback.models import Topic
    from congphuong.organisation.compliance.sources import ensure_default_categories
    from congphuong.wards.models import WardSettings

    unit = current_unit(code)
    hostname = hostname.strip().lower()
    if not hostname or " " in hostname:
        raise WardNotCreated(f"Tên miền «{hostname}» không hợp lệ.")
    if Site.objects.filter(hostname=hostname, port=port).exists():
        raise WardNotCreated(f"Đã có trang web {hostname}:{port}; không tạo thêm.")
    if WardSettings.objects.filter(unit_code=unit.code).exists():
        raise WardNotCreated(f"{unit.name} (mã {unit.code}) đã có cổng trên hệ thống này.")

    root = Page.get_first_root_node()
    home = _add(root, "home.HomePage", title=unit.name, slug=slugify_vi(f"{unit.name}-{unit.code}"))
    site = Site.objects.create(
        hostname=hostname, port=port, root_page=home, site_name=unit.name, is_default_site=default
    )
    WardSettings.objects.update_or_create(
        site=site,
        defaults={
            "official_name": _official_name(unit),
            "short_name": unit.name,
            "parent_unit": unit.province,
            "unit_code": unit.code,
        },
    )
    sections = []
    for label, title, slug, in_menu in SECTIONS:
        extra = {}
        if label == "information_access.InformationAccessPage":
            extra = {
                "contact_unit": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
                "contact_address": f"Trụ sở Ủy ban nhân dân {unit.name}",
            }
        if label == "accessibility.AccessibilityStatementPage":
            extra = {
                "report_topic": Topic.objects.get_or_create(
                    site=site, name="Khó khăn khi dùng cổng (hỗ trợ tiếp cận)", defaults={"sort_order": 90}
                )[0]
            }
        sections.append(_add(home, label, title=title, slug=slug, show_in_menus=in_menu, **extra))
    news = next(page for page in sections if page.slug == "tin-tuc-su-kien")
    for title in NEWS_CATEGORIES:
        sections.append(_add(news, "news.CategoryPage", title=title, slug=slugify_vi(title)))
    ensure_roles([home])
    ensure_default_categories(site)
    return NewWard(site=site, home=home, sections=sections)
