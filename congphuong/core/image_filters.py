"""Wagtail's image filters, parsed once per spec instead of once per image tag.

Every ``{% image %}``, ``{% srcset_image %}`` and ``{% picture %}`` builds new ``Filter`` objects
on each render, and a new Filter parses its spec again (``Filter.operations``: each operation's
arguments are checked with ``inspect.getcallargs``). Looking a rendition up needs the operations
(``Filter.get_cache_key``), so a home page with thirty cards spent ~20 ms of its render parsing
the same dozen specs. The parsed operations depend only on the spec string (and the operations
registered at start-up) and are not changed by running them, so they are shared.
"""

from __future__ import annotations

from functools import cached_property, lru_cache

from wagtail.images.models import Filter

_wagtail_operations = Filter.__dict__["operations"].func


@lru_cache(maxsize=512)  # the templates' specs, a few dozen; bounded for specs from elsewhere
def _operations(spec: str) -> tuple:
    return tuple(_wagtail_operations(Filter(spec=spec)))


def _shared_operations(self: Filter) -> list:
    return list(_operations(self.spec))


def install_filter_operations_cache() -> None:
    if getattr(Filter.operations, "func", None) is _shared_operations:
        return
    operations = cached_property(_shared_operations)
    operations.__set_name__(Filter, "operations")
    Filter.operations = operations
