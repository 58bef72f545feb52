"""Leftovers of the admin found on a ward editor's first day, each on the page where it was seen."""

import datetime

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import formats, timezone, translation
from wagtail.models import PageLogEntry

from congphuong.demo.admin_crawl import leftovers_in_html
from congphuong.editorial.roles import EDITOR, ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.wards.models import WardSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, ward):
    client.force_login(get_user_model().objects.create_superuser("quantri", "q@example.vn", "x"))
    return client


def _leftovers(response):
    assert response.status_code == 200
    return [(where, word) for where, word, _ in leftovers_in_html(response.content.decode())]


def test_aging_pages_without_a_publisher_show_no_none(admin_client, article):
    type(article).objects.filter(pk=article.pk).update(last_published_at=timezone.now() - datetime.timedelta(days=400))
    PageLogEntry.objects.log_action(article, "wagtail.publish", user=None)  # published by a command
    response = admin_client.get("/admin/reports/aging-pages/")
    assert article.title in response.content.decode()
    assert _leftovers(response) == []
    assert "Hệ thống" in response.content.decode()


def test_page_search_count_names_pages(admin_client, article):
    response = admin_client.get("/admin/pages/search/", {"q": "học bổng"})
    html = response.content.decode()
    assert "1-1 trong số 1 trang" in " ".join(html.split())
    assert _leftovers(response) == []


def test_page_types_report_shows_app_names_in_sentence_case(admin_client, article):
    response = admin_client.get("/admin/reports/page-types-usage/")
    html = response.content.decode()
    assert "news.articlepage" not in html and "Bài Viết" not in html
    assert "Bài viết" in html and "Tin tức" in html
    assert _leftovers(response) == []


def test_page_editor_has_vietnamese_slug_help_and_actions_label(admin_client, article):
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    html = response.content.decode()
    assert "domain.com" not in html and "Phần cuối của địa chỉ trang" in html
    assert 'aria-label="Actions"' not in html
    assert _leftovers(response) == []


def test_boolean_cells_read_co_khong(admin_client, ward):
    from congphuong.learning.tests.factories import QuarterFactory

    QuarterFactory(site=ward, name="Khu phố 1")
    response = admin_client.get("/admin/xa-hoi-hoc-tap/khu-pho/")
    assert ("văn bản", "True") not in _leftovers(response)
    assert '<span class="w-sr-only">' in response.content.decode()


def test_dates_in_the_admin_are_lower_case_mid_line():
    with translation.override("vi"):
        text = formats.date_format(timezone.make_aware(datetime.datetime(2026, 12, 7, 6, 3)), "DATETIME_FORMAT")
    assert text == "06:03 ngày 07 tháng 12 năm 2026"


def test_user_form_help_is_plain_vietnamese(admin_client):
    html = admin_client.get("/admin/users/new/").content.decode()
    assert "Chỉ gồm chữ cái, chữ số và các ký tự" not in html
    assert "viết liền, không dấu" in html


def test_admin_shows_the_ward_emblem_and_name_not_the_bird(client, ward, home):
    settings = WardSettings.objects.get(site=ward)
    settings.emblem = wagtail_factories.ImageFactory(title="Biểu trưng")
    settings.save()
    groups = ensure_roles([home])
    client.force_login(make_user("bientap", groups[EDITOR]))
    html = client.get("/admin/").content.decode()
    logo = html.split("data-wagtail-sidebar-branding-logo>", 1)[1].split("</template>", 1)[0]
    assert 'alt="Phường Thử Nghiệm"' in logo and "/images/" in logo
    assert "<title>" in html and "Phường Thử Nghiệm – Cổng Phường" in html
    # The admin's Content-Security-Policy (style-src 'self') blocks style attributes: the browser
    # would log a violation and drop the style. The emblem's look comes from a stylesheet.
    assert 'style="' not in html
    assert "wards/admin-branding.css" in html


def test_learning_officer_lands_on_their_work(client, ward):
    from congphuong.learning.tests.factories import HouseholdFactory, officer

    HouseholdFactory(site=ward)
    client.force_login(officer())
    html = client.get("/admin/").content.decode()
    assert "Xã hội học tập" in html and "1 hộ gia đình" in html
    assert "/admin/xa-hoi-hoc-tap/ho-gia-dinh/" in html and "/admin/xa-hoi-hoc-tap/nhap-excel/" in html
