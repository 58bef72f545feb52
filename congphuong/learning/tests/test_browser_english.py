"""A reader switches the learning society's page to English, picks a year and opens the fund's page
(docs/english-section.md): everything the ward did not write reads in English, figures included."""

import pytest

from congphuong.core.localisation import translate_page
from congphuong.core.tests.browser import BROWSER_MARKS, new_page

from .factories import LearningSocietyPageFactory
from .test_public import populate

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reader_reads_the_learning_society_in_english(live_server, chromium, ward):
    home = ward.root_page.specific
    page = LearningSocietyPageFactory(parent=home, title="Xã hội học tập", slug="xa-hoi-hoc-tap")
    populate(ward, 4, year=2025)
    translate_page(home, title="Test Ward", slug=f"{home.slug}-en")
    translate_page(page, title="Learning society", slug="learning-society", intro="Our learning society.")

    browser, errors = new_page(chromium, viewport={"width": 1280, "height": 900}, locale="vi-VN")
    browser.goto(live_server.url + "/xa-hoi-hoc-tap/?nam=2025")
    assert browser.get_by_role("heading", name="Khen thưởng, học bổng năm 2025").is_visible()
    with browser.expect_navigation():
        browser.locator("header").get_by_role("link", name="English").click()
    assert browser.url == live_server.url + "/en/learning-society/"
    assert browser.locator("html").get_attribute("lang") == "en"

    # The page opens on the last year with recognitions; the reader asks for 2025 with the form.
    browser.get_by_label("Figures for the year").select_option("2025")
    with browser.expect_navigation():
        browser.get_by_role("button", name="Show").click()
    assert browser.url.endswith("/en/learning-society/?nam=2025")
    assert browser.get_by_role("heading", name="Awards and scholarships in 2025").is_visible()
    assert browser.get_by_text("4 awards, worth 2,000,000 VND in all.").is_visible()
    table = browser.get_by_role("table", name="Registrations, recognitions and targets by model")
    assert table.get_by_role("rowheader", name="Learning families (share of households)").is_visible()

    with browser.expect_navigation():
        browser.get_by_role("link", name="See the fund's income and spending in 2025").click()
    assert browser.get_by_role("heading", level=1).inner_text() == "Study promotion fund accounts 2025"
    browser.get_by_label("Group by").select_option(label="Month")
    with browser.expect_navigation():
        browser.get_by_role("button", name="Show").click()
    monthly = browser.get_by_role("table", name="Income, spending and balance by month")
    assert monthly.get_by_role("rowheader", name="03/2025").is_visible()
    assert "03/2025\t2,000,000 VND" in monthly.inner_text()  # two gifts of 1,000,000 in March
    main = browser.locator("main").inner_text()
    assert "Khen thưởng" not in main and "Quỹ khuyến học" not in main and " đ" not in main  # money in VND
    assert errors == []
