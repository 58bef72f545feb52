# ruff: noqa: S608
"""Turning pages and objects into index rows, and keeping the index current.

SQL here names only our own tables (constants); every value is a bound parameter.

`index_page`, `unindex_page`, `index_subtree` and `index_object` are called by the signal
handlers (signals.py); `rebuild` by ``manage.py rebuild_search_index``. Every write goes through
`write_rows`, which replaces a document only when its content changed.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index as wagtail_index

from congphuong.core.signals import search_index_changed

from . import registry
from .backends import get_backend, meta_tokens
from .models import SearchDocument, SearchTerm
from .text import clean_text, html_to_text, tokens

MAX_BODY_CHARS = 60_000
MAX_TITLE_CHARS = 1000
MAX_TERM_LENGTH = 120
SORT_KEY_FACTOR = 10**9  # sort_key = seconds since 1970 × 10⁹ + document id: newest last, unique
TERM_TABLE = SearchTerm._meta.db_table
logger = logging.getLogger(__name__)


@dataclass
class IndexRow:
    source: str
    object_id: int
    kind: str
    url: str
    title: str
    body: str = ""
    site_id: int | None = None
    path: str = ""
    scope: list[int] = field(default_factory=list)
    section_id: int | None = None
    category_id: int | None = None
    category_title: str = ""
    date: datetime.datetime | None = None
    title_weight: float = 1.0

    def __post_init__(self):
        self.title = clean_text(self.title)[:MAX_TITLE_CHARS]
        self.body = clean_text(self.body)[:MAX_BODY_CHARS]

    @property
    def key(self):
        return (self.source, self.object_id)

    def content_hash(self) -> str:
        parts = [
            self.kind,
            self.url,
            self.title,
            self.body,
            str(self.site_id),
            self.path,
            " ".join(map(str, self.scope)),
            str(self.section_id),
            str(self.category_id),
            self.category_title,
            self.date.isoformat() if self.date else "",
            str(self.title_weight),
        ]
        return hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()

    def document(self) -> SearchDocument:
        return SearchDocument(
            source=self.source,
            object_id=self.object_id,
            kind=self.kind,
            site_id=self.site_id,
            path=self.path,
            scope=" ".join(map(str, self.scope)),
            section_id=self.section_id,
            category_id=self.category_id,
            category_title=self.category_title,
            url=self.url,
            title=self.title,
            body=self.body,
            date=self.date,
            title_weight=self.title_weight,
            content_hash=self.content_hash(),
        )


# --- Tokens of a stored document: what goes into the full-text table and the term counts ------


def fts_entry(sort_key, title, body, scope, kind):
    """The full-text values of a document; recomputed identically to delete it from FTS5."""
    title_pairs, body_pairs = tokens(title), tokens(body)
    scope_ids = scope.split() if isinstance(scope, str) else scope
    return (
        sort_key,
        " ".join(folded for _exact, folded in title_pairs),
        " ".join(folded for _exact, folded in body_pairs),
        " ".join(exact for exact, _folded in title_pairs),
        " ".join(exact for exact, _folded in body_pairs),
        " ".join(meta_tokens(scope_ids, kind)),
    ), (title_pairs, body_pairs)


def term_pairs(*token_lists) -> set[tuple[str, str]]:
    """Distinct (folded, accented) words and word pairs of a document (numbers alone are skipped)."""
    out: set[tuple[str, str]] = set()
    for pairs in token_lists:
        if not pairs:
            continue
        exact = [e for e, _f in pairs]
        folded = [f for _e, f in pairs]
        out.update(pair for pair in zip(folded, exact, strict=True) if not pair[0].isdigit())
        out.update(
            pair
            for pair in zip(
                map(" ".join, zip(folded, folded[1:], strict=False)),
                map(" ".join, zip(exact, exact[1:], strict=False)),
                strict=True,
            )
            if len(pair[0]) <= MAX_TERM_LENGTH and len(pair[1]) <= MAX_TERM_LENGTH
        )
    return out


def apply_term_counts(counter: Counter):
    rows = [(folded, form, delta) for (folded, form), delta in counter.items() if delta]
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TERM_TABLE} (folded, form, count) VALUES (%s, %s, %s) "
            f"ON CONFLICT (folded, form) DO UPDATE SET count = {TERM_TABLE}.count + excluded.count",
            rows,
        )
        if any(delta < 0 for _f, _w, delta in rows):
            cursor.execute(f"DELETE FROM {TERM_TABLE} WHERE count <= 0")


# --- Writing ------------------------------------------------------------------------------------


GENERATION_KEY = "search:the-he-chi-muc"


def index_generation() -> int:
    """A number that changes whenever the index does (cache keys of derived data include it)."""
    return int(cache.get_or_set(GENERATION_KEY, 1, None) or 1)


# Sent whenever the index changes (core.signals.search_index_changed): the page cache drops cached results.
index_changed = search_index_changed


def bump_generation():
    index_changed.send(sender=None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _sort_key(date, pk) -> int:
    seconds = int(date.timestamp()) if date else 0
    return seconds * SORT_KEY_FACTOR + pk


def remove_documents(documents: Iterable[SearchDocument], terms: Counter | None = None):
    documents = list(documents)
    if not documents:
        return
    entries = []
    own_terms = terms is None
    terms = Counter() if terms is None else terms
    for doc in documents:
        entry, token_lists = fts_entry(doc.sort_key, doc.title, doc.body, doc.scope, doc.kind)
        if doc.sort_key is not None:
            entries.append(entry)
        for pair in term_pairs(*token_lists):
            terms[pair] -= 1
    get_backend().delete(entries)
    SearchDocument.objects.filter(pk__in=[doc.pk for doc in documents]).delete()
    bump_generation()
    if own_terms:
        apply_term_counts(terms)


def write_rows(rows: list[IndexRow], *, fresh=False, terms: Counter | None = None) -> int:
    """Insert or replace the documents of `rows`; unchanged ones are left alone. Returns the number written.

    fresh=True: the index holds none of these rows (rebuild), so nothing is looked up or removed.
    terms: a Counter to accumulate term counts into instead of writing them (bulk rebuilds).
    """
    if not rows:
        return 0
    own_terms = terms is None
    terms = Counter() if terms is None else terms
    with transaction.atomic():
        if not fresh:
            existing = {}
            for source in {row.source for row in rows}:
                ids = [row.object_id for row in rows if row.source == source]
                for doc in SearchDocument.objects.filter(source=source, object_id__in=ids):
                    existing[doc.source, doc.object_id] = doc
            rows = [
                row for row in rows if row.key not in existing or existing[row.key].content_hash != row.content_hash()
            ]
            remove_documents([existing[row.key] for row in rows if row.key in existing], terms)
        if not rows:
            if own_terms:
                apply_term_counts(terms)
            return 0
        backend = get_backend()
        documents = [row.document() for row in rows]
        ids = backend.allocate_ids(len(documents))
        if ids:  # PostgreSQL: ids (and so sort keys) known before the insert, one row version fewer
            for doc, pk, row in zip(documents, ids, rows, strict=True):
                doc.pk = pk
                doc.sort_key = _sort_key(row.date, pk)
            SearchDocument.objects.bulk_create(documents, batch_size=500)
        else:
            documents = SearchDocument.objects.bulk_create(documents, batch_size=500)
            updates = []
            for doc, row in zip(documents, rows, strict=True):
                doc.sort_key = _sort_key(row.date, doc.pk)
                updates.append((doc.sort_key, doc.pk))
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {SearchDocument._meta.db_table} SET sort_key = %s WHERE id = %s", updates)
        entries = []
        for doc, row in zip(documents, rows, strict=True):
            entry, token_lists = fts_entry(doc.sort_key, row.title, row.body, row.scope, row.kind)
            entries.append(entry)
            for pair in term_pairs(*token_lists):
                terms[pair] += 1
        backend.insert(entries)
        if own_terms:
            apply_term_counts(terms)
    bump_generation()
    return len(rows)


# --- Pages --------------------------------------------------------------------------------------


def _as_datetime(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, datetime.date):
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(7, 0)))
    return None


def _flatten(value, out: list[str]):
    if value is None:
        return
    if isinstance(value, str):
        out.append(html_to_text(value) if "<" in value else value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _flatten(item, out)
    else:
        text = str(value)
        out.append(html_to_text(text) if "<" in text else text)


def page_text(page, source: registry.PageSource) -> str:
    """The text of a page, read from its Wagtail search_fields (the title is indexed apart)."""
    parts: list[str] = []
    seen = {"title"}
    for search_field in page.search_fields:
        if not isinstance(search_field, wagtail_index.SearchField) or search_field.field_name in seen:
            continue
        seen.add(search_field.field_name)
        try:
            value = search_field.get_value(page)
        except Exception:  # a broken field must not stop the page from being found
            logger.warning("Không đọc được trường %s của trang %s", search_field.field_name, page.pk, exc_info=True)
            continue
        _flatten(value, parts)
    if source.extra_text is not None:
        _flatten(source.extra_text(page), parts)
    return " \n ".join(part for part in parts if part)


@dataclass
class TreeInfo:
    """What the indexer needs to know about the page tree: ancestors, categories, restrictions."""

    pages_by_path: dict[str, tuple[int, str, int]]  # path -> (id, title, content_type_id)
    restricted_paths: list[str]
    category_type_ids: set[int]

    @classmethod
    def for_pages(cls, pages) -> TreeInfo:
        paths = set()
        for page in pages:
            for depth in range(1, len(page.path) // Page.steplen):
                paths.add(page.path[: depth * Page.steplen])
        return cls._load(Page.objects.filter(path__in=paths))

    @classmethod
    def for_everything(cls) -> TreeInfo:
        return cls._load(Page.objects.all())

    @classmethod
    def _load(cls, queryset) -> TreeInfo:
        pages_by_path = {
            path: (pk, title, ct)
            for pk, path, title, ct in queryset.values_list("id", "path", "title", "content_type_id")
        }
        restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        category_ids = set()
        try:
            category_model = apps.get_model("news", "CategoryPage")
        except LookupError:  # pragma: no cover  (news is part of the portal)
            category_model = None
        if category_model is not None:
            category_ids.add(ContentType.objects.get_for_model(category_model).id)
        return cls(pages_by_path, restricted, category_ids)

    def ancestors(self, page) -> list[tuple[int, str, int]]:
        out = []
        for depth in range(2, len(page.path) // Page.steplen):
            item = self.pages_by_path.get(page.path[: depth * Page.steplen])
            if item:
                out.append(item)
        return out

    def is_restricted(self, page) -> bool:
        return any(page.path.startswith(path) for path in self.restricted_paths)


def _url_parts(page):
    """page.get_url_parts() without a reverse() per page (the index is rebuilt for 100,000 pages)."""
    if type(page).get_url_parts is not Page.get_url_parts or getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return page.get_url_parts()
    for site_id, root_path, root_url, _language in Site.get_site_root_paths():
        if page.url_path.startswith(root_path):
            return site_id, root_url, _serve_prefix() + page.url_path[len(root_path) :]
    return None


@lru_cache(maxsize=1)
def _serve_prefix() -> str:
    return reverse("wagtail_serve", args=("",))


def page_row(page, tree: TreeInfo) -> IndexRow | None:
    """The index row of a live, public page below a ward's root, or None."""
    if page.depth < 2 or not page.live or page.expired or tree.is_restricted(page):
        return None
    parts = _url_parts(page)
    if not parts or parts[0] is None or parts[2] is None:
        return None
    site_id, _root_url, page_path = parts
    source = registry.source_for_page_class(type(page))
    ancestors = tree.ancestors(page)
    category_id, category_title = None, ""
    if source.category:
        for pk, title, content_type_id in reversed(ancestors):
            if content_type_id in tree.category_type_ids:
                category_id, category_title = pk, title
                break
    date = getattr(page, source.date, None) if source.date else None
    return IndexRow(
        source=registry.PAGE_KEY,
        object_id=page.pk,
        kind=source.kind,
        url=page_path,
        title=page.title,
        body=page_text(page, source),
        site_id=site_id,
        path=page.path,
        scope=[pk for pk, _title, _ct in ancestors] + [page.pk],
        section_id=([pk for pk, _title, _ct in ancestors] + [page.pk])[1] if ancestors else None,
        category_id=category_id,
        category_title=category_title,
        date=_as_datetime(date) or page.first_published_at or page.last_published_at,
        title_weight=source.title_weight,
    )


