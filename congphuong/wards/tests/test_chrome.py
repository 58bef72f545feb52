"""The ward chrome (settings, theme of the year, menu, categories) read once and kept exact."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from congphuong.news.tests.factories import CategoryPageFactory
from congphuong.serving import conf
from congphuong.wards.models import WardSettings
from congphuong.wards.tests.factories import YearThemeFactory, make_ward

pytestmark = pytest.mark.django_db


@pytest.fixture
def chrome_cache(settings, django_capture_on_commit_callbacks):
    """Chrome kept, full-page cache off (every request renders), changes committed (purges run)."""
    settings.CONGPHUONG_CHROME_CACHE = True
    settings.CONGPHUONG_PAGE_CACHE = False
    conf.page_cache().clear()
    yield lambda change, *args, **kwargs: _committed(django_capture_on_commit_callbacks, change, *args, **kwargs)
    conf.page_cache().clear()


def _committed(capture, change, *args, **kwargs):
    with capture(execute=True):
        return change(*args, **kwargs)


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_kept_chrome_saves_queries_and_shows_the_same(client, chrome_cache, category, article):
    first, first_body = _queries(client, article.url)
    second, second_body = _queries(client, article.url)
    assert second <= first - 2, (first, second)  # settings (with theme and notices), menu and categories
    assert second_body.count("Khuyến học – khuyến tài") == first_body.count("Khuyến học – khuyến tài") > 0


def test_ward_settings_change_shows_at_once(client, chrome_cache, ward, category):
    client.get(category.url)
    settings_row = WardSettings.for_site(ward)
    settings_row.official_name = "ỦY BAN NHÂN DÂN PHƯỜNG ĐỔI TÊN"
    chrome_cache(settings_row.save)
    assert "ỦY BAN NHÂN DÂN PHƯỜNG ĐỔI TÊN" in client.get(category.url).content.decode()


def test_theme_of_the_year_shows_at_once(client, chrome_cache, ward, home):
    client.get("/")
    chrome_cache(YearThemeFactory, site=ward, text="Năm chuyển đổi số và học tập suốt đời")
    assert "Năm chuyển đổi số và học tập suốt đời" in client.get("/").content.decode()


def test_new_and_renamed_menu_pages_show_at_once(client, chrome_cache, home, category):
    client.get("/")
    new = chrome_cache(
        CategoryPageFactory, parent=home, title="Chuyển đổi số", slug="chuyen-doi-so", show_in_menus=True
    )
    body = client.get("/").content.decode()
    assert "Chuyển đổi số" in body and new.url in body
    new.title = "Chuyển đổi số quốc gia"
    chrome_cache(lambda: new.save_revision().publish())
    assert "Chuyển đổi số quốc gia" in client.get("/").content.decode()


def _aside_categories(body):
    start = body.index('id="ben-danh-muc"') if 'id="ben-danh-muc"' in body else -1
    return body[start : body.index("</section>", start)] if start >= 0 else ""


def test_a_restricted_category_leaves_the_list_at_once(client, chrome_cache, home, category):
    assert category.url in _aside_categories(client.get("/").content.decode())
    chrome_cache(PageViewRestriction.objects.create, page=category, restriction_type="password", password="x")
    assert category.url not in _aside_categories(client.get("/").content.decode())


def test_each_ward_keeps_its_own(client, chrome_cache, ward, home, category):
    other = make_ward(hostname="ward-b.test", name="Phường Bên Cạnh")
    CategoryPageFactory(parent=other.root_page, title="Tin riêng phường bên", slug="tin-rieng")
    body_a = client.get("/").content.decode()
    body_b = client.get("/", HTTP_HOST="ward-b.test").content.decode()
    assert "Tin riêng phường bên" in body_b and "Tin riêng phường bên" not in body_a
    assert "Khuyến học – khuyến tài" in body_a and "Khuyến học – khuyến tài" not in body_b


def test_cache_down_reads_the_database(client, chrome_cache, category):
    down = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    with override_settings(CACHES={**settings.CACHES, "pages": down}):
        response = client.get(category.url)
    assert response.status_code == 200
    assert "Khuyến học – khuyến tài" in response.content.decode()


def test_the_english_pages_show_the_english_theme_or_none(client, chrome_cache, ward, home):
    """/en/ shows the theme's English text when the ward gives one, and never the Vietnamese slogan;
    the kept chrome of one language never serves the other (docs/english-section.md)."""
    from congphuong.core.localisation import translate_page

    translate_page(home, title="Test Ward", slug=f"{home.slug}-en")
    year = timezone.localdate().year
    theme = chrome_cache(YearThemeFactory, site=ward, year=year, text="Năm chuyển đổi số và học tập suốt đời")
    vietnamese, english = client.get("/").content.decode(), client.get("/en/").content.decode()
    assert "Chủ đề năm" in vietnamese and "Năm chuyển đổi số và học tập suốt đời" in vietnamese
    assert 'class="year-theme"' not in english and "Năm chuyển đổi số" not in english

    theme.text_en = "The year of digital services and lifelong learning"
    chrome_cache(theme.save)
    english = client.get("/en/").content.decode()
    assert (
        f"<strong>Theme of the year {theme.year}:</strong> The year of digital services and lifelong learning"
        in english
    )
    vietnamese = client.get("/").content.decode()
    assert f"<strong>Chủ đề năm {theme.year}:</strong> Năm chuyển đổi số và học tập suốt đời" in vietnamese
    assert "lifelong" not in vietnamese
