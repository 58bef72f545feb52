"""The English section of a ward at /en/ (docs/english-section.md; Nghị định 42/2022 Điều 7).

A ward's English home is the English translation of its home page (Wagtail's localisation: same
translation_key, locale "en"), served at /en/ on the ward's own host; its English pages below it.
Vietnamese addresses do not change. The suite runs with every cache on, so the tests that read a
page twice also check that the caches keep the two languages apart."""

import datetime
import re

import pytest
from django.utils import translation
from wagtail.models import Page

from congphuong.core.localisation import translate_page
from congphuong.core.templatetags.vi_format import vi_date, vi_datetime, vi_short_date
from congphuong.organisation.models import AboutIndexPage, OrganisationPage
from congphuong.wards.models import WardSettings
from congphuong.wards.tests.factories import make_ward

pytestmark = pytest.mark.django_db


def _english_section(site, name="Test Ward"):
    """An English home, an About index and an organisation page, as an editor makes them with «Dịch»."""
    home = site.root_page.specific
    about = AboutIndexPage(
        title="Giới thiệu", slug="gioi-thieu", intro="Lịch sử và bộ máy của phường.", show_in_menus=True
    )
    home.add_child(instance=about)
    about.save_revision().publish()
    organisation = OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc", summary="Bộ máy của phường.")
    about.add_child(instance=organisation)
    organisation.save_revision().publish()
    english_home = translate_page(home, title=name, slug=f"{home.slug}-en", intro=f"Welcome to the portal of {name}.")
    english_about = translate_page(about, title="About the ward", slug="about", intro="History and organisation.")
    english_organisation = translate_page(
        organisation,
        title="Organisation, functions and duties",
        slug="organisation",
        summary=f"How {name} is organised and what it does.",
    )
    WardSettings.objects.filter(site=site).update(
        official_name_en=f"People's Committee of {name}",
        address_en="1 Thu Nghiem Street",
        working_hours_en="Monday – Friday: 7:30 – 17:00",
    )
    return {
        "home": home,
        "about": about,
        "organisation": organisation,
        "en_home": english_home,
        "en_about": english_about,
        "en_organisation": english_organisation,
    }


@pytest.fixture
def english(ward):
    return _english_section(ward)


def _html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def _hreflangs(response) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.content.decode()))


def _switch(response):
    found = re.search(
        r'<p class="language-switch[^"]*"><a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+">([^<]+)</a>',
        response.content.decode(),
    )
    return found.groups() if found else None


def test_the_english_home_is_served_at_en_in_english(client, english):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert _html_lang(response) == "en"
    assert "Welcome to the portal of Test Ward." in html
    assert "People&#x27;s Committee of Test Ward" in html or "People's Committee of Test Ward" in html
    # English chrome: menu, footer labels; no Vietnamese chrome left.
    assert ">Home</a>" in html and ">Address:</span> 1 Thu Nghiem Street" in html and "Office hours" in html
    assert "Trang chủ" not in html and "Địa chỉ:" not in html and "Giờ làm việc" not in html
    assert 'href="/en/about/"' in html  # the English menu: children of the English home
    assert 'href="/gioi-thieu/"' not in html


