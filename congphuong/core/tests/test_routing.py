"""A portal page routes a path in one query (core/routing.py) and finds what Wagtail's walk finds.

Every page of a ward, each routable sub-path of its type, a category child shadowed by its
parent's own sub-route, a restricted section and paths that do not exist are routed both ways:
with BasePage.route, and with Wagtail's own Page.route put back in its place."""

import pytest
from django.test import RequestFactory
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site

from congphuong.core.models import BasePage
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory

pytestmark = pytest.mark.django_db


def _route(path):
    request = RequestFactory().get(path, HTTP_HOST="testserver")
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    view = args[0].__name__ if args and callable(args[0]) else None
    return page.pk, type(page).__name__, view, list(args[1:]) if view else list(args), kwargs


def _paths(home):
    paths = ["/", "/khong-co/", "/khong-co/con/"]
    for page in Page.objects.descendant_of(home):
        url = page.url_path[len(home.url_path) - 1 :]
        paths += [url, url + "khong-co/"]
        model = page.specific_class
        if issubclass(model, RoutablePageMixin):
            paths += [
                url + pattern.pattern.regex.pattern.strip("^$").replace("\\Z", "")
                for pattern in model.get_subpage_urls()
            ]
    return sorted(set(paths))


def test_routes_as_wagtail_does(home, monkeypatch):
    category = CategoryPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    sub = CategoryPageFactory(parent=category, title="Tin phường", slug="tin-phuong")
    deep = ArticlePageFactory(parent=sub, title="Bài trong danh mục con")
    ArticlePageFactory(parent=category, title="Bài", slug="bai")
    # Shadowed: the category's own "rss/" route answers first, as in Wagtail.
    ArticlePageFactory(parent=category, title="Rss", slug="rss")
    private = CategoryPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    ArticlePageFactory(parent=private, title="Bài nội bộ", slug="bai-noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = ArticlePageFactory(parent=category, title="Nháp", slug="nhap")
    draft.unpublish()
    paths = _paths(Site.objects.get().root_page)
    assert "/tin-tuc/rss/" in paths and deep.url in paths

    ours = {path: _route(path) for path in paths}
    monkeypatch.setattr(BasePage, "route", Page.route)
    wagtails = {path: _route(path) for path in paths}
    assert ours == wagtails
    assert ours["/tin-tuc/rss/"][2] == "feed" and ours["/tin-tuc/nhap/"] is None


def test_routing_an_article_reads_the_path_once(home, django_assert_num_queries):
    category = CategoryPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    sub = CategoryPageFactory(parent=category, title="Tin phường", slug="tin-phuong")
    article = ArticlePageFactory(parent=sub, title="Bài sâu", slug="bai-sau")
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    root = Site.find_for_request(request).root_page.specific
    # The path's pages and their restrictions, then the article's own row: two queries at any depth.
    with django_assert_num_queries(2):
        page = root.route(request, ["tin-tuc", "tin-phuong", "bai-sau"])[0]
    with django_assert_num_queries(0):
        assert [crumb.pk for crumb in page.get_breadcrumbs()] == [category.pk, sub.pk]
        assert list(page.get_view_restrictions()) == []
        assert page.get_parent().pk == sub.pk
    assert page.pk == article.pk


def test_a_restricted_page_keeps_its_restriction(client, home):
    private = CategoryPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    article = ArticlePageFactory(parent=private, title="Bài nội bộ", slug="bai-noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302 and "login/?next=/noi-bo/bai-noi-bo/" in response["Location"]
