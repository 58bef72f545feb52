"""From what a reader yields (`LegacyItem`) to a clean page: title (and its sentence-case form),
date and time, body blocks (paragraphs, headings, images with captions, attachments) and signing
unit, without the old site's boilerplate. The same for every format; see boilerplate.py for how
boilerplate is recognised, dates.py for dates and titles.py for ALL-CAPS titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from congphuong.core.text import nfc

from ..items import LegacyAttachment, LegacyImage, LegacyItem
from . import boilerplate, dates, titles

ATTACHMENT_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx", "zip", "rar", "7z"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "ul", "ol", "li", "table", "figure", "center"}
BLOCKS |= HEADINGS
# The units that sign ward news: an ALL-CAPS short line, or a body known to sign.
SIGNERS = re.compile(
    r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|ban biên tập|bbt|đảng ủy|đảng uỷ|hội [\wÀ-ỹ ]+|"
    r"đoàn thanh niên|đoàn phường|mặt trận tổ quốc|ủy ban mặt trận|công an phường|trạm y tế|"
    r"ban chỉ huy quân sự|văn phòng|bộ phận|tổ [\wÀ-ỹ ]+|(?:tin|bài|ảnh|tin, ảnh|tin và ảnh|bài, ảnh)\s*:)",
    re.IGNORECASE,
)


@dataclass
class Segment:
    kind: str  # "title", "heading", "paragraph", "item" (of a list), "image", "attachment"
    text: str = ""
    src: str = ""
    caption: str = ""
    captionish: bool = False  # a short italic/centred line right under an image


@dataclass
class CleanPage:
    item: LegacyItem
    title: str = ""  # as shown: sentence case when the original was in capitals
    original_title: str = ""
    published_at: object = None
    date_source: str = ""  # where the date came from (Vietnamese, for the report)
    blocks: list[Segment] = field(default_factory=list)
    signing_unit: str = ""
    lead: str = ""
    category_hint: str = ""
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)

    @property
    def images(self):
        return [block for block in self.blocks if block.kind == "image"]

    @property
    def attachments(self):
        return [block for block in self.blocks if block.kind == "attachment"]

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks if block.kind in ("paragraph", "heading", "item"))


# --- HTML --------------------------------------------------------------------------------------


def _text(node) -> str:
    return nfc(" ".join(node.get_text(" ").split())) if node is not None else ""


def _is_attachment(href: str) -> bool:
    path = unquote(urlsplit(href or "").path).lower()
    return "." in path and path.rsplit(".", 1)[-1] in ATTACHMENT_EXTENSIONS


# Old CMSs' class names for the article's heading when it is not an h1 (Joomla 1.x "contentheading",
# "componentheading" is the section's, not the article's).
TITLE_CLASS = re.compile(
    r"\bcontentheading\b|\b(?:article|entry|post|news|item|detail)[-_]?(?:title|heading)\b|\btieu-?de(?:-tin)?\b",
    re.IGNORECASE,
)


def _content_root(soup):
    """The element holding the article: by its name first, else by where the paragraphs are."""
    articles = soup.find_all("article")
    if len(articles) == 1:
        return articles[0]
    body = soup.find(attrs={"itemprop": "articleBody"})
    if body is not None:
        return body
    scores: dict[int, tuple[float, Tag]] = {}
    for paragraph in soup.find_all(["p", "br"]):
        parent = paragraph.parent
        if paragraph.name == "p":  # the paragraph's own words, not its links' (menus are links)
            length = len(_text(paragraph)) - sum(len(_text(link)) for link in paragraph.find_all("a"))
        else:  # text written between <br>s, as old editors did
            before = paragraph.previous_sibling
            length = len(" ".join(before.split())) if isinstance(before, NavigableString) else 0
        if length <= 0:
            continue
        for weight, node in ((1.0, parent), (0.5, parent.parent if parent else None)):
            if isinstance(node, Tag):
                bonus = 1.3 if boilerplate.CONTENT_CLASS.search(boilerplate.class_tokens(node)) else 1.0
                entry = scores.get(id(node), (0.0, node))
                scores[id(node)] = (entry[0] + weight * length * bonus, node)
    if not scores:
        return soup.body or soup
    return max(scores.values(), key=lambda entry: entry[0])[1]


def _emit_inline(text: str, segments: list[Segment], captionish=False):
    for line in text.split("\n"):
        line = nfc(" ".join(line.split()))
        if line:
            segments.append(Segment("paragraph", line, captionish=captionish))


def _walk(node: Tag, segments: list[Segment]):
    name = node.name
    if name in HEADINGS or node.get("data-legacy-title"):
        segments.append(Segment("title" if name == "h1" or node.get("data-legacy-title") else "heading", _text(node)))
        return
    if name == "img":
        segments.append(
            Segment("image", src=node.get("src") or node.get("data-src") or "", caption=node.get("alt", ""))
        )
        return
    if name == "figure":
        img = node.find("img")
        if img is not None:
            caption = _text(node.find("figcaption")) or img.get("alt", "")
            segments.append(Segment("image", src=img.get("src") or img.get("data-src") or "", caption=nfc(caption)))
        return
    if name == "a" and _is_attachment(node.get("href", "")):
        segments.append(Segment("attachment", _text(node), src=node["href"]))
        return
    if name == "table":
        for row in node.find_all("tr"):
            cells = [_text(cell) for cell in row.find_all(["td", "th"])]
            if any(cells):
                segments.append(Segment("paragraph", " | ".join(cell for cell in cells if cell)))
        return
    if name == "li":
        text = _text(node)
        if text:
            segments.append(Segment("item", text))
        for child in node.find_all(["img", "a"]):
            _walk(child, segments) if child.name == "img" or _is_attachment(child.get("href", "")) else None
        return
    # A paragraph-like element: its inline text (split at <br>), with images and attachments inside it.
    inline: list[str] = []
    classes = boilerplate.class_tokens(node)
    captionish = bool(re.search(r"caption|chu-?thich|image-desc", classes, re.I))

    def flush():
        text = "".join(inline)
        inline.clear()
        if text.strip():
            only_emphasis = all(
                isinstance(child, Tag)
                and child.name in ("em", "i")
                or (isinstance(child, NavigableString) and not child.strip())
                for child in node.children
            )
            style = (node.get("style") or "").lower()
            _emit_inline(text, segments, captionish or only_emphasis or "italic" in style)

    for child in node.children:
        if isinstance(child, NavigableString):
            inline.append(str(child))
        elif child.name == "br":
            inline.append("\n")
        elif (
            (
                child.name in BLOCKS
                or child.name in ("img", "figure")
                or (child.name == "a" and _is_attachment(child.get("href", "")))
            )
            or child.find(["img", "figure"]) is not None
            or child.find(BLOCKS) is not None
        ):
            flush()
            _walk(child, segments)
        else:
            inline.append(child.get_text())
    flush()


def html_segments(html: str) -> tuple[list[Segment], dict]:
    """The segments of an HTML page's content, and what its structure says besides: the h1 title,
    the breadcrumb, the `<time>`/meta date."""
    soup = BeautifulSoup(html, "html.parser")
    meta: dict = {}
    for crumb in soup.find_all(
        attrs={"class": re.compile(r"breadcrumb|pathway|duong-dan|navigation-path", re.I)}
    ) + soup.find_all(attrs={"aria-label": re.compile(r"breadcrumb|đường dẫn", re.I)}):
        parts = [_text(link) for link in crumb.find_all(["a", "li", "span"]) if _text(link)]
        meta.setdefault("breadcrumb", " > ".join(dict.fromkeys(parts)) or _text(crumb))
    time = soup.find("time")
    if time is not None:
        meta["time"] = time.get("datetime") or _text(time)
    for tag in soup.find_all(boilerplate.STRUCTURAL_TAGS):
        tag.decompose()
    # The page's chrome: header/nav/footer/aside outside the article, and elements whose class says so.
    for tag in soup.find_all(["header", *boilerplate.CHROME_TAGS]):
        if tag.decomposed:
            continue
        if tag.name == "header" and tag.find_parent("article") is not None:
            continue
        meta.setdefault("removed", []).append(_text(tag)[:80])
        tag.decompose()
    for tag in soup.find_all(True):
        if not tag.decomposed and tag.attrs is not None and boilerplate.chrome_by_class(tag):
            meta.setdefault("removed", []).append(_text(tag)[:80])
            tag.decompose()
    h1 = next((heading for heading in soup.find_all("h1") if not boilerplate.site_heading(heading)), None)
    if h1 is None:  # Joomla's <h2 class="contentheading">, "news-title", "tieu-de"…: the title by its class
        h1 = next(
            (
                heading
                for heading in soup.find_all(["h2", "h3", "div", "p"])
                if TITLE_CLASS.search(boilerplate.class_tokens(heading))
                and _text(heading)
                and not boilerplate.site_heading(heading)
            ),
            None,
        )
        if h1 is not None:
            h1["data-legacy-title"] = "1"  # _walk emits it as the title, as it does an h1
    meta["h1"] = _text(h1)
    root = _content_root(soup)
    # The article's own heading and date line sit just above its text: take the block holding both.
    if h1 is not None and h1 not in root.descendants:
        for ancestor in root.parents:
            if ancestor.name in ("body", "html", "[document]"):
                break
            if h1 in ancestor.descendants:
                root = ancestor
                break
    segments: list[Segment] = []
    if h1 is not None and (root is not h1 and h1 not in root.descendants):
        segments.append(Segment("title", meta["h1"]))
    if root.name in HEADINGS or root.name in ("img", "figure", "table", "li"):
        root = root.parent
    _walk(root, segments)
    return segments, meta


# --- Plain text --------------------------------------------------------------------------------


def text_segments(text: str) -> list[Segment]:
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    if re.search(r"\n\s*\n", text):
        chunks = re.split(r"\n\s*\n", text)
        lines = [" ".join(chunk.split()) for chunk in chunks]
    else:
        lines = [" ".join(line.split()) for line in text.split("\n")]
    return [Segment("paragraph", line) for line in lines if line]


# --- Cleaning ----------------------------------------------------------------------------------


def _segments_of(item: LegacyItem) -> tuple[list[Segment], dict]:
    if item.body_html:
        return html_segments(item.body_html)
    return text_segments(item.body_text), {}


def _looks_like_title(text: str) -> bool:
    if not (8 <= len(text) <= 400) or boilerplate.reason(text):
        return False
    if dates.DATE_LINE.match(text) and dates.find_dates(text):
        return False
    return titles.is_all_caps(text) or not text.rstrip().endswith((".", ";", ":"))


def _is_signer(text: str) -> bool:
    if len(text) > 90 or text.rstrip().endswith((".", ";", ",")):
        return False
    return titles.is_all_caps(text) and len(text.split()) >= 2 or bool(SIGNERS.match(text))


def clean_items(items: list[LegacyItem], proper_nouns=()) -> list[CleanPage]:
    parsed = []
    for item in items:
        parsed.append(_segments_of(item))
        item.body_html = item.body_text = ""  # read into segments: thousands of whole pages need not stay in memory
    texts = [[segment.text for segment in segments if segment.text] for segments, _ in parsed]
    repeated = boilerplate.repeated_lines(texts)
    return [
        _clean(item, segments, meta, repeated, proper_nouns)
        for item, (segments, meta) in zip(items, parsed, strict=False)
    ]


def _clean(item: LegacyItem, segments: list[Segment], meta: dict, repeated: set[str], proper_nouns) -> CleanPage:
    page = CleanPage(item=item)
    page.category_hint = item.category_hint or meta.get("breadcrumb", "")
    given_title = nfc(" ".join((item.title or "").split()))

    # 1. The title: where it starts is where the article starts; what comes before is the header.
    start = None
    head_title = nfc(item.extra.get("head_title", ""))
    for wanted in (given_title, head_title):  # the source's title, where the page prints it
        if wanted and start is None:
            start = next((index for index, seg in enumerate(segments) if titles.same_title(seg.text, wanted)), None)
            if start is not None and not given_title:
                given_title = segments[start].text
    if start is None:
        start = next((index for index, seg in enumerate(segments) if seg.kind == "title"), None)
    if start is None and not given_title:
        for index, segment in enumerate(segments):
            if segment.kind in ("paragraph", "heading") and _looks_like_title(segment.text):
                if boilerplate.key(segment.text) in repeated:
                    continue
                start = index
                break
    if start is not None:
        title = given_title or segments[start].text
        for segment in segments[:start]:
            if segment.text:
                page.dropped.append((segment.text, boilerplate.reason(segment.text) or "phần đầu trang, trước tiêu đề"))
        header, body = segments[:start], segments[start + 1 :]
    else:
        title, header, body = given_title or head_title, [], segments
    page.original_title = title
    page.title = titles.sentence_case(title, proper_nouns)

    # 2. The body: until a tail heading; without block headings, counters, repeated site lines.
    kept: list[Segment] = []
    date_lines: list[str] = [segment.text for segment in header[-3:]]
    for segment in body:
        text = segment.text
        if segment.kind in ("paragraph", "heading", "item", "title") and text:
            if boilerplate.is_tail(text):
                page.dropped.append((text, "khối cuối trang (tin liên quan, media, chân trang)"))
                break
            why = boilerplate.reason(text)
            if not why and boilerplate.key(text) in repeated and not _is_signer(text):
                why = "lặp lại trên nhiều trang"
            if not why and boilerplate.CONTACT.match(text) and boilerplate.key(text) in repeated:
                why = "địa chỉ liên hệ ở chân trang"
            if not why and not kept and dates.is_date_line(text):
                date_lines.append(text)
                why = "dòng ngày đăng"
            if why:
                page.dropped.append((text, why))
                continue
            if segment.kind == "title":
                segment.kind = "heading"
        if segment.kind == "image" and not segment.src:
            continue
        kept.append(segment)

    # Captions: a short emphasised line under an image.
    merged: list[Segment] = []
    for segment in kept:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "image"
            and segment.kind == "paragraph"
            and (segment.captionish or segment.text.lower().startswith(("ảnh:", "ảnh minh họa", "hình:")))
            and len(segment.text) <= 250
        ):
            previous.caption = segment.text
            continue
        merged.append(segment)

    # 3. The signing unit: the last short line, in capitals or a body known to sign.
    for index in range(len(merged) - 1, max(-1, len(merged) - 3), -1):
        segment = merged[index]
        if segment.kind == "paragraph" and _is_signer(segment.text):
            page.signing_unit = item.signed_by or segment.text
            del merged[index]
            break
        if segment.kind in ("paragraph", "heading"):
            break
    page.signing_unit = page.signing_unit or nfc(item.signed_by)

    # Images and attachments the reader found beside the body.
    known = {segment.src for segment in merged}
    for image in item.images:
        if image.src not in known:
            merged.append(Segment("image", src=image.src, caption=nfc(image.caption or image.alt)))
    for attachment in item.attachments:
        if attachment.src not in known:
            merged.append(Segment("attachment", nfc(attachment.title), src=attachment.src))
    page.blocks = merged
    page.lead = nfc(item.summary)

    # 4. The date: the source's metadata, the page's date line, the reader's phrase, the text's event.
    found = None
    if item.published_at:
        page.published_at, page.date_source = item.published_at, "siêu dữ liệu của nguồn"
    elif meta.get("time") and (parsed := dates.parse_any(meta["time"])):
        page.published_at, page.date_source = parsed, "thẻ thời gian của trang"
    elif found := dates.page_date(date_lines):
        page.published_at, page.date_source = found.value, f"dòng ngày đăng «{found.text}»"
    elif item.date_text and (parsed := dates.parse_any(item.date_text)):
        page.published_at, page.date_source = parsed, f"«{item.date_text}»"
    elif found := dates.event_date(page.text):
        page.published_at, page.date_source = found.value, f"cụm từ trong bài «{found.text}»"
    return page


def image_sources(page: CleanPage) -> list[LegacyImage]:
    return [LegacyImage(src=block.src, caption=block.caption) for block in page.images]


def attachment_sources(page: CleanPage) -> list[LegacyAttachment]:
    return [LegacyAttachment(src=block.src, title=block.text) for block in page.attachments]
