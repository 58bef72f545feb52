"""/tim-kiem/toan-thanh-pho/: one search over every public ward of the install (docs/search.md)."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from congphuong.core.tests.test_english_section import _english_section
from congphuong.news.tests.factories import CategoryPageFactory
from congphuong.search import engine
from congphuong.search.province import province_wards
from congphuong.serving.tests.conftest import page_cache  # noqa: F401 — a fixture
from congphuong.wards.models import WardSettings
from congphuong.wards.tests.factories import make_ward

from .helpers import make_article

pytestmark = pytest.mark.django_db

URL = "/tim-kiem/toan-thanh-pho/"


@pytest.fixture
def other_ward(ward):
    return make_ward(hostname="phuong-an-khanh.test", name="Phường An Khánh")


@pytest.fixture
def two_wards(ward, other_ward, category):
    other_category = CategoryPageFactory(parent=other_ward.root_page.specific, title="Tin phường", slug="tin-phuong")
    here = make_article(category, "Trao học bổng khuyến học năm 2025", "Quỹ khuyến học trao học bổng.")
    there = make_article(other_category, "Khuyến học An Khánh tuyên dương học sinh giỏi", "Lễ tuyên dương.")
    return {"here": here, "there": there, "other_category": other_category}


def ward_id_of(page):
    return page.get_site().pk


def test_finds_the_pages_of_every_ward_with_their_ward_names(client, two_wards, other_ward):
    response = client.get(URL, {"q": "khuyen hoc"})
    assert response.status_code == 200
    html = response.text
    # The two articles and the category "Khuyến học – khuyến tài".
    assert "Tìm thấy <strong>3</strong> kết quả" in html
    hits = response.context["hits"]
    assert {hit.ward.name for hit in hits} == {"Phường Thử Nghiệm", "Phường An Khánh"}
    # Each hit links to its own ward's host and says which ward it is.
    assert f'href="{two_wards["there"].full_url}"' in html
    assert f'href="{two_wards["here"].full_url}"' in html
    assert two_wards["there"].full_url.startswith("http://phuong-an-khanh.test/")
    assert '<span class="result-ward">Phường An Khánh</span>' in html
    assert html.count("<h1") == 1 and "Tìm kiếm trên toàn thành phố" in html
    assert "mọi phường, xã thuộc Thành phố Hồ Chí Minh" in html
    assert '<meta name="robots" content="noindex">' in html  # the same page on every ward's host


def test_the_ward_search_stays_in_its_ward_and_links_to_the_province_page(client, two_wards):
    html = client.get("/tim-kiem/", {"q": "khuyen hoc"}).text
    assert "Tìm thấy <strong>2</strong> kết quả" in html
    assert "An Khánh" not in html
    assert 'href="/tim-kiem/toan-thanh-pho/?q=khuyen+hoc"' in html


def test_the_ward_facet_counts_and_filters(client, two_wards, other_ward):
    response = client.get(URL, {"q": "khuyen hoc"})
    facets = {ward.name: count for ward, count in response.context["ward_facets"]}
    assert facets == {"Phường An Khánh": "1", "Phường Thử Nghiệm": "2"}
    link = f"?q=khuyen+hoc&amp;phuong={other_ward.pk}"
    assert link in response.text
    filtered = client.get(URL, {"q": "khuyen hoc", "phuong": other_ward.pk})
    assert [hit.ward.name for hit in filtered.context["hits"]] == ["Phường An Khánh"]
    assert f'<input type="hidden" name="phuong" value="{other_ward.pk}">' in filtered.text
    assert 'aria-current="true">Phường An Khánh' in filtered.text
    # A ward with no match: said, with the ward still selected (its count 0).
    empty = client.get(URL, {"q": "tuyen duong", "phuong": ward_id_of(two_wards["here"])})
    assert empty.status_code == 200 and "Không tìm thấy kết quả nào" in empty.text
    assert 'aria-current="true">Phường Thử Nghiệm <span class="facet-count">(0)</span>' in empty.text
    # A ward that is not in the list: said, and every ward searched.
    unknown = client.get(URL, {"q": "khuyen hoc", "phuong": "999999"})
    assert "Không có phường, xã này trong danh sách" in unknown.text
    assert len(unknown.context["hits"]) == 3


def test_same_types_filters_and_pagination_as_the_ward_search(client, two_wards, other_ward):
    for n in range(12):
        make_article(two_wards["other_category"], f"Khuyến học khu phố {n + 1}", "Tin khuyến học.", days_ago=n + 20)
    response = client.get(URL, {"q": "khuyến học"})
    assert response.context["results"].paginator.num_pages == 2
    assert "?q=khuy%E1%BA%BFn+h%E1%BB%8Dc&amp;trang=2" in response.text or "trang=2" in response.text
    second = client.get(URL, {"q": "khuyến học", "trang": 2})
    assert len(second.context["hits"]) == 5
    assert {kind for kind, _label, _count in response.context["kind_facets"]} == {"tin-bai", "trang"}
    assert client.get(URL, {"q": "khuyến học", "loai": "van-ban"}).context["outcome"].total == 0


def test_never_shows_a_draft_or_restricted_page_or_an_unpublished_ward(client, settings, two_wards, other_ward):
    settings.CONGPHUONG_PAGE_CACHE = False  # the changes below are not committed: nothing is purged
    draft = make_article(two_wards["other_category"], "Khuyến học bản nháp", "Chưa duyệt.")
    draft.unpublish()
    secret = make_article(two_wards["other_category"], "Khuyến học nội bộ", "Chỉ cán bộ xem.")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(URL, {"q": "khuyen hoc"}).text
    assert "bản nháp" not in html and "nội bộ" not in html
    # A ward whose home is unpublished is not public: neither its pages nor its name.
    hidden = make_ward(hostname="phuong-chua-mo.test", name="Phường Chưa Mở")
    category = CategoryPageFactory(parent=hidden.root_page.specific, title="Tin", slug="tin")
    make_article(category, "Khuyến học phường chưa mở", "Nội dung.")
    hidden.root_page.specific.unpublish()
    response = client.get(URL, {"q": "khuyen hoc"})
    assert "Chưa Mở" not in response.text
    assert response.context["outcome"].total == 3


def test_the_vietnamese_page_leaves_out_english_pages_and_en_has_its_own(client, ward, other_ward, home):
    _english_section(ward)
    call_command("rebuild_search_index", verbosity=0)
    vietnamese = client.get(URL, {"q": "organisation"})
    assert "/en/about/" not in vietnamese.text
    english = client.get("/en/search/city/", {"q": "organisation"})
    assert english.status_code == 200
    assert '<html lang="en"' in english.text
    assert "Search across the city" in english.text
    assert "http://testserver/en/about/organisation/" in english.text
    assert "People&#x27;s Committee of Test Ward" in english.text  # the ward's English name


def test_bad_input_gets_a_clear_vietnamese_message(client, two_wards):
    assert "Hãy nhập từ khóa cần tìm" in client.get(URL).text
    assert "Từ khóa quá dài" in client.get(URL, {"q": "a" * 300}).text
    assert "Loại nội dung không hợp lệ" in client.get(URL, {"q": "khuyen hoc", "loai": "x"}).text


def test_province_scopes_cover_public_wards_only(ward, other_ward, two_wards):
    province = province_wards()
    assert [w.name for w in province.wards] == ["Phường An Khánh", "Phường Thử Nghiệm"]
    assert province.scope_any == ()
    assert ward.root_page_id not in province.scope_not and other_ward.root_page_id not in province.scope_not
    outcome = engine.run("khuyen hoc", None, engine.Filters(scope_not=province.scope_not))
    assert outcome.total == 3


def test_results_are_cached_and_follow_any_wards_index(client, page_cache, committed, two_wards, other_ward):  # noqa: F811
    url = f"{URL}?q=tuyen+duong"
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    committed(make_article, two_wards["other_category"], "Tuyên dương gia đình hiếu học", "Tin mới.")
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "gia đình hiếu học" in fresh.text
    # Another ward renamed (its settings purge only its own ward's pages): the city page follows.
    assert client.get(url)["X-Page-Cache"] == "hit"
    settings = WardSettings.objects.get(site=other_ward)
    settings.short_name = "Phường An Khánh Mới"
    committed(settings.save)
    assert "Phường An Khánh Mới" in client.get(url).text
