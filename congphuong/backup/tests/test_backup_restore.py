"""Round trip: content → backup → restore into an emptied database → same pages, content and files."""

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, WorkflowState

from congphuong.backup.archive import BackupError, create_backup
from congphuong.backup.restore import restore_backup
from congphuong.editorial.tests.factories import make_four_eyes_workflow, make_user
from congphuong.news.models import ArticlePage
from congphuong.news.tests.factories import ArticlePageFactory, CategoryPageFactory
from congphuong.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def page_counts() -> dict[str, int]:
    counts = {}
    for page in Page.objects.select_related("content_type"):
        label = page.content_type.model
        counts[label] = counts.get(label, 0) + 1
    return counts


def content_hash() -> str:
    """Over what readers and editors see: tree position, title, body, tags, revisions, workflow."""
    rows = []
    for page in Page.objects.order_by("path").specific():
        body = getattr(page, "body", None)
        rows.append(
            (
                page.path,
                page.url_path,
                page.title,
                page.live,
                json.dumps(list(body.raw_data) if body is not None else None, sort_keys=True, ensure_ascii=False),
                sorted(page.tags.names()) if hasattr(page, "tags") else [],
                page.listing_image_id if hasattr(page, "listing_image_id") else None,
            )
        )
    rows.append(sorted((r.object_id, json.dumps(r.content, sort_keys=True)) for r in Revision.objects.all()))
    rows.append(sorted((s.base_content_type.model, s.object_id, s.status) for s in WorkflowState.objects.all()))
    rows.append(sorted((i.title, i.file.name) for i in get_image_model().objects.all()))
    rows.append(sorted((d.title, d.file.name) for d in get_document_model().objects.all()))
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, default=str).encode()).hexdigest()


