"""The pages move in bulk (`merge._move_pages`: tree paths, depths and url paths rewritten by UPDATEs,
not `Page.move` per page): a deep subtree of a merged ward keeps a valid tree, its URLs, the old
URLs' redirects, its history and its place in the search index."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageLogEntry, Revision

from congphuong.legacy.models import ContentOrigin, LegacyRedirect
from congphuong.merger import merge as merging
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.organisation.tests.factories import AboutPageFactory
from congphuong.search import registry
from congphuong.search.models import SearchDocument

from .conftest import NEW, P1, P2, section

pytestmark = pytest.mark.django_db

NO_PROBLEMS = ([], [], [], [], [])  # Page.find_problems(): bad characters, step lengths, orphans, depths, child counts


def _deep_trees(world):
    """In Phường 1: news (merged) › "Chuyên đề bầu cử" (no twin: moves whole) › "Đại hội khu phố" › two
    articles; about (merged) › "Lịch sử" (its slug taken in the new ward: renamed) › "Thời kỳ đổi mới"
    (a draft revision too)."""
    p1, new = world["p1"], world["new"]
    news = section(p1, "tin-tuc-su-kien")
    theme = CategoryPageFactory(parent=news, title="Chuyên đề bầu cử", slug="chuyen-de-bau-cu")
    sub = CategoryPageFactory(parent=theme, title="Đại hội khu phố", slug="dai-hoi-khu-pho")
    deep = [ArticlePageFactory(parent=sub, title=f"Đại hội khu phố {n}", slug=f"dai-hoi-kp-{n}") for n in (1, 2)]
    history = AboutPageFactory(parent=section(p1, "gioi-thieu"), title="Lịch sử", slug="lich-su")
    period = AboutPageFactory(parent=history, title="Thời kỳ đổi mới", slug="thoi-ky-doi-moi")
    history.save_revision()
    period.save_revision()
    AboutPageFactory(parent=section(new, "gioi-thieu"), title="Lịch sử phường Tân Sơn Hòa", slug="lich-su")
    return {"theme": theme, "sub": sub, "deep": deep, "history": history, "period": period}


def test_a_deep_subtree_keeps_a_valid_tree_its_urls_and_redirects(world, client, committed):
    pages = _deep_trees(world)
    new = world["new"]
    assert Page.find_problems() == NO_PROBLEMS
    old_paths = {page.pk: page.url_path for page in Page.objects.filter(path__startswith=world["p1"].root_page.path)}

    result = committed(merging.merge, [P1, P2], NEW)
    assert result.after["Trang: Bài viết"] == 8  # 2 + 2 + 2 in each ward's "An sinh xã hội", 2 deep ones

    # The tree is valid (treebeard's own check) and every page's url_path is its parent's plus its slug.
    assert Page.find_problems() == NO_PROBLEMS
    home = Page.objects.get(pk=new.root_page_id)
    below = list(Page.objects.filter(path__startswith=home.path, depth__gt=home.depth).order_by("path"))
    by_path = {page.path: page for page in below} | {home.path: home}
    for page in below:
        parent = by_path[page.path[: -Page.steplen]]
        assert page.depth == parent.depth + 1 and page.url_path == f"{parent.url_path}{page.slug}/", page
    assert len({page.path for page in below}) == len(below)

    # Same ids, new places: section › subsection › article under the new ward's news.
    article = Page.objects.get(pk=pages["deep"][0].pk)
    assert [p.pk for p in article.get_ancestors()[2:]] == [
        section(new, "tin-tuc-su-kien").pk,
        pages["theme"].pk,
        pages["sub"].pk,
    ]
    assert article.url_path == f"{home.url_path}tin-tuc-su-kien/chuyen-de-bau-cu/dai-hoi-khu-pho/dai-hoi-kp-1/"
    # The renamed one takes its subtree's url paths along; its latest revision has the new slug.
    history = Page.objects.get(pk=pages["history"].pk)
    assert history.slug == "lich-su-phuong-1" and history.get_parent().pk == section(new, "gioi-thieu").pk
    period = Page.objects.get(pk=pages["period"].pk)
    assert period.url_path == f"{home.url_path}gioi-thieu/lich-su-phuong-1/thoi-ky-doi-moi/"
    assert history.latest_revision.content["slug"] == "lich-su-phuong-1"
    assert Revision.objects.filter(object_id=str(period.pk)).count() == 1  # history kept

    # Served at the new address; every old address answers 301 there.
    for page in (article, period, Page.objects.get(pk=pages["theme"].pk)):
        relative = page.url_path[len(home.url_path) - 1 :]
        assert client.get(relative, HTTP_HOST=NEW, secure=True).status_code == 200, relative
        old = old_paths[page.pk][len(world["p1"].root_page.url_path) - 1 :]
        response = client.get(old, HTTP_HOST=P1)
        assert response.status_code == 301 and response["Location"] == f"https://{NEW}{relative}", old
    assert LegacyRedirect.objects.filter(old_hostname__hostname=P1, page=article).count() == 1

    # Marked with their old ward, logged as moved (the subtree's root only), indexed at the new place.
    page_type = ContentType.objects.get_for_model(Page)
    marked = set(ContentOrigin.objects.filter(content_type=page_type, site=new, old_ward_name="Phường 1 (cũ)")
                 .values_list("object_id", flat=True))  # fmt: skip
    assert {pages["theme"].pk, pages["sub"].pk, article.pk, history.pk, period.pk} <= marked
    moves = PageLogEntry.objects.filter(action="wagtail.move")
    assert moves.filter(page_id=pages["theme"].pk).count() == 1 and not moves.filter(page_id=article.pk).exists()
    entry = moves.get(page_id=history.pk)
    assert entry.data["destination"]["id"] == section(new, "gioi-thieu").pk
    document = SearchDocument.objects.get(source=registry.PAGE_KEY, object_id=article.pk)
    assert document.site_id == new.pk and document.path == article.path
    assert document.url == "/tin-tuc-su-kien/chuyen-de-bau-cu/dai-hoi-khu-pho/dai-hoi-kp-1/"
    assert str(pages["sub"].pk) in document.scope.split()
