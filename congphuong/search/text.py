"""Tokens for the search index: lower-case NFC ("exact") and ASCII-folded forms.

Every text goes through `tokens()`: one list of (exact, folded) pairs, so the folded and
the accented columns of the index have the same positions. Folding agrees with
`congphuong.core.text.fold` ("Đảng ủy" → "dang uy") and is cached per token: the
indexer folds millions of tokens when it rebuilds a large ward.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

TOKEN_RE = re.compile(r"[^\W_]+")
_NON_ALNUM_ASCII = re.compile(r"[^a-z0-9]+")
_TAG_RE = re.compile(r"<[^>]*>")
_SPACE_RE = re.compile(r"\s+")
_BLOCK_TAGS_RE = re.compile(r"</?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|figcaption)\b[^>]*>", re.I)

# Longest token kept: longer runs are junk (hashes, pasted base64) and would bloat the index.
MAX_TOKEN_LENGTH = 40


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """ASCII form of one lower-case token: "khuyến" → "khuyen", "đảng" → "dang"."""
    if token.isascii():
        return token
    return _NON_ALNUM_ASCII.sub("", anyascii(token).lower())


def normalise(text: str) -> str:
    """NFC and lower case: the form the exact columns hold."""
    return unicodedata.normalize("NFC", text or "").lower()


def tokens(text: str) -> list[tuple[str, str]]:
    """(exact, folded) pairs of the words of `text`, in order; tokens that fold to nothing are dropped."""
    pairs = [(word, fold_token(word)) for word in TOKEN_RE.findall(normalise(text)) if len(word) <= MAX_TOKEN_LENGTH]
    return [pair for pair in pairs if pair[1]]


def has_diacritics(token: str) -> bool:
    return fold_token(token) != token


def html_to_text(value: str) -> str:
    """Plain text of a rich-text/HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    if not value:
        return ""
    value = _BLOCK_TAGS_RE.sub(" \n ", value)
    value = _TAG_RE.sub(" ", value)
    return _SPACE_RE.sub(" ", html.unescape(value)).strip()


def clean_text(value: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", value or "")).strip()


# --- Queries ---------------------------------------------------------------------------------

MAX_QUERY_LENGTH = 200
MAX_QUERY_TOKENS = 12
_QUOTES_RE = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]")


@dataclass
class ParsedQuery:
    """A citizen's query: every word (exact and folded), and the quoted phrases."""

    text: str
    words: list[tuple[str, str]] = field(default_factory=list)
    phrases: list[list[tuple[str, str]]] = field(default_factory=list)

    @property
    def folded(self) -> list[str]:
        return [folded for _exact, folded in self.words]

    @property
    def exact(self) -> list[str]:
        return [exact for exact, _folded in self.words]

    @property
    def has_diacritics(self) -> bool:
        return any(exact != folded for exact, folded in self.words)

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_query(text: str) -> ParsedQuery:
    """Words and "quoted phrases" of a query; duplicate words are kept once, at most MAX_QUERY_TOKENS."""
    text = unicodedata.normalize("NFC", text or "").strip()
    parsed = ParsedQuery(text=text)
    seen = set()
    for match in _QUOTES_RE.finditer(text):
        phrase = tokens(match.group(1))[:MAX_QUERY_TOKENS]
        if len(phrase) > 1:
            parsed.phrases.append(phrase)
    for pair in tokens(text):
        if pair not in seen:
            seen.add(pair)
            parsed.words.append(pair)
    parsed.words = parsed.words[:MAX_QUERY_TOKENS]
    kept = set(parsed.words)
    parsed.phrases = [phrase for phrase in parsed.phrases if all(pair in kept for pair in phrase)]
    return parsed


def contains_sequence(haystack: list[str], needle: list[str]) -> bool:
    """True when `needle` occurs as consecutive items of `haystack`."""
    n = len(needle)
    if not n or n > len(haystack):
        return False
    first = needle[0]
    for start, item in enumerate(haystack[: len(haystack) - n + 1]):
        if item == first and haystack[start : start + n] == needle:
            return True
    return False