def media_hashes() -> dict[str, str]:
    found = {}
    for label, root in (("media", Path(settings.MEDIA_ROOT)), ("private", Path(settings.PRIVATE_MEDIA_ROOT))):
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found[f"{label}/{path.relative_to(root)}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def clear_media():
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file():
                path.unlink()


@pytest.fixture
def content(home):
    """A ward with two categories, articles with an image and a document, tags, a revision in review."""
    category = CategoryPageFactory(parent=home, title="Thông báo của phường", slug="thong-bao-cua-phuong")
    sub = CategoryPageFactory(parent=category, title="Lịch tiếp công dân", slug="lich-tiep-cong-dan")
    image = wagtail_factories.ImageFactory(title="Hội nghị tổng kết năm")
    document = get_document_model().objects.create(
        title="Kế hoạch phòng chống lụt bão", file=ContentFile(b"%PDF-1.4 ke hoach\n", name="ke-hoach.pdf")
    )
    article = ArticlePageFactory(
        parent=sub,
        title="Lịch tiếp công dân tháng Mười Hai",
        listing_image=image,
        body=[
            {"type": "paragraph", "value": "<p>Chủ tịch phường tiếp công dân vào sáng Thứ Năm.</p>"},
            {"type": "image", "value": {"image": image.pk, "alt_text": "Quang cảnh hội nghị", "caption": ""}},
            {"type": "documents", "value": {"heading": "Tệp đính kèm", "documents": [document.pk]}},
        ],
    )
    article.tags.add("tiếp công dân", "lịch công tác")
    article.save()
    ArticlePageFactory(parent=category, title="Thông báo thu gom rác cồng kềnh")
    workflow, editor_group, _ = make_four_eyes_workflow(home)
    editor = make_user("bientapvien", editor_group)
    article.title = "Lịch tiếp công dân tháng Mười Hai (cập nhật)"
    revision = article.save_revision(user=editor)
    workflow.start(article, editor)
    private = Path(settings.PRIVATE_MEDIA_ROOT) / "feedback" / "don-kien-nghi.txt"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text("Đơn kiến nghị của công dân (dữ liệu cá nhân)", encoding="utf-8")
    return {"article": article, "revision": revision}


def test_restore_into_emptied_database_gives_back_pages_content_and_files(content, tmp_path):
    counts, digest, files = page_counts(), content_hash(), media_hashes()
    assert counts["articlepage"] == 2 and WorkflowState.objects.filter(status="in_progress").count() == 1
    assert any(name.startswith("private/") for name in files) and any("original_images" in n for n in files)
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", output=str(archive), verbosity=0)

    # What happens after the backup must be gone after the restore; the files too must come back.
    ArticlePageFactory(parent=content["article"].get_parent(), title="Bài viết sau khi sao lưu")
    permission = Permission.objects.get(codename="require_2fa")
    ContentType.objects.filter(app_label="accounts", model="accountsecurity").delete()  # and its permissions
    clear_media()
    assert page_counts() != counts and media_hashes() == {}

    call_command("restore", str(archive), yes=True, force_wipe=True, verbosity=0)

    assert page_counts() == counts
    assert content_hash() == digest
    assert media_hashes() == files
    article = ArticlePage.objects.get(pk=content["article"].pk)
    assert article.get_latest_revision().pk == content["revision"].pk
    assert article.current_workflow_state.status == "in_progress"
    assert Permission.objects.get(codename="require_2fa").pk == permission.pk
    # Sequences follow the restored ids: a new page gets a fresh id.
    new = ArticlePageFactory(parent=article.get_parent(), title="Bài viết mới sau khôi phục")
    assert new.pk > max(Page.objects.exclude(pk=new.pk).values_list("pk", flat=True))
    # The site answers with the restored content, and the search index was rebuilt.
    response = Client().get(article.url)
    assert response.status_code == 200 and "Lịch tiếp công dân tháng Mười Hai" in response.content.decode()
    assert SearchDocument.objects.filter(title="Lịch tiếp công dân tháng Mười Hai").exists()


def test_restore_refuses_a_database_with_content_unless_forced(content, tmp_path):
    archive = tmp_path / "sao-luu.tar.gz"
    create_backup(archive)
    with pytest.raises(CommandError, match="đang có dữ liệu .*--force-wipe"):
        call_command("restore", str(archive), yes=True, verbosity=0)


def _rewrite(archive: Path, target: Path, change):
    """Copy the archive member by member, letting ``change(name, data)`` alter a member's bytes."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as out:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))


def test_corrupted_or_truncated_archive_is_refused_and_changes_nothing(content, tmp_path):
    archive = tmp_path / "sao-luu.tar.gz"
    create_backup(archive)
    digest = content_hash()
    before = media_hashes()

    truncated = tmp_path / "cat-cut.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="bị hỏng hoặc không đầy đủ"):
        call_command("restore", str(truncated), yes=True, force_wipe=True, verbosity=0)

    # A member altered inside a well-formed archive: only the manifest's checksum can tell.
    altered = tmp_path / "bi-sua.tar.gz"
    _rewrite(archive, altered, lambda name, data: data.replace("Lịch tiếp".encode(), b"Lich tiep"))
    with pytest.raises(BackupError, match="SHA-256 của database.jsonl không khớp"):
        restore_backup(altered, force_wipe=True)

    # The whole-file checksum beside the archive catches a flipped byte before unpacking.
    flipped = bytearray(archive.read_bytes())
    flipped[len(flipped) // 3] ^= 0xFF
    archive.write_bytes(bytes(flipped))
    with pytest.raises(CommandError, match="SHA-256 của cả tệp không khớp"):
        call_command("restore", str(archive), yes=True, force_wipe=True, verbosity=0)

    assert content_hash() == digest and media_hashes() == before


def test_restore_refuses_other_migration_state(content, tmp_path):
    archive = tmp_path / "sao-luu.tar.gz"
    create_backup(archive)
    other = tmp_path / "khac-migration.tar.gz"

    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"].append(["news", "9999_tuong_lai"])
        from congphuong.backup.archive import content_digest

        manifest["content_sha256"] = content_digest(manifest["members"])
        return json.dumps(manifest).encode()

    _rewrite(archive, other, change)
    with pytest.raises(BackupError, match="migration .* khác .*news.9999_tuong_lai"):
        restore_backup(other, force_wipe=True)
    assert ArticlePage.objects.count() == 2


def test_manifest_lists_every_member_with_checksums(content, tmp_path):
    archive = tmp_path / "sao-luu.tar.gz"
    manifest = create_backup(archive)
    assert manifest["database_vendor"] == connection.vendor
    assert ["wagtailcore", "0001_initial"] in manifest["migrations"]
    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        for name, entry in manifest["members"].items():
            assert hashlib.sha256(tar.extractfile(name).read()).hexdigest() == entry["sha256"]
    assert set(names) == set(manifest["members"]) | {"manifest.json"}
    sidecar = Path(f"{archive}.sha256").read_text().split()
    assert sidecar == [hashlib.sha256(archive.read_bytes()).hexdigest(), archive.name]
    with gzip.open(archive) as plain:  # a plain tar.gz any tool can open
        assert plain.read(1)
