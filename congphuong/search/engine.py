"""Answering a query: candidates from the backend, one ranking in Python, snippets, suggestion, facets.

Ranking, the same on SQLite and PostgreSQL:

1. A document must contain every word of the query in folded form (case, diacritics, đ and
   Unicode form do not matter) and every "quoted phrase" as a phrase. When nothing does, a
   document containing any of the words will do (and the page says so).
2. When the query was typed with diacritics, documents with those exact accented words come
   first ("khuyến học" before "khuyên học"); a word typed with a tone mark that the index has
   never seen ("khuyển") is read as its most frequent accented form.
3. Then, weighed: all words in the title, the words as a phrase in the title, the exact accented
   words in the title, the words as a phrase anywhere, the most likely accented form for words
   typed without diacritics, and the backend's BM25-like rank (coarsely).
4. Newer first when everything else is equal.

Candidates are bounded, whatever the size of the index: when a query matches more than
`RANK_ALL_LIMIT` documents (only very common words), the backend returns the newest matches,
the newest title matches and the newest exact matches instead of ranking every match.
"""

from __future__ import annotations

import datetime
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import registry, typos
from .backends import ALL, EXACT, RANKED, RECENT, TITLE, Expr, Term, get_backend
from .indexer import SORT_KEY_FACTOR, index_generation
from .models import SearchDocument, SearchTerm
from .text import TOKEN_RE, ParsedQuery, contains_sequence, fold_token, parse_query, tokens

PER_PAGE = 10
POOL_SIZE = 200  # candidates re-ranked in Python
SUBQUERY_SIZE = 60  # newest title/exact matches added to the pool
PHRASE_CHECK_SIZE = 40  # best candidates checked for the words as a phrase in the text
RANK_ALL_LIMIT = 2_000  # up to this many matches the backend ranks them all
COUNT_CAP = 2_000  # "hơn 2.000 kết quả" beyond this
FACET_EXACT_LIMIT = 2_000  # up to this many matches the counts per filter are exact
FACET_CAP = 100  # beyond, each count stops here ("hơn 100")
FACET_CACHE_SECONDS = 300
SNIPPET_WORDS = 32
SNIPPET_SCAN_CHARS = 8_000


@dataclass
class Filters:
    kinds: tuple[str, ...] = ()
    category: int | None = None  # a top-level news category (child of the ward's home page)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    # Only the documents whose sort key this SQL selects, with its parameters (the "Phường cũ"
    # archive filter): applied by the backend like the other filters, so counts, facets and
    # pages all see it.
    within: tuple[str, tuple] | None = None
    # The province-wide search (no single ward): below any of these roots, below none of those
    # (backends.Expr.scope_any / scope_not).
    scope_any: tuple[int, ...] = ()
    scope_not: tuple[int, ...] = ()

    def key_range(self):
        low = high = None
        if self.date_from:
            start = timezone.make_aware(datetime.datetime.combine(self.date_from, datetime.time.min))
            low = int(start.timestamp()) * SORT_KEY_FACTOR
        if self.date_to:
            end = timezone.make_aware(datetime.datetime.combine(self.date_to, datetime.time.max))
            high = (int(end.timestamp()) + 1) * SORT_KEY_FACTOR - 1
        return (low, high)


class Doc:
    """A result as the page shows it (lighter than a model instance: hundreds are ranked per query)."""

    FIELDS = ("sort_key", "object_id", "title", "kind", "url", "date", "title_weight", "category_title", "site_id")
    __slots__ = FIELDS
    sort_key: int
    object_id: str
    title: str
    kind: str
    url: str
    date: datetime.date | None
    title_weight: float
    category_title: str
    site_id: int | None  # the ward (the province-wide search names it on each hit)

    def __init__(self, *values):
        for name, value in zip(self.FIELDS, values, strict=True):
            setattr(self, name, value)

    def __str__(self):
        return self.title


@dataclass
class Hit:
    document: Doc
    title_html: str = ""
    snippet_html: str = ""
    ward: object = None  # the province-wide search's province.Ward of the document

    @property
    def kind_label(self) -> str:
        return registry.kind_label(self.document.kind)


