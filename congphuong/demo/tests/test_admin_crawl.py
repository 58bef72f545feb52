"""The back office as each demo role sees it holds no English word, no printed None/True/False
and no model id (demo/admin_crawl.py): the pages come from the URL conf and the roles' menus."""

import pytest

from congphuong.demo.admin_crawl import (
    DEMO_ROLE_USERNAMES,
    crawl_admin,
    leftovers_in_html,
    parameterless_admin_urls,
)

pytestmark = pytest.mark.ward_walk

KNOWN = frozenset({"news.articlepage", "wagtailcore.page"})


def test_finds_printed_values_english_words_and_model_ids():
    html = """
    <nav aria-label="Actions"><a title="Sửa">Sửa</a></nav>
    <td>None</td><td class="visually-hidden">True</td>
    <p>Thống kê: news.articlepage 12</p><p>tin-tuc.html vi.po</p>
    <script>var x = {"a": None, "b": "Actions"}</script>
    <textarea>None of the above</textarea>
    <p>Mã bí mật: <code>ZBAT 2OF2 MKVO</code></p>
    <p>Phường Bình An, Sửa trang, Xem trước</p>
    """
    found = [(where, word) for where, word, _ in leftovers_in_html(html, KNOWN)]
    assert found == [
        ("aria-label", "Actions"),
        ("văn bản", "None"),
        ("văn bản", "True"),
        ("văn bản", "news.articlepage"),
    ]


def test_url_discovery_comes_from_the_url_conf():
    urls = parameterless_admin_urls()
    assert "/admin/" in urls and "/admin/reports/aging-pages/" in urls
    assert not any("logout" in url for url in urls)


def test_no_leftover_in_the_admin_of_any_demo_role(demo_world, db):
    # demo_world: the two demo wards and their accounts, built once for every test that reads them.
    found, pages_read = crawl_admin()
    assert pages_read > 30 * len(DEMO_ROLE_USERNAMES) // 2
    shown = "\n".join(f"{f.role} {f.url} [{f.where}] {f.word!r}: {f.context}" for f in found)
    assert found == [], f"{len(found)} leftover(s):\n{shown}"
