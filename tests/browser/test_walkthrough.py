"""A citizen's walk through the portal in headless Chromium (Debian's, driven by Playwright).

home → category → article → "Quay lại", at a 360 px wide phone screen.
"""

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS, new_page
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory

pytestmark = [*BROWSER_MARKS, pytest.mark.public_pages]


@pytest.fixture
def browser_page(chromium):
    return new_page(chromium, offline=False, viewport={"width": 360, "height": 740}, java_script_enabled=True)


def _no_horizontal_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide at a 360px viewport: {page.url}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_category_article_and_back(live_server, ward, browser_page):
    page, errors = browser_page
    home = ward.root_page.specific
    category = CategoryPageFactory(parent=home, title="Khuyến học – khuyến tài", slug="khuyen-hoc-khuyen-tai")
    for n in range(3):
        ArticlePageFactory(parent=category, title=f"Tin khuyến học số {n}")
    article = ArticlePageFactory(
        parent=category,
        title="Phường trao học bổng cho học sinh vượt khó học giỏi năm học mới",
        lead="Những suất học bổng đầu tiên được trao tận tay các em học sinh có hoàn cảnh khó khăn.",
        body=[
            {"type": "paragraph", "value": "<p>" + "Đường dẫn rất dài https://example.vn/" + "a" * 120 + "</p>"},
        ],
    )

    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    _no_horizontal_scroll(page)

    page.get_by_role("link", name="Khuyến học – khuyến tài").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(category.url)
    assert page.locator("h1").inner_text().strip() == "Khuyến học – khuyến tài"
    _no_horizontal_scroll(page)

    page.get_by_role("link", name=article.title).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(article.url)
    assert page.locator("h1").inner_text().strip() == article.title
    _no_horizontal_scroll(page)

    page.get_by_role("link", name="Quay lại").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(category.url)
    assert errors == []