def test_vietnamese_pages_keep_their_addresses_and_language(client, english):
    for path in ("/", "/gioi-thieu/", "/gioi-thieu/co-cau-to-chuc/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _html_lang(response) == "vi"
        html = response.content.decode()
        assert "Trang chủ" in html and "Bỏ qua, đến nội dung chính" in html
        assert ">Home</a>" not in html
    assert client.get("/vi/").status_code == 404  # no /vi/ prefix: the Vietnamese site has none
    # A reader whose browser asks for English still gets the Vietnamese page at a Vietnamese address.
    response = client.get("/gioi-thieu/", HTTP_ACCEPT_LANGUAGE="en")
    assert _html_lang(response) == "vi" and "Trang chủ" in response.content.decode()


def test_english_pages_route_below_en_and_the_cache_keeps_languages_apart(client, english):
    for _ in range(2):  # the second round is served from the page cache
        vi = client.get("/gioi-thieu/")
        en = client.get("/en/about/")
        assert vi.status_code == en.status_code == 200
        assert "<h1>Giới thiệu</h1>" in vi.content.decode()
        assert "<h1>About the ward</h1>" in en.content.decode()
        assert _html_lang(vi) == "vi" and _html_lang(en) == "en"
        home_vi, home_en = client.get("/"), client.get("/en/")
        assert _html_lang(home_vi) == "vi" and _html_lang(home_en) == "en"
        assert "Welcome to the portal" not in home_vi.content.decode()
    assert client.get("/en/organisation/").status_code == 404  # below /en/about/, not the home
    assert client.get("/en/about/organisation/").status_code == 200
    assert client.get("/en/gioi-thieu/").status_code == 404  # a Vietnamese slug is not an English page


def test_two_wards_each_serve_their_own_english_section(client, ward, english):
    other = make_ward(hostname="other.test", name="Phường Khác")
    assert client.get("/en/", HTTP_HOST="other.test").status_code == 404  # no English section yet
    _english_section(other, name="Other Ward")
    for _ in range(2):
        mine = client.get("/en/", HTTP_HOST="testserver").content.decode()
        theirs = client.get("/en/", HTTP_HOST="other.test").content.decode()
        assert "Welcome to the portal of Test Ward." in mine and "Other Ward" not in mine
        assert "Welcome to the portal of Other Ward." in theirs and "Test Ward" not in theirs
    about = client.get("/en/about/", HTTP_HOST="other.test")
    assert about.status_code == 200 and "People&#x27;s Committee of Other Ward" in about.content.decode()


def test_hreflang_pairs_the_two_languages_of_a_page(client, english):
    vi = _hreflangs(client.get("/gioi-thieu/"))
    en = _hreflangs(client.get("/en/about/"))
    assert vi == en == {"vi": "http://testserver/gioi-thieu/", "en": "http://testserver/en/about/"}
    assert _hreflangs(client.get("/en/")) == {"vi": "http://testserver/", "en": "http://testserver/en/"}


def test_the_switch_leads_to_the_translation_else_the_other_home(client, english, category):
    assert _switch(client.get("/gioi-thieu/")) == ("/en/about/", "en", "English")
    assert _switch(client.get("/en/about/")) == ("/gioi-thieu/", "vi", "Tiếng Việt")
    assert _switch(client.get("/en/")) == ("/", "vi", "Tiếng Việt")
    # A Vietnamese page with no English translation: the switch leads to the English home.
    untranslated = client.get(category.url)
    assert _switch(untranslated) == ("/en/", "en", "English")
    assert _hreflangs(untranslated) == {}


def test_a_sub_page_pairs_with_the_same_sub_page_of_the_translation(client, english, ward):
    """The leaders' list is a route of the organisation page: its switch and hreflang name the other
    language's leaders' list, not the organisation page."""
    en = client.get("/en/about/organisation/lanh-dao/")
    vi = client.get("/gioi-thieu/co-cau-to-chuc/lanh-dao/")
    assert _switch(en) == ("/gioi-thieu/co-cau-to-chuc/lanh-dao/", "vi", "Tiếng Việt")
    assert _switch(vi) == ("/en/about/organisation/lanh-dao/", "en", "English")
    assert (
        _hreflangs(en)
        == _hreflangs(vi)
        == {
            "vi": "http://testserver/gioi-thieu/co-cau-to-chuc/lanh-dao/",
            "en": "http://testserver/en/about/organisation/lanh-dao/",
        }
    )
    # A route naming one record (a leader's profile) leads to the page itself.
    from congphuong.organisation.models import Leader

    Leader.objects.create(site=ward, full_name="Nguyễn Văn An", position="Chủ tịch", slug="nguyen-van-an", live=True)
    profile = client.get("/en/about/organisation/lanh-dao/nguyen-van-an/")
    assert profile.status_code == 200 and _switch(profile) == ("/gioi-thieu/co-cau-to-chuc/", "vi", "Tiếng Việt")


def test_a_ward_without_an_english_section_shows_no_switch(client, home):
    response = client.get("/")
    assert _switch(response) is None and _hreflangs(response) == {}
    assert client.get("/en/").status_code == 404


def test_a_draft_english_home_is_not_an_english_section(client, home):
    translate_page(home, title="Test Ward", slug="test-en", publish=False)
    assert client.get("/en/").status_code == 404
    assert _switch(client.get("/")) is None


def test_dates_read_in_english_on_the_english_section():
    moment = datetime.datetime(2026, 12, 6, 9, 30)
    assert vi_date(moment.date()) == "Chủ Nhật, 06/12/2026"
    with translation.override("en"):
        assert vi_date(moment.date()) == "Sunday, 6 December 2026"
        assert vi_short_date(moment.date()) == "6 December 2026"
        assert vi_datetime(moment) == "Sunday, 6 December 2026 09:30"


def test_english_pages_show_english_dates(client, english):
    html = client.get("/en/about/organisation/").content.decode()
    assert re.search(r"Updated: <time[^>]*>\w+day, \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d</time>", html)


def test_search_on_en_searches_the_english_pages_only(client, english):
    from django.core.management import call_command

    call_command("rebuild_search_index", verbosity=0)
    response = client.get("/en/search/", {"q": "organisation", "junk": "x" * 50})
    # The switch leads to the Vietnamese search for the same words (the known parameters only).
    assert _html_lang(response) == "en" and _switch(response) == ("/tim-kiem/?q=organisation", "vi", "Tiếng Việt")
    assert _hreflangs(response) == {}
    english_hits = response.content.decode()
    assert "/en/about/organisation/" in english_hits
    assert 'data-goi-y-nhan="Title suggestions"' in english_hits
    suggestions = client.get("/en/search/suggest/", {"q": "organisation"}).json()["results"]
    assert [(item["url"], item["kind"]) for item in suggestions] == [("/en/about/organisation/", "Page")]
    vietnamese_suggestions = client.get("/tim-kiem/goi-y/", {"q": "co cau"}).json()["results"]
    assert {item["kind"] for item in vietnamese_suggestions} == {"Trang"}
    assert _switch(client.get("/tim-kiem/", {"q": "cơ cấu"}))[0] == "/en/search/?q=c%C6%A1+c%E1%BA%A5u"
    vietnamese = client.get("/tim-kiem/", {"q": "cơ cấu tổ chức"}).content.decode()
    assert "/gioi-thieu/co-cau-to-chuc/" in vietnamese and "/en/about/" not in vietnamese
    assert "/gioi-thieu/" not in client.get("/en/search/", {"q": "co cau to chuc"}).content.decode()


def test_leaders_show_their_english_titles(client, english, ward):
    from congphuong.organisation.models import Leader

    leader = Leader.objects.create(
        site=ward,
        full_name="Nguyễn Văn An",
        position="Chủ tịch Ủy ban nhân dân phường",
        position_en="Chairman of the Ward People's Committee",
        slug="nguyen-van-an",
        live=True,
    )
    assert leader.live
    en = client.get("/en/about/organisation/lanh-dao/").content.decode()
    vi = client.get("/gioi-thieu/co-cau-to-chuc/lanh-dao/").content.decode()
    assert "Chairman of the Ward People&#x27;s Committee" in en and "<h1>Leaders</h1>" in en
    assert "Chủ tịch Ủy ban nhân dân phường" in vi and "Chairman" not in vi


def test_the_english_section_is_tracked_and_assessed(english, ward):
    from congphuong.assessment import checks
    from congphuong.organisation.compliance.board import build_board
    from congphuong.organisation.compliance.sources import ensure_default_categories
    from congphuong.organisation.english import english_section

    assert english_section(ward).complete
    item = next(
        item for group in checks.assess(ward).groups for item in group.items if item.name.startswith("Phần tiếng Anh")
    )
    assert item.status == checks.PASS, item
    ensure_default_categories(ward)
    row = next(row for row in build_board(ward).rows if row.category.source == "english_section")
    assert row.status == "ok"
    Page.objects.filter(pk=english["en_organisation"].pk).update(live=False)
    section = english_section(ward)
    assert not section.complete and "tổ chức bộ máy" in section.missing[0]
    row = next(row for row in build_board(ward).rows if row.category.source == "english_section")
    assert row.status == "missing"
