"""Vietnamese text helpers: NFC normalisation and ASCII slugs.

Đ/đ has no Unicode decomposition, so accent-stripping by NFD drops it ("Đảng" →
"ang"); anyascii maps it to d and every toned vowel to its base letter.
"""

import unicodedata

from anyascii import anyascii
from django.utils.text import slugify


def nfc(value):
    """Return `value` in NFC if it is a string, unchanged otherwise."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def nfc_deep(value):
    """NFC-normalise every string inside nested lists/dicts (StreamField raw data)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc_deep(item) for item in value]
    if isinstance(value, tuple):
        return tuple(nfc_deep(item) for item in value)
    if isinstance(value, dict):
        return {key: nfc_deep(item) for key, item in value.items()}
    return value


def fold(value: str) -> str:
    """Lower-case ASCII form of a Vietnamese string: "Đảng ủy" → "dang uy"."""
    return anyascii(nfc(value)).lower()


def slugify_vi(value: str, max_length: int = 255) -> str:
    """ASCII slug with đ→d: "Đảng ủy phường" → "dang-uy-phuong"."""
    slug = slugify(anyascii(nfc(value or "")))
    return slug[:max_length].strip("-")
