"""ALL-CAPS titles of old portals → a sentence-case display title that keeps abbreviations
(UBND, KL/TW, 12/2024/QĐ-UBND), roman numerals (khóa X) and proper nouns (Phường 1, Ban Bí thư,
Tân Bình). The original stays on the page's origin record (legacy.ContentOrigin.original_title).

A word is kept in capitals when it cannot be a Vietnamese syllable (UBND, HĐND, MTTQ, THCS), holds
a digit, a slash or a dash between capitals (49-KL/TW), or is a roman numeral. Proper nouns come from
a small list of institutions and places, the ward's own names, and the words after "phường",
"quận", "xã", "thành phố"… when they are a number or a known name.
"""

from __future__ import annotations

import re
import unicodedata

from congphuong.core.text import fold

_VOWELS = "aăâeêioôơuưy"
_TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
SYLLABLE = re.compile(
    rf"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[{_VOWELS}{_TONED}]{{1,3}}(?:ch|ng|nh|[cmnptiyou])?$"
)
ROMAN = re.compile(r"^(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")

# Multi-word proper nouns, written as they should appear (matched without regard to case).
PROPER_NOUNS = [
    "Ban Bí thư",
    "Bộ Chính trị",
    "Ban Chấp hành Trung ương",
    "Trung ương",
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Quốc hội",
    "Đảng ủy",
    "Đảng uỷ",
    "Đảng",
    "Ủy ban nhân dân",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc",
    "Hội đồng nhân dân",
    "Hội Khuyến học",
    "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh",
    "Hội Nông dân",
    "Hội Chữ thập đỏ",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Đoàn Thanh niên",
    "Công an phường",
    "Trạm Y tế",
    "Kết luận",
    "Chỉ thị",
    "Nghị quyết",
    "Nghị định",
    "Thông tư",
    "Quyết định",
    "Luật",
    "Thành phố Hồ Chí Minh",
    "Hồ Chí Minh",
    "Hà Nội",
    "Việt Nam",
    "Tân Bình",
    "Tân Sơn Hòa",
    "Tết Nguyên đán",
    "Tết",
    "Quốc khánh",
]
# Document words are proper nouns only when a number follows ("Kết luận số 49-KL/TW").
DOCUMENT_WORDS = {"kết luận", "chỉ thị", "nghị quyết", "nghị định", "thông tư", "quyết định", "luật"}
PLACE_WORDS = ("phường", "quận", "xã", "huyện", "tỉnh", "thành phố", "thị trấn", "khu phố", "ấp", "tổ dân phố")
ABBREVIATIONS = {"tp.hcm", "tphcm", "tp", "covid-19", "hcm"}


def is_all_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    if len(letters) < 8:
        return False
    upper = sum(1 for char in letters if char.isupper())
    return upper / len(letters) >= 0.85


def _keeps_caps(word: str) -> bool:
    core = word.strip("()[]\"'“”‘’,.;:!?…")
    if not core:
        return False
    if any(char.isdigit() for char in core) or "/" in core:
        return True
    if core.lower() in ABBREVIATIONS or "." in core:
        return True
    if ROMAN.match(core) and len(core) <= 4:
        return True
    parts = [part for part in core.split("-") if part]
    return any(part.isalpha() and not SYLLABLE.match(unicodedata.normalize("NFC", part.lower())) for part in parts)


def sentence_case(title: str, proper_nouns=()) -> str:
    """ "PHƯỜNG 1 TỔ CHỨC HỘI NGHỊ QUÁN TRIỆT KẾT LUẬN SỐ 49-KL/TW" →
    "Phường 1 tổ chức hội nghị quán triệt Kết luận số 49-KL/TW". A title not in capitals is
    returned unchanged."""
    title = " ".join(title.split())
    if not is_all_caps(title):
        return title
    words = title.split(" ")
    out = [word if _keeps_caps(word) else word.lower() for word in words]
    lowered = " ".join(out)

    nouns = sorted({*PROPER_NOUNS, *(name for name in proper_nouns if name)}, key=len, reverse=True)
    for noun in nouns:
        pattern = re.compile(rf"(?<![\w]){re.escape(noun.lower())}(?![\w])")
        if noun.lower() in DOCUMENT_WORDS:
            pattern = re.compile(rf"(?<![\w]){re.escape(noun.lower())}(?=\s+(?:số\s+)?\d)")
        lowered = pattern.sub(noun, lowered)

    # "phường 1", "quận 3", "khu phố 2": a place with a number is a name.
    def place(match):
        return match.group(1)[0].upper() + match.group(1)[1:] + match.group(2)

    place_words = "|".join(sorted(PLACE_WORDS, key=len, reverse=True))
    lowered = re.sub(rf"(?<![\w])({place_words})(\s+\d+\b)", place, lowered)
    # A place word followed by a known proper noun: "quận Tân Bình" (the noun already capitalised).
    return lowered[:1].upper() + lowered[1:]


def same_title(a: str, b: str) -> bool:
    return fold(" ".join(a.split())) == fold(" ".join(b.split()))
