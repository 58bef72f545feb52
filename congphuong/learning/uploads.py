"""Evidence files: the type is read from the content, not trusted from the name or the browser."""

import zipfile

from django import forms

from congphuong.core.archives import ArchiveTooLarge, check_archive
from congphuong.core.image_limits import check_image_pixels

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# A .docx/.xlsx is a ZIP: what it may unpack to (core/archives.py).
MAX_EVIDENCE_UNPACKED_BYTES = 100 * 1024 * 1024

# (content type, extension names, magic check)
PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {PDF: {"pdf"}, JPEG: {"jpg", "jpeg"}, PNG: {"png"}, DOCX: {"docx"}, XLSX: {"xlsx"}}


def sniff(head: bytes, upload) -> str | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                check_archive(archive, MAX_EVIDENCE_UNPACKED_BYTES)
                names = set(archive.namelist())
        except ArchiveTooLarge as exc:
            raise forms.ValidationError(str(exc)) from exc
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def check_evidence_file(upload) -> str:
    """Return the content type of an accepted file, or raise a Vietnamese ValidationError."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise forms.ValidationError("Tệp lớn hơn 10 MB; hãy nén ảnh hoặc chia nhỏ tệp.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head, upload)
    if content_type is None:
        raise forms.ValidationError("Chỉ nhận tệp PDF, ảnh JPG/PNG, Word (.docx) hoặc Excel (.xlsx).")
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in EXTENSIONS[content_type]:
        raise forms.ValidationError("Đuôi tên tệp không khớp với nội dung tệp; hãy kiểm tra lại tệp.")
    if content_type in (JPEG, PNG):
        check_image_pixels(upload)  # opened by the officers' browsers: no decompression bomb
    return content_type
