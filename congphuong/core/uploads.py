"""Safe uploads for Wagtail's image and document libraries.

Wired in through ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``,
so every upload path of the admin (single and multiple upload, chooser, replace file)
goes through these checks before anything is stored:

- the size limit (``WAGTAILIMAGES_MAX_UPLOAD_SIZE``, ``WAGTAILDOCS_MAX_UPLOAD_SIZE``);
- the pixel limit of images (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, ``image_limits.py``), read from
  the header before anything decodes the image: a decompression bomb is refused unopened;
- SVG is refused outright (it can carry scripts);
- the type is recognised from the file's content (magic bytes), not its name, and must
  be on the allow-list and agree with the extension: a PNG renamed .pdf is refused;
- images are decoded and re-encoded with Pillow, which drops EXIF (GPS position,
  camera serial), comments and anything appended to the file (polyglots), after
  applying the EXIF orientation so photos keep their way up.

Error messages are in Vietnamese and show on the file field of the admin form.
"""

from __future__ import annotations

import io
import os
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .archives import ArchiveTooLarge, check_archive
from .image_limits import check_image_pixels

IMAGE_TYPES = {"jpg": "jpg", "jpeg": "jpg", "png": "png", "gif": "gif", "webp": "webp"}
DOCUMENT_TYPES = ("pdf", "docx", "xlsx", "doc", "xls", "odt", "ods", "zip", "mp4", "webm")

# Names for the types filetype recognises, for the error messages.
TYPE_LABELS = {
    "jpg": "ảnh JPG",
    "png": "ảnh PNG",
    "apng": "ảnh PNG",
    "gif": "ảnh GIF",
    "webp": "ảnh WebP",
    "bmp": "ảnh BMP",
    "tif": "ảnh TIFF",
    "heic": "ảnh HEIC",
    "avif": "ảnh AVIF",
    "psd": "tệp Photoshop",
    "ico": "biểu tượng ICO",
    "svg": "ảnh SVG",
    "pdf": "tài liệu PDF",
    "doc": "tài liệu Word (.doc)",
    "docx": "tài liệu Word (.docx)",
    "xls": "bảng tính Excel (.xls)",
    "xlsx": "bảng tính Excel (.xlsx)",
    "odt": "văn bản OpenDocument (.odt)",
    "ods": "bảng tính OpenDocument (.ods)",
    "zip": "tệp nén ZIP",
    "rar": "tệp nén RAR",
    "7z": "tệp nén 7z",
    "mp4": "video MP4",
    "webm": "video WebM",
    "exe": "chương trình chạy được (.exe)",
    "elf": "chương trình chạy được",
    "html": "trang HTML",
}

