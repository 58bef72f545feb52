"""Demo data for search: nothing of its own — it makes sure the ward's demo content is indexed.

Pages published through Wagtail are indexed as they are published; this also covers content
loaded some other way (fixtures, raw imports) before the search app was installed.
"""

from . import indexer, registry


def build_demo(home, site):
    """Index (idempotently) every public page below `home` and the ward's other public content."""
    written = indexer.index_subtree(home)
    for source in registry.model_sources():
        for obj in source.queryset():
            if source.site_id(obj) == site.pk:
                indexer.index_object(obj)
    return written
