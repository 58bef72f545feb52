"""Uploads are checked by content, limited in size and pixels, SVG-free, and images come out re-encoded."""

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from congphuong.core.image_limits import check_image_pixels
from congphuong.core.uploads import SVG_MESSAGE, detect_type

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def png_bytes(size=(40, 30), color=(200, 30, 30)):
    out = io.BytesIO()
    PILImage.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


def jpeg_with_exif(size=(40, 20), orientation=1):
    image = PILImage.new("RGB", size, (10, 120, 200))
    exif = PILImage.Exif()
    exif[0x010F] = "Máy ảnh bí mật"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0131] = "Phần mềm"  # Software
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes(), quality=95)
    # A polyglot tail: bytes after the end of the JPEG.
    return out.getvalue() + b"<script>alert('polyglot')</script>"


def docx_bytes(with_document=True):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if with_document:
            archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def admin_client(client, media_root, home):
    user = get_user_model().objects.create_superuser("quantri", "quantri@example.vn", "Mat-khau-thu-nghiem-2025")
    client.force_login(user)
    return client


def stored_files(root: Path):
    return [p for p in root.rglob("*") if p.is_file()]


def upload_image(client, name, content, single_form=True):
    """Through the multiple uploader (the admin's "Thêm ảnh" page) and the single-image form."""
    multi = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, content), "title": name}
    )
    if not single_form:
        return multi, None
    single = client.post(
        reverse("wagtailimages:add"), {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1}
    )
    return multi, single


def upload_document(client, name, content, single_form=True):
    multi = client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content), "title": name}
    )
    if not single_form:
        return multi, None
    single = client.post(
        reverse("wagtaildocs:add"), {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1}
    )
    return multi, single


def assert_refused(responses, message, media_root, model):
    multi, single = responses
    data = multi.json()
    assert data["success"] is False
    assert message in data["error_message"]
    assert single.status_code == 200  # the form is shown again with the error
    assert message in single.content.decode()
    assert not model.objects.exists()
    assert stored_files(media_root) == []


def test_png_renamed_pdf_is_refused(admin_client, media_root):
    responses = upload_document(admin_client, "cong-van.pdf", png_bytes())
    assert_refused(responses, "không phải là tệp .pdf thật: nội dung thực của tệp là ảnh PNG", media_root, Document)


def test_pdf_renamed_jpg_is_refused(admin_client, media_root):
    responses = upload_image(admin_client, "anh.jpg", PDF)
    assert_refused(responses, "không phải là ảnh JPG, PNG, GIF hoặc WebP", media_root, Image)
    assert "tài liệu PDF" in responses[0].json()["error_message"]


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_image_is_refused(admin_client, media_root, name):
    assert_refused(upload_image(admin_client, name, SVG), SVG_MESSAGE, media_root, Image)


def test_svg_document_is_refused(admin_client, media_root):
    assert_refused(upload_document(admin_client, "logo.svg", SVG), SVG_MESSAGE, media_root, Document)