SVG_MESSAGE = (
    "Không nhận tệp SVG: loại tệp này có thể chứa mã chạy được trên trình duyệt. "
    "Hãy chuyển hình sang PNG hoặc JPG rồi tải lên lại."
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_EBML_MAGIC = b"\x1a\x45\xdf\xa3"
# ISO base media brands that are still images, not videos.
_IMAGE_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis", b"crx "}
_HEAD_BYTES = 8192


def _read_head(f, size: int = _HEAD_BYTES) -> bytes:
    f.seek(0)
    head = f.read(size)
    f.seek(0)
    return head


def _extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg"):
        return True
    return text.startswith((b"<?xml", b"<!doctype svg", b"<!--")) and b"<svg" in text


def looks_like_html(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script"))


def max_document_unpacked_bytes() -> int:
    """What a ZIP-based document (docx, xlsx, odt, ods, zip) may unpack to (core/archives.py)."""
    return int(getattr(settings, "CONGPHUONG_MAX_UNPACKED_BYTES", 500 * 1024 * 1024))


def _zip_kind(f) -> str | None:
    """docx, xlsx, odt, ods or plain zip, from the archive's directory; ValidationError for a ZIP
    that unpacks to more than max_document_unpacked_bytes()."""
    try:
        f.seek(0)
        with zipfile.ZipFile(f) as archive:
            check_archive(archive, max_document_unpacked_bytes())
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # the first bytes only, whatever it claims to hold
                    mimetype = member.read(100).strip()
                if mimetype == b"application/vnd.oasis.opendocument.text":
                    return "odt"
                if mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
                    return "ods"
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
            return "zip"
    except ArchiveTooLarge as exc:
        raise ValidationError(str(exc), code="archive_too_large") from exc
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError):
        return None
    finally:
        f.seek(0)


def detect_type(f) -> str | None:
    """The real type of an uploaded file, as an extension ("png", "docx"…), or None."""
    head = _read_head(f)
    if looks_like_svg(head):
        return "svg"
    if looks_like_html(head):
        return "html"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        return "ole"  # .doc or .xls (compound document)
    if head.startswith(_ZIP_MAGICS):
        return _zip_kind(f)
    if head[4:8] == b"ftyp" and head[8:12] not in _IMAGE_BRANDS:
        return "mp4"
    if head.startswith(_EBML_MAGIC) and b"webm" in head[:64]:
        return "webm"
    kind = filetype.guess(head)
    if kind is None:
        return None
    return {"apng": "png", "jpx": "jpx"}.get(kind.extension, kind.extension)


def describe(kind: str | None) -> str:
    if kind == "ole":
        return "tài liệu Word/Excel đời cũ"
    return TYPE_LABELS.get(kind or "", "không xác định được")


def check_size(f, limit: int | None) -> None:
    if limit is not None and f.size is not None and f.size > limit:
        raise ValidationError(
            "Tệp quá lớn (%(size)s). Dung lượng tối đa là %(limit)s.",
            code="file_too_large",
            params={"size": filesizeformat(f.size), "limit": filesizeformat(limit)},
        )


def check_image(f) -> str:
    """Validate an image upload by content; returns its type ("jpg", "png", "gif", "webp")."""
    extension = _extension(f.name)
    kind = detect_type(f)
    if kind == "svg" or extension in {"svg", "svgz"}:
        raise ValidationError(SVG_MESSAGE, code="svg_refused")
    if extension not in IMAGE_TYPES:
        raise ValidationError(
            "Không nhận tệp có đuôi “.%(extension)s”. Chỉ nhận ảnh JPG, PNG, GIF hoặc WebP.",
            code="invalid_image_extension",
            params={"extension": extension or "?"},
        )
    if kind not in IMAGE_TYPES.values():
        raise ValidationError(
            "Tệp “%(name)s” không phải là ảnh JPG, PNG, GIF hoặc WebP: nội dung thực của tệp là %(kind)s.",
            code="invalid_image_content",
            params={"name": os.path.basename(f.name), "kind": describe(kind)},
        )
    if IMAGE_TYPES[extension] != kind:
        raise ValidationError(
            "Đuôi tệp “.%(extension)s” không khớp với nội dung (%(kind)s). Hãy lưu lại ảnh đúng định dạng rồi tải lên.",
            code="invalid_image_known_format",
            params={"extension": extension, "kind": describe(kind)},
        )
    return kind


def check_document(f) -> str:
    """Validate a document upload by content; returns its extension."""
    extension = _extension(f.name)
    kind = detect_type(f)
    if kind == "svg" or extension in {"svg", "svgz"}:
        raise ValidationError(SVG_MESSAGE, code="svg_refused")
    allowed = [ext for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", DOCUMENT_TYPES) if ext in DOCUMENT_TYPES]
    if extension not in allowed:
        raise ValidationError(
            "Không nhận tệp có đuôi “.%(extension)s”. Chỉ nhận: %(allowed)s.",
            code="invalid_document_extension",
            params={"extension": extension or "?", "allowed": ", ".join(allowed)},
        )
    expected = {"doc": "ole", "xls": "ole"}.get(extension, extension)
    # A .docx/.xlsx/.odt/.ods is a ZIP; a plain .zip may hold anything, office files included.
    matches = kind == expected or (extension == "zip" and kind in {"zip", "docx", "xlsx", "odt", "ods"})
    if not matches:
        raise ValidationError(
            "Tệp “%(name)s” không phải là tệp .%(extension)s thật: nội dung thực của tệp là %(kind)s.",
            code="invalid_document_content",
            params={"name": os.path.basename(f.name), "extension": extension, "kind": describe(kind)},
        )
    return extension


_SAVE_FORMATS = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
_CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"}


def reencode_image(f, kind: str) -> SimpleUploadedFile:
    """Decode and re-encode the image: pixels (and colour profile) only, no metadata."""
    f.seek(0)
    out = io.BytesIO()
    with PILImage.open(f) as image:
        image.load()
        fmt = _SAVE_FORMATS[kind]
        animated = getattr(image, "n_frames", 1) > 1
        options = {}
        icc_profile = image.info.get("icc_profile")
        if icc_profile and fmt != "GIF":
            options["icc_profile"] = icc_profile
        if animated:
            options.update(save_all=True, loop=image.info.get("loop", 0))
            if "duration" in image.info:
                options["duration"] = image.info["duration"]
            if fmt == "WEBP":
                options.update(quality=90)
            image.save(out, format=fmt, **options)
        else:
            image = ImageOps.exif_transpose(image)
            if fmt == "JPEG":
                if image.mode not in {"RGB", "L", "CMYK"}:
                    image = image.convert("RGB")
                options.update(quality=90, optimize=True)
            elif fmt == "WEBP":
                options.update(quality=90)
            elif "transparency" in image.info:
                options["transparency"] = image.info["transparency"]
            image.save(out, format=fmt, **options)
    return SimpleUploadedFile(os.path.basename(f.name), out.getvalue(), content_type=_CONTENT_TYPES[kind])


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        check_size(data, self.max_upload_size)
        kind = check_image(data)
        check_image_pixels(data, self.max_image_pixels)
        data.seek(0)
        checked = super().to_python(data)  # Wagtail's checks: decodable, format, pixel count
        if checked is None:
            return None
        try:
            return reencode_image(checked, kind)
        except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as exc:
            raise ValidationError(
                "Không đọc được ảnh này; tệp có thể bị hỏng. Hãy mở và lưu lại ảnh rồi tải lên lại.",
                code="invalid_image",
            ) from exc


class SafeDocumentField(WagtailDocumentField):
    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        check_size(data, self.max_upload_size)
        check_document(data)
        data.seek(0)
        return super().to_python(data)


def _use_safe_field(form, field_class) -> None:
    field = form.fields.get("file")
    if field is None or isinstance(field, field_class):
        return
    form.fields["file"] = field_class(
        label=field.label, required=field.required, widget=field.widget, disabled=field.disabled
    )


class SafeImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_safe_field(self, SafeImageField)


class SafeDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_safe_field(self, SafeDocumentField)
