"""`bulk_changes()`: write many pages and objects in one go (`load_demo`) without the work each save
starts, done once at the end instead.

An editor's publish sets off, per page: renditions of its images in a background thread
(`core/renditions.py`), page-cache purges of the tags that show it (`serving/signals.py`), the portal
search index (`search/signals.py`), and Wagtail's own search and reference indexes. The demo saves
some 600 pages and 3,000 other objects, several times each: `load_demo` took more than five minutes
on SQLite, most of it purging tags one cache write at a time on the file-based cache of `make run`,
while hundreds of rendition threads competed for the same core. Inside `bulk_changes()`:

- renditions on publish are off (`renditions.suspended()`): the caller makes them afterwards
  (`renditions.make_for_pages`) or leaves them to the first reader;
- page-cache purges are replaced by one purge of everything after the commit
  (`serving.signals.purges_deferred()`);
- the portal search index, Wagtail's search index (modelsearch) and its reference index are
  brought up to date once per changed object on the way out.

Rows written without `save()` inside the block (`QuerySet.update`, `bulk_update`: the ward merger
moves thousands of pages by rewriting their tree paths) send no signal: the caller names them with
`changed(model, keys, fields=…)`, and they are indexed on the way out as if they had been saved
(Wagtail's indexes here — skipped for fields that cannot change them, such as a page's tree path —,
the portal search index by the listener `congphuong.search` registers with `register_change_listener`).

Use it inside a transaction (`load_demo` does): after an error nothing is indexed, as the
rollback takes the changes away too. The three project switches are context variables and hold
for this thread's code only; Wagtail's search handlers, though, are disconnected for the whole
process meanwhile (modelsearch has no switch of its own), so an object another thread saves then
is indexed only if it is saved again — acceptable for a command, not for a request.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack, contextmanager
from contextvars import ContextVar

from django.db import models
from django.db.models.signals import post_save

_active: ContextVar[bool] = ContextVar("bulk_changes_active", default=False)

# The context managers that apps above the ground floor add to every `bulk_changes()` block (search
# indexing, page-cache purges), in the order they are entered: registered from their AppConfig.ready(),
# so that core imports none of them.
_deferrals: list[Callable[[], AbstractContextManager]] = []
# Told of the rows named by `changed()` (model, primary keys, fields written or None): registered like
# the deferrals.
_change_listeners: list[Callable[[type[models.Model], set, set | None], None]] = []


class _Noted:
    """Objects to bring up to date in Wagtail's reference index and search index (model → keys)."""

    def __init__(self):
        self.references: dict[type[models.Model], set] = {}
        self.search: dict[type[models.Model], set] = {}

    def add(self, model, keys, *, references=True, search=True) -> None:
        if references:
            self.references.setdefault(model, set()).update(keys)
        if search:
            self.search.setdefault(model, set()).update(keys)


# What the active block's Wagtail index deferral brings up to date on the way out.
_noted: ContextVar[_Noted | None] = ContextVar("bulk_changes_noted", default=None)


def register_deferral(deferral: Callable[[], AbstractContextManager], *, outermost: bool = False) -> None:
    """Add `deferral()` to every `bulk_changes()` block; registering one twice adds it once.
    `outermost`: entered before the others and left after them (the page-cache purges: what the
    others do on the way out writes rows whose signals would purge)."""
    if deferral in _deferrals:
        return
    if outermost:
        _deferrals.insert(0, deferral)
    else:
        _deferrals.append(deferral)


def register_change_listener(listener: Callable[[type[models.Model], set, set | None], None]) -> None:
    """`listener(model, keys, fields)` is called by every `changed()`; registering one twice adds it once."""
    if listener not in _change_listeners:
        _change_listeners.append(listener)


def changed(model: type[models.Model], keys, *, fields=None) -> None:
    """Inside `bulk_changes()`: the rows `keys` of `model` were written without `save()` (no signal);
    index them on the way out as if they had been saved. Outside a block: RuntimeError (nobody would).

    `fields`: the fields written, when known. Fields that hold no reference (no relation, no StreamField
    or rich text) leave Wagtail's reference index as it is; fields that are not searched text leave
    Wagtail's search index as it is when every search backend is a database one (it stores the searched
    text only; filters read the model's own table). The apps' listeners are told in any case (the portal
    index holds URLs and scopes)."""
    noted = _noted.get()
    if not _active.get() or noted is None:
        raise RuntimeError("bulk.changed() outside bulk_changes(): nothing would index these rows.")
    keys = set(keys)
    if not keys:
        return
    noted.add(
        model,
        keys,
        references=fields is None or _may_hold_references(model, fields),
        search=fields is None or _may_change_search_index(model, fields),
    )
    for listener in _change_listeners:
        listener(model, keys, None if fields is None else set(fields))


def _may_hold_references(model, fields) -> bool:
    from wagtail.fields import RichTextField, StreamField

    for name in fields:
        field = model._meta.get_field(name)
        if field.is_relation or isinstance(field, (StreamField, RichTextField)):
            return True
    return False


def _is_database_backend(backend) -> bool:
    """One of Wagtail's database backends, or ours built on one (core/search_backend.py)."""
    return any(klass.__module__.startswith("modelsearch.backends.database") for klass in type(backend).__mro__)


def _may_change_search_index(model, fields) -> bool:
    from modelsearch import index as search_index
    from modelsearch.backends import get_search_backends

    backends = list(get_search_backends(with_auto_update=True))
    if not all(_is_database_backend(backend) for backend in backends):
        return True  # an Elasticsearch-like index stores the filter fields too
    searched = set()
    for indexed in search_index.get_indexed_models():
        if issubclass(indexed, model) or issubclass(model, indexed):
            for item in indexed.get_search_fields():
                if not isinstance(item, search_index.FilterField):
                    searched.add(item.field_name)
    return bool(searched & set(fields))


