"""Which content the portal search indexes, and how.

Each app contributes its content in a ``search_sources.py`` module (found at start-up, like
``wagtail_hooks``) or is registered from ``congphuong.search.sources``:

- ``register_page("news.ArticlePage", kind="tin-bai", label="Tin bài", date="published_at", category=True)``:
  a page type. Its text is read from the page's Wagtail ``search_fields`` (StreamField, rich text
  and plain fields), so new fields are indexed without touching the search app. Every other page
  type deriving from ``BasePage`` is indexed as "Trang" with the same rule.
- ``register_model(ModelSource(...))``: anything that is not a page (published Q&A). The source
  says which objects are public, their title/text/date/URL and their ward (``site``).

A source names the content type shown to citizens (``label``, also the filter), the attribute
holding the date (for "Mới nhất", date filters and the recency tie-break) and ``title_weight``:
how much a match in the title counts against one in the text (1.0 for most content).
A model label whose app is not installed is skipped quietly: apps come and go independently.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.utils.module_loading import autodiscover_modules

PAGE_KEY = "page"  # SearchDocument.source for every page: page ids are unique across page types
GENERIC_KIND = "trang"
GENERIC_LABEL = "Trang"


@dataclass
class PageSource:
    model_label: str
    kind: str
    label: str
    date: str | None = None  # attribute name; first_published_at when empty or missing
    category: bool = False  # True: the nearest ancestor CategoryPage is the news category
    title_weight: float = 1.0
    extra_text: Callable | None = None  # page -> str, added to the body text
    prefetch: tuple[str, ...] = ()  # prefetch_related() lookups for extra_text in full rebuilds
    order: int = 0

    @property
    def model(self):
        try:
            return apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None


@dataclass
class ModelSource:
    """A non-page model: every callable gets one object."""

    model_label: str
    kind: str
    label: str
    queryset: Callable[[], Iterable]  # the public objects, for full rebuilds
    is_public: Callable[[Any], bool]
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    url: Callable[[Any], str | None]  # path inside the ward's site ("/hoi-dap/tra-loi/12/")
    site_id: Callable[[Any], int | None]
    date: Callable[[Any], datetime.datetime | datetime.date | None] = lambda obj: None
    title_weight: float = 1.0
    related_models: list[str] = field(default_factory=list)  # saving one of these reindexes the ward's objects
    order: int = 0

    @property
    def model(self):
        try:
            return apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None

    @property
    def key(self) -> str:
        return self.model_label.lower()


_page_sources: dict[str, PageSource] = {}
_model_sources: dict[str, ModelSource] = {}
_discovered = False


def register_page(model_label: str, kind: str, label: str, **options) -> PageSource:
    source = PageSource(model_label=model_label, kind=kind, label=label, order=len(_page_sources), **options)
    _page_sources[model_label.lower()] = source
    return source


def register_model(source: ModelSource) -> ModelSource:
    source.order = 100 + len(_model_sources)
    _model_sources[source.key] = source
    return source


def _ensure_discovered():
    global _discovered
    if not _discovered:
        _discovered = True
        from . import sources  # noqa: F401  (the portal's own content types)

        autodiscover_modules("search_sources")


def page_sources() -> list[PageSource]:
    _ensure_discovered()
    return [source for source in _page_sources.values() if source.model is not None]


def model_sources() -> list[ModelSource]:
    _ensure_discovered()
    return [source for source in _model_sources.values() if source.model is not None]


GENERIC_PAGE_SOURCE = PageSource(model_label="wagtailcore.Page", kind=GENERIC_KIND, label=GENERIC_LABEL, order=99)


def source_for_page_class(page_class) -> PageSource:
    """The registered source of a page class or of its nearest registered base class."""
    _ensure_discovered()
    for klass in page_class.__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is None or meta.abstract:
            continue
        source = _page_sources.get(meta.label_lower)
        if source is not None:
            return source
    return GENERIC_PAGE_SOURCE


def model_source_for(model) -> ModelSource | None:
    _ensure_discovered()
    return _model_sources.get(model._meta.label_lower)


def kinds() -> list[tuple[str, str]]:
    """(kind, label) of every content type that can appear in results, in display order."""
    seen: dict[str, str] = {}
    sources: list[PageSource | ModelSource] = [*page_sources(), GENERIC_PAGE_SOURCE, *model_sources()]
    everything = sorted(sources, key=lambda s: s.order)
    for source in everything:
        seen.setdefault(source.kind, source.label)
    return list(seen.items())


def kind_label(kind: str) -> str:
    return dict(kinds()).get(kind, GENERIC_LABEL)


def title_weights() -> dict[str, float]:
    weights: dict[str, float] = {}
    sources: list[PageSource | ModelSource] = [*page_sources(), GENERIC_PAGE_SOURCE, *model_sources()]
    for source in sources:
        weights.setdefault(source.kind, source.title_weight)
    return weights