def test_oversize_image_is_refused(admin_client, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    assert_refused(upload_image(admin_client, "to.png", png_bytes()), "Tệp quá lớn", media_root, Image)


def test_oversize_document_is_refused(admin_client, media_root, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    responses = upload_document(admin_client, "dai.pdf", PDF + b"%" * 200)
    assert_refused(responses, "Dung lượng tối đa là 100\xa0byte", media_root, Document)


def test_html_renamed_pdf_is_refused(admin_client, media_root):
    responses = upload_document(admin_client, "thong-bao.pdf", b"<!DOCTYPE html><script>alert(1)</script>")
    assert_refused(responses, "nội dung thực của tệp là trang HTML", media_root, Document)


def test_zip_renamed_docx_is_refused(admin_client, media_root):
    responses = upload_document(admin_client, "bao-cao.docx", docx_bytes(with_document=False))
    assert_refused(responses, "nội dung thực của tệp là tệp nén ZIP", media_root, Document)


def test_unlisted_extension_is_refused(admin_client, media_root):
    responses = upload_document(admin_client, "chay.exe", b"MZ\x90\x00" + b"\x00" * 64)
    assert_refused(responses, "Không nhận tệp có đuôi “.exe”", media_root, Document)


def test_jpeg_is_reencoded_without_exif(admin_client, media_root):
    original = jpeg_with_exif()
    multi, _ = upload_image(admin_client, "anh-hop.jpg", original, single_form=False)
    assert multi.json()["success"] is True
    image = Image.objects.get()
    stored = Path(image.file.path).read_bytes()
    assert stored != original
    assert b"polyglot" not in stored and "Máy ảnh".encode() not in stored
    with PILImage.open(io.BytesIO(stored)) as decoded:
        assert decoded.format == "JPEG"
        assert not decoded.getexif()
        assert "exif" not in decoded.info
    assert image.file_size == len(stored)


def test_exif_orientation_is_applied_before_stripping(admin_client, media_root):
    upload_image(admin_client, "doc.jpg", jpeg_with_exif(size=(40, 20), orientation=6), single_form=False)
    image = Image.objects.get()
    assert (image.width, image.height) == (20, 40)


@pytest.mark.parametrize("fmt,name", [("PNG", "a.png"), ("GIF", "a.gif"), ("WEBP", "a.webp")])
def test_other_formats_are_accepted_and_reencoded(admin_client, media_root, fmt, name):
    out = io.BytesIO()
    PILImage.new("RGB", (12, 12), (0, 200, 0)).save(out, format=fmt)
    multi, _ = upload_image(admin_client, name, out.getvalue() + b"TAIL-DATA", single_form=False)
    assert multi.json()["success"] is True
    stored = Path(Image.objects.get().file.path).read_bytes()
    assert b"TAIL-DATA" not in stored


def test_animated_gif_keeps_its_frames(admin_client, media_root):
    frames = [PILImage.new("RGB", (10, 10), color) for color in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    upload_image(admin_client, "dong.gif", out.getvalue(), single_form=False)
    with PILImage.open(Image.objects.get().file.path) as stored:
        assert stored.n_frames == 3


def test_valid_documents_are_accepted(admin_client, media_root):
    for name, content in (("quyet-dinh.pdf", PDF), ("bao-cao.docx", docx_bytes())):
        multi, _ = upload_document(admin_client, name, content, single_form=False)
        assert multi.json()["success"] is True, multi.json()
    assert Document.objects.count() == 2


def test_documents_are_served_safely(admin_client, media_root, client):
    upload_document(admin_client, "quyet-dinh.pdf", PDF, single_form=False)
    upload_document(admin_client, "bao-cao.docx", docx_bytes(), single_form=False)
    pdf = Document.objects.get(title="quyet-dinh.pdf")
    docx = Document.objects.get(title="bao-cao.docx")
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    response = client.get(docx.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_editing_an_image_without_a_new_file_keeps_it(admin_client, media_root):
    upload_image(admin_client, "giu.png", png_bytes(), single_form=False)
    image = Image.objects.get()
    response = admin_client.post(
        reverse("wagtailimages:edit", args=(image.pk,)), {"title": "Ảnh đã đổi tên", "collection": 1, "tags": ""}
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.title == "Ảnh đã đổi tên"


@pytest.mark.parametrize(
    "content,kind",
    [
        (PDF, "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ole"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "mp4"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "heic"),
        (
            b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm",
            "webm",
        ),
        (b"  <svg onload=alert(1)>", "svg"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><!-- x --><svg/>", "svg"),
        (b"hello", None),
    ],
)
def test_detect_type(content, kind):
    assert detect_type(io.BytesIO(content)) == kind


@pytest.mark.parametrize("fmt,name", [("PNG", "meta.png"), ("WEBP", "meta.webp")])
def test_png_and_webp_metadata_is_dropped(admin_client, media_root, fmt, name):
    from PIL import PngImagePlugin

    exif = PILImage.Exif()
    exif[0x010F] = "Máy ảnh bí mật"
    options = {"exif": exif.tobytes()}
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "<script>alert(1)</script>")
        options["pnginfo"] = info
    out = io.BytesIO()
    PILImage.new("RGB", (12, 12), (0, 0, 200)).save(out, format=fmt, **options)
    assert b"alert" in out.getvalue() or fmt == "WEBP"
    upload_image(admin_client, name, out.getvalue(), single_form=False)
    stored = Path(Image.objects.get().file.path).read_bytes()
    assert b"alert" not in stored and "Máy ảnh".encode() not in stored
    with PILImage.open(io.BytesIO(stored)) as decoded:
        assert not decoded.getexif()


def test_development_media_never_serves_document_files(settings, tmp_path):
    from django.http import Http404
    from django.test import RequestFactory

    from congphuong.core.views import development_media

    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "bao-cao.pdf").write_bytes(b"%PDF-1.4 secret")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    request = RequestFactory().get("/media/")
    assert development_media(request, "images/anh.jpg").status_code == 200
    for path in ("documents/bao-cao.pdf", "/documents/bao-cao.pdf", "images/../documents/bao-cao.pdf"):
        with pytest.raises(Http404):
            development_media(request, path)


# Decompression bombs: a small image file that would decode into hundreds of megabytes is refused unopened.
# The files are crafted: 1-bit greyscale PNGs of black pixels, a few kilobytes on disk (Pillow holds such
# an image at one byte per pixel once decoded).


def png_bomb(width, height):
    """A valid 1-bit greyscale PNG of `width` × `height` black pixels, compressed to almost nothing."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then the packed bits
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(row * height, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_the_limit_is_set_and_pillow_follows_it():
    assert django_settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert PILImage.MAX_IMAGE_PIXELS == django_settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS  # Pillow's default: 89 478 485


def test_the_crafted_bomb_is_a_real_image():
    bomb = png_bomb(20_000, 20_000)
    assert len(bomb) < 100_000  # 400 million pixels in under 100 KB
    PILImage.MAX_IMAGE_PIXELS = None  # only for this look at it: Pillow would otherwise refuse to open it
    try:
        with PILImage.open(SimpleUploadedFile("bom.png", bomb)) as image:
            assert image.size == (20_000, 20_000)
    finally:
        PILImage.MAX_IMAGE_PIXELS = django_settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def test_a_decompression_bomb_is_refused_with_a_vietnamese_message(admin_client, media_root):
    responses = upload_image(admin_client, "bom.png", png_bomb(20_000, 20_000))
    assert_refused(responses, "có quá nhiều điểm ảnh (hơn 40 triệu)", media_root, Image)


def test_an_image_past_twice_the_limit_is_refused(admin_client, media_root):
    """100 million pixels: under Wagtail's default limit (128 million) and Pillow's error (179 million)
    it was accepted and decoded (100 MB) before the limit was set."""
    responses = upload_image(admin_client, "anh-lon.png", png_bomb(10_000, 10_000))
    assert_refused(responses, "có quá nhiều điểm ảnh", media_root, Image)


def test_an_image_over_the_limit_is_refused_with_its_size(admin_client, media_root):
    responses = upload_image(admin_client, "anh-48mp.png", png_bomb(8_000, 6_000))
    assert_refused(
        responses, "có 8.000 × 6.000 điểm ảnh, tức 48 triệu điểm ảnh, vượt giới hạn 40 triệu", media_root, Image
    )


def test_an_image_within_the_limit_is_accepted(admin_client, media_root):
    multi, _ = upload_image(admin_client, "anh-vua.png", png_bomb(4_000, 3_000), single_form=False)
    assert multi.json()["success"] is True
    assert Image.objects.get().width == 4_000


def test_question_attachments_and_learning_evidence_refuse_bombs():
    from django.core.exceptions import ValidationError

    from congphuong.feedback.forms import sniff_attachment
    from congphuong.learning.uploads import check_evidence_file

    for check in (sniff_attachment, check_evidence_file):
        with pytest.raises(ValidationError, match="quá nhiều điểm ảnh"):
            check(SimpleUploadedFile("bom.png", png_bomb(20_000, 20_000)))
        assert check(SimpleUploadedFile("anh.png", png_bomb(400, 300))) == "image/png"


def test_an_unreadable_image_is_left_to_the_type_checks():
    check_image_pixels(SimpleUploadedFile("hong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40))  # no error here