@dataclass
class Intent:
    """What the query most likely means, word by word."""

    required: list[str | None]  # exact accented form each word must have (typed with diacritics), or None
    likely: list[str]  # most likely accented form of each word
    corrected: bool = False  # a typed accented word was unknown and replaced
    known: set[str] = field(default_factory=set)  # folded words (of the query) the index has seen

    @property
    def has_required(self) -> bool:
        return any(self.required)


@dataclass
class Outcome:
    query: ParsedQuery
    ordered: list[int] = field(default_factory=list)  # sort keys, best first
    total: int = 0
    total_capped: bool = False
    relaxed: bool = False  # no document had every word: any word was enough
    suggestion: str = ""
    intent: Intent | None = None
    documents: dict[int, Doc] = field(default_factory=dict)
    expr: Expr | None = None  # what the backend was asked (for the counts per filter)
    corrected_query: ParsedQuery | None = None  # the query with its typos corrected (typos.correct)
    typo_only: bool = False  # nothing matched the words typed: every result matches the corrected words

    @property
    def highlighted(self) -> set[str]:
        """Folded words to mark in titles and snippets: those typed and their corrections."""
        words = set(self.query.folded)
        if self.corrected_query is not None:
            words.update(self.corrected_query.folded)
        return words

    @property
    def shown(self) -> int:
        return len(self.ordered)


# --- Intent: learned accented forms ---------------------------------------------------------------


def _best_forms(keys: list[str]) -> dict[str, dict[str, int]]:
    forms: dict[str, dict[str, int]] = {}
    if keys:
        for folded, form, count in SearchTerm.objects.filter(folded__in=set(keys)).values_list(
            "folded", "form", "count"
        ):
            forms.setdefault(folded, {})[form] = count
    return forms


def read_intent(parsed: ParsedQuery) -> Intent:
    words = parsed.words
    folded = [f for _e, f in words]
    bigrams = [f"{folded[i]} {folded[i + 1]}" for i in range(len(folded) - 1)]
    forms = _best_forms(folded + bigrams)

    def best(key, default):
        options = forms.get(key)
        return max(options.items(), key=lambda item: (item[1], item[0]))[0] if options else default

    likely = [best(f, e) for e, f in words]
    # Word pairs typed without diacritics: the pair's most frequent form beats each word's own.
    i = 0
    while i < len(words) - 1:
        pair_plain = words[i][0] == words[i][1] and words[i + 1][0] == words[i + 1][1]
        key = bigrams[i]
        if pair_plain and key in forms:
            first, _sep, second = best(key, "").partition(" ")
            likely[i], likely[i + 1] = first, second
            i += 2
        else:
            i += 1
    required: list[str | None] = []
    corrected = False
    for n, (exact, fold) in enumerate(words):
        if exact == fold:
            required.append(None)
        elif exact in forms.get(fold, {}):
            required.append(exact)
            likely[n] = exact
        elif fold in forms:  # wrong tone mark: the form the index knows best
            required.append(likely[n])
            corrected = True
        else:
            required.append(exact)
    return Intent(required=required, likely=likely, corrected=corrected, known=set(forms))


def suggestion_for(parsed: ParsedQuery, intent: Intent) -> str:
    if not parsed:
        return ""
    if parsed.has_diacritics and not intent.corrected:
        return ""
    suggested = " ".join(intent.likely)
    typed = " ".join(parsed.exact)
    return suggested if suggested != typed else ""


# --- Search -----------------------------------------------------------------------------------------


def _base_expr(parsed: ParsedQuery, root_id: int | None, filters: Filters) -> Expr:
    terms = [Term((folded,)) for folded in parsed.folded]
    terms += [Term(tuple(f for _e, f in phrase)) for phrase in parsed.phrases]
    return Expr(
        terms=terms,
        scope=root_id,
        kinds=filters.kinds,
        category=filters.category,
        key_range=filters.key_range(),
        rank_tokens=parsed.folded,
        within=filters.within,
        scope_any=filters.scope_any,
        scope_not=filters.scope_not,
    )


