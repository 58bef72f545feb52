"""Purge on change: pages (publish, unpublish, edit, move, delete), ward-wide objects, other models.

Purges run after the transaction commits (at once outside a transaction): a reader who arrives
between the purge and the commit would otherwise re-cache the old content.

`purges_deferred()` replaces the purges of a bulk load (`load_demo`, see `congphuong.core.bulk`)
with one purge of everything at its end: the demo's thousands of saves each purged a handful of
tags, one cache write per tag (minutes on the file-based cache of `make run`).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from congphuong.core.page_fields import NON_CONTENT_PAGE_FIELDS as NON_CONTENT_FIELDS

from . import conf, restrictions, store, tags

logger = logging.getLogger(__name__)

# A context variable: the deferral holds for the bulk load's own code, not for the requests another
# thread serves meanwhile.
_deferred: ContextVar[bool] = ContextVar("serving_purges_deferred", default=False)


@contextmanager
def purges_deferred():
    """No purge per change inside; one purge of every entry (after the commit) on the way out."""
    if _deferred.get():  # nested: the outer block purges
        yield
        return
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
        purge_later({store.ALL_TAG})  # also after a failure: what was written outside a rollback shows


def purge_later(tag_set) -> None:
    tag_set = set(tag_set)
    if tag_set and not _deferred.get():
        transaction.on_commit(lambda: store.purge_tags(tag_set))


def _page_changed(page, old_path=None, *, now=False):
    """Purge what shows `page`. The tags are worked out after the commit (the editor's transaction
    stays short), except for a deletion: the page and its tags are gone by then."""
    if _deferred.get():
        return

    def purge():
        try:
            store.purge_tags(tags.change_tags(page, old_path=old_path))
        except Exception:  # never fails the editor's request
            logger.exception("Không tính được các trang cần xóa khỏi bộ nhớ đệm (trang %s)", page.pk)

    if now:
        try:
            purge_later(tags.change_tags(page, old_path=old_path, labels=False))
        except Exception:
            logger.exception("Không tính được các trang cần xóa khỏi bộ nhớ đệm (trang %s)", page.pk)
    else:
        transaction.on_commit(purge)


def on_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.depth is None or _deferred.get():
        return
    if instance.alias_of_id is not None:  # an alias has its source's restrictions
        purge_later({restrictions.TAG})
    if update_fields is not None and set(update_fields) <= NON_CONTENT_FIELDS:
        return
    if instance.live:  # a page never published is shown nowhere
        _page_changed(instance)


def on_page_published(sender, instance, **kwargs):
    _page_changed(instance)


def on_page_unpublished(sender, instance, **kwargs):
    _page_changed(instance)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _page_changed(instance, now=True)


def on_page_pre_move(sender, instance, **kwargs):
    instance._serving_old_path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()


def on_page_moved(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.pk).first()
    if page is None:
        return
    old_path = getattr(instance, "_serving_old_path", None)
    # The descendants' URLs changed: every entry linking to one of them goes.
    descendants = page.get_descendants().values_list("pk", flat=True)
    purge_later({tags.page_tag(pk) for pk in descendants})
    _page_changed(page, old_path=old_path)


def on_restriction_changed(sender, instance, raw=False, **kwargs):
    # raw: a fixture or backup load; its rows may not all be there yet and the restore clears the cache.
    if raw:
        return
    purge_later({restrictions.TAG})
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        descendants = page.get_descendants(inclusive=True).values_list("pk", flat=True)
        purge_later({tags.page_tag(pk) for pk in descendants})
        _page_changed(page)


def on_site_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    purge_later({store.ALL_TAG})


def on_site_wide_object_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    site_id = getattr(instance, "site_id", None)
    purge_later({tags.site_tag(site_id)} if site_id else {store.ALL_TAG})


def on_object_changed(sender, instance=None, raw=False, created=False, update_fields=None, **kwargs):
    if raw or _deferred.get():
        return
    label = sender._meta.concrete_model._meta.label_lower
    if label in conf.ignored_models() or (created and label in conf.ignore_created_models()):
        return
    if update_fields is not None and set(update_fields) <= conf.BOOKKEEPING_FIELDS:
        return
    if label in tags.page_models():
        # An inline of a page (featured list, related links, tags): the entries showing that page.
        if instance is not None:
            purge_later({tags.page_tag(pk) for pk in tags.parental_ids(instance)})
        return
    # A row of a multi-table child is also a row of each parent: a read of the parent saw it.
    purge_later({tags.model_tag(model) for model in [sender, *sender._meta.get_parent_list()]})


def on_m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        on_object_changed(sender)


def on_search_index_changed(sender, **kwargs):
    purge_later({"search"})


def connect():
    post_save.connect(on_page_saved, sender=Page, dispatch_uid="serving_page_saved")
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            post_save.connect(on_page_saved, sender=model, dispatch_uid=f"serving_page_saved_{model._meta.label}")
    page_published.connect(on_page_published, dispatch_uid="serving_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="serving_page_unpublished")
    pre_delete.connect(on_page_deleted, dispatch_uid="serving_page_deleted")
    pre_page_move.connect(on_page_pre_move, dispatch_uid="serving_page_pre_move")
    post_page_move.connect(on_page_moved, dispatch_uid="serving_page_moved")
    for signal in (post_save, post_delete):
        signal.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"serving_pvr_{id(signal)}")
        signal.connect(on_site_changed, sender=Site, dispatch_uid=f"serving_site_{id(signal)}")
    site_wide = set()
    for label in conf.site_wide_models():
        model = apps.get_model(label)
        site_wide.add(model)
        post_save.connect(on_site_wide_object_changed, sender=model, dispatch_uid=f"serving_sitewide_{label}")
        post_delete.connect(on_site_wide_object_changed, sender=model, dispatch_uid=f"serving_sitewide_d_{label}")
    ignored = conf.ignored_models()
    for model in apps.get_models():
        if model in site_wide or issubclass(model, Page) or model._meta.label_lower in ignored:
            continue
        post_save.connect(on_object_changed, sender=model, dispatch_uid=f"serving_obj_{model._meta.label}")
        post_delete.connect(on_object_changed, sender=model, dispatch_uid=f"serving_obj_d_{model._meta.label}")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="serving_m2m")
    from congphuong.core.signals import search_index_changed

    search_index_changed.connect(on_search_index_changed, dispatch_uid="serving_search_index")
