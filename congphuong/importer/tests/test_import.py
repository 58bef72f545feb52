"""The import into a ward: pages, files, origins, redirects; idempotency, rollback, dry run, publishing."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from congphuong.documents.models import LegalDocumentPage
from congphuong.documents.tests.factories import DocumentIndexPageFactory
from congphuong.importer.pipeline import ImportFailed, Options, run_import
from congphuong.legacy.models import ContentOrigin, ImportRun, LegacyRedirect, OldHostname
from congphuong.news.models import ArticlePage
from congphuong.news.tests.factories import CategoryPageFactory

from . import factories as f

OLD = "phuong7.old.vn"


@pytest.fixture
def places(home):
    return {
        "khuyen-hoc": CategoryPageFactory(parent=home, title="Khuyến học", slug="khuyen-hoc"),
        "doan": CategoryPageFactory(parent=home, title="Đoàn thanh niên", slug="doan-thanh-nien"),
        "tin": CategoryPageFactory(parent=home, title="Tin tổng hợp", slug="tin-tong-hop"),
        "van-ban": DocumentIndexPageFactory(parent=home),
    }


@pytest.fixture
def old_site(tmp_path):
    folder = tmp_path / "phuong7"
    f.write(
        folder,
        "tin-tuc/trao-hoc-bong.html",
        f.table_layout(
            "UBND PHƯỜNG 7 TRAO HỌC BỔNG CHO HỌC SINH VƯỢT KHÓ",
            f.NEWS_A,
            f"http://{OLD}/tin-tuc/khuyen-hoc/trao-hoc-bong.html?id=12",
            image="trao-hoc-bong_files/le-trao.png",
            caption="Ảnh: Lãnh đạo phường trao học bổng",
        ),
    )
    f.write(folder, "tin-tuc/trao-hoc-bong_files/le-trao.png", f.png_bytes())
    f.write(
        folder,
        "tin-tuc/hien-mau.html",
        f.article_layout(
            "Ngày hội hiến máu tình nguyện năm 2023",
            f.NEWS_B,
            f"http://{OLD}/tin-tuc/doan-thanh-nien/hien-mau.html",
            attachment="/uploads/ke-hoach.pdf",
        ),
    )
    f.write(folder, "uploads/ke-hoach.pdf", b"%PDF-1.4\n% ke hoach\n")
    f.write(
        folder,
        "van-ban/qd-12.html",
        f.nukeviet_layout(
            "Quyết định ban hành quy chế quản lý quỹ khuyến học", f.DOCUMENT, f"http://{OLD}/van-ban/qd-12.html"
        ),
    )
    return folder


def options(ward, **kwargs):
    return Options(site=ward, old_hostname=kwargs.pop("old_hostname", OLD), old_ward="Phường 7 (cũ)", **kwargs)


def test_import_creates_drafts_with_files_origins_and_redirects(ward, places, old_site):
    report = run_import([old_site], options(ward))
    assert report.counts["created"] == 3 and report.counts["missing_files"] == 0

    news = ArticlePage.objects.get(title="UBND Phường 7 trao học bổng cho học sinh vượt khó")
    assert news.get_parent().pk == places["khuyen-hoc"].pk  # from the old URL
    assert not news.live and news.latest_revision is not None  # a draft
    assert news.signing_unit == "BAN BIÊN TẬP"
    kinds = [block.block_type for block in news.body]
    assert kinds == ["image", "paragraph", "paragraph", "paragraph"]
    assert news.body[0].value["caption"] == "Ảnh: Lãnh đạo phường trao học bổng"
    assert get_image_model().objects.count() == 1

    blood = ArticlePage.objects.get(title="Ngày hội hiến máu tình nguyện năm 2023")
    assert blood.get_parent().pk == places["doan"].pk
    assert blood.body[-1].block_type == "documents"
    assert get_document_model().objects.count() == 1

    document = LegalDocumentPage.objects.get()
    assert document.number == "12/2024/QĐ-UBND" and document.doc_type.name == "Quyết định"
    assert document.get_parent().pk == places["van-ban"].pk

    origin = ContentOrigin.objects.get(object_id=news.pk)
    assert origin.site == ward and origin.old_ward_name == "Phường 7 (cũ)"
    assert origin.source_url == f"http://{OLD}/tin-tuc/khuyen-hoc/trao-hoc-bong.html?id=12"
    assert origin.original_title == "UBND PHƯỜNG 7 TRAO HỌC BỔNG CHO HỌC SINH VƯỢT KHÓ"
    run = ImportRun.objects.get(pk=report.run_id)
    assert origin.run == run and run.status == ImportRun.Status.SUCCEEDED and run.detected_format == "html"
    assert run.counts["created"] == 3

    host = OldHostname.objects.get(hostname=OLD)
    assert host.site == ward and host.old_ward_name == "Phường 7 (cũ)"
    redirects = {row.old_path: row for row in LegacyRedirect.objects.filter(old_hostname=host)}
    assert redirects["/tin-tuc/khuyen-hoc/trao-hoc-bong.html?id=12"].page_id == news.pk
    assert redirects["/van-ban/qd-12.html"].page_id == document.pk
    assert redirects["/uploads/ke-hoach.pdf"].url == get_document_model().objects.get().url


def test_second_run_creates_nothing_and_a_change_updates(ward, places, old_site):
    run_import([old_site], options(ward))
    pages_before = Page.objects.count()
    again = run_import([old_site], options(ward))
    assert again.counts["created"] == 0 and again.counts["updated"] == 0 and again.counts["skipped"] == 3
    assert {outcome.reason for outcome in again.outcomes} == {"không đổi so với lần nhập trước"}
    assert Page.objects.count() == pages_before
    assert ContentOrigin.objects.count() == 3 and LegacyRedirect.objects.count() == 4  # 3 pages, 1 file
    assert get_image_model().objects.count() == 1

    _change_blood_drive_page(old_site)
    third = run_import([old_site], options(ward))
    assert third.counts == {**third.counts, "created": 0, "updated": 1, "skipped": 2}
    page = ArticlePage.objects.get(title="Ngày hội hiến máu tình nguyện năm 2023")
    assert "Đoạn bổ sung" in str(page.body)
    assert Page.objects.count() == pages_before


def test_a_bad_file_among_good_ones_stores_nothing(ward, places, old_site):
    f.write(old_site, "tin-tuc/hong.html", b"<html><body><p>Trang \xff\xfe h\xe1\xbb\x8fng</p>\n\x00</body></html>")
    with pytest.raises(ImportFailed) as caught:
        run_import([old_site], options(ward))
    assert "hong.html, dòng 2: tệp nhị phân" in str(caught.value)
    assert not ArticlePage.objects.exists() and not LegalDocumentPage.objects.exists()
    assert not ContentOrigin.objects.exists() and not LegacyRedirect.objects.exists()
    assert not OldHostname.objects.exists() and not get_image_model().objects.exists()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and "hong.html, dòng 2" in run.report


def test_a_failure_while_writing_rolls_everything_back(ward, places, old_site, monkeypatch):
    from congphuong.importer import pipeline

    real = pipeline._write_document

    def broken(*args, **kwargs):
        real(*args, **kwargs)
        raise ImportFailed("van-ban/qd-12.html, dòng 1: lỗi giả lập khi ghi")

    monkeypatch.setattr(pipeline, "_write_document", broken)
    with pytest.raises(ImportFailed):
        run_import([old_site], options(ward))
    assert not ArticlePage.objects.exists() and not LegalDocumentPage.objects.exists()
    assert not ContentOrigin.objects.exists() and not LegacyRedirect.objects.exists()
    assert not get_image_model().objects.exists() and not get_document_model().objects.exists()


def test_dry_run_stores_nothing_and_says_why(ward, places, old_site, tmp_path):
    f.write(
        old_site,
        "tin-tuc/thieu-anh.html",
        f.table_layout(
            "TIN CÓ ẢNH BỊ THIẾU",
            ["Đoạn văn duy nhất của bài."],
            f"http://{OLD}/tin/thieu-anh.html",
            image="mat/anh.jpg",
        ),
    )
    pages_before = Page.objects.count()
    report = run_import([old_site], options(ward, dry_run=True))
    assert report.counts["created"] == 4
    assert Page.objects.count() == pages_before
    assert not ContentOrigin.objects.exists() and not LegacyRedirect.objects.exists()
    assert not OldHostname.objects.exists() and not get_image_model().objects.exists()
    assert ImportRun.objects.get().dry_run
    lines = "\n".join(report.lines())
    assert "Tạo mới (sẽ) tin: «UBND Phường 7 trao học bổng" in lines and "→ Khuyến học" in lines
    assert "Tạo mới (sẽ) văn bản" in lines and "số 12/2024/QĐ-UBND" in lines
    assert "Thiếu tệp: ảnh mat/anh.jpg" in lines


def test_a_missing_image_is_reported_not_fatal(ward, places, tmp_path):
    f.write(
        tmp_path,
        "a.html",
        f.table_layout(
            "TIN CÓ ẢNH BỊ THIẾU",
            ["Đoạn văn của bài."],
            f"http://{OLD}/a.html",
            image="mat/anh.jpg",
            caption="Ảnh: đã mất",
        ),
    )
    report = run_import([tmp_path], options(ward))
    assert report.counts["created"] == 1 and report.missing == [f"ảnh mat/anh.jpg ({tmp_path / 'a.html'}, dòng 1)"]
    page = ArticlePage.objects.get()
    assert [block.block_type for block in page.body] == ["paragraph", "paragraph"]  # the caption kept as text


def _change_blood_drive_page(old_site):
    changed = f.NEWS_B[:1] + ["Đoạn bổ sung: danh sách đơn vị máu đã chuyển về bệnh viện."]
    f.write(
        old_site,
        "tin-tuc/hien-mau.html",
        f.article_layout(
            "Ngày hội hiến máu tình nguyện năm 2023",
            changed,
            f"http://{OLD}/tin-tuc/doan-thanh-nien/hien-mau.html",
            attachment="/uploads/ke-hoach.pdf",
        ),
    )


def test_a_page_edited_here_keeps_its_edits_when_the_source_changes(ward, places, old_site):
    run_import([old_site], options(ward))
    page = ArticlePage.objects.get(title="Ngày hội hiến máu tình nguyện năm 2023")
    page.title = "Ngày hội hiến máu tình nguyện năm 2023 (đã soát lỗi)"
    edited = page.save_revision()  # an editor fixes the title of the imported draft
    _change_blood_drive_page(old_site)

    report = run_import([old_site], options(ward))
    assert report.counts["updated"] == 0 and report.counts["skipped"] == 3
    [kept] = [outcome for outcome in report.outcomes if "sửa ở đây" in outcome.reason]
    assert "--overwrite-edited" in kept.reason
    page.refresh_from_db()
    assert page.latest_revision_id == edited.pk
    assert "Đoạn bổ sung" not in str(page.get_latest_revision_as_object().body)

    # Asked to, the import overwrites the edit with the source (and records its own revision again).
    report = run_import([old_site], options(ward, overwrite_edited=True))
    assert report.counts["updated"] == 1
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Ngày hội hiến máu tình nguyện năm 2023" and "Đoạn bổ sung" in str(latest.body)
    assert ContentOrigin.objects.get(object_id=page.pk).imported_revision_id == page.latest_revision_id
    assert run_import([old_site], options(ward)).counts["skipped"] == 3


def test_a_draft_edited_here_is_not_published_by_a_later_run(ward, places, old_site):
    run_import([old_site], options(ward))
    page = ArticlePage.objects.get(title="Ngày hội hiến máu tình nguyện năm 2023")
    page.title = "Ngày hội hiến máu 2023: danh sách đơn vị"
    page.save_revision()
    report = run_import([old_site], options(ward, publish=True))
    assert report.counts["updated"] == 2  # the two pages nobody touched are published
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision_as_object().title == "Ngày hội hiến máu 2023: danh sách đơn vị"
    assert any("không tự xuất bản" in outcome.reason for outcome in report.outcomes)


def test_publish_goes_through_the_publishing_door(ward, places, old_site):
    run_import([old_site], options(ward, publish=True))
    assert ArticlePage.objects.live().count() == 2 and LegalDocumentPage.objects.live().count() == 1


def test_publishing_what_an_earlier_run_imported_as_drafts(ward, places, old_site):
    run_import([old_site], options(ward))
    assert not ArticlePage.objects.live().exists()
    report = run_import([old_site], options(ward, publish=True))
    assert report.counts["created"] == 0 and report.counts["updated"] == 3
    assert ArticlePage.objects.live().count() == 2 and ArticlePage.objects.count() == 2
    assert run_import([old_site], options(ward, publish=True)).counts["skipped"] == 3


def test_mapping_file_overrides_the_guess(ward, places, old_site, tmp_path):
    mapping = f.write(tmp_path, "danh-muc.txt", "# mẫu => danh mục\nkhuyen-hoc => Tin tổng hợp\n")
    run_import([old_site], options(ward, mapping=str(mapping)))
    assert ArticlePage.objects.get(title__startswith="UBND Phường 7").get_parent().pk == places["tin"].pk


def test_text_sample_without_url_is_keyed_on_its_file(ward, places, tmp_path):
    f.write(tmp_path, "ve-sinh.txt", f.TEXT_PAGE)
    run_import([tmp_path], options(ward, old_hostname=""))
    again = run_import([tmp_path], options(ward, old_hostname=""))
    assert again.counts["created"] == 0 and ArticlePage.objects.count() == 1
    assert ContentOrigin.objects.get().source_url == "tệp:ve-sinh.txt"


def test_old_hostname_of_another_ward_is_refused(ward, places, old_site):
    from congphuong.wards.tests.factories import make_ward

    other = make_ward(hostname="khac.test", name="Phường Khác")
    OldHostname.objects.create(hostname=OLD, site=other)
    with pytest.raises(ImportFailed, match="đã gắn với phường khác"):
        run_import([old_site], options(ward, dry_run=True))
    with pytest.raises(ImportFailed, match="đã gắn với phường khác"):
        run_import([old_site], options(ward))
    assert not ArticlePage.objects.exists()
    with pytest.raises(ImportFailed, match="không hợp lệ"):
        run_import([old_site], options(ward, old_hostname="http://phuong7.old.vn/"))


def test_the_host_name_of_another_live_ward_is_refused_and_the_wards_own_is_accepted(ward, places, old_site):
    from congphuong.wards.tests.factories import make_ward

    make_ward(hostname="phuong-khac.test", name="Phường Khác")
    with pytest.raises(ImportFailed, match="đang là tên miền của Phường Khác"):
        run_import([old_site], options(ward, old_hostname="phuong-khac.test"))
    assert not ArticlePage.objects.exists() and not OldHostname.objects.exists()
    run_import([old_site], options(ward, old_hostname="testserver"))  # moving in on the domain it keeps
    assert OldHostname.objects.get().site == ward and ArticlePage.objects.exists()


def test_command(ward, places, old_site, capsys):
    call_command("import_legacy", str(old_site), "--site", "testserver", "--old-hostname", OLD, "--dry-run")
    out = capsys.readouterr().out
    assert "Chạy thử (không lưu gì)" in out and "3 tạo mới" in out
    call_command("import_legacy", str(old_site), "--site", "Phường Thử Nghiệm", "--old-ward", "Phường 7 (cũ)")
    assert "3 tạo mới" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Không có phường nào là «Phường Không Có»"):
        call_command("import_legacy", str(old_site), "--site", "Phường Không Có")
    with pytest.raises(CommandError, match="Không nhập gì.*không có tệp hay thư mục này"):
        call_command("import_legacy", str(old_site / "khong-co"), "--site", "testserver")


def test_published_pages_reach_the_portal_search(ward, places, old_site, django_capture_on_commit_callbacks):
    from congphuong.search.models import SearchDocument

    with django_capture_on_commit_callbacks(execute=True):
        run_import([old_site], options(ward, publish=True))
    article = ArticlePage.objects.get(title__startswith="Ngày hội hiến máu")
    indexed = SearchDocument.objects.filter(object_id=article.pk, site=ward).first()
    assert indexed is not None and "đơn vị máu" in indexed.body


def test_a_wget_mirror_gives_the_old_addresses(ward, places, tmp_path):
    mirror = tmp_path / OLD
    page = f.article_layout("Họp dân khu phố 2", f.NEWS_B, "")
    f.write(mirror, "tin-tuc/hop-dan.php?id=42.html", page.replace('<link rel="canonical" href="">', ""))
    report = run_import([tmp_path], options(ward))
    assert report.counts["created"] == 1
    redirect = LegacyRedirect.objects.get()
    assert redirect.old_path == "/tin-tuc/hop-dan.php?id=42"
    assert redirect.page_id == ArticlePage.objects.get().pk


def test_document_issuer_from_the_signing_unit(ward, places, old_site):
    run_import([old_site], options(ward))
    assert LegalDocumentPage.objects.get().issuer.name == "Ủy ban nhân dân phường 7"


def test_progress_bar():
    import io

    from congphuong.importer.management.commands.import_legacy import Progress

    stream = io.StringIO()
    progress = Progress(stream, threshold=5)
    for done in range(1, 11):
        progress(done, 10)
    lines = stream.getvalue().splitlines()
    assert lines[-1] == "Đang nhập [#########################] 10/10 (100%)"
    assert "Đang nhập [#####--------------------] 2/10 (20%)" in lines
    quiet = io.StringIO()
    Progress(quiet, threshold=20)(1, 3)
    assert quiet.getvalue() == ""


def test_the_shared_sample_through_the_command(ward, places, tmp_path, capsys):
    from pathlib import Path

    sample = Path("/work/shared/samples/legacy-ward-page.txt")
    if not sample.exists():
        pytest.skip("the shared sample is not on this machine")
    call_command("import_legacy", str(sample), "--site", "testserver", "--old-ward", "Phường 1 (cũ)")
    page = ArticlePage.objects.get()
    assert page.title.startswith("Phường 1 tổ chức hội nghị quán triệt Kết luận số 49-KL/TW ngày 10/5/2019")
    assert page.title.endswith("khuyến tài, xây dựng xã hội học tập") and not page.lead
    assert page.signing_unit == "ỦY BAN NHÂN DÂN PHƯỜNG 1"
    assert page.published_at == datetime.datetime(2023, 5, 18, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert page.get_parent().pk == places["khuyen-hoc"].pk  # from the text: khuyến học
    body = str(page.body)
    assert "Tin tức nổi bật" not in body and "Quay lại" not in body and "TIN TỨC MEDIA" not in body
    origin = ContentOrigin.objects.get()
    assert origin.original_title.startswith("PHƯỜNG 1 TỔ CHỨC") and origin.source_url == "tệp:legacy-ward-page.txt"
    assert origin.old_ward_name == "Phường 1 (cũ)"


def test_a_title_too_long_for_a_page_is_cut_at_a_word_and_given_whole_as_lead(ward, places, tmp_path):
    words = " ".join(f"nội dung thứ {number}" for number in range(16))  # about 290 characters
    f.write(tmp_path, "dai.txt", f"Tiêu đề rất dài {words}\n\nĐoạn văn của bài viết có tiêu đề dài.")
    run_import([tmp_path], options(ward, old_hostname=""))
    page = ArticlePage.objects.get()
    assert len(page.title) <= 255 and page.title.endswith("…")
    assert page.lead == f"Tiêu đề rất dài {words}"


def test_structured_exports_go_through_the_same_pipeline(ward, places):
    """The WordPress export of the readers' fixtures: tags kept, a source draft stays a draft."""
    fixture = Path(__file__).parent / "fixtures" / "wordpress-phuong-7.xml"
    report = run_import([fixture], options(ward, old_hostname="", publish=True))
    assert report.format and report.counts["created"] == 3
    drafts = ArticlePage.objects.filter(live=False)
    assert [page.title for page in drafts] == ["Thông báo lịch tiếp công dân (bản nháp)"]
    assert "bản nháp ở nguồn" in "\n".join(report.lines())
    tagged = ArticlePage.objects.get(title="Phường 7 ra quân làm sạch kênh Nhiêu Lộc")
    assert tagged.live and sorted(tagged.tags.names())
    assert run_import([fixture], options(ward, old_hostname="", publish=True)).counts["created"] == 0


def test_a_nukeviet_laws_dump_gives_legal_documents(ward, places):
    fixture = Path(__file__).parent / "fixtures" / "nukeviet-phuong-2.sql"
    run_import([fixture], options(ward, old_hostname=""))
    document = LegalDocumentPage.objects.get()
    assert document.number and document.title.startswith("Quyết định về việc kiện toàn")
