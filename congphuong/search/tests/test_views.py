"""/tim-kiem/ and /tim-kiem/goi-y/ through the test client."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congphuong.search import indexer

from .helpers import make_article

pytestmark = pytest.mark.django_db

MAX_SEARCH_QUERIES = 30


@pytest.fixture
def articles(category):
    make_article(
        category, "Trao học bổng khuyến học năm 2025", "Quỹ khuyến học phường trao 50 suất học bổng.", days_ago=3
    )
    make_article(category, "Khuyên học sinh đội mũ bảo hiểm", "Công an phường khuyên học sinh.", days_ago=5)
    return category


def test_search_page_lists_highlighted_results(client, articles):
    response = client.get("/tim-kiem/", {"q": "khuyen hoc"})
    assert response.status_code == 200
    html = response.text
    assert "Tìm thấy <strong>3</strong> kết quả" in html
    assert "<mark>khuyến</mark> <mark>học</mark>" in html  # accented form, though typed without marks
    assert "Có phải bạn muốn tìm:" in html and "khuyến học" in html
    assert 'href="/khuyen-hoc-khuyen-tai/' in html
    assert "Tin bài" in html and "Khuyến học – khuyến tài" in html  # kind and category
    assert html.count("<h1") == 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Hãy nhập từ khóa cần tìm"),
        ("   ", "Hãy nhập từ khóa cần tìm"),
        ("!!! ??? …", "Từ khóa cần có ít nhất một chữ cái hoặc chữ số."),
        ("a" * 5000, "Từ khóa quá dài (5.000 ký tự)"),
        ("khuyến học " * 300, "Từ khóa quá dài"),
    ],
)
def test_junk_queries_get_a_clear_message(client, articles, query, message):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert message in response.text
    assert "hits" not in response.context  # nothing was searched


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1; DROP TABLE portal_search_searchdocument; --",
        '"; SELECT * FROM auth_user; --',
        "khuyến học\x00",
        'NEAR(khuyen hoc) AND OR NOT "',
        "khuyen* ^hoc {title}:x",
        "'''''",
        "hoc:*A & !khuyen | (",
    ],
)
def test_sql_and_full_text_syntax_are_just_words(client, articles, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert client.get("/tim-kiem/", {"q": "khuyen hoc"}).context["outcome"].total == 3  # nothing was dropped


def test_html_in_the_query_and_in_titles_is_escaped(client, category):
    make_article(category, "Sự kiện <img src=x onerror=alert(1)> khu phố", "Nội dung.")
    response = client.get("/tim-kiem/", {"q": "<script>alert(1)</script> su kien"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=" in response.text


def test_bad_filters_and_pages_never_break_the_page(client, articles):
    for params in (
        {"q": "khuyen hoc", "loai": "khong-co"},
        {"q": "khuyen hoc", "danh-muc": "abc"},
        {"q": "khuyen hoc", "danh-muc": "99999999999999999999"},
        {"q": "khuyen hoc", "tu": "31/02/2025"},
        {"q": "khuyen hoc", "den": "hôm qua"},
        {"q": "khuyen hoc", "trang": "999"},
        {"q": "khuyen hoc", "trang": "-1"},
        {"q": "khuyen hoc", "trang": "abc"},
    ):
        response = client.get("/tim-kiem/", params)
        assert response.status_code == 200, params
    assert "Ngày không hợp lệ" in client.get("/tim-kiem/", {"q": "khuyen hoc", "tu": "31/02/2025"}).text
    assert "Loại nội dung không hợp lệ" in client.get("/tim-kiem/", {"q": "x", "loai": "khong-co"}).text


def test_filters_with_counts(client, articles, category):
    response = client.get("/tim-kiem/", {"q": "khuyen hoc"})
    assert 'Tin bài <span class="facet-count">(2)</span>' in response.text
    assert 'Trang <span class="facet-count">(1)</span>' in response.text
    assert f"danh-muc={category.pk}" in response.text
    only_articles = client.get("/tim-kiem/", {"q": "khuyen hoc", "loai": "tin-bai"})
    assert only_articles.context["outcome"].total == 2
    assert 'aria-current="true">Tin bài' in only_articles.text
    dated = client.get("/tim-kiem/", {"q": "khuyen hoc", "loai": "tin-bai", "tu": "2000-01-01", "den": "2000-12-31"})
    assert dated.context["outcome"].total == 0
    assert "Hãy thử bỏ bớt điều kiện lọc" in dated.text


def test_pagination_keeps_the_query(client, category):
    for n in range(13):
        make_article(category, f"Thông báo tiêm chủng đợt {n}", "Tiêm chủng.", days_ago=n + 1)
    first = client.get("/tim-kiem/", {"q": "tiem chung"})
    assert len(first.context["hits"]) == 10
    assert "?q=tiem+chung&amp;trang=2" in first.text
    second = client.get("/tim-kiem/", {"q": "tiem chung", "trang": "2"})
    assert len(second.context["hits"]) == 3
    assert second.context["results"].start_index() == 11


def test_autocomplete_suggests_titles(client, articles):
    response = client.get("/tim-kiem/goi-y/", {"q": "trao hoc b"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "max-age" in response["Cache-Control"]
    data = response.json()
    assert data["results"] == [
        {"title": "Trao học bổng khuyến học năm 2025", "url": data["results"][0]["url"], "kind": "Tin bài"}
    ]
    assert data["results"][0]["url"].startswith("/khuyen-hoc-khuyen-tai/")
    assert client.get("/tim-kiem/goi-y/", {"q": "k"}).json()["results"] == []
    assert client.get("/tim-kiem/goi-y/", {"q": "!!!"}).json()["results"] == []
    assert client.get("/tim-kiem/goi-y/", {"q": "x" * 5000}).status_code == 200


def test_the_header_form_still_searches(client, articles, home):
    home_page = client.get("/")
    assert 'action="/tim-kiem/"' in home_page.text and 'name="q"' in home_page.text
    assert client.get("/tim-kiem/?q=khuy%E1%BA%BFn+h%E1%BB%8Dc").context["outcome"].total == 3


def test_page_works_without_javascript_and_loads_the_enhancement(client, articles):
    html = client.get("/tim-kiem/", {"q": "hoc bong"}).text
    assert 'role="search"' in html and 'action="/tim-kiem/" method="get"' in html
    assert 'data-goi-y="/tim-kiem/goi-y/"' in html
    assert "search/goi-y.js" in html
    assert '<label for="tim-kiem-trang">' in html and '<label for="loc-tu-ngay">' in html


def _count(client, params):
    client.get("/tim-kiem/", params)  # warm per-process caches (site root paths, content types)
    indexer.bump_generation()  # count the filters again: measure the uncached page
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.usefixtures("nothing_cached")  # one render's queries: nothing kept
def test_query_count_does_not_grow_with_results(client, category):
    make_article(category, "Tiêm chủng mở rộng đợt 1", "Tiêm chủng.")
    params = {"q": "tiem chung"}
    small = _count(client, params)
    for n in range(25):
        make_article(category, f"Tiêm chủng mở rộng đợt {n + 2}", "Tiêm chủng mở rộng tại trạm y tế.")
    large = _count(client, params)
    assert large == small, f"queries grew with the number of results: {small} → {large}"
    assert large <= MAX_SEARCH_QUERIES


def test_only_the_first_page_of_plain_results_may_be_indexed(client, category):
    for n in range(12):
        make_article(category, f"Lịch tiếp công dân tuần {n}", "Tiếp công dân.", days_ago=n + 1)
    noindex = '<meta name="robots" content="noindex">'
    assert noindex not in client.get("/tim-kiem/", {"q": "tiep cong dan"}).text
    assert noindex in client.get("/tim-kiem/", {"q": "tiep cong dan", "trang": "2"}).text
    assert noindex in client.get("/tim-kiem/", {"q": "tiep cong dan", "loai": "tin-bai"}).text
    assert noindex in client.get("/tim-kiem/", {"q": "khongcogica"}).text
    assert noindex in client.get("/tim-kiem/", {"q": "!!!"}).text
    assert noindex in client.get("/tim-kiem/").text


def test_a_date_filter_with_few_matches_is_no_server_error(client, articles):
    # Issue 14: facet_pairs joined the documents table and a bare `rowid` from the date range
    # made SQLite answer "no such column: rowid" (a 500 on the embedded default).
    for query in ({"q": "hoc", "tu": "01/01/2025"}, {"q": "hoc", "tu": "01/01/2025", "den": "31/12/2099"}):
        response = client.get("/tim-kiem/", query)
        assert response.status_code == 200
        assert "Tìm thấy <strong>" in response.text  # both articles are after the date
        assert "Không tìm thấy kết quả" not in response.text


def test_links_are_built_from_the_checked_values_not_the_query_string(client, articles):
    # Issue 14: each of ~18 links copied the raw query string, 6 KB of junk included.
    response = client.get("/tim-kiem/", {"q": "hoc", "tu": "01/01/2025", "rac": JUNK, "loai": JUNK})
    assert response.status_code == 200
    html = response.text
    assert "Loại nội dung không hợp lệ" in html
    assert JUNK[:100] not in html
    assert "tu=2025-01-01" in html  # the date filter goes on, in the form it was understood


JUNK = "x" * 6000
