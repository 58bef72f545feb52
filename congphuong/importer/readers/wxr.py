"""WordPress export (WXR: RSS 2.0 with the wp: namespace, "Công cụ → Xuất" in WordPress).

Posts and pages become items; attachments (wp:post_type=attachment) are joined to their parent post
as images (image/* by extension) or attachments, and a post's featured image (_thumbnail_id) comes
first. Trashed and auto-draft posts, revisions, menu items and other post types are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from congphuong.core.text import nfc
from congphuong.importer.items import LegacyAttachment, LegacyFormatError, LegacyImage, LegacyItem
from congphuong.importer.readers import _dates, _xml

FORMAT = "wxr"
LABEL = "Tệp xuất WordPress (WXR)"

CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
_WP = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
_EXCERPT = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/$")

IMPORTED_TYPES = {"post", "page"}
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ".tif", ".tiff"}


def sniff(path, head: bytes) -> bool:
    if _xml.root_tag(head) != "rss":
        return False
    return b"wordpress.org/export/" in head


def _wp(node: _xml.Node, name: str) -> str:
    for child in node.children:
        if child.name == name and _WP.match(child.uri):
            return child.all_text().strip()
    return ""


def _excerpt(node: _xml.Node) -> str:
    for child in node.children:
        if child.name == "encoded" and _EXCERPT.match(child.uri):
            return child.all_text().strip()
    return ""


def _postmeta(node: _xml.Node) -> dict[str, str]:
    meta = {}
    for child in node.children:
        if child.name == "postmeta" and _WP.match(child.uri):
            meta[_wp(child, "meta_key")] = _wp(child, "meta_value")
    return meta


def _is_image(url: str) -> bool:
    return PurePosixPath(urlsplit(url).path).suffix.lower() in IMAGE_EXTENSIONS


_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->\s*")
_BLOCK_START = re.compile(
    r"^<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|pre|figure|figcaption|hr|img|"
    r"iframe|section|article|dl|dd|dt|address|form|!--)[\s>/]",
    re.IGNORECASE,
)


def autop(html: str) -> str:
    """WordPress stores classic-editor posts without <p>: it adds them on display (wpautop). Blocks
    separated by a blank line become paragraphs, single line breaks <br>; a chunk that already starts
    with a block element is kept as it is. Gutenberg's block comments are dropped."""
    html = _BLOCK_COMMENT.sub("", html.replace("\r\n", "\n")).strip()
    if not html:
        return ""
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", html) if chunk.strip()]
    out = []
    for chunk in chunks:
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def read(path) -> Iterator[LegacyItem]:
    source = str(path)
    root = _xml.parse(path)
    channel = root.find("", "channel") if root.is_("", "rss") else None
    if channel is None:
        raise LegacyFormatError(source, root.line, "không phải tệp xuất WordPress (thiếu <rss><channel>).")
    items = list(channel.find_all("", "item"))
    authors = {}
    for author in channel.children:
        if author.name == "author" and _WP.match(author.uri):
            authors[_wp(author, "author_login")] = _wp(author, "author_display_name")
    if not any(_WP.match(child.uri) for child in channel.children) and not any(
        _WP.match(child.uri) for item in items for child in item.children
    ):
        raise LegacyFormatError(source, root.line, "không phải tệp xuất WordPress (thiếu không gian tên wp:).")

    attachments_by_id: dict[str, _xml.Node] = {}
    attachments_by_parent: dict[str, list[_xml.Node]] = {}
    for item in items:
        if _wp(item, "post_type") == "attachment":
            attachments_by_id[_wp(item, "post_id")] = item
            attachments_by_parent.setdefault(_wp(item, "post_parent"), []).append(item)

    for item in items:
        post_type = _wp(item, "post_type")
        if not post_type:
            raise LegacyFormatError(source, item.line, "mục <item> thiếu <wp:post_type>.")
        status = _wp(item, "status")
        if post_type not in IMPORTED_TYPES or status in SKIPPED_STATUSES:
            continue
        yield _item(source, item, post_type, status, authors, attachments_by_id, attachments_by_parent)


def _item(source, item, post_type, status, authors, attachments_by_id, attachments_by_parent) -> LegacyItem:
    post_id = _wp(item, "post_id")
    pub_date = item.child_text("", "pubDate")
    published = _dates.from_iso(_wp(item, "post_date_gmt"), naive_is_utc=True)
    if published is None:  # drafts have 0000-00-00 00:00:00 in GMT; post_date is the site's local time
        published = _dates.from_iso(_wp(item, "post_date")) or _dates.from_rfc822(pub_date)
    categories, tags = [], []
    for category in item.find_all("", "category"):
        name = category.all_text().strip()
        if not name:
            continue
        if category.attr("domain") == "post_tag":
            tags.append(name)
        elif category.attr("domain") in ("category", ""):
            categories.append(name)
    login = item.child_text(DC, "creator")
    meta = _postmeta(item)

    images: list[LegacyImage] = []
    files: list[LegacyAttachment] = []
    linked = []
    thumbnail = attachments_by_id.get(meta.get("_thumbnail_id", ""))
    if thumbnail is not None:
        linked.append(thumbnail)
    linked += [node for node in attachments_by_parent.get(post_id, []) if node is not thumbnail]
    for node in linked:
        url = _wp(node, "attachment_url") or node.child_text("", "guid")
        if not url:
            continue
        title = node.child_text("", "title")
        if _is_image(url):
            alt = _postmeta(node).get("_wp_attachment_image_alt", "")
            images.append(LegacyImage(src=url, caption=_excerpt(node) or "", alt=alt or title))
        else:
            files.append(LegacyAttachment(src=url, title=title))

    return LegacyItem(
        source_file=source,
        source_line=item.line,
        source_url=item.child_text("", "link") or item.child_text("", "guid"),
        title=item.child_text("", "title"),
        published_at=published,
        date_text="" if published or "-0001" in pub_date else pub_date,
        body_html=nfc(autop(item.child_text(CONTENT, "encoded"))),
        summary=_excerpt(item),
        category_hint=categories[0] if categories else "",
        tags=tags,
        images=images,
        attachments=files,
        author=authors.get(login) or login,
        kind="",
        extra={
            "format": FORMAT,
            "wp_post_id": post_id,
            "post_type": post_type,
            "status": status,
            "slug": _wp(item, "post_name"),
            "categories": categories,
        },
    )
