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


# Every Vietnamese letter with a diacritic, lower and upper case.
VIETNAMESE_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)


def vietnamese_slug_formatters() -> list[tuple[str, str]]:
    """(regex, replacement) pairs for Wagtail's slug widget, which has no Vietnamese map.

    Without them the admin's live slug drops every toned vowel ("Khuyến học" → "khuyn-hc").
    """
    groups: dict[str, str] = {}
    for letter in VIETNAMESE_LETTERS:
        groups.setdefault(anyascii(letter), "")
        groups[anyascii(letter)] += letter
    formatters = [(f"[{letters}]", base) for base, letters in sorted(groups.items())]
    # Decomposed input: drop the combining marks left after the base letter.
    formatters.append(("[\u0300-\u036f]", ""))
    return formatters


# Characters that show nothing and mean nothing in Vietnamese text, removed wherever they are:
# zero-width space, word joiner, byte order mark, soft hyphen, Mongolian vowel separator.
# Zero-width (non-)joiners are kept inside the text: emoji sequences use them.
MEANINGLESS_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"))


def is_invisible(char: str) -> bool:
    """Whitespace (NBSP, ideographic space…), format (Cf) and control characters."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Zs")


def visible_text(value: str) -> str:
    """NFC text without invisible characters at its ends; "" when nothing visible remains.

    A question made only of zero-width spaces or NBSPs is empty, not 20 characters long.
    """
    text = nfc(value).translate(MEANINGLESS_INVISIBLE)
    start, end = 0, len(text)
    while start < end and is_invisible(text[start]):
        start += 1
    while end > start and is_invisible(text[end - 1]):
        end -= 1
    return text[start:end]
