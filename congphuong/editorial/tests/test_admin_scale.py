"""The ward editor's admin at the size of a real ward: the explorer, dashboard and page editor cost
the same number of queries for a category of 5 articles as for one of 40 (issue 20: 2,000 children
cost 101 queries more than 1, one per listed row), and the permission answers stay Wagtail's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PagePermissionTester, Site

from congphuong.editorial.roles import APPROVER, EDITOR, SITE_ADMIN, ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(ward):
    groups = ensure_roles().by_site[ward.pk]
    category = CategoryPageFactory(parent=ward.root_page, title="Tin tức", slug="tin-tuc")
    return {
        "category": category,
        "editor": make_user("bientap", groups[EDITOR]),
        "approver": make_user("lanhdao", groups[APPROVER]),
        "admin": make_user("quantri", groups[SITE_ADMIN]),
    }


def _add_articles(category, count, live=True):
    return [ArticlePageFactory(parent=category, live=live) for _ in range(count)]


def _queries(client, url):
    client.get(url)  # the first view fills the process's caches, as a worker's first request does
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def _counts_at(client, newsroom, url_of, sizes=(5, 40)):
    counts = []
    for size in sizes:
        _add_articles(newsroom["category"], size - newsroom["category"].get_children().count())
        counts.append(_queries(client, url_of())[0])
    return counts


def test_explorer_query_count_does_not_grow_with_children(client, newsroom):
    client.force_login(newsroom["editor"])
    url = reverse("wagtailadmin_explore", args=[newsroom["category"].pk])
    at_5, at_40 = _counts_at(client, newsroom, lambda: url)
    assert at_5 == at_40, f"explorer: {at_5} queries at 5 children, {at_40} at 40"


def test_section_explorer_query_count_does_not_grow_with_categories(client, newsroom, ward):
    """A section lists live pages with children: their delete check needs no query either."""
    client.force_login(newsroom["editor"])
    url = reverse("wagtailadmin_explore", args=[ward.root_page_id])
    counts = []
    for size in (3, 9):
        while ward.root_page.get_children().count() < size:
            _add_articles(CategoryPageFactory(parent=ward.root_page), 1)
        counts.append(_queries(client, url)[0])
    assert counts[0] == counts[1], f"section explorer: {counts[0]} queries at 3 categories, {counts[1]} at 9"


def test_page_editor_query_count_does_not_grow_with_siblings(client, newsroom):
    client.force_login(newsroom["editor"])
    article = _add_articles(newsroom["category"], 1)[0]
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    at_5, at_40 = _counts_at(client, newsroom, lambda: url)
    assert at_5 == at_40, f"page editor: {at_5} queries at 5 siblings, {at_40} at 40"


def test_dashboard_query_count_does_not_grow_with_articles(client, newsroom, ward):
    from congphuong.organisation.compliance.sources import ensure_default_categories

    ensure_default_categories(ward)  # the compliance panel: the dashboard's most expensive part
    client.force_login(newsroom["editor"])
    at_5, at_40 = _counts_at(client, newsroom, lambda: reverse("wagtailadmin_home"))
    assert at_5 == at_40, f"dashboard: {at_5} queries at 5 articles, {at_40} at 40"
    assert "Theo dõi công khai thông tin" in _queries(client, reverse("wagtailadmin_home"))[1].content.decode()


def test_explorer_offers_delete_of_drafts_only_to_the_editor(client, newsroom):
    """Without "publish" an editor deletes no live page (Wagtail's rule), now answered without a query."""
    live = _add_articles(newsroom["category"], 1)[0]
    draft = _add_articles(newsroom["category"], 1, live=False)[0]
    client.force_login(newsroom["editor"])
    _count, response = _queries(client, reverse("wagtailadmin_explore", args=[newsroom["category"].pk]))
    html = response.content.decode()
    assert reverse("wagtailadmin_pages:delete", args=[draft.pk]) in html
    assert reverse("wagtailadmin_pages:delete", args=[live.pk]) not in html


@pytest.mark.parametrize("role", ["editor", "approver", "admin", "superuser"])
def test_permission_answers_are_wagtails(newsroom, role, django_user_model):
    """Our tester answers every question as Wagtail's does, for leaves and parents, live or not."""
    user = (
        django_user_model.objects.create_superuser("sieuquantri", "sieu@example.vn", "Mat-khau-thu-nghiem-2025")
        if role == "superuser"
        else newsroom[role]
    )
    category = newsroom["category"]
    live_leaf = _add_articles(category, 1)[0]
    draft_leaf = _add_articles(category, 1, live=False)[0]
    draft_parent = CategoryPageFactory(parent=category, live=False)
    _add_articles(draft_parent, 1, live=False)
    pages = [live_leaf, draft_leaf, draft_parent, category]
    questions = ("can_delete", "can_edit", "can_unpublish", "can_add_subpage", "can_move", "can_copy")
    for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific():
        ours = page.permissions_for_user(user)
        assert type(ours) is not PagePermissionTester  # BasePage's own tester is in use
        wagtails = PagePermissionTester(user, page)
        for question in questions:
            assert getattr(ours, question)() == getattr(wagtails, question)(), (role, page.title, question)
        assert ours.can_delete(ignore_bulk=True) == wagtails.can_delete(ignore_bulk=True)


def test_explorer_reads_site_root_paths_once_whatever_the_rows(client, newsroom, monkeypatch):
    """Each row's "view live" link (`page.url`, no request) used to read the Site root paths from the
    cache once per row: at 168 wards, the whole province's list unpickled 50 times a screen."""
    client.force_login(newsroom["editor"])
    url = reverse("wagtailadmin_explore", args=[newsroom["category"].pk])
    reads = []
    wagtails = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(lambda: reads.append(1) or wagtails()))
    counts = []
    for size in (3, 12):
        _add_articles(newsroom["category"], size - newsroom["category"].get_children().count())
        client.get(url)
        reads.clear()
        assert client.get(url).status_code == 200
        counts.append(len(reads))
    # One for the request's links, one for the old-hostname check above it (legacy/middleware.py).
    assert counts == [2, 2]
