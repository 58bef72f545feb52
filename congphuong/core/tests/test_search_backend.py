"""Wagtail's own search (the admin's page search, choosers) finds a title with a dash when the
query has it too: on SQLite a word of punctuation only used to match nothing (core/search_backend.py)."""

import pytest

from congphuong.news.models import ArticlePage

pytestmark = pytest.mark.django_db

QUERIES = ["Kế hoạch – triển khai", "Kế hoạch - triển khai", "kế hoạch / triển khai …", "triển khai"]


@pytest.mark.parametrize("query", QUERIES)
def test_a_dash_in_the_query_still_finds_the_page(admin_client, article, query):
    article.title = "Kế hoạch – triển khai năm học mới"
    article.save_revision().publish()
    assert list(ArticlePage.objects.search(query)) == [article]
    assert list(ArticlePage.objects.autocomplete(query)) == [article]
    page = admin_client.get("/admin/pages/search/", {"q": query}).content.decode()
    assert "Kế hoạch – triển khai năm học mới" in page


def test_punctuation_alone_finds_nothing_and_fails_nothing(article):
    assert list(ArticlePage.objects.search("– …")) == []
