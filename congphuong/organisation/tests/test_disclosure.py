"""Công khai: the list and its filters, and the minimum display period (Luật 10/2022/QH15, Điều 12)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from congphuong.editorial.roles import APPROVER, SITE_ADMIN, ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.organisation.models import DisclosurePage, DisclosureRemoval
from congphuong.wards.tests.factories import make_ward

from .factories import DisclosureCategoryFactory, DisclosureIndexPageFactory, DisclosurePageFactory, local, published_at

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def section(home):
    return DisclosureIndexPageFactory(parent=home)


@pytest.fixture
def budget(ward):
    return DisclosureCategoryFactory(site=ward, name="Ngân sách", slug="ngan-sach")


@pytest.fixture
def fees(ward):
    return DisclosureCategoryFactory(site=ward, name="Phí, lệ phí", slug="phi-le-phi", minimum_days=45)


def posting(section, category, days_ago, **kwargs):
    posted = TODAY() - datetime.timedelta(days=days_ago)
    page = DisclosurePageFactory(parent=section, category=category, posted_on=posted, **kwargs)
    return published_at(page, local(posted))


# --- the list -----------------------------------------------------------------------------


def test_list_filters_by_category_and_year(client, section, budget, fees):
    posting(section, budget, 10, title="Dự toán ngân sách năm nay")
    posting(section, fees, 20, title="Mức thu lệ phí hộ tịch")
    old = DisclosurePageFactory(
        parent=section, category=budget, posted_on=datetime.date(2024, 6, 1), title="Quyết toán 2023"
    )

    html = client.get(section.url).content.decode()
    assert "Có 3 thông tin" in html
    assert '<label for="loc-nhom">Nhóm thông tin</label>' in html
    assert '<option value="2024">2024</option>' in html

    html = client.get(section.url, {"nhom": "ngan-sach"}).content.decode()
    assert "Dự toán ngân sách năm nay" in html and old.title in html
    assert "Mức thu lệ phí hộ tịch" not in html
    assert '<option value="ngan-sach" selected>' in html

    html = client.get(section.url, {"nhom": "ngan-sach", "nam": "2024"}).content.decode()
    assert old.title in html
    assert "Dự toán ngân sách năm nay" not in html
    assert "Có 1 thông tin phù hợp" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_bad_filters_give_a_message_not_an_error(client, section, budget):
    posting(section, budget, 3, title="Thông tin vẫn hiện")
    response = client.get(section.url, {"nhom": "khong-co", "nam": "20x6", "trang": "abc"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Không có nhóm thông tin “khong-co”" in html
    assert "Năm “20x6” không hợp lệ" in html
    assert "Thông tin vẫn hiện" in html


def test_list_is_paginated_and_keeps_filters(client, section, budget):
    for n in range(17):
        posting(section, budget, n + 1, title=f"Thông tin số {n:02d}")
    html = client.get(section.url, {"nhom": "ngan-sach"}).content.decode()
    assert "Trang 1 / 2" in html
    assert "?nhom=ngan-sach&amp;trang=2" in html
    page_two = client.get(section.url, {"nhom": "ngan-sach", "trang": "2"}).content.decode()
    assert "Thông tin số 16" in page_two and "Thông tin số 00" not in page_two


def test_categories_and_postings_of_another_ward_are_invisible(client, section, budget):
    other_site = make_ward(hostname="khac.test", name="Phường Khác")
    other_category = DisclosureCategoryFactory(site=other_site, name="Nhóm của phường khác", slug="nhom-khac")
    other_section = DisclosureIndexPageFactory(parent=other_site.root_page)
    posting(other_section, other_category, 2, title="Tin của phường khác")
    posting(section, budget, 2, title="Tin của phường mình")
    html = client.get(section.url).content.decode()
    assert "Tin của phường mình" in html
    assert "Tin của phường khác" not in html
    assert "Nhóm của phường khác" not in html


def test_detail_shows_the_display_period(client, section, budget):
    page = posting(section, budget, 5, title="Công khai dự toán")
    until = TODAY() + datetime.timedelta(days=24)
    html = client.get(page.url).content.decode()
    assert "ít nhất 30 ngày" in html
    assert until.strftime("%d/%m/%Y") in html
    assert "Đang niêm yết" in html


# --- the minimum period -------------------------------------------------------------------


def test_protection_dates():
    category = DisclosureCategoryFactory.build(minimum_days=30)
    page = DisclosurePage(category=category, posted_on=datetime.date(2026, 3, 1), live=True)
    page.first_published_at = local(datetime.date(2026, 3, 1))
    assert page.protected_until == datetime.date(2026, 3, 30)  # 1/3 … 30/3: thirty days
    assert page.is_protected(datetime.date(2026, 3, 30))
    assert not page.is_protected(datetime.date(2026, 3, 31))
    # Back-dating the posting does not shorten the period: it runs from the first publication.
    page.posted_on = datetime.date(2026, 1, 1)
    assert page.protected_until == datetime.date(2026, 3, 30)
    # A longer period per posting counts; a shorter one does not.
    page.minimum_days = 60
    assert page.protected_until == datetime.date(2026, 4, 29)
    page.minimum_days = 10
    assert page.protected_until == datetime.date(2026, 3, 30)
    page.live = False
    assert not page.is_protected(datetime.date(2026, 3, 2))


@pytest.fixture
def roles(home):
    groups = ensure_roles([home])
    return {
        "approver": make_user("lanhdao", groups[APPROVER]),
        "admin": make_user("quantri", groups[SITE_ADMIN]),
    }


def test_approver_cannot_unpublish_a_posting_before_its_period_ends(client, roles, section, budget):
    page = posting(section, budget, 5, title="Dự toán còn hạn")
    client.force_login(roles["approver"])
    url = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
    response = client.post(url, follow=True)
    html = response.content.decode()
    assert Page.objects.get(pk=page.pk).live
    assert "Chưa thể gỡ “Dự toán còn hạn”" in html
    assert "ít nhất 30 ngày" in html
    assert "Chỉ Quản trị trang mới được gỡ trước hạn" in html
    # The early-removal entry is for site administrators only.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert reverse("organisation_early_removal", args=(page.pk,)) not in editor


def test_unpublishing_the_section_or_bulk_unpublish_is_refused_too(client, roles, section, budget):
    page = posting(section, budget, 5)
    client.force_login(roles["admin"])
    client.post(reverse("wagtailadmin_pages:unpublish", args=(section.pk,)), {"include_descendants": "on"})
    assert Page.objects.get(pk=section.pk).live and Page.objects.get(pk=page.pk).live

    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish")) + f"?id={page.pk}"
    client.post(bulk)
    assert Page.objects.get(pk=page.pk).live

    bulk_delete = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?id={page.pk}"
    client.post(bulk_delete)
    assert Page.objects.filter(pk=page.pk).exists()

    # The same bulk unpublish goes through for a posting past its period.
    old = posting(section, budget, 31)
    client.post(reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish")) + f"?id={old.pk}")
    assert not Page.objects.get(pk=old.pk).live


def test_delete_is_refused_before_the_period_ends(client, roles, section, budget):
    page = posting(section, budget, 5, title="Không được xóa")
    client.force_login(roles["admin"])
    url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
    response = client.get(url, follow=True)
    assert "Chưa thể xóa “Không được xóa”" in response.content.decode()
    client.post(url, {"confirm_site_name": "x"})
    assert DisclosurePage.objects.filter(pk=page.pk).exists()


def test_moving_out_of_the_section_is_refused(client, home, section, budget):
    from django.contrib.auth import get_user_model

    page = posting(section, budget, 5)
    other = DisclosureIndexPageFactory(parent=make_ward(hostname="x.test", name="Phường X").root_page)
    client.force_login(get_user_model().objects.create_superuser("sieu", "sieu@example.vn", "Mat-khau-thu-2025"))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, other.pk)))
    assert Page.objects.get(pk=page.pk).get_parent().pk == section.pk
    # Past its period, the same move goes through.
    old = posting(section, budget, 40)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=(old.pk, other.pk)))
    assert Page.objects.get(pk=old.pk).get_parent().pk == other.pk


def test_after_the_period_an_approver_may_unpublish(client, roles, section, fees):
    page = posting(section, fees, 45, title="Đã đủ 45 ngày")  # fees: 45 days; posted 45 days ago
    client.force_login(roles["approver"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code == 302
    assert not Page.objects.get(pk=page.pk).live


def test_site_admin_removes_early_with_a_logged_reason(client, roles, section, budget):
    page = posting(section, budget, 5, title="Niêm yết nhầm số liệu")
    client.force_login(roles["admin"])
    refused = client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)), follow=True).content.decode()
    override_url = reverse("organisation_early_removal", args=(page.pk,))
    assert override_url in refused  # the refusal offers the "Gỡ trước hạn" button to site administrators
    assert "Nếu thật cần gỡ trước hạn" in refused
    assert override_url in client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()

    form = client.get(override_url)
    assert form.status_code == 200
    assert "Lý do gỡ trước hạn" in form.content.decode()

    short = client.post(override_url, {"action": "unpublish", "reason": "nhầm"})
    assert short.status_code == 200
    assert "Lý do quá ngắn" in short.content.decode()
    assert Page.objects.get(pk=page.pk).live

    reason = "Số liệu ghi nhầm; đăng lại theo Công văn 12/UBND ngày 02/3."
    response = client.post(override_url, {"action": "unpublish", "reason": reason})
    assert response.status_code == 302
    assert not Page.objects.get(pk=page.pk).live
    removal = DisclosureRemoval.objects.get()
    assert removal.reason == reason
    assert removal.user == roles["admin"]
    assert removal.page_title == "Niêm yết nhầm số liệu"
    assert removal.protected_until == TODAY() + datetime.timedelta(days=24)
    assert PageLogEntry.objects.filter(page_id=page.pk, action="organisation.early_removal").exists()


def test_site_admin_may_delete_early_with_a_reason(client, roles, section, budget):
    page = posting(section, budget, 2)
    client.force_login(roles["admin"])
    url = reverse("organisation_early_removal", args=(page.pk,))
    response = client.post(url, {"action": "delete", "reason": "Trùng với bài đã đăng ngày hôm trước, xóa bản trùng."})
    assert response.status_code == 302
    assert not DisclosurePage.objects.filter(pk=page.pk).exists()
    assert DisclosureRemoval.objects.get().action == "delete"


def test_only_site_admins_reach_the_early_removal_form(client, roles, section, budget):
    page = posting(section, budget, 5)
    client.force_login(roles["approver"])
    url = reverse("organisation_early_removal", args=(page.pk,))
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"action": "unpublish", "reason": "Lý do đủ dài để được chấp nhận."}).status_code in (
        302,
        403,
    )
    assert Page.objects.get(pk=page.pk).live
    assert not DisclosureRemoval.objects.exists()
    assert Group.objects.get(name=SITE_ADMIN)  # the override is tied to that group


def _edit_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "category": page.category_id,
        "posted_on": page.posted_on.isoformat(),
        "minimum_days": "",
        "summary": page.summary,
        "body-count": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(changes)
    return data


def test_editor_cannot_shorten_the_period_or_schedule_an_early_expiry(client, roles, section, budget, fees):
    page = posting(section, fees, 1)
    client.force_login(roles["admin"])
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

    html = client.post(url, _edit_form(page, minimum_days="10")).content.decode()
    assert "phải niêm yết ít nhất 45 ngày" in html

    soon = (TODAY() + datetime.timedelta(days=5)).strftime("%Y-%m-%d 08:00")
    html = client.post(url, _edit_form(page, expire_at=soon)).content.decode()
    assert "phải hiện ít nhất 45 ngày" in html
    assert Page.objects.get(pk=page.pk).specific.expire_at is None


def test_the_category_list_in_the_editor_is_the_wards_own(client, roles, section, budget):
    other = DisclosureCategoryFactory(site=make_ward(hostname="y.test", name="Phường Y"), name="Nhóm phường Y")
    client.force_login(roles["admin"])
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("organisation", "disclosurepage", section.pk))
    ).content.decode()
    assert budget.name in html
    assert other.name not in html
