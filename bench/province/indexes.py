"""The three indexes of freshly bulk-written pages, by the same code that indexes an editor's publish,
a batch at a time and from the objects already in memory.

`core.bulk.bulk_changes()` + `bulk.changed()` would do the same from the database, rereading every page
it was told about. Here the pages are in memory: the reference rows come from
`core.bulk.record_references` (Wagtail's extraction, written for the batch in a few queries), the portal
index from `indexer.page_row` + `indexer.write_rows(fresh=True)` (as `rebuild` does), and Wagtail's search
index from `add_bulk` (as `bulk_changes` does). Figures in bench/province/README.md.
"""

from __future__ import annotations

from collections import Counter


def references(objects) -> None:
    """Wagtail's reference index rows of new objects: `core.bulk.record_references`, the same rows as
    Wagtail's `create_or_update_for_object`, in a few queries for a whole batch."""
    from wagtail.models import ReferenceIndex

    from congphuong.core.bulk import record_references

    record_references([obj for obj in objects if ReferenceIndex.is_indexed(type(obj))])


def wagtail_search(model, objects) -> None:
    """Wagtail's own search index (the admin's page, image and document search), as `bulk_changes` does."""
    from modelsearch.backends import get_search_backends

    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, list(objects))


def portal_pages(pages, terms: Counter) -> int:
    """The portal search index rows of new live pages; term counts are added to `terms` (write them with
    `indexer.apply_term_counts` once per ward)."""
    from congphuong.search import indexer

    tree = indexer.TreeInfo.for_pages(pages)
    rows = [row for row in (indexer.page_row(page, tree) for page in pages) if row is not None]
    return indexer.write_rows(rows, fresh=True, terms=terms)
