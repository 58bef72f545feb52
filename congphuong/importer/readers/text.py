"""Plain-text extractions of old pages (what a scraper or "copy all" leaves): one page per file,
or several separated by a line of `=====` (five or more) or a form feed.

The text goes to the pipeline as it is (`LegacyItem.body_text`): cleaning finds the title, the date,
the signing unit and drops the boilerplate. A line "Nguồn: http://…" / "URL: …" / "Địa chỉ cũ: …"
gives the old address. A text file holding HTML markup, or bytes that are not text, is refused
with the line where it goes wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

from congphuong.core.text import nfc

from ..items import LegacyFormatError, LegacyItem

FORMAT = "text"
LABEL = "Văn bản thuần (trích từ trang cũ)"
EXTENSIONS = {".txt", ".text", ".md", ""}
SEPARATOR = re.compile(r"^(?:={5,}|\f)\s*$")
SOURCE_LINE = re.compile(r"^\s*(?:nguồn|url|địa chỉ cũ|source)\s*:\s*(?P<url>https?://\S+)\s*$", re.IGNORECASE)
MARKUP = re.compile(r"<(?:html|body|div|p|table|script|!doctype)\b[^>]*>", re.IGNORECASE)


def sniff(path, head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the head
            return False
        text = head[: error.start].decode("utf-8")
    stripped = text.lstrip("\ufeff \t\r\n")
    return bool(stripped) and not stripped.startswith("<") and Path(path).suffix.lower() in EXTENSIONS


def read(path):
    data = Path(path).read_bytes()
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise LegacyFormatError(str(path), line, "tệp có dữ liệu nhị phân, không phải văn bản thuần.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LegacyFormatError(str(path), line, "chữ không đúng bảng mã UTF-8.") from error
    lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunk: list[str] = []
    start = 1
    for number, line in enumerate(lines, start=1):
        if MARKUP.search(line):
            raise LegacyFormatError(
                str(path), number, "tệp văn bản thuần có mã HTML; lưu trang dạng .html hoặc nhập riêng từng loại."
            )
        if SEPARATOR.match(line):
            if any(part.strip() for part in chunk):
                yield _item(path, start, chunk)
            chunk, start = [], number + 1
            continue
        chunk.append(line)
    if any(part.strip() for part in chunk):
        yield _item(path, start, chunk)


def _item(path, start: int, lines: list[str]) -> LegacyItem:
    source_url = ""
    kept = []
    for line in lines:
        match = SOURCE_LINE.match(line)
        if match and not source_url:
            source_url = match["url"]
            continue
        kept.append(line)
    offset = next((index for index, line in enumerate(lines) if line.strip()), 0)
    return LegacyItem(
        source_file=str(path), source_line=start + offset, source_url=source_url, body_text="\n".join(kept)
    )
