"""The index stays current: publish, unpublish, edits, moves, deletes, restrictions; ward scoping; rebuild."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from congphuong.media.tests.factories import MediaIndexPageFactory, MediaStoryPageFactory
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.search import engine
from congphuong.search.models import SearchDocument, SearchTerm
from congphuong.wards.tests.factories import make_ward

from .helpers import make_article, paragraph, titles

pytestmark = pytest.mark.django_db


def test_publishing_a_draft_makes_it_findable(category, home):
    page = ArticlePageFactory(
        parent=category, title="Lịch tiếp công dân tháng 7", live=False, body=paragraph("Tiếp dân.")
    )
    assert titles("tiep cong dan", home) == []
    page.save_revision().publish()
    assert titles("tiep cong dan", home) == ["Lịch tiếp công dân tháng 7"]


def test_unpublishing_removes_it(category, home):
    page = make_article(category, "Thông báo cắt điện khu phố 2")
    assert titles("cat dien", home) == ["Thông báo cắt điện khu phố 2"]
    page.unpublish()
    assert titles("cat dien", home) == []
    assert not SearchDocument.objects.filter(object_id=page.pk).exists()


def test_a_saved_draft_is_not_searchable_until_published(category, home):
    page = make_article(category, "Thông báo lịch trực Tết")
    page.title = "Bản nháp chưa duyệt về pháo hoa"
    page.save_revision()
    assert titles("phao hoa", home) == []
    assert titles("lich truc tet", home) == ["Thông báo lịch trực Tết"]
    page.get_latest_revision().publish()
    assert titles("phao hoa", home) == ["Bản nháp chưa duyệt về pháo hoa"]
    assert titles("lich truc tet", home) == []


def test_moving_updates_urls_and_ward(category, home):
    page = make_article(category, "Kế hoạch phòng chống bão")
    other_category = CategoryPageFactory(parent=home, title="Thông báo", slug="thong-bao")
    page.move(other_category, pos="last-child")
    doc = SearchDocument.objects.get(object_id=page.pk)
    assert doc.url == f"/thong-bao/{page.slug}/"
    assert titles("phong chong bao", home, engine.Filters(category=other_category.pk)) == ["Kế hoạch phòng chống bão"]
    # Moved to another ward: gone from this one, found there.
    second = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    second_category = CategoryPageFactory(parent=second.root_page, title="Tin", slug="tin")
    page.refresh_from_db()
    page.move(second_category, pos="last-child")
    assert "Kế hoạch phòng chống bão" not in titles("phong chong bao", home)
    assert titles("phong chong bao", second.root_page) == ["Kế hoạch phòng chống bão"]


def test_renaming_a_category_updates_the_urls_below_it(category, home):
    page = make_article(category, "Khai giảng lớp xóa mù chữ")
    category.slug = "hoc-tap"
    category.save_revision().publish()
    assert SearchDocument.objects.get(object_id=page.pk).url == f"/hoc-tap/{page.slug}/"


def test_deleting_removes_the_page_and_its_children(category, home):
    make_article(category, "Danh sách hộ nghèo năm 2025")
    assert titles("ho ngheo", home)
    category.delete()
    assert titles("ho ngheo", home) == []
    assert not SearchDocument.objects.filter(path__startswith=category.path).exists()


def test_private_pages_are_not_searchable(category, home):
    make_article(category, "Biên bản họp nội bộ")
    restriction = PageViewRestriction.objects.create(page=category, restriction_type="password", password="matkhau123")
    assert titles("bien ban hop", home) == []
    restriction.delete()
    assert titles("bien ban hop", home) == ["Biên bản họp nội bộ"]


def test_results_come_only_from_the_current_ward(client, category, home):
    make_article(category, "Ngày hội hiến máu tình nguyện")
    second = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    other = CategoryPageFactory(parent=second.root_page, title="Tin", slug="tin")
    make_article(other, "Hiến máu tình nguyện ở phường khác")
    here = client.get("/tim-kiem/", {"q": "hien mau"})
    there = client.get("/tim-kiem/", {"q": "hien mau"}, HTTP_HOST="phuong-khac.test")
    assert [hit.document.title for hit in here.context["hits"]] == ["Ngày hội hiến máu tình nguyện"]
    assert [hit.document.title for hit in there.context["hits"]] == ["Hiến máu tình nguyện ở phường khác"]
    assert "ở phường khác" not in here.text
    suggestions = client.get("/tim-kiem/goi-y/", {"q": "hien m"}, HTTP_HOST="phuong-khac.test").json()["results"]
    assert [item["title"] for item in suggestions] == ["Hiến máu tình nguyện ở phường khác"]


def test_every_public_page_type_is_indexed_with_its_label(home, category):
    media = MediaIndexPageFactory(parent=home)
    MediaStoryPageFactory(parent=media, title="Phóng sự ảnh lễ hội đèn lồng", lead="Lễ hội đèn lồng ở khu phố 4.")
    make_article(category, "Lễ hội đèn lồng sắp diễn ra", "Đèn lồng.")
    outcome = engine.run("den long", home.pk)
    kinds = {outcome.documents[key].title: outcome.documents[key].kind for key in outcome.ordered}
    assert kinds == {"Phóng sự ảnh lễ hội đèn lồng": "media", "Lễ hội đèn lồng sắp diễn ra": "tin-bai"}
    assert engine.registry.kind_label("media") == "Tin media"
    assert engine.run("khuyen tai", home.pk).total == 1  # the category page itself ("Trang")


def test_tags_are_searchable(category, home):
    page = make_article(category, "Tuyên dương gương người tốt")
    page.tags.add("việc tốt quanh ta")
    page.save_revision().publish()
    assert titles("viec tot quanh ta", home) == ["Tuyên dương gương người tốt"]


def test_reindexing_a_batch_reads_the_tags_of_all_its_articles_at_once(category, home):
    """The bulk paths (a subtree moved, an import, the province bench) re-index pages in batches: the
    queries must not grow with the number of tagged articles in a batch."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from congphuong.search import indexer

    def queries_for(count, tag):
        pages = [make_article(category, f"Bài có thẻ {tag} số {n}") for n in range(count)]
        for page in pages:
            page.tags.add(tag)
        with CaptureQueriesContext(connection) as captured:
            indexer.index_pages([page.pk for page in pages])
        return len(captured.captured_queries)

    assert queries_for(2, "vườn rau") == queries_for(8, "lớp học tình thương")
    # The tags read in bulk are in the index: found by the tag alone.
    assert len(titles("tinh thuong", home)) == 8