@contextmanager
def bulk_changes():
    """See the module docstring. Nested blocks are part of the outermost one."""
    if _active.get():
        yield
        return
    from . import renditions

    token = _active.set(True)
    try:
        with ExitStack() as stack:
            for deferral in _deferrals:
                stack.enter_context(deferral())
            stack.enter_context(renditions.suspended())
            stack.enter_context(wagtail_indexes_deferred())
            yield
    finally:
        _active.reset(token)


@contextmanager
def wagtail_indexes_deferred():
    """Wagtail's search index and reference index: once per saved object, as stored, at the end."""
    from modelsearch import index as search_index
    from modelsearch.backends import get_search_backends
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    noted = _Noted()

    def note(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            noted.add(sender, {instance.pk})

    searched = {
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    }
    post_save.connect(note, weak=False, dispatch_uid="congphuong-bulk-changes")
    token = _noted.set(noted)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _noted.reset(token)
        post_save.disconnect(dispatch_uid="congphuong-bulk-changes")
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    owners: dict[tuple[type, object], object] = {}  # the objects whose references get recorded
    for model in set(noted.references) | set(noted.search):
        referenced = model in ReferenceIndex.tracked_models and noted.references.get(model)
        indexed = model in searched and noted.search.get(model)
        if not (referenced or indexed):
            continue
        # As stored: publishing saved a copy built from the revision, the block may have changed it since.
        keys = (noted.references.get(model, set()) if referenced else set()) | (
            noted.search.get(model, set()) if indexed else set()
        )
        objs = list(model._default_manager.filter(pk__in=keys).order_by("pk"))
        if referenced:
            for owner in filter(None, map(_reference_owner, (obj for obj in objs if obj.pk in referenced))):
                owners.setdefault((type(owner), owner.pk), owner)
        if indexed:  # what insert_or_update_object does, a model at a time
            found = [search_index.get_indexed_instance(obj) for obj in objs if obj.pk in indexed]
            by_model: dict[type, list] = {}
            for instance in filter(None, found):
                by_model.setdefault(type(instance), []).append(instance)
            for backend in get_search_backends(with_auto_update=True):
                for indexed_model, instances in by_model.items():
                    backend.add_bulk(indexed_model, instances)
    record_references(list(owners.values()))


# Object ids per query: under SQLite's limit of bound parameters with room to spare.
_CHUNK = 500
# What makes a reference one (Wagtail's "reference record").
_REFERENCE = ("to_content_type", "to_object_id", "model_path", "content_path")


def record_references(owners) -> None:
    """`ReferenceIndex.create_or_update_for_object(owner)` for each of `owners`: the same rows, read,
    written and deleted for all of them in a few queries instead of three per owner. The demo records
    some 1,500 owners: one by one, that was a sixth of `load_demo`'s CPU.

    Wagtail's rules, kept: a reference is (target content type, target id, model path, content path);
    the owner's rows are found under its base content type; a row the owner no longer yields is
    deleted unless it was recorded under a more specific class than the owner's (a relation only that
    class can see)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import ReferenceIndex

    by_base: dict[ContentType, list] = {}
    for owner in owners:
        types = [
            ContentType.objects.get_for_model(model_or_object, for_concrete_model=False)
            for model_or_object in [owner, *owner._meta.get_parent_list()]
        ]
        by_base.setdefault(types[-1], []).append((owner, types))
    created: list[ReferenceIndex] = []
    stale: list[int] = []
    for base, entries in by_base.items():
        existing: dict[str, dict[tuple, tuple[int, int]]] = {}
        object_ids = [str(owner.pk) for owner, _types in entries]
        for start in range(0, len(object_ids), _CHUNK):
            rows = ReferenceIndex.objects.filter(
                base_content_type=base, object_id__in=object_ids[start : start + _CHUNK]
            ).values_list("object_id", "id", "content_type_id", *_REFERENCE)
            for object_id, pk, content_type_id, *reference in rows:
                existing.setdefault(object_id, {})[tuple(reference)] = (content_type_id, pk)
        for owner, types in entries:
            references = set(ReferenceIndex._extract_references_from_object(owner))
            recorded = existing.get(str(owner.pk), {})
            created.extend(
                ReferenceIndex(
                    content_type=types[0],
                    base_content_type=base,
                    object_id=owner.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for to_content_type_id, to_object_id, model_path, content_path in references - recorded.keys()
            )
            known = {content_type.id for content_type in types}
            stale.extend(
                pk
                for reference, (content_type_id, pk) in recorded.items()
                if reference not in references and content_type_id in known
            )
    ignore = {"ignore_conflicts": True} if connection.features.supports_ignore_conflicts else {}
    ReferenceIndex.objects.bulk_create(created, batch_size=_CHUNK, **ignore)
    for start in range(0, len(stale), _CHUNK):
        ReferenceIndex.objects.filter(id__in=stale[start : start + _CHUNK]).delete()


def _reference_owner(obj):
    """The object `obj`'s references are recorded under, or None: as Wagtail's own task on save
    (`wagtail.tasks.update_reference_index_task`), a child row's go under its ParentalKey parent."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import Page, ReferenceIndex

    while parental_keys := [field for field in obj._meta.get_fields() if isinstance(field, ParentalKey)]:
        obj = getattr(obj, parental_keys[0].name)
        if obj is None:
            return None
    if type(obj) is Page:  # a key to the base class: the page's own fields are on its specific class
        obj = obj.specific
    return obj if ReferenceIndex.is_indexed(type(obj)) else None
