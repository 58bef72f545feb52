"""The three indexes of freshly bulk-written pages, by the same code that indexes an editor's publish,
a batch at a time and from the objects already in memory.

`core.bulk.bulk_changes()` + `bulk.changed()` would do the same from the database: it rereads every page
(`index_pages`: a tags query per article, as it does not prefetch), and records references one object at a
time (`ReferenceIndex.create_or_update_for_object`: ~15 ms each, most of it looking for the rows an object
already has). A page written here has none, so the rows are computed with Wagtail's own extraction
(`ReferenceIndex._extract_references_from_object`) and inserted together; the portal index gets
`indexer.page_row` + `indexer.write_rows(fresh=True)` (as `rebuild` does) and Wagtail's search index
`add_bulk` (as `bulk_changes` does). Measured on 1,100 pages: 45 s through `bulk_changes`, see
bench/province/README.md for this path's figures.
"""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.models import ContentType


def references(objects) -> int:
    """Wagtail's reference index rows of new objects (no row exists for them yet)."""
    from wagtail.models import ReferenceIndex

    rows = []
    for obj in objects:
        if not ReferenceIndex.is_indexed(type(obj)):
            continue
        types = [
            ContentType.objects.get_for_model(model_or_object, for_concrete_model=False)
            for model_or_object in ([obj] + obj._meta.get_parent_list())
        ]
        rows.extend(
            ReferenceIndex(
                content_type=types[0],
                base_content_type=types[-1],
                object_id=obj.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(obj)
            )
        )
    ReferenceIndex.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)


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
