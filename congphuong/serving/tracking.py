"""What a response rendered: recorded while a cacheable request runs, turned into tags.

- every Page instantiated (a listing item, a related article, a menu entry) → ``page:<id>``;
- every model an ORM query reads → ``model:<app_label>.<model_name>`` (documents, procedures,
  leaders… without any of those apps having to declare anything);
- the served page itself decides the structural tags (tags.py).

The models come from Django's query objects, not from SQL text: the one hook is
``_execute_sql`` below, installed once (``install()``, from ServingConfig.ready) around
``SQLCompiler.execute_sql``, through which every ORM read runs (select, count, exists, aggregate,
prefetch). With no recorder active it costs one context-variable read. A query reads its model,
every table of its ``alias_map`` (joins, select_related, m2m through tables: mapped back to their
model by ``model_of_table``) and the queries nested in its filters and annotations (``__in``
querysets, Subquery, Exists). Raw SQL outside the ORM (the search backend's) is not seen: search
results carry the ``search`` tag instead (docs/caching.md).
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field

from django.db.models.signals import post_init
from django.db.models.sql.compiler import SQLCompiler, SQLDeleteCompiler, SQLUpdateCompiler
from django.db.models.sql.query import Query

_current: contextvars.ContextVar[Recorder | None] = contextvars.ContextVar("serving_recorder", default=None)


@dataclass
class Recorder:
    page_ids: set[int] = field(default_factory=set)
    models: set[str] = field(default_factory=set)  # labels, lower case: "documents.legaldocument"
    tags: set[str] = field(default_factory=set)


class record:
    """Context manager: record what the code inside reads.

    Nested (a kept fragment rendered inside a page the page cache records), the outer recorder
    gets everything the inner one saw: the page is tagged with what its fragments read."""

    def __enter__(self) -> Recorder:
        self.recorder = Recorder()
        self._parent = _current.get()
        self._token = _current.set(self.recorder)
        return self.recorder

    def __exit__(self, *exc):
        _current.reset(self._token)
        if self._parent is not None:
            self._parent.page_ids |= self.recorder.page_ids
            self._parent.models |= self.recorder.models
            self._parent.tags |= self.recorder.tags
        return False


def add_tags(*tags: str) -> None:
    """For views that know what they list beyond what is recorded automatically."""
    recorder = _current.get()
    if recorder is not None:
        recorder.tags.update(tags)


_tables: dict[str, str] | None = None


def model_of_table(table: str) -> str | None:
    """The label (lower case) of the model whose table is `table`, auto-created m2m through
    models included; None for a table no model maps (there is none in the ORM's queries)."""
    global _tables
    if _tables is None:
        from django.apps import apps

        _tables = {
            model._meta.db_table: model._meta.concrete_model._meta.label_lower  # type: ignore[union-attr]
            for model in apps.get_models(include_auto_created=True)
            if not model._meta.proxy
        }
    return _tables.get(table)


def query_models(query: Query) -> set[str]:
    """The labels of every model `query` reads (see the module's docstring)."""
    found: set[str] = set()
    _add_query(query, found, set())
    return found


def _add_query(query, found: set[str], seen: set[int]) -> None:
    if id(query) in seen:
        return
    seen.add(id(query))
    if query.model is not None:
        found.add(query.model._meta.concrete_model._meta.label_lower)
    for join in query.alias_map.values():
        label = model_of_table(join.table_name)
        if label is not None:
            found.add(label)
    inner = getattr(query, "inner_query", None)  # count()/aggregate() over a sliced or distinct query
    if inner is not None:
        _add_query(inner, found, seen)
    for combined in query.combined_queries:  # union(), intersection(), difference()
        _add_query(combined, found, seen)
    _walk(query.where, found, seen)
    for annotation in query.annotations.values():
        _walk(annotation, found, seen)


def _walk(node, found: set[str], seen: set[int]) -> None:
    """Every Query below `node`: a where clause, a lookup, an expression (Subquery, Exists…)."""
    if node is None or isinstance(node, (str, int, float, bool)):
        return
    if isinstance(node, Query):
        _add_query(node, found, seen)
        return
    if isinstance(node, (list, tuple)):
        for item in node:
            _walk(item, found, seen)
        return
    nested = getattr(node, "query", None)  # Subquery, Exists
    if isinstance(nested, Query):
        _add_query(nested, found, seen)
    for child in getattr(node, "children", ()) or ():  # WhereNode
        _walk(child, found, seen)
    if hasattr(node, "lhs"):  # a lookup: its right side may be a queryset's query
        _walk(node.lhs, found, seen)
        _walk(getattr(node, "rhs", None), found, seen)
    elif hasattr(node, "get_source_expressions"):
        for source in node.get_source_expressions():
            _walk(source, found, seen)


_original_execute_sql = SQLCompiler.execute_sql


def _execute_sql(self, *args, **kwargs):
    """SQLCompiler.execute_sql, noting the models of the query when a recorder is active."""
    recorder = _current.get()
    # A write during a render (Wagtail storing an image's hash) is not something the page shows.
    if recorder is None or isinstance(self, (SQLUpdateCompiler, SQLDeleteCompiler)):
        return _original_execute_sql(self, *args, **kwargs)
    try:
        return _original_execute_sql(self, *args, **kwargs)
    finally:  # after compiling: select_related joins are only in alias_map then
        recorder.models |= query_models(self.query)


def install() -> None:
    """Put the hook in place (once; subclasses that do not override execute_sql inherit it)."""
    if SQLCompiler.execute_sql is not _execute_sql:
        SQLCompiler.execute_sql = _execute_sql  # type: ignore[method-assign]


def _on_post_init(sender, instance, **kwargs):
    recorder = _current.get()
    if recorder is None:
        return
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.pk is not None:
        recorder.page_ids.add(instance.pk)


def connect():
    install()
    post_init.connect(_on_post_init, dispatch_uid="serving_page_instantiated")
