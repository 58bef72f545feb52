"""A citizen switches a ward's page to English and back (docs/english-section.md)."""

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS, new_page
from congphuong.core.tests.test_english_section import _english_section

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_citizen_switches_to_english_and_back(live_server, chromium, ward):
    _english_section(ward)
    page, errors = new_page(chromium, viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(live_server.url + "/gioi-thieu/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == "Giới thiệu"

    switch = page.locator("header").get_by_role("link", name="English")
    assert switch.get_attribute("lang") == "en"
    with page.expect_navigation():
        switch.click()
    assert page.url == live_server.url + "/en/about/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About the ward"
    assert page.locator("footer").get_by_text("Office hours").is_visible()
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Home").first.click()
    page.wait_for_url(live_server.url + "/en/")
    assert "Welcome to the portal of Test Ward." in page.content()

    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Tiếng Việt").click()
    assert page.url == live_server.url + "/"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("header").get_by_role("link", name="English").is_visible()
    assert errors == []
