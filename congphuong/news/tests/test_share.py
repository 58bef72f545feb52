"""Share links on articles and media stories: plain links, Vietnamese names, no network's script."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from congphuong.media.tests.factories import MediaIndexPageFactory, MediaStoryPageFactory
from congphuong.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"  # the ward's one canonical origin (conftest)


def _share_links(html):
    share = BeautifulSoup(html, "html.parser").select_one(".share")
    assert share is not None
    return {a.get_text(strip=True): a for a in share.select("a")}


@pytest.mark.parametrize("kind", ["article", "media story"])
def test_share_links_are_plain_links_to_the_canonical_address(client, home, category, kind):
    if kind == "article":
        page = ArticlePageFactory(parent=category, title="Ra quân làm sạch kênh & rạch")
    else:
        page = MediaStoryPageFactory(parent=MediaIndexPageFactory(parent=home), title="Phóng sự kênh & rạch")
    # Through a host alias: the shared address is still the ward's own origin.
    html = client.get(page.url, HTTP_HOST="alias.example").content.decode()
    canonical = ORIGIN + page.url
    links = _share_links(html)

    zalo = links["Zalo"]
    assert zalo["href"].startswith("https://sp.zalo.me/")
    assert parse_qs(urlsplit(zalo["href"]).query)["url"] == [canonical]
    assert zalo["aria-label"] == "Chia sẻ lên Zalo (mở cửa sổ mới)"
    assert zalo["target"] == "_blank" and "noopener" in zalo["rel"]
    facebook = links["Facebook"]
    assert parse_qs(urlsplit(facebook["href"]).query)["u"] == [canonical]
    assert facebook["aria-label"] == "Chia sẻ lên Facebook (mở cửa sổ mới)"
    email = links["Thư điện tử"]
    assert parse_qs(urlsplit(email["href"]).query) == {"subject": [page.title], "body": [canonical]}
    assert email["aria-label"] == "Gửi liên kết qua thư điện tử" and not email.get("target")
    assert links["Sao chép liên kết"]["href"] == canonical
    for link in links.values():
        # Each accessible name contains the visible label (WCAG 2.5.3, case aside), in Vietnamese.
        assert link.get_text(strip=True).lower() in link.get("aria-label", link.get_text(strip=True)).lower()

    # No network's script or frame: every script is our own static file or inline JSON-LD.
    for src in re.findall(r'<(?:script|iframe)[^>]*\ssrc="([^"]*)"', html):
        assert src.startswith("/static/"), src
