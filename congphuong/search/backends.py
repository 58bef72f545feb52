# ruff: noqa: S608
"""The full-text part of the index, per database: SQLite FTS5 or PostgreSQL tsvector + GIN.

SQL here names only our own tables (constants); user text only ever reaches the database as a
bound parameter (the MATCH string / the tsquery literal), built from [^\\W_]+ tokens.

Both answer the same small set of questions about an `Expr` (an AND of terms plus filter
tokens and a sort-key range): how many documents match (capped), the best by a BM25-like rank,
the newest. Everything else — re-ranking, snippets, suggestions — is shared Python.

Both sides index the same token stream (``text.tokens``): folded title, folded text, accented
title, accented text, and filter tokens (ancestor page ids ``p123``, content type ``k…``).
"""

from __future__ import annotations

import re
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace

from django.db import connection, transaction

from .text import fold_token

FTS_TABLE = "portal_search_fts"
DOC_TABLE = "portal_search_searchdocument"
VECTOR_TABLE = "portal_search_vector"  # PostgreSQL only

ALL, TITLE = "all", "title"
FOLD, EXACT = "fold", "exact"
RANKED, RECENT = "ranked", "recent"  # the two kinds of candidate requests (`candidates`)

# Relative weight of a title hit against a text hit in the backend rank (BM25 / ts_rank).
TITLE_RANK_WEIGHT = 10.0

_KIND_CLEAN = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True)
class Term:
    tokens: tuple[str, ...]
    field: str = ALL  # ALL or TITLE
    mode: str = FOLD  # FOLD or EXACT
    prefix: bool = False  # last token is a prefix (autocomplete)

    @property
    def is_phrase(self) -> bool:
        return len(self.tokens) > 1


@dataclass
class Expr:
    terms: list[Term]
    scope: int | None = None  # ancestor page id (the ward's root page)
    # The province-wide search (docs/search.md): below any of these roots (the wards' English
    # homes on /en/), and below none of `scope_not` (on the Vietnamese page: the English homes and
    # the wards that are not public), both as filter tokens, like `scope`.
    scope_any: tuple[int, ...] = ()
    scope_not: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()  # any of these content types
    category: int | None = None  # ancestor category page id
    key_range: tuple[int | None, int | None] = (None, None)
    rank_tokens: list[str] = field(default_factory=list)  # folded tokens for the backend rank
    any_of: list[Term] = field(default_factory=list)  # at least one of these (relaxed queries)
    keys: tuple[int, ...] | None = None  # only these sort keys (flags computed on the candidates)
    within: tuple[str, tuple] | None = None  # (SQL selecting the allowed sort keys, its parameters)

    def with_terms(self, terms) -> Expr:
        return replace(self, terms=list(terms))

    def with_kinds(self, kinds) -> Expr:
        return replace(self, kinds=tuple(kinds))

    def with_category(self, category) -> Expr:
        return replace(self, category=category)


def meta_tokens(scope_ids, kind: str) -> list[str]:
    return [f"p{pk}" for pk in scope_ids] + [kind_token(kind)]


def kind_token(kind: str) -> str:
    return "k" + _KIND_CLEAN.sub("", kind.lower())


