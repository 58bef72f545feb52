"""What every reader of an old portal's export yields, whatever the format: one `LegacyItem` per page
or record, with where it was read (file and line) so that an error can name them.

Readers (importer/readers/) only parse their format into items; cleaning (boilerplate, dates, signing
unit, sentence-case titles), classification (news or legal document, category) and writing to pages
happen after, the same for every format (importer/pipeline.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class LegacyImage:
    src: str  # as the source wrote it: absolute URL, or a path relative to the item's file
    caption: str = ""
    alt: str = ""


@dataclass
class LegacyAttachment:
    src: str
    title: str = ""


@dataclass
class LegacyItem:
    source_file: str  # the file read, as given on the command line or found in the folder
    source_line: int = 0  # where the item starts in that file (1-based; 0 when not meaningful)
    source_url: str = ""  # the old address, when the export knows it; the idempotency key with the hash
    title: str = ""
    published_at: datetime.datetime | None = None  # aware, Asia/Ho_Chi_Minh, when the source gives it
    date_text: str = ""  # the raw date phrase, when the reader could not parse it itself
    body_html: str = ""  # the article's own content; may still hold boilerplate for the pipeline to drop
    body_text: str = ""  # for text sources: the lines, still with boilerplate
    summary: str = ""
    category_hint: str = ""  # breadcrumb, category name or URL segment from the source
    tags: list[str] = field(default_factory=list)
    images: list[LegacyImage] = field(default_factory=list)
    attachments: list[LegacyAttachment] = field(default_factory=list)
    signed_by: str = ""  # "ỦY BAN NHÂN DÂN PHƯỜNG 1", when the source gives it apart from the body
    author: str = ""
    # Legal documents (văn bản), when the source is a documents module (NukeViet laws, CSV kind=van-ban):
    kind: str = ""  # "" (let the pipeline decide), "news" or "document"
    document_number: str = ""  # "12/QĐ-UBND"
    document_type: str = ""  # "Quyết định"
    issuer: str = ""
    issued_on: datetime.date | None = None
    effective_from: datetime.date | None = None
    signer_name: str = ""
    extra: dict = field(default_factory=dict)


class LegacyFormatError(ValueError):
    """A file the reader cannot read: the message is Vietnamese and names the file and line."""

    def __init__(self, source_file: str, line: int, message: str):
        self.source_file = source_file
        self.line = line
        where = f"{source_file}, dòng {line}" if line else source_file
        super().__init__(f"{where}: {message}")
