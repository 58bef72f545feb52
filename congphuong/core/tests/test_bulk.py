"""`bulk_changes()`: inside, a publish starts no renditions, purges nothing and indexes nothing; on the
way out every changed page is indexed once and the whole page cache is purged once (after the commit)."""

import pytest
import wagtail_factories
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from congphuong.core.bulk import bulk_changes
from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.search import registry
from congphuong.search.models import SearchDocument
from congphuong.serving import store, tags

pytestmark = pytest.mark.django_db


def _publish_article(category, title):
    image = wagtail_factories.ImageFactory(title=f"Ảnh của {title}")
    article = ArticlePageFactory(parent=category, title=title, live=False)
    article.listing_image = image
    article.save_revision().publish()
    return article, image


def _state(article, image):
    """What the per-save side effects leave: renditions, search documents, references, index entries."""
    return {
        "renditions": get_image_model().get_rendition_model().objects.filter(image=image).exists(),
        "portal search": SearchDocument.objects.filter(source=registry.PAGE_KEY, object_id=article.pk).exists(),
        "references": ReferenceIndex.get_references_for_object(article).filter(to_object_id=str(image.pk)).exists(),
        "wagtail search": IndexEntry.objects.filter(object_id=str(article.pk)).exists(),
    }


def _versions(article):
    return store.versions_for_store([tags.page_tag(article.pk), store.ALL_TAG])


def test_side_effects_wait_for_the_end_of_the_block(category, settings, django_capture_on_commit_callbacks):
    settings.CONGPHUONG_RENDITIONS_ON_PUBLISH = "sync"
    # Outside the block, as an editor's publish: all of it at once (so the test below can fail).
    with django_capture_on_commit_callbacks(execute=True):
        usual, usual_image = _publish_article(category, "Họp dân khu phố 3")
    assert all(_state(usual, usual_image).values())

    with django_capture_on_commit_callbacks(execute=True) as callbacks, bulk_changes():
        article, image = _publish_article(category, "Ra quân vệ sinh môi trường")
        article.save_revision().publish()  # a second publish: still indexed once, at the end
        inside = _state(article, image)
        before = _versions(article)
    assert len(callbacks) == 1  # the one purge of everything; no renditions, no purge per page
    assert inside == {"renditions": False, "portal search": False, "references": False, "wagtail search": False}
    after = _state(article, image)
    assert after == {"renditions": False, "portal search": True, "references": True, "wagtail search": True}
    versions = _versions(article)
    assert versions[store.ALL_TAG] > before[store.ALL_TAG]
    assert versions[tags.page_tag(article.pk)] == before[tags.page_tag(article.pk)]


def test_after_an_error_nothing_is_indexed_and_publishing_works_again(category, settings):
    settings.CONGPHUONG_RENDITIONS_ON_PUBLISH = "sync"
    with pytest.raises(RuntimeError), bulk_changes():
        article, image = _publish_article(category, "Tiêm chủng mở rộng tháng 6")
        raise RuntimeError("the load failed")
    assert not _state(article, image)["portal search"]
    usual, usual_image = _publish_article(category, "Họp dân khu phố 5")  # the handlers are back
    state = _state(usual, usual_image)
    assert state["portal search"] and state["references"] and state["wagtail search"]


def test_rows_written_without_save_are_indexed_when_named(category):
    """`bulk.changed()`: an UPDATE sends no signal; the rows named are indexed on the way out as if saved."""
    from wagtail.models import Page

    from congphuong.core import bulk

    named = ArticlePageFactory(parent=category, title="Họp dân khu phố 1")
    unnamed = ArticlePageFactory(parent=category, title="Họp dân khu phố 2")
    with bulk_changes():
        Page.objects.filter(pk__in=[named.pk, unnamed.pk]).update(title="Đối thoại với nhân dân")
        bulk.changed(Page, [named.pk])
    titles = dict(SearchDocument.objects.filter(source=registry.PAGE_KEY).values_list("object_id", "title"))
    assert titles[named.pk] == "Đối thoại với nhân dân" and titles[unnamed.pk] == "Họp dân khu phố 2"
    entry = IndexEntry.objects.get(object_id=str(named.pk), content_type__model="articlepage")
    assert "thoại" in str(entry.title)  # the title (SQLite) or its tsvector (PostgreSQL)
    with pytest.raises(RuntimeError, match="outside bulk_changes"):
        bulk.changed(Page, [named.pk])


