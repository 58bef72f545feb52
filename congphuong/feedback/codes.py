"""Tracking codes: "HD-2026-7K3QX" — short, unambiguous, random (not sequential).

Other apps with a tracking code (information requests: "TCTT-2026-…") pass their own prefix.

The alphabet leaves out 0/O, 1/I/L so a code read over the phone or copied by hand
is not misread; 31^5 ≈ 28.6 million codes per year, drawn with ``secrets``.
"""

import re
import secrets

from django.utils import timezone

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "HD"
RANDOM_LENGTH = 5
CODE_RE = re.compile(rf"^{PREFIX}-(\d{{4}})-([{ALPHABET}]{{{RANDOM_LENGTH}}})$")


def new_code(year=None, prefix=PREFIX) -> str:
    year = year or timezone.localdate().year
    random_part = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return f"{prefix}-{year}-{random_part}"


def normalise_code(value, prefix=PREFIX) -> str:
    """Bring what a citizen typed to the canonical form, or "" if it cannot be a code.

    Accepts lower case, spaces and missing dashes: "hd 2026 7k3qx" → "HD-2026-7K3QX".
    """
    compact = re.sub(r"[^0-9A-Za-z]", "", str(value or "")).upper()
    if not compact.startswith(prefix):
        return ""
    compact = compact[len(prefix) :]
    year, random_part = compact[:4], compact[4:]
    code = f"{prefix}-{year}-{random_part}"
    return code if re.match(rf"^{prefix}-\d{{4}}-[{ALPHABET}]{{{RANDOM_LENGTH}}}$", code) else ""