def test_rebuild_command_gives_the_same_index(category, home):
    make_article(category, "Khuyến học khu phố 1", "Quỹ khuyến học.")
    make_article(category, "Khuyên học sinh chăm ngoan", "Lời khuyên.")
    before = titles("khuyen hoc", home)
    terms_before = set(SearchTerm.objects.values_list("folded", "form", "count"))
    SearchDocument.objects.all().delete()  # a broken index (the full-text side is stale now)
    call_command("rebuild_search_index", verbosity=0)
    assert titles("khuyen hoc", home) == before
    assert set(SearchTerm.objects.values_list("folded", "form", "count")) == terms_before


def test_unchanged_pages_are_not_rewritten(category, home):
    page = make_article(category, "Thông báo nghỉ lễ")
    doc = SearchDocument.objects.get(object_id=page.pk)
    page.save()
    assert SearchDocument.objects.get(object_id=page.pk).pk == doc.pk


def test_each_vector_row_names_its_wards_root_also_after_a_move(category, home):
    """The ward's root as a column (migration 0005): the ward's walks check it before the vector."""
    from django.db import connection

    from congphuong.search.backends import VECTOR_TABLE

    if connection.vendor != "postgresql":
        pytest.skip("the vector table is PostgreSQL's")

    def root_of(page):
        key = SearchDocument.objects.get(object_id=page.pk).sort_key
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT root_id FROM {VECTOR_TABLE} WHERE sort_key = %s", [key])  # noqa: S608
            return cursor.fetchone()[0]

    page = make_article(category, "Lịch tiếp công dân tháng Mười Hai")
    assert root_of(page) == home.pk
    second = make_ward(hostname="phuong-khac.test", name="Phường Khác")
    second_category = CategoryPageFactory(parent=second.root_page, title="Tin", slug="tin")
    page.refresh_from_db()
    page.move(second_category, pos="last-child")
    assert root_of(page) == second.root_page_id
    assert titles("tiep cong dan", second.root_page) == ["Lịch tiếp công dân tháng Mười Hai"]
    assert titles("tiep cong dan", home) == []
