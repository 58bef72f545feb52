"""News or legal document, and which category.

A page is a legal document (documents.LegalDocumentPage) when the source says so (a documents
module: `LegacyItem.kind == "document"` or a document number), or when its title names a document
type and a number in the ward's pattern appears in the title or on a "Số: …" line at the top:
"12/2024/QĐ-UBND", "125/QĐ-UBND", "45/KH-UBND", "08/TB-UBND". A news article that cites
"Chỉ thị số 14/CT-TTg" stays news.

The category of a news article: the mapping file first (a pattern found in the source URL,
breadcrumb or category hint → a category of the ward, by title or slug), then the ward's category
whose name best matches the URL segments and breadcrumb, then the one whose name best matches the
text, then the first category.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from congphuong.core.text import fold

from . import dates

NUMBER = re.compile(
    r"(?<![\w/])(?P<number>\d{1,5}(?:/\d{4})?/(?P<code>[A-ZĐ][A-Za-zĐđ]{0,5})(?:-[A-ZĐ][A-Za-zĐđ]{0,9})+)(?![\w/])"
)
NUMBER_LINE = re.compile(r"^\s*(?:số|so)\s*:?\s*(?P<number>\S+)", re.IGNORECASE)
TYPE_CODES = {
    "QĐ": "Quyết định",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "HD": "Hướng dẫn",
    "CV": "Công văn",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "CĐ": "Công điện",
    "GM": "Giấy mời",
}
TYPE_WORDS = list(TYPE_CODES.values()) + ["Văn bản", "Quy định", "Công văn"]
TYPE_TITLE = re.compile(r"^\s*(?:" + "|".join(map(re.escape, TYPE_WORDS)) + r")\b", re.IGNORECASE)
ABOUT = re.compile(r"\b(?:về việc|v/v)\b.*", re.IGNORECASE)


@dataclass
class DocumentInfo:
    number: str
    doc_type: str
    issued_on: datetime.date | None
    summary: str


def document_info(page) -> DocumentInfo | None:
    """What makes `page` (cleaning.CleanPage) a legal document, or None for news."""
    item = page.item
    if item.kind == "news":
        return None
    head = [page.original_title] + [block.text for block in page.blocks[:4] if block.text]
    number = item.document_number
    if not number:
        for line in head[1:]:
            line_match = NUMBER_LINE.match(line)
            if line_match and NUMBER.search(line_match["number"]):
                number = NUMBER.search(line_match["number"])["number"]
                break
        if not number and TYPE_TITLE.match(page.original_title):
            title_match = NUMBER.search(page.original_title)
            number = title_match["number"] if title_match else ""
    if not number and item.kind != "document":
        return None
    match = NUMBER.search(number or "")
    code = match["code"] if match else ""
    doc_type = item.document_type or TYPE_CODES.get(code) or _type_from_title(page.original_title) or "Văn bản"
    issued = item.issued_on
    if issued is None:
        for line in head:
            found = dates.find_dates(line, skip_documents=False)
            if found:
                issued = found[0][0].value.date()
                break
    if issued is None and page.published_at:
        issued = page.published_at.date()
    about = ABOUT.search(page.original_title)
    summary = item.summary or (about.group(0) if about else page.title)
    return DocumentInfo(number=number or "", doc_type=doc_type, issued_on=issued, summary=summary)


def _type_from_title(title: str) -> str:
    match = TYPE_TITLE.match(title or "")
    if not match:
        return ""
    word = match.group(0).strip()
    return next((name for name in TYPE_WORDS if fold(name) == fold(word)), word)


# --- Categories ------------------------------------------------------------------------------


class MappingError(ValueError):
    pass


def load_mapping(path) -> list[tuple[str, str]]:
    """(pattern, category) pairs from a JSON object or from lines "pattern => Tên danh mục"."""
    if not path:
        return []
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MappingError(f"Không đọc được tệp ánh xạ danh mục {file}: {error}") from error
    if file.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise MappingError(f"{file}, dòng {error.lineno}: tệp ánh xạ JSON không hợp lệ ({error.msg}).") from error
        if not isinstance(data, dict):
            raise MappingError(f"{file}: tệp ánh xạ JSON phải là một đối tượng {{mẫu: danh mục}}.")
        return [(str(pattern), str(target)) for pattern, target in data.items()]
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=>" not in line:
            raise MappingError(f"{file}, dòng {number}: cần dạng «mẫu => Tên danh mục».")
        pattern, target = (part.strip() for part in line.split("=>", 1))
        pairs.append((pattern, target))
    return pairs


def _words(text: str) -> set[str]:
    return {word for word in re.split(r"[^a-z0-9]+", fold(text)) if len(word) > 1}


STOP = {
    "tin",
    "tuc",
    "va",
    "cua",
    "cac",
    "nhung",
    "trong",
    "phuong",
    "hoat",
    "dong",
    "html",
    "htm",
    "php",
    "aspx",
    "asp",
}


class CategoryGuesser:
    """Picks one of the ward's categories (pages with `title` and `slug`)."""

    def __init__(self, categories, mapping=()):
        self.categories = list(categories)
        self.mapping = list(mapping)
        self.by_name = {}
        for category in self.categories:
            self.by_name[fold(category.title)] = category
            self.by_name[category.slug] = category

    def resolve(self, target: str):
        return self.by_name.get(fold(target.strip())) or self.by_name.get(target.strip())

    def guess(self, page) -> tuple[object, str]:
        url = unquote(urlsplit(page.item.source_url or "").path) if page.item.source_url else page.item.source_file
        hints = " ".join(filter(None, [url, page.category_hint]))
        folded_hints = fold(hints)
        for pattern, target in self.mapping:
            if fold(pattern) and fold(pattern) in folded_hints:
                category = self.resolve(target)
                if category is not None:
                    return category, f"tệp ánh xạ («{pattern}»)"
        for text, label in ((hints, "địa chỉ cũ/đường dẫn"), (page.title + " " + page.text, "nội dung")):
            counts = Counter(re.split(r"[^a-z0-9]+", fold(text.replace("-", " ").replace("_", " "))))
            best, best_score, best_coverage = None, 0.0, 0.0
            for category in self.categories:
                name_words = (_words(category.title) | _words(category.slug.replace("-", " "))) - STOP
                if not name_words:
                    continue
                found = [word for word in name_words if counts[word]]
                coverage = len(found) / len(name_words)
                # Coverage of the category's name first; how often its words occur breaks ties.
                score = coverage + 0.01 * min(sum(counts[word] for word in found), 50)
                if score > best_score:
                    best, best_score, best_coverage = category, score, coverage
            if best is not None and best_coverage >= (0.5 if label == "nội dung" else 0.34):
                return best, label
        return (self.categories[0] if self.categories else None), "danh mục đầu tiên của phường"

    def unmapped_targets(self) -> list[str]:
        return [target for _, target in self.mapping if self.resolve(target) is None]
