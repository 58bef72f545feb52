"""What is not the article: recognised by structure first, then by repetition across the pages of
one import, and only last by the words old portals put on every page.

Structure (HTML): `nav`, `header`, `footer`, `aside`, forms and scripts, and elements whose class or
id says menu, breadcrumb, sidebar, related news, share, counter… are removed before the content is
looked for; the content is the `article` / `itemprop=articleBody` / "detail" element, or else the
element holding the most paragraph text. Structure (any text): everything before the title is the
page's header (theme banner, menu); a tail heading ("Tin liên quan", "TIN TỨC MEDIA", a copyright or
"Cơ quan chủ quản" line) ends the article; a line made of one phrase said twice ("Tin tức nổi bật
Tin tức nổi bật", a tab printed with its label) is a widget heading.

Repetition: a short line found on several pages of the same import (three or more, and 40 % of
them) is the site's, not the article's (the ward's address in the footer, a slogan, a block heading),
unless it is the signing unit or a clause legal documents repeat ("Điều 2. …", "Nơi nhận").
"""

from __future__ import annotations

import re

from congphuong.core.text import fold

# Whole lines (folded, without punctuation) that are block headings or controls, whatever the site.
PHRASES = {
    "tin tuc noi bat",
    "tin noi bat",
    "danh muc",
    "quay lai",
    "tro lai",
    "tro ve",
    "tin tuc media",
    "tin lien quan",
    "bai viet lien quan",
    "tin khac",
    "cac tin khac",
    "tin cung chuyen muc",
    "xem them",
    "xem tiep",
    "in bai",
    "in bai viet",
    "in trang",
    "gui email",
    "gui bai viet",
    "chia se",
    "chia se bai viet",
    "binh luan",
    "y kien ban doc",
    "trang chu",
    "lien ket website",
    "lien ket",
    "thong ke truy cap",
    "dang truc tuyen",
    "tim kiem",
    "dang nhap",
    "len dau trang",
    "ve dau trang",
    "tin moi",
    "tin moi nhat",
    "tin doc nhieu",
    "doc nhieu nhat",
    "thu vien anh",
    "thu vien video",
    "video",
    "media",
    "co chu",
    "lich cong tac",
    "thong bao",
    "van ban moi",
    "chuyen muc",
    "menu",
    "tai ve",
    "dinh kem",
    "tep dinh kem",
    "file dinh kem",
    "tai lieu dinh kem",
}
# Headings after which nothing belongs to the article.
TAIL_PHRASES = {
    "tin lien quan",
    "bai viet lien quan",
    "tin khac",
    "cac tin khac",
    "tin cung chuyen muc",
    "tin tuc media",
    "binh luan",
    "y kien ban doc",
    "thu vien anh",
    "thu vien video",
}
BANNER = re.compile(r"^\s*(chủ đề năm|chu de nam|năm \d{4}[:\-–]|khẩu hiệu)", re.IGNORECASE)
COUNTER = re.compile(
    r"^\s*(?:(?:số\s+)?lượt\s+(?:xem|đọc|truy cập)|đã xem|views?|lượt truy cập)\s*:?\s*[\d.,]+\s*$|"
    r"^\s*[\d.,]+\s+(?:lượt\s+(?:xem|đọc)|views?)\s*$|"
    r"^\s*(?:đang trực tuyến|hôm nay|tổng cộng|trong tháng)\s*:\s*[\d.,]+\s*$",
    re.IGNORECASE,
)
FOOTER = re.compile(
    r"^\s*(?:©|bản quyền|copyright|cơ quan chủ quản|chịu trách nhiệm|giấy phép|ghi rõ nguồn|"
    r"thiết kế bởi|phát triển bởi|trang thông tin điện tử)",
    re.IGNORECASE,
)
CONTACT = re.compile(r"^\s*(?:địa chỉ|điện thoại|đt|fax|email|e-mail|hotline)\s*:", re.IGNORECASE)
BOILERPLATE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|mainmenu|breadcrumbs?|sidebar|side-bar|aside|footer|header|banner|"
    r"topbar|top-bar|social|share|sharing|related|lienquan|lien-quan|tinlienquan|tin-lien-quan|tinkhac|"
    r"tin-khac|other-news|othernews|comments?|widget|advert|ads|quangcao|quang-cao|copyright|counter|"
    r"luotxem|luot-xem|views?-count|hotnews|hot-news|tinnoibat|tin-noi-bat|marquee|slogan|chude|chu-de|"
    r"tools?|print|pagination|paging|login|search|box-media|media-box)(?:$|[\s_-])",
    re.IGNORECASE,
)
CONTENT_CLASS = re.compile(
    r"(?:article|post|entry|content|detail|chitiet|chi-tiet|noidung|noi-dung|news-body|body-text|"
    r"fulltext|full-text|story)",
    re.IGNORECASE,
)
STRUCTURAL_TAGS = ["script", "style", "noscript", "form", "iframe", "svg", "button", "select", "input", "template"]
CHROME_TAGS = ["nav", "aside", "footer"]


