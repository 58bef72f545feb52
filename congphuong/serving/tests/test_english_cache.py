"""The caches keep the two languages apart (docs/english-section.md, docs/caching.md "Languages")."""

import pytest

from congphuong.core.tests.test_english_section import _english_section

pytestmark = pytest.mark.django_db


def _lang(response) -> str:
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_cached_pages_keep_their_language(client, page_cache, ward):
    _english_section(ward)
    for path, language, text in (
        ("/", "vi", "Trang chủ"),
        ("/en/", "en", ">Home</a>"),
        ("/en/about/", "en", "About the ward"),
    ):
        first = client.get(path)
        second = client.get(path, HTTP_ACCEPT_LANGUAGE="en" if language == "vi" else "vi")
        assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit", path
        assert second.content == first.content
        assert _lang(second) == language and text in second.content.decode()


def test_kept_fragments_and_chrome_keep_their_language(client, kept_rendering, ward):
    _english_section(ward)
    for _ in range(2):  # the second round renders from kept header, menu, footer and chrome
        vi = client.get("/gioi-thieu/").content.decode()
        en = client.get("/en/about/").content.decode()
        assert "Bỏ qua, đến nội dung chính" in vi and 'href="/gioi-thieu/"' in vi and "Skip to main content" not in vi
        assert "Skip to main content" in en and 'href="/en/about/"' in en and "Bỏ qua" not in en
        assert "Office hours" in en and "Giờ làm việc" in vi