def _relaxed(base: Expr, parsed: ParsedQuery) -> Expr:
    """Any of the words (the quoted phrases still required)."""
    return replace(
        base,
        terms=[Term(tuple(f for _e, f in phrase)) for phrase in parsed.phrases],
        any_of=[Term((folded,)) for folded in parsed.folded],
    )


def _exact_terms(forms, field_name=ALL):
    return [Term((form,), field=field_name, mode=EXACT) for form in forms if form and fold_token(form) != form]


def run(query_text: str, root_id: int | None, filters: Filters | None = None) -> Outcome:
    """Rank the documents below page `root_id` (a ward's root; None: every ward, narrowed by
    `filters.scope_any`/`scope_not`) for `query_text`."""
    with get_backend().session():
        return _run(query_text, root_id, filters or Filters())


def _run(query_text: str, root_id: int | None, filters: Filters) -> Outcome:
    """Every word as typed (exact or folded); when nothing matches and some words are not in the
    ward's index (typos), the query with those words corrected (typos.correct), said on the page;
    else any of the words. Typo matches thus never rank above a match of the words as typed."""
    parsed = parse_query(query_text)
    if not parsed:
        return Outcome(query=parsed)
    intent = read_intent(parsed)
    outcome = _search(parsed, intent, root_id, filters)
    if outcome.total:
        outcome.suggestion = suggestion_for(parsed, intent)
        return outcome
    unknown = typos.unknown_words(parsed, intent.known, root_id)
    corrected = typos.correct(parsed, unknown, root_id)
    if corrected is not None:
        corrected_intent = read_intent(corrected)
        fallback = _search(corrected, corrected_intent, root_id, filters)
        if fallback.total:
            fallback.query, fallback.intent = parsed, intent
            fallback.corrected_query, fallback.typo_only = corrected, True
            fallback.suggestion = " ".join(corrected_intent.likely)
            return fallback
    if len(parsed.words) > 1:  # no document has every word: any word will do
        outcome = _search(parsed, intent, root_id, filters, relaxed=True)
    # A word of the query that the ward's index lacks would stay in the suggestion ("khuyến hok?"):
    # then nothing is suggested rather than a search that finds nothing again.
    outcome.suggestion = "" if unknown else suggestion_for(parsed, intent)
    return outcome