def _specific_pages(queryset):
    """Pages of `queryset` as their specific classes, with each source's prefetches (an article's
    tags: without them every article of a batch asks for its own)."""
    pages = list(queryset.specific(defer=False))
    by_class: dict[type, list] = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for page_class, same_class in by_class.items():
        source = registry.source_for_page_class(page_class)
        prefetch = list(getattr(source, "prefetch", ()))
        if prefetch:
            prefetch_related_objects(same_class, *prefetch)
    return pages


def index_page(page_or_id) -> None:
    """Bring the page's document up to date with the database (live content, not drafts)."""
    page_id = getattr(page_or_id, "pk", page_or_id)
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None:
        unindex_pages([page_id])
        return
    row = page_row(page, TreeInfo.for_pages([page]))
    if row is None:
        unindex_pages([page_id])
        return
    write_rows([row])
    if page.numchild and _descendant_urls_stale(page, row.url):
        index_subtree(page, include_self=False)


def _descendant_urls_stale(page, url) -> bool:
    """True when a document below the page does not start with the page's URL (slug changed, moved)."""
    return (
        SearchDocument.objects.filter(source=registry.PAGE_KEY, path__startswith=page.path)
        .exclude(object_id=page.pk)
        .exclude(url__startswith=url)
        .exists()
    )


