"""Wagtail's database search backend (admin search, choosers, `Page.objects.search`), with one fix
for SQLite, the embedded database of `make run`.

On SQLite each query word becomes a quoted FTS5 phrase. A word with no letter or digit ("–", "/",
"…", as in "Kế hoạch – triển khai") is a phrase of no token, which matches nothing, so the whole AND
query found nothing. Such words are dropped before the query is built, as PostgreSQL's parser drops
them. PostgreSQL and the other engines get Wagtail's backend unchanged.
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import PlainText


def words_only(query):
    """`query` without its words that hold no letter or digit (a PlainText; anything else as is)."""
    if not isinstance(query, PlainText):
        return query
    words = [word for word in query.query_string.split() if any(char.isalnum() for char in word)]
    if not words:  # punctuation alone: left as it is, it finds nothing (an empty query would fail)
        return query
    return PlainText(" ".join(words), operator=query.operator, boost=query.boost)


@cache
def words_only_sqlite_backend():
    # Imported here: the SQLite module loads a model that exists only on SQLite.
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class WordsOnlySearchQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(words_only(query), config)

    class WordsOnlyAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(words_only(query), config)

    class WordsOnlySQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = WordsOnlySearchQueryCompiler
        autocomplete_query_compiler_class = WordsOnlyAutocompleteQueryCompiler

    return SQLiteSearchBackend, WordsOnlySQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 — the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if connection.vendor == "sqlite":
        stock, words_only_backend = words_only_sqlite_backend()
        if type(backend) is stock:  # not the fallback of an SQLite without FTS5
            return words_only_backend(params)
    return backend
