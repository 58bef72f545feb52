"""Keep the search index current: publish, unpublish, move, delete, view restrictions, sites.

Handlers run in the same transaction as the change; a failure to index is logged and never
stops an editor from publishing.

Inside `indexing_deferred()` (a bulk load such as `load_demo`, see `congphuong.core.bulk`) the
handlers only note what changed, and each page or object is indexed once on the way out: the demo
saves a page three times and publishes it, each of which re-indexed it. Deletions still unindex at
once (the row is gone afterwards). Rows written without save() are named by `core.bulk.changed`
(`on_bulk_changed`); pages moved in bulk are relocated (`indexer.relocate_pages`).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from congphuong.core.page_fields import NON_CONTENT_PAGE_FIELDS as NON_CONTENT_FIELDS

from . import indexer, registry

logger = logging.getLogger(__name__)


@dataclass
class _Pending:
    pages: set[int] = field(default_factory=set)  # saved or published
    relocated: set[int] = field(default_factory=set)  # moved in bulk, content unchanged (core.bulk.changed)
    subtrees: set[int] = field(default_factory=set)  # moved, restricted, site changed: page and descendants
    objects: dict[type, set] = field(default_factory=dict)  # model → primary keys

    def flush(self) -> None:
        pages = set(self.pages)
        for root in Page.objects.filter(pk__in=self.subtrees):
            pages.update(Page.objects.filter(path__startswith=root.path).values_list("pk", flat=True))
        _safely(indexer.index_pages, sorted(pages))
        _safely(indexer.relocate_pages, sorted(self.relocated - pages))
        # A slug changed in the block: the documents below carry the old URL (as on_page_saved's after-commit check).
        for page_id in Page.objects.filter(pk__in=self.pages, numchild__gt=0).values_list("pk", flat=True):
            _safely(indexer.refresh_descendant_urls, page_id)
        for model, keys in self.objects.items():
            for key in sorted(keys):
                _safely(indexer.index_object, model(pk=key))  # reads it again; a deleted one leaves the index


# A context variable: the deferral holds for the bulk load's own code, not for another thread's requests.
_pending: ContextVar[_Pending | None] = ContextVar("portal_search_pending", default=None)


@contextmanager
def indexing_deferred():
    """Note the changes inside; index each page and object once when the block ends without an error
    (after an error the caller's transaction rolls back, and with it what was noted)."""
    if _pending.get() is not None:  # nested: the outer block indexes
        yield
        return
    pending = _Pending()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    pending.flush()


def _safely(function, *args):
    try:
        function(*args)
    except Exception:
        logger.exception("Không cập nhật được chỉ mục tìm kiếm (%s)", function.__name__)


# Page fields whose change moves a page without changing its content: its document is relocated.
TREE_FIELDS = frozenset({"path", "depth", "numchild", "url_path", "slug"})


def on_bulk_changed(model, keys, fields=None) -> None:
    """Rows written without save() inside `bulk_changes()` (`core.bulk.changed`): indexed on the way out
    like saved ones (a moved page: its own row, as the caller names every page it moved). Pages whose
    written fields are tree fields only keep their text: `indexer.relocate_pages`."""
    pending = _pending.get()
    if pending is None:  # not deferred: bulk_changes() enters indexing_deferred() first
        return
    if issubclass(model, Page):
        if fields is not None and set(fields) <= TREE_FIELDS:
            pending.relocated.update(keys)
        else:
            pending.pages.update(keys)
    elif registry.model_source_for(model) is not None:
        pending.objects.setdefault(model, set()).update(keys)


def on_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or instance.depth is None or instance.depth < 2:
        return
    if update_fields is not None and set(update_fields) <= NON_CONTENT_FIELDS:
        return
    if (pending := _pending.get()) is not None:
        pending.pages.add(instance.pk)
        return
    _safely(indexer.index_page, instance.pk)
    # Wagtail rewrites the descendants' url_path after post_save: check them once it is done.
    if instance.numchild:
        transaction.on_commit(lambda: _safely(indexer.refresh_descendant_urls, instance.pk))


def on_page_published(sender, instance, **kwargs):
    if (pending := _pending.get()) is not None:
        pending.pages.add(instance.pk)
        return
    _safely(indexer.index_page, instance.pk)


def on_page_unpublished(sender, instance, **kwargs):
    _safely(indexer.unindex_pages, [instance.pk])


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _safely(indexer.unindex_pages, [instance.pk])
        # Pages moved out in bulk earlier in the block still carry this path in their documents until
        # they are relocated on the way out: theirs stay (the merger deletes the old home last).
        pending = _pending.get()
        _safely(indexer.unindex_path, instance.path, pending.relocated if pending is not None else ())


def on_page_moved(sender, instance, **kwargs):
    if (pending := _pending.get()) is not None:
        pending.subtrees.add(instance.pk)
        return
    page = Page.objects.filter(pk=instance.pk).first()
    if page is not None:
        _safely(indexer.index_subtree, page)


def on_restriction_changed(sender, instance, raw=False, **kwargs):
    # raw: a fixture or backup load, whose rows may not all be there yet; the restore rebuilds the index.
    if raw:
        return
    if (pending := _pending.get()) is not None:
        pending.subtrees.add(instance.page_id)
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _safely(indexer.index_subtree, page)


def on_site_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    Site.clear_site_root_paths_cache()  # Wagtail's own handler may run after this one
    if (pending := _pending.get()) is not None:
        pending.subtrees.add(instance.root_page_id)
        for source in registry.model_sources():
            if hasattr(source.model, "site"):
                keys = source.model._default_manager.filter(site_id=instance.pk).values_list("pk", flat=True)
                pending.objects.setdefault(source.model, set()).update(keys)
        return
    page = Page.objects.filter(pk=instance.root_page_id).first()
    if page is not None:
        _safely(indexer.index_subtree, page)
    for source in registry.model_sources():
        for obj in source.model._default_manager.filter(site_id=instance.pk) if hasattr(source.model, "site") else []:
            _safely(indexer.index_object, obj)


def on_object_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if (pending := _pending.get()) is not None:
        pending.objects.setdefault(type(instance), set()).add(instance.pk)
        return
    _safely(indexer.index_object, instance)


def on_object_deleted(sender, instance, **kwargs):
    source = registry.model_source_for(sender)
    if source is not None:
        _safely(indexer.unindex_object, source.key, instance.pk)


def connect():
    post_save.connect(on_page_saved, dispatch_uid="portal_search_page_saved")
    post_delete.connect(on_page_deleted, dispatch_uid="portal_search_page_deleted")
    page_published.connect(on_page_published, dispatch_uid="portal_search_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="portal_search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="portal_search_page_moved")
    for signal in (post_save, post_delete):
        name = "saved" if signal is post_save else "deleted"
        signal.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"portal_search_pvr_{name}")
        signal.connect(on_site_changed, sender=Site, dispatch_uid=f"portal_search_site_{name}")
    for source in registry.model_sources():
        post_save.connect(on_object_saved, sender=source.model, dispatch_uid=f"portal_search_saved_{source.key}")
        post_delete.connect(on_object_deleted, sender=source.model, dispatch_uid=f"portal_search_deleted_{source.key}")
