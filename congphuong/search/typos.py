"""Typos: a word the index has never seen is read as a known word one edit away ("hok" → "học").

Only words of the ward's own index are proposed: the candidates come from the learned vocabulary
(`SearchTerm`, one indexed lookup of every string one edit away: a deletion, a transposition, a
substitution or an insertion of a letter), the words beside the typo choose between them (the word
pairs the index counted: "khuyen hoc" beats "khuyen hoa"), and the backend confirms that the chosen
word occurs below the ward's root page (one capped count for the few best candidates). Diacritics
are restored afterwards by the engine, from the same learned forms (`engine.read_intent`).

One edit per word is enough for Vietnamese syllables (at most seven letters without marks) and keeps
the lookup to a few hundred strings; words of one letter and numbers are never corrected.
"""

from __future__ import annotations

import string
from collections import defaultdict

from .backends import Expr, Term, get_backend
from .models import SearchTerm
from .text import ParsedQuery

LETTERS = string.ascii_lowercase
MIN_LENGTH = 2  # shorter words have too many neighbours to guess from
MAX_LENGTH = 20  # longer runs are not words a citizen mistyped
CANDIDATES_CHECKED = 3  # best candidates per word confirmed in the ward (one statement for all)


def one_edit_away(word: str) -> set[str]:
    """Every ASCII string one Damerau-Levenshtein edit away from `word` (without `word` itself)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    transposes = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + c + right[1:] for left, right in splits if right for c in LETTERS}
    inserts = {left + c + right for left, right in splits for c in LETTERS}
    out = deletes | transposes | replaces | inserts
    out.discard(word)
    return {candidate for candidate in out if len(candidate) >= MIN_LENGTH}


def _correctable(folded: str) -> bool:
    return MIN_LENGTH <= len(folded) <= MAX_LENGTH and folded.isalpha()


def unknown_words(parsed: ParsedQuery, known: set[str], root_id: int | None) -> set[str]:
    """The query's folded words that no document of the ward contains: unknown to the shared
    vocabulary (`known`: the words it has), or known only from other wards (one capped count)."""
    unknown = {word for word in parsed.folded if word not in known}
    elsewhere = [word for word in dict.fromkeys(parsed.folded) if word in known and _correctable(word)]
    if elsewhere:
        exprs = [Expr(terms=[Term((word,))], scope=root_id) for word in elsewhere]
        unknown.update(word for word, count in zip(elsewhere, get_backend().counts(exprs, 1), strict=True) if not count)
    return unknown


def correct(parsed: ParsedQuery, unknown: set[str], root_id: int | None) -> ParsedQuery | None:
    """The query with each `unknown` word replaced by the likeliest word of the ward one edit away
    (typed without marks, so the engine matches every accented form and restores the likeliest),
    or None when no word has a correction."""
    folded = parsed.folded
    typo_positions = [n for n, word in enumerate(folded) if word in unknown and _correctable(word)]
    if not typo_positions:
        return None
    variants = {n: one_edit_away(folded[n]) for n in typo_positions}
    counts: dict[str, int] = defaultdict(int)
    for word, count in SearchTerm.objects.filter(folded__in=set().union(*variants.values())).values_list(
        "folded", "count"
    ):
        counts[word] += count
    candidates = {n: [word for word in variants[n] if word in counts] for n in typo_positions}
    if not any(candidates.values()):
        return None

    # The neighbours decide: how often each candidate stands beside the words typed around it.
    def neighbours(n):
        before = folded[n - 1] if n > 0 and n - 1 not in variants else None
        after = folded[n + 1] if n + 1 < len(folded) and n + 1 not in variants else None
        return before, after

    def pair_keys(n, word):
        before, after = neighbours(n)
        return [key for key in (before and f"{before} {word}", after and f"{word} {after}") if key]

    keys = {key for n in typo_positions for word in candidates[n] for key in pair_keys(n, word)}
    pair_counts: dict[str, int] = defaultdict(int)
    if keys:
        for key, count in SearchTerm.objects.filter(folded__in=keys).values_list("folded", "count"):
            pair_counts[key] += count
    ranked = {
        n: sorted(
            candidates[n],
            key=lambda word, n=n: (sum(pair_counts[key] for key in pair_keys(n, word)), counts[word], word),  # type: ignore[misc]
            reverse=True,
        )[:CANDIDATES_CHECKED]
        for n in typo_positions
    }

    # Only words of this ward: the vocabulary is shared by every ward of the install.
    checks = [(n, word) for n in typo_positions for word in ranked[n]]
    backend = get_backend()
    found = backend.counts([Expr(terms=[Term((word,))], scope=root_id) for _n, word in checks], 1)
    chosen: dict[int, str] = {}
    for (n, word), count in zip(checks, found, strict=True):
        if count and n not in chosen:
            chosen[n] = word
    if not chosen:
        return None
    replaced = [(chosen[n], chosen[n]) if n in chosen else pair for n, pair in enumerate(parsed.words)]
    mapping = dict(zip(parsed.words, replaced, strict=True))
    words = list(dict.fromkeys(replaced))  # "hoc hok" corrects to one word, not the same word twice
    phrases = [[mapping.get(pair, pair) for pair in phrase] for phrase in parsed.phrases]
    return ParsedQuery(text=" ".join(exact for exact, _folded in words), words=words, phrases=phrases)
