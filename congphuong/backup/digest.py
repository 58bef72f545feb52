"""Content hashes of the rows in a dump: what the restore checks the loaded database against.

A row's hash is taken over its canonical JSON (keys sorted, many-to-many lists sorted, text that
holds JSON parsed first): PostgreSQL's jsonb stores object keys in its own order and the order of
a many-to-many list is not defined, so the same row read from SQLite and from PostgreSQL must
still hash alike. A model's digest is the hash of its sorted row hashes (row order in a dump is
the primary key's, whose collation differs between the two engines for text keys).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from functools import cache
from pathlib import Path

from django.apps import apps


@cache
def _many_to_many_names(label: str) -> frozenset[str]:
    model = apps.get_model(label)
    return frozenset(field.name for field in model._meta.many_to_many)


def _canonical_value(value):
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def canonical_row(record: dict) -> str:
    label = record["model"]
    m2m = _many_to_many_names(label)
    fields = {}
    for name, value in record.get("fields", {}).items():
        if name in m2m and isinstance(value, list):
            value = sorted(value, key=lambda item: json.dumps(item, sort_keys=True))
        fields[name] = _canonical_value(value)
    row = {"model": label, "pk": record.get("pk"), "fields": fields}
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _iter_row_hashes(dump: Path):
    """(model label, primary key as JSON, SHA-256 of the canonical row) of each line of a JSON Lines dump."""
    with open(dump, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            key = json.dumps(record.get("pk"), sort_keys=True)
            yield record["model"], key, hashlib.sha256(canonical_row(record).encode()).digest()


def row_hashes(dump: Path) -> dict[str, dict[str, str]]:
    """{model label: {primary key as JSON: hex SHA-256 of the canonical row}}: to say which row differs."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for label, key, digest in _iter_row_hashes(dump):
        found[label][key] = digest.hex()
    return dict(found)


def model_digests(dump: Path) -> dict[str, dict]:
    """{model label: {"rows": n, "sha256": hash of the sorted row hashes}}; 32 bytes a row in memory."""
    per_model: dict[str, list[bytes]] = defaultdict(list)
    for label, _key, digest in _iter_row_hashes(dump):
        per_model[label].append(digest)
    digests = {}
    for label, rows in sorted(per_model.items()):
        rows.sort()
        digests[label] = {"rows": len(rows), "sha256": hashlib.sha256(b"".join(rows)).hexdigest()}
    return digests


def differences(expected: dict[str, dict], found: dict[str, dict]) -> list[str]:
    """Model labels whose row count or digest differ, as short Vietnamese phrases."""
    problems = []
    for label in sorted(set(expected) | set(found)):
        want, got = expected.get(label), found.get(label)
        if want == got:
            continue
        want_rows = want["rows"] if want else 0
        got_rows = got["rows"] if got else 0
        if want_rows != got_rows:
            problems.append(f"{label}: {got_rows} bản ghi thay vì {want_rows}")
        else:
            problems.append(f"{label}: nội dung khác bản sao lưu")
    return problems