def refresh_descendant_urls(page_id) -> None:
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.numchild:
        return
    url = (
        SearchDocument.objects.filter(source=registry.PAGE_KEY, object_id=page_id).values_list("url", flat=True).first()
    )
    if url and _descendant_urls_stale(page, url):
        index_subtree(page, include_self=False)


def unindex_pages(page_ids) -> None:
    remove_documents(SearchDocument.objects.filter(source=registry.PAGE_KEY, object_id__in=list(page_ids)))


def unindex_path(path: str, keep=()) -> None:
    """Remove a page and everything below it (the page was deleted), but the documents of the pages in
    `keep` (moved away in bulk, not yet relocated: `relocate_pages`)."""
    if not path:
        return
    documents = SearchDocument.objects.filter(source=registry.PAGE_KEY, path__startswith=path)
    if not keep:
        remove_documents(documents)
        return
    keep = set(keep)
    gone = [pk for pk, object_id in documents.values_list("pk", "object_id") if object_id not in keep]
    for start in range(0, len(gone), 500):
        remove_documents(SearchDocument.objects.filter(pk__in=gone[start : start + 500]))


def index_subtree(page, include_self=True, batch_size=200) -> int:
    """Re-index a page and its descendants (after a move, a view restriction, a site change)."""
    queryset = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth + (0 if include_self else 1))
    return index_pages(queryset.order_by("path").values_list("id", flat=True), batch_size)


