"""A citizen searches the whole city from the ward's search page and sees the hits of two wards."""

import pytest

from congphuong.core.tests.browser import BROWSER_MARKS, NOT_LOCAL
from congphuong.news.tests.factories import CategoryPageFactory
from congphuong.wards.tests.factories import make_ward

from .helpers import make_article

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_citizen_searches_every_ward_of_the_city(live_server, chromium, ward, category):
    other = make_ward(hostname="phuong-an-khanh.test", name="Phường An Khánh")
    other_category = CategoryPageFactory(parent=other.root_page.specific, title="Tin phường", slug="tin-phuong")
    make_article(category, "Lịch tiêm chủng mở rộng tháng Mười Hai", "Trạm y tế phường tiêm chủng.")
    make_article(other_category, "Tiêm chủng mở rộng cho trẻ em An Khánh", "Trạm y tế An Khánh.")
    context = chromium.new_context(viewport={"width": 375, "height": 812}, locale="vi-VN")
    context.route(NOT_LOCAL, lambda route: route.abort())
    page = context.new_page()
    page.goto(live_server.url + "/tim-kiem/?q=tiêm+chủng")
    with page.expect_navigation():
        page.get_by_role("link", name="Tìm “tiêm chủng” trên mọi phường, xã của thành phố").click()
    assert page.locator("h1").inner_text() == "Tìm kiếm trên toàn thành phố"
    page.get_by_label("Từ khóa cần tìm").fill("tiem chung mo rong")
    with page.expect_navigation():
        page.get_by_role("button", name="Tìm kiếm", exact=True).click()
    results = page.locator("ol.results article.result")
    assert results.count() == 2
    wards = sorted(results.locator(".result-ward").all_inner_texts())
    assert wards == ["Phường An Khánh", "Phường Thử Nghiệm"]
    link = results.filter(has_text="Phường An Khánh").get_by_role("link").first
    assert link.get_attribute("href").startswith("http://phuong-an-khanh.test/tin-phuong/")
    # The ward facet narrows the list to one ward, without JavaScript.
    facet = page.get_by_role("navigation", name="Lọc theo phường, xã")
    with page.expect_navigation():
        facet.get_by_role("link", name="Phường An Khánh").click()
    assert page.locator("ol.results .result-ward").all_inner_texts() == ["Phường An Khánh"]
    context.close()
