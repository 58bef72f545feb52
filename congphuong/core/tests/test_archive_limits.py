"""Every ZIP-based file the app opens is checked for what it unpacks to (issue 14: a 1 MB .xlsx
that unpacked to 1 GB grew the server by 2 GB; the 5 MB limit applied to the compressed file)."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from congphuong.core import uploads
from congphuong.learning import importer
from congphuong.learning.models import Household
from congphuong.learning.uploads import check_evidence_file

PROJECT = Path(__file__).resolve().parents[2]
ZEROS = 1024 * 1024  # one MiB of zeros compresses to about 1 KB


def with_padding(data: bytes, mebibytes: int) -> bytes:
    """`data` (a ZIP) with one more member that unpacks to `mebibytes` MiB of zeros."""
    out = io.BytesIO(data)
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w") as member,
    ):
        for _ in range(mebibytes):
            member.write(b"\0" * ZEROS)
    return out.getvalue()


def household_workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Hộ gia đình"
    sheet.append(["Mã hộ", "Khu phố", "Họ tên chủ hộ", "Địa chỉ", "Đăng ký Gia đình học tập năm"])
    sheet.append(["KP1-001", "Khu phố 1", "Lê Thị Hoa", "12 hẻm 3 đường Số 1", 2026])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.django_db
def test_an_import_that_unpacks_too_large_is_refused_before_reading(ward):
    bomb = with_padding(household_workbook(), importer.MAX_UNPACKED_BYTES // ZEROS + 1)
    assert len(bomb) < importer.MAX_BYTES  # within the upload limit: only the unpacked size tells
    report = importer.run_import("ho-gia-dinh", bomb, ward, commit=True)
    assert not report.committed
    assert any("khi giải nén quá lớn" in error for error in report.errors), report.errors
    assert Household.objects.count() == 0


def test_a_document_that_unpacks_too_large_is_refused(settings):
    settings.CONGPHUONG_MAX_UNPACKED_BYTES = 2 * ZEROS
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    small = out.getvalue()
    assert uploads.check_document(SimpleUploadedFile("to-trinh.docx", small)) == "docx"
    with pytest.raises(ValidationError, match="khi giải nén quá lớn"):
        uploads.check_document(SimpleUploadedFile("to-trinh.docx", with_padding(small, 3)))


def test_evidence_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr("congphuong.learning.uploads.MAX_EVIDENCE_UNPACKED_BYTES", 2 * ZEROS)
    data = household_workbook()
    assert check_evidence_file(SimpleUploadedFile("minh-chung.xlsx", data)).endswith("sheet")
    with pytest.raises(ValidationError, match="khi giải nén quá lớn"):
        check_evidence_file(SimpleUploadedFile("minh-chung.xlsx", with_padding(data, 3)))


ZIP_READERS = re.compile(r"zipfile\.ZipFile\((?![^)]*[\"']w[\"'])|load_workbook\(|docx\.Document\(|ZipFile\(")


def test_every_module_that_opens_an_archive_checks_what_it_unpacks_to():
    # Tomorrow's importer is covered too: any module reading a ZIP must call check_archive.
    readers = []
    for path in PROJECT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts or path.name == "archives.py":
            continue
        source = path.read_text()
        reads = [line for line in source.splitlines() if ZIP_READERS.search(line) and '"w"' not in line]
        if reads:
            readers.append(path.relative_to(PROJECT))
            assert "check_archive(" in source, f"{path} opens an archive without check_archive: {reads}"
    assert {str(p) for p in readers} >= {"core/uploads.py", "learning/importer.py", "learning/uploads.py"}