def _search(parsed: ParsedQuery, intent: Intent, root_id: int | None, filters: Filters, relaxed=False) -> Outcome:
    """Every word (strict), or any word (`relaxed`, for a query that no document fully matches)."""
    outcome = Outcome(query=parsed, relaxed=relaxed)
    backend = get_backend()
    outcome.intent = intent
    base = _base_expr(parsed, root_id, filters)
    if relaxed:
        base = _relaxed(base, parsed)

    required = [form for form in intent.required if form]
    likely_extra = [form for form, (exact, fold) in zip(intent.likely, parsed.words, strict=True) if exact == fold]

    def ask(base):
        """The number of matches (capped) and the candidates, in one go (one statement on PostgreSQL):
        every match ranked by the backend when they are few, else the newest; the newest title
        matches when not every match is a candidate; the newest matches with the exact accented
        words typed, and with the most likely accented form of words typed without marks. Quoted
        phrases matched by the backend as chains of word pairs are confirmed with word positions,
        on the candidates only."""
        # Every word in the title implies every word in the document: title sub-queries read only
        # the (small) title index, plus the quoted phrases, which must hold anywhere.
        phrase_terms = [term for term in base.terms if term.is_phrase]
        title_terms = [Term((f,), field=TITLE) for f in parsed.folded] + phrase_terms
        beyond_pool = (POOL_SIZE + 1, None)  # only when some matches are not candidates
        requests = {
            "ranked": (RANKED, base, POOL_SIZE, (1, RANK_ALL_LIMIT)),
            "newest": (RECENT, base, POOL_SIZE, (RANK_ALL_LIMIT + 1, None)),
        }
        if not outcome.relaxed:
            requests["title"] = (RECENT, base.with_terms(title_terms), SUBQUERY_SIZE, beyond_pool)
        if required:
            exact = base.with_terms(base.terms + _exact_terms(required))
            requests["exact"] = (RECENT, exact, SUBQUERY_SIZE, (1, None))
            if not outcome.relaxed:
                exact_title = base.with_terms(title_terms + _exact_terms(required, TITLE))
                requests["exact_title"] = (RECENT, exact_title, SUBQUERY_SIZE, beyond_pool)
        if _exact_terms(likely_extra) and not outcome.relaxed:
            likely = base.with_terms(base.terms + _exact_terms(likely_extra))
            requests["likely"] = (RECENT, likely, SUBQUERY_SIZE, (1, None))
        confirm = base if phrase_terms and backend.approximate_phrases else None
        total, results = backend.candidates(base, COUNT_CAP + 1, list(requests.values()), confirm)
        return total, dict(zip(requests, results, strict=True)), confirm is not None

    total, found, confirmed = ask(base)
    outcome.total_capped = total > COUNT_CAP
    outcome.total = min(total, COUNT_CAP)
    outcome.expr = base
    if total == 0:
        return outcome

    ranks = found["ranked"]
    exact_keys = set(found.get("exact", ())) | set(found.get("exact_title", ()))
    likely_keys = set(found.get("likely", ()))
    phrase_keys: set[int] = set()
    pool = set().union(*found.values())
    if confirmed:
        if total <= POOL_SIZE:  # every match was a candidate: the exact count is known
            outcome.total = len(pool)
        if not pool:
            return outcome

    documents = {row[0]: Doc(*row) for row in _load_docs(pool)}
    top_rank = max(ranks.values(), default=0) or 1.0
    query_folded = parsed.folded
    query_set = set(query_folded)
    likely_forms = [form for form in intent.likely if form]

    def title_part(doc):
        """What does not change when the phrase check below adds its bonus: computed once per doc."""
        pairs = tokens(doc.title)
        title_exact = [e for e, _f in pairs]
        title_folded = [f for _e, f in pairs]
        exact_set, folded_set = set(title_exact), set(title_folded)
        coverage = len(query_set & folded_set) / len(query_set)
        title_all = coverage == 1.0
        title_phrase = title_all and (len(query_folded) < 2 or contains_sequence(title_folded, query_folded))
        title_required = bool(required) and all(form in exact_set for form in required)
        title_likely = bool(likely_extra) and all(form in exact_set for form in likely_forms)
        title_likely_phrase = title_likely and contains_sequence(title_exact, likely_forms)
        in_exact = not required or doc.sort_key in exact_keys or title_required
        weight = doc.title_weight
        title_score = weight * (4.0 * title_all + 2.0 * title_phrase + 2.0 * coverage + 3.0 * title_required)
        form_score = 1.5 * title_likely + 1.0 * title_likely_phrase + 1.0 * (doc.sort_key in likely_keys)
        return in_exact, title_score, form_score

    title_parts = {key: title_part(doc) for key, doc in documents.items()}

    def key(doc):
        in_exact, score, form_score = title_parts[doc.sort_key]
        score += form_score
        score += 2.0 * (doc.sort_key in phrase_keys)
        score += math.floor(2 * ranks.get(doc.sort_key, 0.0) / top_rank) / 2
        return (in_exact, round(score, 3), doc.sort_key)

    ordered = sorted(documents.values(), key=key, reverse=True)
    if len(parsed.words) > 1 and not outcome.relaxed and ordered:
        # Words adjacent somewhere in the text: checked on the best candidates only, because word
        # positions are costly to read (PostgreSQL reads the whole text vector of each row).
        head = tuple(sorted(doc.sort_key for doc in ordered[:PHRASE_CHECK_SIZE]))
        phrase_expr = replace(base, terms=base.terms + [Term(tuple(parsed.folded))], keys=head)
        phrase_keys.update(backend.recent(phrase_expr, len(head)))
        ordered = sorted(documents.values(), key=key, reverse=True)
    outcome.ordered = [doc.sort_key for doc in ordered]
    outcome.documents = documents
    return outcome