class SQLiteBackend:
    """FTS5, contentless: a row is removed by replaying its original values (we can recompute them)."""

    vendor = "sqlite"
    approximate_phrases = False  # FTS5 matches phrases with positions from its index

    @staticmethod
    def create_sql() -> list[str]:
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "title, body, title_exact, body_exact, meta, content='', "
            "tokenize='unicode61 remove_diacritics 0')"
        ]

    @staticmethod
    def drop_sql() -> list[str]:
        return [f"DROP TABLE IF EXISTS {FTS_TABLE}"]

    # --- writing ---------------------------------------------------------------------------
    def insert(self, entries):
        """entries: (sort_key, title_f, body_f, title_e, body_e, meta) tuples."""
        if not entries:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, body, title_exact, body_exact, meta) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [tuple(entry) for entry in entries],
            )

    def delete(self, entries):
        if not entries:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body, title_exact, body_exact, meta) "
                "VALUES ('delete', %s, %s, %s, %s, %s, %s)",
                [tuple(entry) for entry in entries],
            )

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")

    def allocate_ids(self, count):
        """None: ids come back from the INSERT (RETURNING), sort keys are set just after."""
        return None

    def truncate(self, tables) -> bool:
        return False

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")

    # --- reading ---------------------------------------------------------------------------
    _COLUMNS = {
        (ALL, FOLD): "{title body}",
        (TITLE, FOLD): "{title}",
        (ALL, EXACT): "{title_exact body_exact}",
        (TITLE, EXACT): "{title_exact}",
    }

    def _match_terms(self, terms) -> list[str]:
        parts = []
        for term in terms:
            columns = self._COLUMNS[(term.field, term.mode)]
            star = "*" if term.prefix else ""
            parts.append(f'{columns} : "{" ".join(term.tokens)}"{star}')
        return parts

    def _match(self, expr: Expr) -> str:
        parts = self._match_terms(expr.terms)
        if expr.any_of:
            parts.append("(" + " OR ".join(self._match_terms(expr.any_of)) + ")")
        if expr.scope is not None:
            parts.append(f'{{meta}} : "p{expr.scope}"')
        if expr.scope_any:
            parts.append("{meta} : (" + " OR ".join(f'"p{pk}"' for pk in expr.scope_any) + ")")
        if expr.category is not None:
            parts.append(f'{{meta}} : "p{expr.category}"')
        if expr.kinds:
            parts.append("{meta} : (" + " OR ".join(f'"{kind_token(kind)}"' for kind in expr.kinds) + ")")
        match = " AND ".join(parts)
        if expr.scope_not:  # FTS5's NOT is binary: "(everything above) NOT (any excluded root)"
            match = f"({match}) NOT {{meta}} : (" + " OR ".join(f'"p{pk}"' for pk in expr.scope_not) + ")"
        return match

    def _where(self, expr: Expr):
        # rowid qualified: facet_pairs joins the documents table, where a bare rowid is no column.
        rowid = f"{FTS_TABLE}.rowid"
        sql = f"{FTS_TABLE} MATCH %s"
        params: list[object] = [self._match(expr)]
        if expr.keys is not None:
            sql += f" AND {rowid} IN ({', '.join(['%s'] * len(expr.keys)) or 'NULL'})"
            params.extend(expr.keys)
        if expr.within is not None:
            sql += f" AND {rowid} IN ({expr.within[0]})"
            params.extend(expr.within[1])
        low, high = expr.key_range
        if low is not None:
            sql += f" AND {rowid} >= %s"
            params.append(low)
        if high is not None:
            sql += f" AND {rowid} <= %s"
            params.append(high)
        return sql, params

    def count(self, expr: Expr, cap: int) -> int:
        return self.counts([expr], cap)[0]

    def counts(self, exprs: list[Expr], cap: int) -> list[int]:
        """Capped counts of several expressions in one statement (one round trip)."""
        if not exprs:
            return []
        parts, params = [], []
        for expr in exprs:
            where, where_params = self._where(expr)
            parts.append(f"(SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {where} LIMIT %s))")
            params += [*where_params, cap]
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            return list(cursor.fetchone())

    def facet_pairs(self, expr: Expr) -> list[tuple[str, int | None, int]]:
        """(kind, section_id, count) over every match: call only when the matches are few."""
        where, params = self._where(expr)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.kind, d.section_id, count(*) FROM {FTS_TABLE} JOIN {DOC_TABLE} d "
                f"ON d.sort_key = {FTS_TABLE}.rowid WHERE {where} GROUP BY d.kind, d.section_id",
                params,
            )
            return cursor.fetchall()

    def ward_pairs(self, expr: Expr) -> list[tuple[int | None, int]]:
        """(site_id, count) over every match (the province search's ward facet): only when few."""
        where, params = self._where(expr)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.site_id, count(*) FROM {FTS_TABLE} JOIN {DOC_TABLE} d "
                f"ON d.sort_key = {FTS_TABLE}.rowid WHERE {where} GROUP BY d.site_id",
                params,
            )
            return cursor.fetchall()

    def session(self):
        return nullcontext()

    def ranked(self, expr: Expr, limit: int) -> list[tuple[int, float]]:
        """(sort_key, score) of the best matches, best first; score > 0, larger is better."""
        where, params = self._where(expr)
        sql = (
            f"SELECT rowid, bm25({FTS_TABLE}, {TITLE_RANK_WEIGHT}, 1.0, 0.0, 0.0, 0.0) AS r FROM {FTS_TABLE} "
            f"WHERE {where} ORDER BY r LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [(key, -score) for key, score in cursor.fetchall()]

    def recent(self, expr: Expr, limit: int) -> list[int]:
        where, params = self._where(expr)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {where} ORDER BY rowid DESC LIMIT %s", [*params, limit]
            )
            return [row[0] for row in cursor.fetchall()]

    def candidates(self, counted: Expr, cap: int, requests, confirm: Expr | None = None):
        """(number of matches of `counted`, capped at `cap`; {sort_key: score} for each request).

        A request is (RANKED or RECENT, expr, limit, (low, high)); it is answered only when the
        number of matches is between low and high (None: no bound), else {}; RECENT scores are 0.0.
        `confirm`: keep only the keys that match it with word positions (backends whose phrases
        are approximate). One statement per step here: SQLite runs in the process."""
        total = self.count(counted, cap)
        results: list[dict] = []
        for method, expr, limit, (low, high) in requests:
            if total < low or (high is not None and total > high):
                results.append({})
            elif method == RANKED:
                results.append(dict(self.ranked(expr, limit)))
            else:
                results.append(dict.fromkeys(self.recent(expr, limit), 0.0))
        if confirm is not None:
            keys = set().union(*results)
            kept = set(self.recent(replace(confirm, keys=tuple(sorted(keys))), len(keys))) if keys else set()
            results = [{key: score for key, score in result.items() if key in kept} for result in results]
        return total, results