def key(text: str) -> str:
    """The folded, punctuation-free form lines are compared in."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def doubled(text: str) -> bool:
    """ "Tin tức nổi bật Tin tức nổi bật": one phrase printed twice (a tab and its panel)."""
    words = text.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and key(" ".join(words[:half])) == key(" ".join(words[half:]))


def is_tail(text: str) -> bool:
    folded = key(text)
    if folded in TAIL_PHRASES or (
        doubled(text) and key(" ".join(text.split()[: len(text.split()) // 2])) in TAIL_PHRASES
    ):
        return True
    return bool(FOOTER.match(text))


def reason(text: str) -> str:
    """Why a line is boilerplate (Vietnamese, for the dry-run report), or "" when it is not."""
    stripped = text.strip()
    if not stripped:
        return "dòng trống"
    if BANNER.match(stripped):
        return "khẩu hiệu/chủ đề năm"
    if COUNTER.match(stripped):
        return "bộ đếm lượt xem"
    if FOOTER.match(stripped):
        return "chân trang"
    if doubled(stripped):
        return "tiêu đề khối lặp"
    if key(stripped) in PHRASES:
        return "tiêu đề khối/điều hướng"
    if len(stripped) <= 3 and not any(char.isalnum() for char in stripped):
        return "ký hiệu"
    return ""


# The clauses legal documents repeat from one to the next: content, however often it recurs.
CLAUSE = re.compile(r"^\s*(?:điều\s+\d+|khoản\s+\d+|chương\s+[IVXLC\d]+|nơi nhận|\d+\.\s|[a-zđ]\)\s)", re.IGNORECASE)


def repeated_lines(pages: list[list[str]]) -> set[str]:
    """Keys of the short lines that several pages share: the site's lines, not an article's."""
    if len(pages) < 3:  # two pages may well share a sentence ("Điều 2. … có hiệu lực kể từ ngày ký.")
        return set()
    seen: dict[str, int] = {}
    for lines in pages:
        for line_key in {key(line) for line in lines if 0 < len(line) <= 300 and not CLAUSE.match(line)}:
            if line_key:
                seen[line_key] = seen.get(line_key, 0) + 1
    threshold = max(3, round(len(pages) * 0.4))
    return {line_key for line_key, count in seen.items() if count >= threshold}


def class_tokens(element) -> str:
    values = [*element.get("class", []), element.get("id") or "", element.get("role") or ""]
    return " ".join(value for value in values if value)


EMBEDDED_CHROME = re.compile(r"menu|navbar|navigation|sidebar|breadcrumb|footer|pathway|logo|masthead", re.IGNORECASE)
SITE_HEADING = re.compile(r"logo|brand|banner|header|site-?name|site-?title|masthead|top", re.IGNORECASE)


def site_heading(h1) -> bool:
    """An h1 that names the portal (in its header, its logo), not the article."""
    for node in [h1, *h1.parents]:
        if node.name in ("nav", "footer") or (node.name == "header" and node.find_parent("article") is None):
            return True
        tokens = " ".join([*node.get("class", []), node.get("id") or ""]) if node.attrs is not None else ""
        if tokens and SITE_HEADING.search(tokens) and not re.search(r"entry|post|article|news", tokens, re.I):
            return True
    return False


def chrome_by_class(element) -> bool:
    tokens = class_tokens(element)
    if not tokens or not (BOILERPLATE_CLASS.search(tokens) or EMBEDDED_CHROME.search(tokens)):
        return False
    return not CONTENT_CLASS.search(tokens) or bool(re.search(r"related|lien-?quan|tin-?khac|comment", tokens, re.I))