def test_fields_that_hold_no_reference_nor_searched_text_leave_wagtails_indexes_alone(category):
    """`fields=` names what the UPDATE wrote: a menu flag is no searched text for the database search
    backend nor a reference, so Wagtail's indexes are not rewritten; the portal index always is."""
    from wagtail.models import Page

    from congphuong.core import bulk

    article = ArticlePageFactory(parent=category, title="Họp dân khu phố 1")
    with bulk_changes():  # the title too, to see which index reads the row again
        Page.objects.filter(pk=article.pk).update(title="Đối thoại với nhân dân")
        bulk.changed(Page, [article.pk], fields={"show_in_menus"})
    assert SearchDocument.objects.get(source=registry.PAGE_KEY, object_id=article.pk).title == "Đối thoại với nhân dân"
    title = str(IndexEntry.objects.get(object_id=str(article.pk), content_type__model="articlepage").title)
    assert "họp" in title.lower() and "thoại" not in title  # the title (SQLite) or its tsvector (PostgreSQL)


def _reference_rows():
    fields = ("content_type", "base_content_type", "object_id", "to_content_type", "to_object_id", "model_path")
    return sorted(ReferenceIndex.objects.values_list(*fields, "content_path", "content_path_hash"))


def test_references_recorded_together_are_those_wagtail_records_one_at_a_time(category):
    """`record_references` (the block's way out) writes and deletes the rows Wagtail's
    `create_or_update_for_object` does for each owner: a reference still made is kept, one no longer
    made is deleted, a new one is added, an owner never recorded gets its rows."""
    from django.db import transaction

    from congphuong.core.bulk import record_references
    from congphuong.news.models import ArticlePage

    old, new = wagtail_factories.ImageFactory(title="Ảnh cũ"), wagtail_factories.ImageFactory(title="Ảnh mới")
    kept, moved, dropped = (ArticlePageFactory(parent=category, title=f"Họp dân khu phố {n}") for n in range(3))
    for article in (kept, moved, dropped):
        ArticlePage.objects.filter(pk=article.pk).update(listing_image=old)
        ReferenceIndex.create_or_update_for_object(ArticlePage.objects.get(pk=article.pk))
    fresh = ArticlePageFactory(parent=category, title="Họp dân khu phố 4")
    ArticlePage.objects.filter(pk=fresh.pk).update(listing_image=new)
    ReferenceIndex.objects.filter(object_id=str(fresh.pk)).delete()  # never recorded
    # Written without save(): the recorded references now lag behind the rows.
    ArticlePage.objects.filter(pk=moved.pk).update(listing_image=new)
    ArticlePage.objects.filter(pk=dropped.pk).update(listing_image=None)
    owners = lambda: list(ArticlePage.objects.filter(pk__in=[kept.pk, moved.pk, dropped.pk, fresh.pk]))  # noqa: E731
    before = _reference_rows()

    with transaction.atomic():
        for owner in owners():
            ReferenceIndex.create_or_update_for_object(owner)
        one_at_a_time = _reference_rows()
        transaction.set_rollback(True)
    assert _reference_rows() == before
    record_references(owners())

    assert _reference_rows() == one_at_a_time != before
    images = dict(ReferenceIndex.objects.filter(model_path="listing_image").values_list("object_id", "to_object_id"))
    assert images == {str(kept.pk): str(old.pk), str(moved.pk): str(new.pk), str(fresh.pk): str(new.pk)}
