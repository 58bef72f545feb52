import xml.etree.ElementTree as ET

import pytest

from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory

pytestmark = pytest.mark.django_db


def test_site_feed_lists_all_news_and_category_feed_only_its_own(client, home, category):
    other = CategoryPageFactory(parent=home, title="An sinh xã hội", slug="an-sinh-xa-hoi")
    ArticlePageFactory(parent=category, title="Trao học bổng khuyến học")
    ArticlePageFactory(parent=other, title="Thăm hỏi gia đình chính sách")

    response = client.get(home.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    titles = {item.findtext("title") for item in ET.fromstring(response.content).iter("item")}
    assert titles == {"Trao học bổng khuyến học", "Thăm hỏi gia đình chính sách"}

    response = client.get(category.url + "rss/")
    titles = {item.findtext("title") for item in ET.fromstring(response.content).iter("item")}
    assert titles == {"Trao học bổng khuyến học"}
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "vi"
