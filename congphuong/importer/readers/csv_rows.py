"""A CSV of items, one row each, with the column set written in docs/legacy-import-formats.md: for
what a city's IT team exports from a portal we have no reader for, or fills in by hand.

UTF-8 (with or without BOM; anything else is refused with where it went wrong), comma- or
semicolon-separated (Excel in some locales writes ";"), a header row naming the columns in ASCII
("tieu_de") or in Vietnamese ("Tiêu đề"), any case, any order.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from pathlib import Path

from congphuong.core.text import fold, nfc
from congphuong.importer.items import LegacyAttachment, LegacyFormatError, LegacyImage, LegacyItem
from congphuong.importer.readers import _dates

FORMAT = "csv"
LABEL = "Bảng CSV"

# column → what it holds (docs/legacy-import-formats.md has the same table)
COLUMNS = {
    "tieu_de": "Tiêu đề (bắt buộc)",
    "ngay": "Ngày đăng: dd/mm/yyyy hoặc yyyy-mm-dd, có thể kèm giờ HH:MM",
    "noi_dung": "Nội dung: HTML, hoặc văn bản thường (mỗi dòng một đoạn)",
    "tom_tat": "Tóm tắt",
    "chuyen_muc": "Chuyên mục",
    "the": "Thẻ (từ khóa), cách nhau bởi dấu phẩy",
    "tac_gia": "Tác giả",
    "duong_dan_cu": "Địa chỉ cũ của bài (URL)",
    "anh": "Ảnh: địa chỉ, nhiều ảnh cách nhau bởi | hoặc xuống dòng",
    "chu_thich_anh": "Chú thích ảnh, theo đúng thứ tự cột anh, cách nhau bởi |",
    "tep_dinh_kem": "Tệp đính kèm: địa chỉ, cách nhau bởi | hoặc xuống dòng",
    "ten_tep_dinh_kem": "Tên tệp đính kèm, theo thứ tự, cách nhau bởi |",
    "loai": "tin (tin tức) hoặc van-ban (văn bản); để trống: hệ thống tự nhận",
    "so_ky_hieu": "Số, ký hiệu văn bản (12/QĐ-UBND)",
    "loai_van_ban": "Loại văn bản (Quyết định, Thông báo…)",
    "co_quan_ban_hanh": "Cơ quan ban hành",
    "ngay_ban_hanh": "Ngày ban hành",
    "ngay_hieu_luc": "Ngày có hiệu lực",
    "nguoi_ky": "Người ký",
    "don_vi_ky": "Đơn vị ký tên cuối bài (ỦY BAN NHÂN DÂN PHƯỜNG 1, BAN BIÊN TẬP…)",
}

# other names a header may use (after folding: "Số hiệu" → "so_hieu")
ALIASES = {
    "tieu_de_bai": "tieu_de",
    "ten_bai": "tieu_de",
    "ngay_dang": "ngay",
    "thoi_gian": "ngay",
    "noi_dung_bai": "noi_dung",
    "mo_ta": "tom_tat",
    "danh_muc": "chuyen_muc",
    "tu_khoa": "the",
    "duong_dan": "duong_dan_cu",
    "url": "duong_dan_cu",
    "lien_ket": "duong_dan_cu",
    "hinh_anh": "anh",
    "dinh_kem": "tep_dinh_kem",
    "so_hieu": "so_ky_hieu",
    "so_van_ban": "so_ky_hieu",
    "the_loai": "loai_van_ban",
    "nguoi_ky_van_ban": "nguoi_ky",
}

KINDS = {
    "tin": "news",
    "tin_tuc": "news",
    "news": "news",
    "bai_viet": "news",
    "van_ban": "document",
    "vb": "document",
    "document": "document",
}

_HTML = re.compile(r"<(p|br|div|h[1-6]|ul|ol|li|table|img|a|strong|em|b|i|span)[\s>/]", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:\||\r?\n)\s*")


def column_key(header: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", fold(header.strip().lstrip("\ufeff"))).strip("_")
    return ALIASES.get(key, key)


def sniff(path, head: bytes) -> bool:
    if Path(str(path)).suffix.lower() == ".csv":
        return True
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", errors="replace")
    for delimiter in (",", ";"):
        keys = {column_key(cell) for cell in next(csv.reader([first], delimiter=delimiter), [])}
        if "tieu_de" in keys and len(keys & COLUMNS.keys()) >= 2:
            return True
    return False


def _decode(source: str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LegacyFormatError(
            source, 1, "tệp CSV đang ở mã UTF-16; hãy lưu lại dưới dạng “CSV UTF-8 (phân cách bằng dấu phẩy)”."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LegacyFormatError(
            source,
            line,
            "tệp CSV không phải mã UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI); "
            "hãy lưu lại dưới dạng “CSV UTF-8 (phân cách bằng dấu phẩy)”.",
        ) from error


def read(path) -> Iterator[LegacyItem]:
    source = str(path)
    text = nfc(_decode(source, Path(path).read_bytes()))
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise LegacyFormatError(source, line, "tệp CSV chứa ký tự NUL; đây không phải tệp văn bản CSV.")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise LegacyFormatError(source, reader.line_num, f"dòng tiêu đề cột không đọc được ({error}).") from error
    if not header or not any(cell.strip() for cell in header):
        raise LegacyFormatError(source, 1, "tệp CSV rỗng hoặc thiếu dòng tiêu đề cột.")
    keys = _header(source, header)
    previous_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise LegacyFormatError(
                source, previous_end + 1, f"dòng không đọc được ({error}); kiểm tra dấu ngoặc kép."
            ) from error
        line = previous_end + 1
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(keys):
            raise LegacyFormatError(source, line, f"dòng có {len(row)} cột nhưng dòng tiêu đề có {len(keys)} cột.")
        yield _item(source, line, dict(zip(keys, (cell.strip() for cell in row), strict=True)))


def _header(source: str, header: list[str]) -> list[str]:
    keys = []
    for cell in header:
        key = column_key(cell)
        if key not in COLUMNS:
            accepted = ", ".join(COLUMNS)
            raise LegacyFormatError(source, 1, f"cột “{cell.strip()}” không thuộc bộ cột được hỗ trợ ({accepted}).")
        if key in keys:
            raise LegacyFormatError(source, 1, f"cột “{cell.strip()}” lặp lại (trùng với cột {key}).")
        keys.append(key)
    if "tieu_de" not in keys:
        raise LegacyFormatError(source, 1, "thiếu cột bắt buộc “tieu_de” (Tiêu đề).")
    return keys


def _error(source: str, line: int, column: str, message: str) -> LegacyFormatError:
    return LegacyFormatError(source, line, f"cột “{column}”: {message}")


def _date(source, line, row, column):
    raw = row.get(column, "")
    if not raw:
        return None, False
    value, had_time = _dates.from_day_month_year(raw)
    if value is None:
        raise _error(source, line, column, f"ngày “{raw}” không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd).")
    return value, had_time


def _body(raw: str) -> str:
    if not raw or _HTML.search(raw):
        return raw
    paragraphs = [line.strip() for line in raw.splitlines() if line.strip()]
    return "\n".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def _item(source: str, line: int, row: dict[str, str]) -> LegacyItem:
    if not row.get("tieu_de"):
        raise _error(source, line, "tieu_de", "tiêu đề không được để trống.")
    raw_kind = row.get("loai", "")
    kind = ""
    if raw_kind:
        kind = KINDS.get(column_key(raw_kind), "")
        if not kind:
            raise _error(source, line, "loai", f"“{raw_kind}” không hợp lệ (dùng “tin” hoặc “van-ban”).")
    published, _ = _date(source, line, row, "ngay")
    issued, _ = _date(source, line, row, "ngay_ban_hanh")
    effective, _ = _date(source, line, row, "ngay_hieu_luc")
    if kind == "document" and not row.get("so_ky_hieu"):
        raise _error(source, line, "so_ky_hieu", "văn bản (loai = van-ban) phải có số, ký hiệu.")

    image_urls = [url for url in _SPLIT.split(row.get("anh", "")) if url]
    captions = _SPLIT.split(row.get("chu_thich_anh", "")) if row.get("chu_thich_anh") else []
    if len(captions) > len(image_urls):
        raise _error(source, line, "chu_thich_anh", f"có {len(captions)} chú thích cho {len(image_urls)} ảnh.")
    images = [
        LegacyImage(src=url, caption=captions[index] if index < len(captions) else "")
        for index, url in enumerate(image_urls)
    ]
    file_urls = [url for url in _SPLIT.split(row.get("tep_dinh_kem", "")) if url]
    names = _SPLIT.split(row.get("ten_tep_dinh_kem", "")) if row.get("ten_tep_dinh_kem") else []
    if len(names) > len(file_urls):
        raise _error(source, line, "ten_tep_dinh_kem", f"có {len(names)} tên cho {len(file_urls)} tệp đính kèm.")
    attachments = [
        LegacyAttachment(src=url, title=names[index] if index < len(names) else "")
        for index, url in enumerate(file_urls)
    ]
    tags = [tag.strip() for tag in re.split(r"[,;]", row.get("the", "")) if tag.strip()]
    return LegacyItem(
        source_file=source,
        source_line=line,
        source_url=row.get("duong_dan_cu", ""),
        title=row["tieu_de"],
        published_at=published or (issued if kind == "document" else None),
        body_html=_body(row.get("noi_dung", "")),
        summary=row.get("tom_tat", ""),
        category_hint=row.get("chuyen_muc", ""),
        tags=tags,
        images=images,
        attachments=attachments,
        signed_by=row.get("don_vi_ky", ""),
        author=row.get("tac_gia", ""),
        kind=kind,
        document_number=row.get("so_ky_hieu", ""),
        document_type=row.get("loai_van_ban", ""),
        issuer=row.get("co_quan_ban_hanh", ""),
        issued_on=issued.date() if issued else None,
        effective_from=effective.date() if effective else None,
        signer_name=row.get("nguoi_ky", ""),
        extra={"format": FORMAT},
    )
