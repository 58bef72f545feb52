"""RSS 2.0 (and 0.9x / 1.0 RDF) and Atom 1.0 feeds, as an old portal's /rss or /feed serves them.

A feed usually carries only the latest items and often only a summary; the pipeline treats what it
gets like any other item. A WordPress export is RSS too, but is the WXR reader's (wxr.sniff is tried
first and this sniff refuses a file with the wp: export namespace).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from congphuong.importer.items import LegacyAttachment, LegacyFormatError, LegacyImage, LegacyItem
from congphuong.importer.readers import _dates, _xml

FORMAT = "feed"
LABEL = "Nguồn tin RSS/Atom"

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"

_TAG = re.compile(r"<[^>]+>")


def sniff(path, head: bytes) -> bool:
    root = _xml.root_tag(head)
    if root == "rss":
        return b"wordpress.org/export/" not in head
    if root == "feed" or root.endswith(":feed"):
        return ATOM.encode() in head
    if root == "rdf:rdf":
        return RSS1.encode() in head
    return False


def read(path) -> Iterator[LegacyItem]:
    source = str(path)
    root = _xml.parse(path)
    if root.is_("", "rss"):
        channel = root.find("", "channel")
        if channel is None:
            raise LegacyFormatError(source, root.line, "nguồn RSS thiếu thẻ <channel>.")
        for item in channel.find_all("", "item"):
            yield _rss_item(source, item, "")
    elif root.is_(RDF, "RDF"):
        for item in root.find_all(RSS1, "item"):
            yield _rss_item(source, item, RSS1)
    elif root.is_(ATOM, "feed"):
        for entry in root.find_all(ATOM, "entry"):
            yield _atom_entry(source, entry)
    else:
        raise LegacyFormatError(source, root.line, f"không phải nguồn RSS hay Atom (phần tử gốc là <{root.name}>).")


def _rss_item(source: str, item: _xml.Node, ns: str) -> LegacyItem:
    title = item.child_text(ns, "title")
    if not title and not item.child_text(ns, "link"):
        raise LegacyFormatError(source, item.line, "mục <item> không có tiêu đề (<title>) lẫn liên kết (<link>).")
    pub_date = item.child_text("", "pubDate")
    published = _dates.from_rfc822(pub_date) if pub_date else None
    if published is None:
        published = _dates.from_iso(item.child_text(DC, "date"))
    description = item.child_text(ns, "description")
    content = item.child_text(CONTENT, "encoded")
    categories = [node.all_text().strip() for node in item.find_all(ns, "category") if node.all_text().strip()]
    categories += [node.all_text().strip() for node in item.find_all(DC, "subject") if node.all_text().strip()]
    images: list[LegacyImage] = []
    attachments: list[LegacyAttachment] = []
    for enclosure in item.find_all("", "enclosure"):
        _add_file(enclosure.attr("url"), enclosure.attr("type"), "", images, attachments)
    _media(item, images)
    guid = item.find("", "guid")
    link = item.child_text(ns, "link")
    if not link and guid is not None and guid.attr("isPermaLink", "true") != "false":
        link = guid.all_text().strip()
    return LegacyItem(
        source_file=source,
        source_line=item.line,
        source_url=link,
        title=title,
        published_at=published,
        date_text="" if published else (pub_date or item.child_text(DC, "date")),
        body_html=content or description,
        summary=description if content else "",
        category_hint=categories[0] if categories else "",
        images=images,
        attachments=attachments,
        author=item.child_text(DC, "creator") or item.child_text("", "author"),
        extra={"format": FORMAT, "categories": categories, "guid": guid.all_text().strip() if guid else ""},
    )


def _atom_entry(source: str, entry: _xml.Node) -> LegacyItem:
    title = _atom_text(entry.find(ATOM, "title"), plain=True)
    link = ""
    images: list[LegacyImage] = []
    attachments: list[LegacyAttachment] = []
    for node in entry.find_all(ATOM, "link"):
        rel = node.attr("rel", "alternate")
        if rel == "alternate" and not link:
            link = node.attr("href")
        elif rel == "enclosure":
            _add_file(node.attr("href"), node.attr("type"), node.attr("title"), images, attachments)
    if not title and not link:
        raise LegacyFormatError(source, entry.line, "mục <entry> không có tiêu đề (<title>) lẫn liên kết (<link>).")
    _media(entry, images)
    raw_date = entry.child_text(ATOM, "published") or entry.child_text(ATOM, "updated")
    published = _dates.from_iso(raw_date)
    summary = _atom_text(entry.find(ATOM, "summary"))
    content_node = entry.find(ATOM, "content")
    content = _atom_text(content_node)
    if content_node is not None and content_node.attr("src") and not content:
        attachments.append(LegacyAttachment(src=content_node.attr("src"), title=title))
    categories = [
        node.attr("label") or node.attr("term") for node in entry.find_all(ATOM, "category") if node.attr("term")
    ]
    author = entry.find(ATOM, "author")
    return LegacyItem(
        source_file=source,
        source_line=entry.line,
        source_url=link,
        title=title,
        published_at=published,
        date_text="" if published else raw_date,
        body_html=content or summary,
        summary=summary if content else "",
        category_hint=categories[0] if categories else "",
        images=images,
        attachments=attachments,
        author=author.child_text(ATOM, "name") if author is not None else "",
        extra={"format": FORMAT, "categories": categories, "guid": entry.child_text(ATOM, "id")},
    )


def _atom_text(node: _xml.Node | None, *, plain: bool = False) -> str:
    """An Atom text construct as HTML (or as plain text for a title)."""
    if node is None:
        return ""
    kind = {"text/html": "html", "application/xhtml+xml": "xhtml", "text/plain": "text"}.get(
        node.attr("type", "text"), node.attr("type", "text")
    )
    if kind == "xhtml":
        div = node.find(_xml.XHTML, "div")
        markup = div.inner_markup() if div is not None else node.inner_markup()
        return _plain(markup) if plain else markup.strip()
    text = node.all_text().strip()
    if kind == "html":
        return _plain(text) if plain else text
    return text if plain else html.escape(text, quote=False)


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup)).strip()


def _add_file(url: str, mime: str, title: str, images: list, attachments: list) -> None:
    if not url:
        return
    if (mime or "").startswith("image/"):
        images.append(LegacyImage(src=url, alt=title))
    else:
        attachments.append(LegacyAttachment(src=url, title=title))


def _media(node: _xml.Node, images: list) -> None:
    """Media RSS images (media:content medium="image" / media:thumbnail), once each."""
    seen = {image.src for image in images}
    candidates = list(node.find_all(MEDIA, "content")) + list(node.find_all(MEDIA, "thumbnail"))
    for group in node.find_all(MEDIA, "group"):
        candidates += list(group.find_all(MEDIA, "content"))
    for media in candidates:
        url = media.attr("url")
        is_image = (
            media.name == "thumbnail" or media.attr("medium") == "image" or media.attr("type").startswith("image/")
        )
        if url and is_image and url not in seen:
            seen.add(url)
            caption = media.child_text(MEDIA, "description") or media.child_text(MEDIA, "title")
            images.append(LegacyImage(src=url, caption=caption))
