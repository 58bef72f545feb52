"""The query parameters a public page reads: the only ones a cache key or a link is built from.

A query string is attacker-chosen and unbounded. If it went into the page-cache key as it came,
every junk variant (`?x=<6 KB>`, `?q=a&z1=…&z2=…`) would be one more stored page, and the search
page, which copied the query string into each of its ~18 links, made every stored page 18 times
the junk. So:

- `cacheable_query`: a request whose query string holds an unknown parameter, a parameter twice
  or a value longer than MAX_VALUE_LENGTH is answered uncached (rendered, never stored); the rest
  get a key from the known parameters, sorted, click identifiers dropped.
- `cleaned`: links keep only the known parameters with bounded values (a view may pass its own
  cleaned values instead, as the search page does).

The known names are SERVING_QUERY_PARAMS (settings/base.py); a test reads every `request.GET`
lookup and the public filter forms of the code, so a new public parameter cannot be forgotten
(forgetting one would only make its pages uncached, never wrong).
"""

from __future__ import annotations

from collections.abc import Mapping
from fnmatch import fnmatch
from urllib.parse import parse_qsl, urlencode

from django.http import QueryDict

from . import conf

# The longest value a public page accepts: the search box's 200 characters (search/text.py).
MAX_VALUE_LENGTH = 200
# More parameters than any public page has: a longer query string is junk.
MAX_PARAMS = 12


def _ignored(name: str, ignored: tuple[str, ...]) -> bool:
    return any(fnmatch(name, pattern) for pattern in ignored)


def cacheable_query(query_string: str) -> str | None:
    """The normalised query for the page-cache key, or None when the request must not be stored."""
    if not query_string:
        return ""
    known = conf.known_query_params()
    ignored = conf.ignored_query_params()
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, max_num_fields=MAX_PARAMS * 2)
    except ValueError:  # more fields than max_num_fields
        return None
    kept, seen = [], set()
    for name, value in pairs:
        if _ignored(name, ignored):
            continue
        if name not in known or name in seen or len(value) > MAX_VALUE_LENGTH:
            return None
        seen.add(name)
        kept.append((name, value))
    if len(kept) > MAX_PARAMS:
        return None
    return urlencode(sorted(kept))


def cleaned(query: Mapping | None) -> QueryDict:
    """A mutable QueryDict of `query` (a QueryDict or a view's dict of cleaned values) with only the
    known parameters, one value each, none empty or too long."""
    result = QueryDict(mutable=True)
    if query is None:
        return result
    known = conf.known_query_params()
    for name in query:
        value = query.get(name)
        value = "" if value is None else str(value)
        if name in known and value and len(value) <= MAX_VALUE_LENGTH:
            result[name] = value
    return result