def _load_docs(keys):
    """Rows of Doc.FIELDS for these sort keys (raw SQL: hundreds of keys, no ORM per-value overhead)."""
    keys = [int(key) for key in keys]
    if not keys:
        return []
    table = SearchDocument._meta.db_table
    date_field = SearchDocument._meta.get_field("date")
    converters = connection.ops.get_db_converters(date_field.get_col(SearchDocument._meta.db_table))
    if connection.vendor == "postgresql":  # one array parameter: the same statement text whatever the count
        condition, params = "sort_key = ANY(%s)", [keys]
    else:
        condition, params = f"sort_key IN ({', '.join(['%s'] * len(keys))})", keys
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(Doc.FIELDS)} FROM {table} WHERE {condition}", params)  # noqa: S608
        rows = cursor.fetchall()
    date_index = Doc.FIELDS.index("date")
    out = []
    for row in rows:
        row = list(row)
        for converter in converters:
            row[date_index] = converter(row[date_index], date_field, connection)
        out.append(row)
    return out


# --- Facets -------------------------------------------------------------------------------------------


def facet_counts(outcome: Outcome, filters: Filters, kinds, categories) -> tuple[dict, dict]:
    """Counts per content type (with the category filter, without the type filter) and per
    top-level category (the other way round). Exact from one grouped query when the matches are
    few; otherwise one capped count per value ("hơn 1.000")."""
    if outcome.expr is None or not outcome.total:
        return {}, {}
    # Counts of big result sets cost tens of milliseconds on PostgreSQL: cached until the index changes.
    cache_key = (
        "search:boloc:"
        + hashlib.md5(
            repr((index_generation(), outcome.expr, filters, tuple(kinds), tuple(categories))).encode(),
            usedforsecurity=False,
        ).hexdigest()
    )
    cached = cache.get(cache_key)
    if cached is None:
        cached = _facet_counts(outcome, filters, kinds, categories)
        cache.set(cache_key, cached, FACET_CACHE_SECONDS)
    return cached


def _facet_counts(outcome: Outcome, filters: Filters, kinds, categories) -> tuple[dict, dict]:
    backend = get_backend()
    assert outcome.expr is not None  # facets are counted only for a query that ran
    expr = replace(outcome.expr, kinds=(), category=None)
    with backend.session():
        if filters.kinds or filters.category is not None:
            unfiltered = backend.count(expr, FACET_EXACT_LIMIT + 1)
        else:
            unfiltered = outcome.total + outcome.total_capped
        if unfiltered <= FACET_EXACT_LIMIT:
            by_kind: Counter = Counter()
            by_section: Counter = Counter()
            for kind, section_id, count in backend.facet_pairs(expr):
                if filters.category is None or section_id == filters.category:
                    by_kind[kind] += count
                if not filters.kinds or kind in filters.kinds:
                    by_section[section_id] += count
            return {kind: by_kind[kind] for kind in kinds}, {pk: by_section[pk] for pk in categories}
        exprs = [replace(expr, kinds=(kind,), category=filters.category) for kind in kinds]
        exprs += [replace(expr, kinds=filters.kinds, category=pk) for pk in categories]
        values = backend.counts(exprs, FACET_CAP + 1)
        kind_counts = dict(zip(kinds, values[: len(kinds)], strict=True))
        category_counts = dict(zip(categories, values[len(kinds) :], strict=True))
    return kind_counts, category_counts


def ward_counts(outcome: Outcome) -> dict[int, int] | None:
    """Matches per ward (site id) for the province-wide search's ward facet, exact from one grouped
    query when the matches are at most FACET_EXACT_LIMIT; None beyond (a count per ward would be one
    statement per ward of the province). Cached until the index changes, like `facet_counts`."""
    if outcome.expr is None or not outcome.total:
        return {}
    if outcome.total_capped or outcome.total > FACET_EXACT_LIMIT:
        return None
    digest = hashlib.md5(repr((index_generation(), outcome.expr)).encode(), usedforsecurity=False).hexdigest()
    cache_key = f"search:phuong:{digest}"
    counts = cache.get(cache_key)
    if counts is None:
        backend = get_backend()
        with backend.session():
            counts = {site_id: count for site_id, count in backend.ward_pairs(outcome.expr) if site_id is not None}
        cache.set(cache_key, counts, FACET_CACHE_SECONDS)
    return counts