def index_pages(page_ids, batch_size=200) -> int:
    """Re-index these pages, a batch at a time; a page gone or not public leaves the index."""
    written = 0
    ids = list(page_ids)
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        chunk = _specific_pages(Page.objects.filter(pk__in=batch))
        tree = TreeInfo.for_pages(chunk)
        found = {item.pk for item in chunk}
        rows, gone = [], [pk for pk in batch if pk not in found]
        for item in chunk:
            row = page_row(item, tree)
            if row is None:
                gone.append(item.pk)
            else:
                rows.append(row)
        unindex_pages(gone)
        written += write_rows(rows)
    return written


def relocate_pages(page_ids, batch_size=500) -> int:
    """Pages moved in the tree with their content unchanged (the ward merger moves thousands at once):
    their documents get the new URL, ward, path, scope, section and category from the tree, keeping the
    title, text and date they hold — the pages' text is not read again. The full-text entry is replaced
    (its scope tokens changed; the same words, so the term counts stay). A page without a document, or
    whose class works out its own URL, goes through `index_pages`; one no longer public leaves the index.
    Returns the number of documents changed."""
    ids = list(page_ids)
    rest: list[int] = []
    changed = 0
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        pages = list(Page.objects.filter(pk__in=batch).select_related("locale"))  # base rows: no text read
        docs = {
            doc.object_id: doc for doc in SearchDocument.objects.filter(source=registry.PAGE_KEY, object_id__in=batch)
        }
        tree = TreeInfo.for_pages(pages)
        found = {page.pk for page in pages}
        gone = [pk for pk in batch if pk not in found]
        moved: list[tuple[SearchDocument, IndexRow]] = []
        for page in pages:
            doc, page_class = docs.get(page.pk), page.specific_class
            if doc is None or page_class is None or page_class.get_url_parts is not Page.get_url_parts:
                rest.append(page.pk)
                continue
            if page.depth < 2 or not page.live or page.expired or tree.is_restricted(page):
                gone.append(page.pk)
                continue
            parts = _url_parts(page)
            if not parts or parts[0] is None or parts[2] is None:
                gone.append(page.pk)
                continue
            ancestors = tree.ancestors(page)
            category_id, category_title = None, ""
            if registry.source_for_page_class(page_class).category:
                for pk, title, content_type_id in reversed(ancestors):
                    if content_type_id in tree.category_type_ids:
                        category_id, category_title = pk, title
                        break
            scope = [pk for pk, _title, _ct in ancestors] + [page.pk]
            row = IndexRow(
                source=registry.PAGE_KEY,
                object_id=page.pk,
                kind=doc.kind,
                url=parts[2],
                title=doc.title,
                body=doc.body,
                site_id=parts[0],
                path=page.path,
                scope=scope,
                section_id=scope[1] if len(scope) > 1 else None,
                category_id=category_id,
                category_title=category_title,
                date=doc.date,
                title_weight=doc.title_weight,
            )
            if row.content_hash() != doc.content_hash:
                moved.append((doc, row))
        unindex_pages(gone)
        if not moved:
            continue
        old_entries, new_entries = [], []
        for doc, row in moved:
            entry, _token_lists = fts_entry(doc.sort_key, doc.title, doc.body, doc.scope, doc.kind)
            old_entries.append(entry)
            new_entries.append((*entry[:-1], " ".join(meta_tokens(row.scope, row.kind))))
        now = timezone.now()
        updates = [
            (
                row.site_id,
                row.path,
                " ".join(map(str, row.scope)),
                row.section_id,
                row.category_id,
                row.category_title,
                row.url,
                row.content_hash(),
                now,
                doc.pk,
            )
            for doc, row in moved
        ]
        with transaction.atomic():
            backend = get_backend()
            backend.delete([entry for entry in old_entries if entry[0] is not None])
            with connection.cursor() as cursor:  # before the insert: PostgreSQL's reads section and kind from here
                cursor.executemany(
                    f"UPDATE {SearchDocument._meta.db_table} SET site_id = %s, path = %s, scope = %s, section_id = %s, "
                    "category_id = %s, category_title = %s, url = %s, content_hash = %s, indexed_at = %s WHERE id = %s",
                    updates,
                )
            backend.insert([entry for entry in new_entries if entry[0] is not None])
        changed += len(moved)
    if changed:
        bump_generation()
    return changed + index_pages(rest)