# The ward's root page of a document (its language home): the first id of its scope (documents.scope,
# ancestor ids from the home down; a home's own document has only itself).
ROOT_OF_SCOPE = "NULLIF(split_part(d.scope, ' ', 1), '')::bigint"


def _tsquery_lexeme(token: str) -> str:
    return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"


class PostgresBackend:
    """tsvectors built in Python from the same tokens (no text-search configuration, no extension),
    kept in a narrow table of their own, ``portal_search_vector`` (sort key, content type, top-level
    section, the two vectors; migration 0004), one row per document.

    ``vec``: folded title (A) and text (B) with positions, and, without positions, every pair of
    adjacent folded words (``khuyen_hoc``), every accented word (``=khuyến``), the words of the title
    (``^khuyen``, ``^=khuyến``) and the filter lexemes (``§p3``); ``title_vec``: folded title (A),
    accented title (B) and the filter lexemes, for the rank and for prefixes (autocomplete). Two GIN
    indexes.

    Why the extra lexemes: a condition that needs word positions (``<->``) or two vector columns
    makes PostgreSQL re-read each candidate's vector, which is large and TOASTed (out of line,
    compressed); at 100,000 articles that was most of the time of a search. Written as pairs and
    accented lexemes, a quoted phrase or an exact-form condition is answered by one GIN scan alone.
    A pair chain ("a_b & b_c") is a phrase only approximately for three words or more, so
    ``approximate_phrases`` tells the engine to confirm phrases with positions on its few
    candidates (``Expr.keys``), where reading vectors is cheap.

    Why a table of their own: a GIN scan still visits the heap row of every match (for its sort key
    and visibility). On the document table (title, text, URL…) that is one page per two or three
    matches; here, with ``toast_tuple_target = 128`` moving both vectors out of line, a row is about
    80 bytes and 100,000 documents fit in about 1,100 pages, so a word found in 8,000 documents costs
    about 1,100 page visits instead of 5,000.
    """

    vendor = "postgresql"
    approximate_phrases = True
    OPERATOR_COST = 0.1  # planner cost of an operator in a search (see `session`)

    @staticmethod
    def create_sql() -> list[str]:
        return [
            f"CREATE TABLE IF NOT EXISTS {VECTOR_TABLE} (sort_key bigint PRIMARY KEY, kind varchar(40) NOT NULL, "
            "section_id bigint, root_id bigint, vec tsvector NOT NULL, title_vec tsvector NOT NULL) "
            "WITH (toast_tuple_target = 128)",
            f"CREATE INDEX IF NOT EXISTS portal_search_vector_vec_gin ON {VECTOR_TABLE} USING gin (vec)",
            f"CREATE INDEX IF NOT EXISTS portal_search_vector_title_vec_gin ON {VECTOR_TABLE} USING gin (title_vec)",
        ]

    @staticmethod
    def drop_sql() -> list[str]:
        return [
            f"DROP TABLE IF EXISTS {VECTOR_TABLE}",
            # Earlier layouts (migrations 0002, 0003): vectors on the document rows.
            "DROP INDEX IF EXISTS portal_search_vec_gin",
            "DROP INDEX IF EXISTS portal_search_title_vec_gin",
            "DROP INDEX IF EXISTS portal_search_exact_vec_gin",
            f"ALTER TABLE {DOC_TABLE} DROP COLUMN IF EXISTS vec",
            f"ALTER TABLE {DOC_TABLE} DROP COLUMN IF EXISTS title_vec",
            f"ALTER TABLE {DOC_TABLE} DROP COLUMN IF EXISTS exact_vec",
        ]

    # --- writing ---------------------------------------------------------------------------
    @staticmethod
    def _tsvector(parts, meta, plain=()) -> str:
        """tsvector literal from [(tokens, weight)] with consecutive positions, plus position-less
        lexemes: `plain` as they are and `meta` behind "§"."""
        positions: dict[str, list[str]] = {}
        pos = 0
        for words, weight in parts:
            for word in words:
                pos += 1
                positions.setdefault(word, []).append(f"{min(pos, 16383)}{weight}")
            pos += 1  # a gap: no phrase across parts
        out = [f"{_tsquery_lexeme(word)}:{','.join(items[:255])}" for word, items in positions.items()]
        out.extend(_tsquery_lexeme(lexeme) for lexeme in set(plain) - positions.keys())
        out.extend(_tsquery_lexeme("§" + token) for token in meta)
        return " ".join(out)

    @staticmethod
    def _pairs(words) -> set[str]:
        return {f"{first}_{second}" for first, second in zip(words, words[1:], strict=False)}

    def insert(self, entries):
        """Vectors of documents already written (content type and section are read from their rows)."""
        if not entries:
            return
        keys, vecs, title_vecs = [], [], []
        for sort_key, title_f, body_f, title_e, body_e, meta in entries:
            tf, bf, te, be, mt = title_f.split(), body_f.split(), title_e.split(), body_e.split(), meta.split()
            # Accented forms only: an ASCII word is its own folded form, already in the vector.
            accented = {"=" + word for word in (*te, *be) if not word.isascii()}
            title_words = {"^" + word for word in tf} | {"^=" + word for word in te if not word.isascii()}
            plain = self._pairs(tf) | self._pairs(bf) | accented | title_words
            keys.append(sort_key)
            vecs.append(self._tsvector([(tf, "A"), (bf, "B")], mt, plain=plain))
            title_vecs.append(self._tsvector([(tf, "A"), (te, "B")], mt))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {VECTOR_TABLE} (sort_key, kind, section_id, root_id, vec, title_vec) "
                f"SELECT d.sort_key, d.kind, d.section_id, {ROOT_OF_SCOPE}, x.vec::tsvector, x.title_vec::tsvector "
                "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS x(sort_key, vec, title_vec) "
                f"JOIN {DOC_TABLE} d ON d.sort_key = x.sort_key "
                "ON CONFLICT (sort_key) DO UPDATE SET kind = excluded.kind, section_id = excluded.section_id, "
                "root_id = excluded.root_id, vec = excluded.vec, title_vec = excluded.title_vec",
                [keys, vecs, title_vecs],
            )

    def delete(self, entries):
        keys = [entry[0] for entry in entries if entry[0] is not None]
        if keys:
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {VECTOR_TABLE} WHERE sort_key = ANY(%s)", [keys])

    @staticmethod
    def _can_truncate() -> bool:
        """TRUNCATE only when no other write of this transaction is pending (no savepoint above us)."""
        return not (connection.in_atomic_block and len(connection.atomic_blocks) > 1)

    def clear(self):
        if not self._can_truncate():  # otherwise `truncate` empties the table with the documents
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {VECTOR_TABLE}")

    def allocate_ids(self, count):
        """Ids from the table's sequence, so each row is written with its sort key at once."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT nextval(pg_get_serial_sequence('{DOC_TABLE}', 'id')) FROM generate_series(1, %s)", [count]
            )
            return [row[0] for row in cursor.fetchall()]

    def truncate(self, tables) -> bool:
        """TRUNCATE (no dead rows left behind), the vectors with the documents, unless other writes of
        this transaction are pending."""
        if not self._can_truncate():
            return False
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join([*tables, VECTOR_TABLE]))
        return True

    def optimize(self):
        """After a bulk rebuild: vacuum (outside a transaction) or at least merge the GIN pending lists
        (queries scan them linearly), then analyse."""
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                for name in ("portal_search_vector_vec_gin", "portal_search_vector_title_vec_gin"):
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
                cursor.execute(f"ANALYZE {VECTOR_TABLE}")
                cursor.execute(f"ANALYZE {DOC_TABLE}")
            else:
                cursor.execute(f"VACUUM ANALYZE {VECTOR_TABLE}")
                cursor.execute(f"VACUUM ANALYZE {DOC_TABLE}")

    # --- reading ---------------------------------------------------------------------------
    def _term(self, term: Term, positions: bool) -> str:
        if term.field == TITLE and not term.prefix and not term.is_phrase:
            token = term.tokens[0]
            marker = "^=" if term.mode == EXACT and not token.isascii() else "^"
            return "(" + _tsquery_lexeme(marker + token) + ")"
        if term.field == ALL and not term.prefix:
            if term.mode == EXACT:
                return "(" + " & ".join(_tsquery_lexeme("=" + token) for token in term.tokens) + ")"
            if term.is_phrase and not positions:
                pairs = [f"{first}_{second}" for first, second in zip(term.tokens, term.tokens[1:], strict=False)]
                return "(" + " & ".join(_tsquery_lexeme(pair) for pair in pairs) + ")"
        weights = ""
        if term.mode == EXACT and term.field == TITLE:
            weights = "B"
        elif term.field == TITLE and term.prefix:
            weights = "A"
        lexemes = []
        for n, token in enumerate(term.tokens):
            suffix = ""
            if term.prefix and n == len(term.tokens) - 1:
                suffix = ":*" + weights
            elif weights and token.isascii():
                # ASCII words are also folded forms: keep to the accented columns.
                suffix = ":" + weights
            lexemes.append(_tsquery_lexeme(token) + suffix)
        return "(" + " <-> ".join(lexemes) + ")"

    @staticmethod
    def _implied(terms) -> set[str]:
        """Folded words that other terms already require: the words of a quoted phrase (its pairs
        are written only for words of the text), of an exact accented form, of a title word."""
        implied = set()
        for term in terms:
            if term.prefix:
                continue
            if term.field == ALL and term.mode == FOLD:
                if term.is_phrase:
                    implied.update(term.tokens)
            else:
                implied.update(fold_token(token) for token in term.tokens)
        return implied

    def _where(self, expr: Expr):
        """WHERE clauses and parameters. With `expr.keys` (a few candidates, read from a
        materialised set by `_source`) phrases are checked with word positions, exactly."""
        positions = expr.keys is not None
        groups: dict[str, list[str]] = {"vec": [], "title_vec": []}
        implied = self._implied(expr.terms)
        for term in expr.terms:
            single = term.field == ALL and term.mode == FOLD and not term.prefix and not term.is_phrase
            if single and term.tokens[0] in implied:
                continue  # required anyway: every lexeme read from the GIN index costs
            on_title_vec = term.field == TITLE and (term.prefix or term.is_phrase)
            groups["title_vec" if on_title_vec else "vec"].append(self._term(term, positions))
        if expr.any_of:
            groups["vec"].append("(" + " | ".join(self._term(term, positions) for term in expr.any_of) + ")")
        filters = []
        if expr.scope is not None:
            filters.append(_tsquery_lexeme(f"§p{expr.scope}"))
        if expr.scope_any:
            filters.append("(" + " | ".join(_tsquery_lexeme(f"§p{pk}") for pk in expr.scope_any) + ")")
        # Exact in the GIN index (a lexeme is there or not: no recheck); each excluded root's posting
        # list is small (an English section, a ward not yet public).
        filters.extend("!" + _tsquery_lexeme(f"§p{pk}") for pk in expr.scope_not)
        if expr.category is not None:
            filters.append(_tsquery_lexeme(f"§p{expr.category}"))
        if expr.kinds:
            filters.append("(" + " | ".join(_tsquery_lexeme("§" + kind_token(kind)) for kind in expr.kinds) + ")")
        target = "title_vec" if groups["title_vec"] and not groups["vec"] else "vec"
        groups[target].extend(filters)
        clauses: list[str] = []
        params: list[object] = []
        if expr.scope is not None and expr.keys is None:
            # The ward as a column too, besides its filter token (which the GIN index uses). "Newest
            # first" walks the sort-key index backwards and checks each row: with the token alone,
            # every row of another ward cost a read of its TOASTed vector (~6 µs) before being
            # dropped, so the walk grew with the number of wards. This integer is checked first
            # (written `= ANY(array)`: an `= constant` becomes an equivalence class, whose derived
            # condition PostgreSQL checks after the others), so another ward's row costs only its
            # narrow heap tuple. No index on it: a bitmap over the whole ward would read every
            # vector of the ward (docs/search.md).
            clauses.append("root_id = ANY(%s::bigint[])")
            params.append([expr.scope])
        for column, parts in groups.items():
            if parts:
                clauses.append(f"{column} @@ %s::tsquery")
                params.append(" & ".join(parts))
        low, high = expr.key_range
        if low is not None:
            clauses.append("sort_key >= %s")
            params.append(low)
        if high is not None:
            clauses.append("sort_key <= %s")
            params.append(high)
        if expr.within is not None:
            clauses.append(f"sort_key IN ({expr.within[0]})")
            params.extend(expr.within[1])
        return " AND ".join(clauses) or "TRUE", params

    def _source(self, expr: Expr):
        """FROM clause: the table, or only the candidate rows when `expr.keys` is set.

        MATERIALIZED: otherwise the planner may answer the tsquery from the GIN index over the
        whole table and re-read thousands of vectors before keeping the few candidates.
        """
        if expr.keys is None:
            return VECTOR_TABLE, []
        return (
            f"(WITH c AS MATERIALIZED (SELECT sort_key, vec, title_vec, kind, section_id FROM {VECTOR_TABLE} "
            "WHERE sort_key = ANY(%s)) SELECT * FROM c) AS candidates",
            [list(expr.keys)],
        )

    def _select(self, columns: str, expr: Expr, tail: str = ""):
        source, source_params = self._source(expr)
        where, params = self._where(expr)
        return f"SELECT {columns} FROM {source} WHERE {where} {tail}", [*source_params, *params]

    def count(self, expr: Expr, cap: int) -> int:
        return self.counts([expr], cap)[0]

    def counts(self, exprs: list[Expr], cap: int) -> list[int]:
        if not exprs:
            return []
        parts, params = [], []
        for n, expr in enumerate(exprs):
            sql, sql_params = self._select("1", expr, "LIMIT %s")
            parts.append(f"(SELECT count(*) FROM ({sql}) s{n})")
            params += [*sql_params, cap]
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            return list(cursor.fetchone())

    @staticmethod
    def _rank_query(expr: Expr) -> str:
        return " | ".join(_tsquery_lexeme(token) for token in expr.rank_tokens) or "''"

    def ranked(self, expr: Expr, limit: int) -> list[tuple[int, float]]:
        """Ranked on the title vector only: the text vector is large (TOASTed) and reading it for
        thousands of rows would cost more than the whole search budget; hits in the text are
        weighed by the engine's sub-queries instead."""
        rank_query = self._rank_query(expr)
        sql, params = self._select(
            "sort_key, ts_rank('{0, 0, 0.5, 1.0}', title_vec, %s::tsquery) AS r",
            expr,
            "ORDER BY r DESC, sort_key DESC LIMIT %s",
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [rank_query, *params, limit])
            return [(key, float(score)) for key, score in cursor.fetchall()]

    def facet_pairs(self, expr: Expr) -> list[tuple[str, int | None, int]]:
        sql, params = self._select("kind, section_id, count(*)", expr, "GROUP BY kind, section_id")
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def ward_pairs(self, expr: Expr) -> list[tuple[int | None, int]]:
        """(site_id, count) over every match, from the documents' rows (the vector table has no
        ward column): only when the matches are few."""
        sql, params = self._select("sort_key", expr)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.site_id, count(*) FROM ({sql}) m JOIN {DOC_TABLE} d ON d.sort_key = m.sort_key "
                "GROUP BY d.site_id",
                params,
            )
            return cursor.fetchall()

    @contextmanager
    def session(self):
        """One transaction per search, with planner settings for its statements:

        - sequential scans off: a scan would read every large text vector, where the GIN index
          answers without reading them;
        - ``cpu_operator_cost`` 40 times the default: checking ``vec @@ query`` on a row (the
          filter of a sort-key index scan, "newest first, keep the matches") reads its TOASTed
          vector, ~6 µs, where the planner counts it as cheap as comparing two integers; it would
          then walk 10,000 rows backwards for 60 rare matches (70 ms) instead of taking them from
          the GIN index (2 ms). Raised, the walk is still chosen when matches are dense (a common
          word: the first 200 rows are nearly all matches);
        - no parallel workers and no JIT compilation: a branch of `candidates` that its one-time
          filter skips still counts in the plan's cost, and would start workers (~30 ms) or
          compile the plan (~20 ms) for statements that take a few milliseconds.
        """
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('enable_seqscan', 'off', true), set_config('cpu_operator_cost', %s, true), "
                    "set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)",
                    [str(self.OPERATOR_COST)],
                )
            yield

    def recent(self, expr: Expr, limit: int) -> list[int]:
        sql, params = self._select("sort_key", expr, "ORDER BY sort_key DESC LIMIT %s")
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [row[0] for row in cursor.fetchall()]

    def candidates(self, counted: Expr, cap: int, requests, confirm: Expr | None = None):
        """Like SQLiteBackend.candidates, in one statement (one round trip): the capped count in a
        MATERIALIZED CTE, the requests as branches of a UNION ALL, each planned on its own and run
        only when the count is in its bounds (a one-time filter: PostgreSQL skips the branch); with
        `confirm`, their keys are checked with word positions on those rows only (read through
        MATERIALIZED CTEs, as in `_source`)."""
        count_sql, params = self._select("1", counted, "LIMIT %s")
        params.append(cap)
        parts = []
        for n, (method, expr, limit, (low, high)) in enumerate(requests):
            gate = "(SELECT n FROM total) >= %s" + ("" if high is None else " AND (SELECT n FROM total) <= %s")
            gate_params = [low] if high is None else [low, high]
            if method == RANKED:
                columns = f"{n} AS n, sort_key, ts_rank('{{0, 0, 0.5, 1.0}}', title_vec, %s::tsquery) AS r"
                column_params, order = [self._rank_query(expr)], "r DESC, sort_key DESC"
            else:
                columns, column_params, order = f"{n} AS n, sort_key, 0::real AS r", [], "sort_key DESC"
            sql, sql_params = self._select(columns, expr, f"AND {gate} ORDER BY {order} LIMIT %s")
            parts.append(f"({sql})")
            params += [*column_params, *sql_params, *gate_params, limit]
        found = " UNION ALL ".join(parts) if parts else "SELECT 0, 0::bigint, 0::real WHERE FALSE"
        sql = (
            f"WITH total AS MATERIALIZED (SELECT count(*) AS n FROM ({count_sql}) counted), "
            f"found AS MATERIALIZED ({found})"
        )
        if confirm is not None:
            where, where_params = self._where(replace(confirm, keys=()))
            # The candidates' vectors by sort key (never through the GIN index), then the confirmed
            # keys: each vector read and checked once.
            sql += (
                f", c AS MATERIALIZED (SELECT sort_key, vec, title_vec FROM {VECTOR_TABLE} "
                "WHERE sort_key IN (SELECT sort_key FROM found)), "
                f"confirmed AS MATERIALIZED (SELECT sort_key FROM c WHERE {where}) "
                "SELECT -1, n, 0::real FROM total UNION ALL "
                "SELECT n, sort_key, r FROM found WHERE sort_key IN (SELECT sort_key FROM confirmed)"
            )
            params += where_params
        else:
            sql += " SELECT -1, n, 0::real FROM total UNION ALL SELECT n, sort_key, r FROM found"
        total = 0
        results: list[dict[int, float]] = [{} for _request in requests]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for n, key, score in cursor.fetchall():
                if n < 0:
                    total = key
                else:
                    results[n][key] = float(score)
        return total, results


def get_backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"Tìm kiếm chưa hỗ trợ cơ sở dữ liệu {connection.vendor}.")