# --- Highlighting ---------------------------------------------------------------------------------


def _highlight(text: str, wanted: set[str], start=0, end=None) -> str:
    """Escape text[start:end] and wrap the words whose folded form is wanted in <mark>."""
    end = len(text) if end is None else end
    out: list[str] = []
    position = start
    for match in TOKEN_RE.finditer(text, start, end):
        word = match.group()
        if fold_token(word.lower()) in wanted:
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            position = match.end()
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight_title(title: str, wanted: set[str]) -> str:
    return mark_safe(_highlight(title, wanted))  # noqa: S308  (every piece escaped in _highlight)


def snippet(body: str, wanted: set[str], words=SNIPPET_WORDS) -> str:
    """About `words` words of `body` around the densest cluster of query words, highlighted."""
    if not body:
        return ""
    scan = body[:SNIPPET_SCAN_CHARS]
    spans = [(m.start(), m.end(), fold_token(m.group().lower())) for m in TOKEN_RE.finditer(scan)]
    if not spans:
        return ""
    hits = [n for n, (_s, _e, folded) in enumerate(spans) if folded in wanted]
    first = 0
    if hits:
        best, best_count = hits[0], 0
        for n in hits:
            window = {spans[m][2] for m in hits if n <= m < n + words}
            if len(window) > best_count:
                best, best_count = n, len(window)
        first = max(0, best - words // 4)
    last = min(len(spans), first + words) - 1
    start = spans[first][0] if first else 0
    end = spans[last][1]
    html = _highlight(scan, wanted, start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(body) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308  (escaped in _highlight)


def hits_for_page(outcome: Outcome, keys: list[int]) -> list[Hit]:
    """The documents of one results page, with highlighted title and snippet (one query)."""
    wanted = outcome.highlighted
    bodies = dict(SearchDocument.objects.filter(sort_key__in=keys).values_list("sort_key", "body"))
    hits = []
    for key in keys:
        doc = outcome.documents.get(key)
        if doc is None:
            continue
        hits.append(
            Hit(
                document=doc,
                title_html=highlight_title(doc.title, wanted),
                snippet_html=snippet(bodies.get(key, ""), wanted),
            )
        )
    return hits


# --- Autocomplete -------------------------------------------------------------------------------------


def autocomplete(query_text: str, root_id: int, limit=8) -> list[dict]:
    """Titles that start like the query: every word in the title, the last one as a prefix."""
    parsed = parse_query(query_text)
    if not parsed or len(parsed.folded[-1]) < 2 and len(parsed.folded) == 1:
        return []
    folded = parsed.folded
    terms = [Term((f,), field=TITLE) for f in folded[:-1]] + [Term((folded[-1],), field=TITLE, prefix=True)]
    backend = get_backend()
    with backend.session():
        keys = backend.recent(Expr(terms=terms, scope=root_id), 40)
    if not keys:
        return []
    documents = list(SearchDocument.objects.filter(sort_key__in=keys).only("sort_key", "title", "url", "kind"))
    typed = " ".join(folded)

    def key(doc):
        title_folded = " ".join(f for _e, f in tokens(doc.title))
        return (title_folded.startswith(typed), f" {typed}" in f" {title_folded}", doc.sort_key)

    documents.sort(key=key, reverse=True)
    return [{"title": doc.title, "url": doc.url, "kind": registry.kind_label(doc.kind)} for doc in documents[:limit]]


def category_choices(root_page):
    """Top-level news categories of the ward: (id, title), one query."""
    try:
        from congphuong.news.models import CategoryPage
    except ImportError:  # pragma: no cover
        return []
    return list(CategoryPage.objects.child_of(root_page).live().public().values_list("id", "title"))
