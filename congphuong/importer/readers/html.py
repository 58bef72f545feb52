"""Saved HTML pages, as a browser ("Lưu trang", with its `…_files/` folder) or wget (a mirror of
the old host's paths) saves them, whatever the old portal's layout.

The whole page goes to the pipeline (`LegacyItem.body_html`): cleaning finds the content and drops
the chrome by structure. The reader takes what only the page's head knows: the old address
(canonical link, og:url, the "saved from url=" comment browsers write), the title (og:title, h1,
`<title>` without the portal's name) and the publication time in metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment

from congphuong.core.text import nfc

from ..cleaning import dates
from ..cleaning.boilerplate import site_heading
from ..items import LegacyFormatError, LegacyItem

FORMAT = "html"
LABEL = "Trang HTML đã lưu"
EXTENSIONS = {".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx"}
HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.I)
TITLE_SUFFIX = re.compile(
    r"\s+[-|–—:»]\s+[^-|–—]*(?:cổng|trang)\s+thông\s+tin.*$|\s+[|–—-]\s+(?:UBND|Ủy ban)[^|–—-]*$", re.I
)


def sniff(path, head: bytes) -> bool:
    if HTML_START.match(head[:4096]):
        return True
    return Path(path).suffix.lower() in EXTENSIONS and b"<" in head[:2048] and b"</" in head


def decode(path, data: bytes) -> str:
    """UTF-8, or the charset the page declares (old portals: windows-1258, windows-1252)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = re.search(rb"charset=[\"']?([\w-]+)", data[:4096], re.I)
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        line = data[: error.start].count(b"\n") + 1
        raise LegacyFormatError(
            str(path), line, "không đọc được chữ (không phải UTF-8 và trang không ghi bảng mã dùng được)."
        ) from error


def read(path):
    data = Path(path).read_bytes()
    if b"\x00" in data[:65536]:
        raise LegacyFormatError(
            str(path), data[: data.index(b"\x00")].count(b"\n") + 1, "tệp nhị phân, không phải trang HTML."
        )
    text = nfc(decode(path, data))
    soup = BeautifulSoup(text, "html.parser")
    if soup.find("body") is None and soup.find(["p", "div", "article"]) is None:
        raise LegacyFormatError(str(path), 1, "không thấy nội dung trang HTML (thiếu thẻ body).")
    yield LegacyItem(
        source_file=str(path),
        source_line=1,
        source_url=_source_url(soup, text) or mirrored_url(path),
        title=_title(soup),
        published_at=_published(soup),
        body_html=str(soup.body or soup),
        category_hint=_meta(soup, "article:section"),
        author=_meta(soup, "author"),
        summary=_meta(soup, "description") if _meta(soup, "og:type") == "article" else "",
        extra={"format": FORMAT, "head_title": _head_title(soup)},
    )


def _meta(soup, name: str) -> str:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return nfc(" ".join((tag.get("content") or "").split())) if tag else ""


def _source_url(soup, text: str) -> str:
    link = soup.find("link", rel="canonical")
    if link and link.get("href", "").startswith("http"):
        return link["href"].strip()
    if (og := _meta(soup, "og:url")).startswith("http"):
        return og
    for comment in soup.find_all(string=lambda value: isinstance(value, Comment)):
        match = SAVED_FROM.search(comment)
        if match:
            return match.group(1).strip()
    match = SAVED_FROM.search(text[:2000])
    return match.group(1).strip() if match else ""


HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$", re.IGNORECASE)


def mirrored_url(path) -> str:
    """The address a wget mirror saved a page from: its folders start with the host name
    ("phuong7.tanbinh.hochiminhcity.gov.vn/tin-tuc/bai-1.html"); `-E` added ".html" after a query."""
    parts = Path(path).resolve().parts
    for index, part in enumerate(parts[:-1]):
        if HOST.match(part) and not part.lower().endswith(tuple(EXTENSIONS)):
            rest = "/".join(parts[index + 1 :])
            if "?" in rest and rest.endswith(".html"):
                rest = rest[: -len(".html")]
            if rest.endswith("index.html") and "?" not in rest:
                rest = rest[: -len("index.html")]
            return f"http://{part.lower()}/{rest}"
    return ""


def _title(soup) -> str:
    headings = [h1 for h1 in soup.find_all("h1") if h1.get_text(strip=True) and not site_heading(h1)]
    if headings:
        return nfc(" ".join(headings[-1].get_text(" ").split()))
    if og := _meta(soup, "og:title"):
        return og
    return ""


def _head_title(soup) -> str:
    """`<title>` without the portal's name: often the article's title, sometimes only the portal's
    name — cleaning uses it when the page's text shows it."""
    if soup.title and soup.title.string:
        return nfc(TITLE_SUFFIX.sub("", " ".join(soup.title.string.split())))
    return ""


def _published(soup):
    for name in ("article:published_time", "dc.date", "date", "pubdate"):
        if value := _meta(soup, name):
            parsed = dates.parse_any(value)
            if parsed:
                return parsed
    time = soup.find("time", attrs={"datetime": True})
    return dates.parse_iso(time["datetime"]) if time is not None else None
