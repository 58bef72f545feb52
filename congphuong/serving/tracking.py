"""What a response rendered: recorded while a cacheable request runs, turned into tags.

- every Page instantiated (a listing item, a related article, a menu entry) → ``page:<id>``;
- every other table read → ``table:<name>`` (documents, procedures, leaders… without any of
  those apps having to declare anything);
- the served page itself decides the structural tags (tags.py).
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.signals import post_init

_current: contextvars.ContextVar[Recorder | None] = contextvars.ContextVar("serving_recorder", default=None)
TABLE_RE = re.compile(r'\b(?:FROM|JOIN)\s+[`"]?([A-Za-z_][A-Za-z0-9_]*)[`"]?', re.IGNORECASE)


@dataclass
class Recorder:
    page_ids: set[int] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)

    def _wrap_sql(self, execute, sql, params, many, context):
        if isinstance(sql, str):
            self.tables.update(match.lower() for match in TABLE_RE.findall(sql))
        return execute(sql, params, many, context)


class record:
    """Context manager: record what the code inside reads.

    Nested (a kept fragment rendered inside a page the page cache records), the outer recorder
    gets everything the inner one saw: the page is tagged with what its fragments read."""

    def __enter__(self) -> Recorder:
        self.recorder = Recorder()
        self._parent = _current.get()
        self._token = _current.set(self.recorder)
        self._wrapper = connection.execute_wrapper(self.recorder._wrap_sql)
        self._wrapper.__enter__()
        return self.recorder

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)
        _current.reset(self._token)
        if self._parent is not None:  # tables: the outer SQL wrapper saw those already
            self._parent.page_ids |= self.recorder.page_ids
            self._parent.tags |= self.recorder.tags
        return False


def add_tags(*tags: str) -> None:
    """For views that know what they list beyond what is recorded automatically."""
    recorder = _current.get()
    if recorder is not None:
        recorder.tags.update(tags)


def _on_post_init(sender, instance, **kwargs):
    recorder = _current.get()
    if recorder is None:
        return
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.pk is not None:
        recorder.page_ids.add(instance.pk)


def connect():
    post_init.connect(_on_post_init, dispatch_uid="serving_page_instantiated")