# --- Other models -------------------------------------------------------------------------------


def model_row(obj, source: registry.ModelSource) -> IndexRow | None:
    if not source.is_public(obj):
        return None
    site_id = source.site_id(obj)
    if site_id is None:
        return None
    root_id = Site.objects.filter(pk=site_id).values_list("root_page_id", flat=True).first()
    url = source.url(obj)
    if root_id is None or not url:
        return None
    return IndexRow(
        source=source.key,
        object_id=obj.pk,
        kind=source.kind,
        url=url,
        title=source.title(obj) or "",
        body=source.text(obj) or "",
        site_id=site_id,
        scope=[root_id],
        date=_as_datetime(source.date(obj)),
        title_weight=source.title_weight,
    )


def index_object(obj) -> None:
    source = registry.model_source_for(type(obj))
    if source is None:
        return
    obj = type(obj)._default_manager.filter(pk=obj.pk).first()
    row = model_row(obj, source) if obj is not None else None
    if row is None:
        unindex_object(source.key, getattr(obj, "pk", None))
    else:
        write_rows([row])


def unindex_object(source_key: str, object_id) -> None:
    if object_id is not None:
        remove_documents(SearchDocument.objects.filter(source=source_key, object_id=object_id))


# --- Full rebuild -------------------------------------------------------------------------------


def clear_index():
    backend = get_backend()
    with transaction.atomic():
        backend.clear()
        if not backend.truncate([SearchDocument._meta.db_table, SearchTerm._meta.db_table]):
            SearchDocument.objects.all().delete()
            SearchTerm.objects.all().delete()
    bump_generation()


def rebuild(batch_size=500, log=None) -> int:
    """Drop the whole index and build it again from the database."""
    clear_index()
    tree = TreeInfo.for_everything()
    terms: Counter = Counter()
    total = 0
    content_types = Page.objects.filter(depth__gte=2, live=True).values_list("content_type_id", flat=True).distinct()
    for content_type_id in sorted(set(content_types)):
        model: Any = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        source = registry.source_for_page_class(model)
        ids = list(
            model.objects.filter(content_type_id=content_type_id, live=True, depth__gte=2)
            .order_by("path")
            .values_list("id", flat=True)
        )
        prefetch = list(getattr(source, "prefetch", ()))
        for start in range(0, len(ids), batch_size):
            pages = model.objects.filter(pk__in=ids[start : start + batch_size]).prefetch_related(*prefetch)
            rows = [row for row in (page_row(page, tree) for page in pages) if row is not None]
            total += write_rows(rows, fresh=True, terms=terms)
        if log:
            log(f"{source.label} ({model._meta.verbose_name}): {len(ids)} trang")
    for model_source in registry.model_sources():
        rows = [row for row in (model_row(obj, model_source) for obj in model_source.queryset()) if row is not None]
        for start in range(0, len(rows), batch_size):
            total += write_rows(rows[start : start + batch_size], fresh=True, terms=terms)
        if log:
            log(f"{model_source.label}: {len(rows)} mục")
    with transaction.atomic():
        apply_term_counts(terms)
    get_backend().optimize()
    return total
