"""Unpacked-size limits for the ZIP-based files the app opens (xlsx, docx, odt, ods, zip).

An upload limit applies to the compressed file: a 1 MB .xlsx that unpacks to 1 GB grew the server
by 2 GB while openpyxl read it. Python's zipfile never gives more bytes of a member than its
declared size (a member that holds more fails its CRC check), so the declared sizes in the
archive's directory bound what any reader (openpyxl, our own sniffing) can unpack: checking
their sum before anything is read closes the zip bomb, without unpacking anything to check.
"""

from __future__ import annotations

import zipfile

from django.template.defaultfilters import filesizeformat

# More members than any office file has: each costs memory in the directory alone.
MAX_MEMBERS = 10_000


class ArchiveTooLarge(ValueError):
    """The archive unpacks to more than allowed; str() is the Vietnamese message for the user."""


def unpacked_size(archive: zipfile.ZipFile) -> int:
    return sum(max(info.file_size, 0) for info in archive.infolist())


def check_archive(archive: zipfile.ZipFile, max_unpacked: int) -> None:
    """Raises ArchiveTooLarge when `archive` would unpack to more than `max_unpacked` bytes."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ArchiveTooLarge(
            f"Tệp nén chứa quá nhiều thành phần ({len(members):,} tệp; tối đa {MAX_MEMBERS:,}). "
            "Hãy kiểm tra lại tệp.".replace(",", ".")
        )
    size = unpacked_size(archive)
    if size > max_unpacked:
        raise ArchiveTooLarge(
            f"Tệp khi giải nén quá lớn ({filesizeformat(size)}; tối đa {filesizeformat(max_unpacked)}). "
            "Tệp có thể bị hỏng hoặc chứa dữ liệu bất thường; hãy mở tệp, lưu lại rồi thử lại."
        )
