"""Tags from the ORM's query objects (tracking.py): every model a render reads is purged by its change."""

import pytest
from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.test import RequestFactory
from wagtail.models import Page

from congphuong.news.tests.factories import ArticlePageFactory
from congphuong.serving import conf, signals, store, tags, tracking

pytestmark = pytest.mark.django_db


def _receivers(signal, sender):
    live = signal._live_receivers(sender)
    return live[0] if isinstance(live, tuple) else live  # Django 5: (sync, async)


def _tracked_models():
    ignored = conf.ignored_models() | tags.page_models()
    site_wide = {apps.get_model(label) for label in conf.site_wide_models()}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower in ignored or issubclass(model, Page) or model in site_wide:
            continue
        if not model._meta.managed:  # no table (a model that only carries permissions)
            continue
        yield model


def test_every_tracked_model_a_render_reads_is_purged_by_its_change(page_cache, django_capture_on_commit_callbacks):
    request = RequestFactory().get("/")
    checked = 0
    for model in _tracked_models():
        with tracking.record() as recorder:
            list(model._default_manager.all()[:1])
        tag = tags.model_tag(model)
        assert tag in tags.response_tags(request, recorder), model
        if model._meta.auto_created:  # an m2m through table: m2m_changed names it as sender
            assert signals.on_m2m_changed in _receivers(m2m_changed, model), model
            change = lambda: signals.on_m2m_changed(sender=model, instance=None, action="post_add")  # noqa: B023, E731
        else:
            assert signals.on_object_changed in _receivers(post_save, model), model
            assert signals.on_object_changed in _receivers(post_delete, model), model
            change = lambda: signals.on_object_changed(sender=model, instance=None)  # noqa: B023, E731
        before = store.current_versions([tag])[tag]
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert store.current_versions([tag])[tag] != before, model
        checked += 1
    assert checked > 30  # the registry was walked, not an empty list


def test_joins_subqueries_and_select_related_are_read():
    from wagtail.models import PageViewRestriction

    from congphuong.news.models import ArticlePage

    query = (
        ArticlePage.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"), tags__slug="hoc-bong")
        .select_related("listing_image")
        .query
    )
    query.get_compiler("default").as_sql()  # select_related joins are set up when compiling
    assert tracking.query_models(query) >= {
        "news.articlepage",
        "wagtailcore.page",
        "wagtailcore.pageviewrestriction",
        "news.articlepagetag",
        "taggit.tag",
        "wagtailimages.image",
    }


def test_no_recording_outside_a_recorder(home):
    with tracking.record() as recorder:
        pass
    list(Page.objects.all())
    assert recorder.models == set()


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_a_document_type_renamed_purges_the_documents_list(client, page_cache, committed, home):
    from congphuong.documents.tests.factories import DocumentIndexPageFactory, LegalDocumentPageFactory

    index = DocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(parent=index)
    warm(client, [index.url, document.url])
    doc_type = document.doc_type

    def rename():
        doc_type.name = "Chỉ thị của Chủ tịch"
        doc_type.save()

    committed(rename)
    assert "Chỉ thị của Chủ tịch" in client.get(index.url).content.decode()
    assert "Chỉ thị của Chủ tịch" in client.get(document.url).content.decode()


def test_an_unrelated_model_leaves_an_article_cached(client, page_cache, committed, home, category, article):
    from congphuong.documents.tests.factories import DocumentTypeFactory

    doc_type = DocumentTypeFactory()
    warm(client, [article.url])

    def rename():
        doc_type.name = "Nghị quyết"
        doc_type.save()

    committed(rename)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    committed(ArticlePageFactory, parent=category, title="Bài mới cùng danh mục")
    assert client.get(article.url)["X-Page-Cache"] == "miss"  # a sibling: its related block may change
