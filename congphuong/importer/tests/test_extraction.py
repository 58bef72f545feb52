"""Extraction without the database: layouts, the shared plain-text sample, dates, titles, classification."""

import datetime
from pathlib import Path

import pytest

from congphuong.importer import detect
from congphuong.importer.cleaning import classify, clean_items, dates
from congphuong.importer.cleaning.titles import sentence_case
from congphuong.importer.items import LegacyFormatError, LegacyItem

from . import factories as f

SAMPLE = Path("/work/shared/samples/legacy-ward-page.txt")
VN = dates.VIETNAM


def pages_in(folder):
    return clean_items(list(detect.read_all(detect.detect([folder]))))


@pytest.fixture
def site_folder(tmp_path):
    f.write(
        tmp_path,
        "tin-tuc/trao-hoc-bong.html",
        f.table_layout(
            "UBND PHƯỜNG 7 TRAO HỌC BỔNG CHO HỌC SINH VƯỢT KHÓ",
            f.NEWS_A,
            "http://phuong7.old.vn/tin-tuc/khuyen-hoc/trao-hoc-bong.html",
            image="trao-hoc-bong_files/le-trao.png",
            caption="Ảnh: Lãnh đạo phường trao học bổng cho các em",
        ),
    )
    f.write(tmp_path, "tin-tuc/trao-hoc-bong_files/le-trao.png", f.png_bytes())
    f.write(
        tmp_path,
        "tin-tuc/hien-mau.html",
        f.article_layout(
            "Ngày hội hiến máu tình nguyện năm 2023",
            f.NEWS_B,
            "http://phuong7.old.vn/tin-tuc/doan-thanh-nien/hien-mau.html",
            attachment="/uploads/ke-hoach-hien-mau.pdf",
        ),
    )
    f.write(
        tmp_path,
        "van-ban/qd-12.html",
        f.nukeviet_layout(
            "Quyết định ban hành quy chế quản lý quỹ khuyến học", f.DOCUMENT, "http://phuong7.old.vn/van-ban/qd-12.html"
        ),
    )
    return tmp_path


def by_title(pages, start):
    return next(page for page in pages if page.title.startswith(start))


BOILERPLATE = ["Tin tức nổi bật", "Quay lại", "Lượt xem", "TIN TỨC MEDIA", "Tin liên quan", "Chủ đề năm", "Địa chỉ: 15"]


def assert_clean(page):
    text = page.text
    for phrase in BOILERPLATE:
        assert phrase not in text, (phrase, text)
    assert "Trang chủ" not in text and "Thống kê truy cập" not in text and "Chia sẻ" not in text


def test_table_layout(site_folder):
    page = by_title(pages_in(site_folder), "UBND Phường 7 trao")
    assert page.title == "UBND Phường 7 trao học bổng cho học sinh vượt khó"
    assert page.original_title == "UBND PHƯỜNG 7 TRAO HỌC BỔNG CHO HỌC SINH VƯỢT KHÓ"
    assert page.published_at == datetime.datetime(2024, 3, 3, 7, 45, tzinfo=VN)  # "Cập nhật lúc 07:45 ngày 03/03/2024"
    assert page.signing_unit == "BAN BIÊN TẬP"
    assert page.item.source_url == "http://phuong7.old.vn/tin-tuc/khuyen-hoc/trao-hoc-bong.html"
    assert "Khuyến học" in page.category_hint
    [image] = page.images
    assert image.src == "trao-hoc-bong_files/le-trao.png"
    assert image.caption == "Ảnh: Lãnh đạo phường trao học bổng cho các em"
    assert [block.text for block in page.blocks if block.kind == "paragraph"] == f.NEWS_A
    assert_clean(page)


def test_article_layout(site_folder):
    page = by_title(pages_in(site_folder), "Ngày hội hiến máu")
    assert page.published_at == datetime.datetime(2023, 11, 20, 14, 30, tzinfo=VN)  # <time datetime>
    assert page.signing_unit == "Hội Khuyến học phường 7"
    assert [block.text for block in page.blocks if block.kind == "paragraph"] == f.NEWS_B
    [attachment] = page.attachments
    assert attachment.src == "/uploads/ke-hoach-hien-mau.pdf" and attachment.text == "Kế hoạch chi tiết"
    assert_clean(page)


def test_nukeviet_layout_is_a_document(site_folder):
    page = by_title(pages_in(site_folder), "Quyết định ban hành")
    assert page.published_at == datetime.datetime(2023, 5, 18, 9, 15, tzinfo=VN)  # "Thứ Năm, 18/05/2023 - 09:15"
    assert page.signing_unit == "ỦY BAN NHÂN DÂN PHƯỜNG 7"
    assert_clean(page)
    info = classify.document_info(page)
    assert info.number == "12/2024/QĐ-UBND" and info.doc_type == "Quyết định"
    assert info.issued_on == datetime.date(2024, 3, 5)


def test_repetition_across_pages_drops_site_lines_no_list_knows(tmp_path):
    """A slogan and a contact line that no phrase list names, on every page, are the site's."""
    for number in range(3):
        f.write(
            tmp_path,
            f"bai-{number}.txt",
            "\n\n".join(
                [
                    "Phường Bảy văn minh – sạch đẹp – an toàn",
                    f"Tiêu đề bài số {number} về hoạt động của khu phố",
                    f"Nội dung riêng của bài {number}: khu phố {number} tổ chức họp dân lấy ý kiến về chỉnh trang.",
                    "Đường dây nóng của phường luôn sẵn sàng tiếp nhận phản ánh",
                    "BAN BIÊN TẬP",
                ]
            ),
        )
    pages = pages_in(tmp_path)
    assert len(pages) == 3
    for page in pages:
        assert page.title.startswith("Tiêu đề bài số")
        assert page.text.startswith("Nội dung riêng") and "Đường dây nóng" not in page.text
        assert page.signing_unit == "BAN BIÊN TẬP"  # repeated, yet the signing unit


def test_the_shared_plain_text_sample():
    if not SAMPLE.exists():
        pytest.skip("the shared sample is not on this machine")
    [page] = clean_items(list(detect.read_all(detect.detect([SAMPLE]))))
    assert page.original_title.startswith("PHƯỜNG 1 TỔ CHỨC HỘI NGHỊ")
    assert page.title.startswith(
        "Phường 1 tổ chức hội nghị quán triệt Kết luận số 49-KL/TW ngày 10/5/2019 của Ban Bí thư"
    )
    assert "Chỉ thị số 11-CT/TW của Bộ Chính trị khóa X" in page.title
    # Not the document's date in the title (10/5/2019) nor a cited directive's (25/5/2021): the event's.
    assert page.published_at == datetime.datetime(2023, 5, 18, 8, 0, tzinfo=VN)
    assert page.signing_unit == "ỦY BAN NHÂN DÂN PHƯỜNG 1"
    for phrase in (
        "Tin tức nổi bật",
        "Quay lại",
        "Danh mục",
        "TIN TỨC MEDIA",
        "Chủ đề năm",
        "ỦY BAN NHÂN DÂN PHƯỜNG 1",
    ):
        assert phrase not in page.text
    assert len([block for block in page.blocks if block.kind == "paragraph"]) == 4
    assert classify.document_info(page) is None  # cites 49-KL/TW, but it is news


def test_plain_text_fixture(tmp_path):
    f.write(tmp_path, "ve-sinh.txt", "Nguồn: http://phuong7.old.vn/tin-tuc/ve-sinh.html\n\n" + f.TEXT_PAGE)
    [page] = pages_in(tmp_path)
    assert page.item.source_url == "http://phuong7.old.vn/tin-tuc/ve-sinh.html"
    assert page.title == "UBND Phường 7 ra quân tổng vệ sinh kênh nhiêu lộc hưởng ứng ngày chủ nhật xanh"
    assert page.published_at == datetime.datetime(2024, 4, 7, 8, 0, tzinfo=VN)
    assert page.signing_unit == "ỦY BAN NHÂN DÂN PHƯỜNG 7"
    assert "TIN TỨC MEDIA" not in page.text and "Quay lại" not in page.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cập nhật lúc 07:45 ngày 03/03/2024", datetime.datetime(2024, 3, 3, 7, 45)),
        ("Ngày đăng: 18-05-2023 16:20", datetime.datetime(2023, 5, 18, 16, 20)),
        ("Thứ Năm, 18/05/2023 - 07:45", datetime.datetime(2023, 5, 18, 7, 45)),
        ("07:45 | 18.5.2023", datetime.datetime(2023, 5, 18, 7, 45)),
        ("18/5/2023 7h30", datetime.datetime(2023, 5, 18, 7, 30)),
        ("Ngày 5 tháng 3 năm 2024", datetime.datetime(2024, 3, 5)),
        ("Đăng ngày 01/12/23", datetime.datetime(2023, 12, 1)),
    ],
)
def test_page_dates(text, expected):
    assert dates.page_date([text]).value == expected.replace(tzinfo=VN)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sáng ngày 18/5/2023, Đảng ủy phường tổ chức hội nghị.", datetime.datetime(2023, 5, 18, 8)),
        ("Chiều 20/11/2023, đoàn viên ra quân.", datetime.datetime(2023, 11, 20, 14)),
        ("Tối thứ Bảy, ngày 2/9/2023, chương trình văn nghệ diễn ra.", datetime.datetime(2023, 9, 2, 19)),
        (
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 02/01/2024, vào ngày 15/01/2024 phường ra quân.",
            datetime.datetime(2024, 1, 15),
        ),
        ("Theo Chỉ thị số 14/CT-TTg ngày 25/5/2021, phường đã triển khai.", None),
    ],
)
def test_event_dates(text, expected):
    found = dates.event_date(text)
    assert (found.value if found else None) == (expected.replace(tzinfo=VN) if expected else None)


def test_iso_dates_are_vietnam_time():
    assert dates.parse_any("2023-11-20T07:30:00Z") == datetime.datetime(2023, 11, 20, 14, 30, tzinfo=VN)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("HĐND PHƯỜNG TỔ CHỨC KỲ HỌP THỨ XIII", "HĐND phường tổ chức kỳ họp thứ XIII"),
        ("MTTQ PHƯỜNG 1 TRAO 50 PHẦN QUÀ TẾT", "MTTQ Phường 1 trao 50 phần quà Tết"),
        ("TRIỂN KHAI NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ", "Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị"),
        ("Họp dân khu phố 3", "Họp dân khu phố 3"),  # not in capitals: unchanged
    ],
)
def test_sentence_case(title, expected):
    assert sentence_case(title) == expected


def test_sentence_case_keeps_the_ward_names_given():
    assert sentence_case("PHƯỜNG TÂN SƠN HÒA RA MẮT CỔNG THÔNG TIN", ["Tân Sơn Hòa"]) == (
        "Phường Tân Sơn Hòa ra mắt cổng thông tin"
    )


def classified(title, lines, **fields):
    [page] = clean_items([LegacyItem("x.txt", title=title, body_text="\n".join(lines), **fields)])
    return classify.document_info(page)


def test_document_classification():
    assert (
        classified("Kế hoạch tổ chức Tết Trung thu 2024", ["Số: 45/KH-UBND", "Nội dung kế hoạch."]).number
        == "45/KH-UBND"
    )
    assert classified("Quyết định 08/2024/QĐ-UBND về giá dịch vụ", ["Nội dung."]).doc_type == "Quyết định"
    assert classified("Thông báo 17/TB-UBND lịch tiếp công dân", ["Nội dung."]).doc_type == "Thông báo"
    # News that cite a document stay news.
    assert classified("Phường quán triệt Chỉ thị số 14/CT-TTg", ["Sáng 3/3/2024 phường họp."]) is None
    assert classified("Một bài tin", ["Nội dung."], kind="document", document_number="5/QĐ-UBND").number == "5/QĐ-UBND"


def test_a_text_file_with_markup_is_refused_with_its_line(tmp_path):
    path = f.write(tmp_path, "hong.txt", "Tiêu đề bài\n\nĐoạn một.\n<div class='x'>Đoạn hai</div>\n")
    with pytest.raises(LegacyFormatError) as caught:
        list(detect.read_all(detect.detect([path])))
    assert str(caught.value).startswith(f"{path}, dòng 4: tệp văn bản thuần có mã HTML")


def test_a_mixed_folder_is_refused(tmp_path):
    f.write(tmp_path, "a.html", f.article_layout("Bài A", f.NEWS_B, "http://x.vn/a"))
    f.write(tmp_path, "b.txt", f.TEXT_PAGE)
    with pytest.raises(detect.DetectionError, match="trộn nhiều định dạng"):
        detect.detect([tmp_path])


def test_an_unknown_file_is_refused(tmp_path):
    f.write(tmp_path, "du-lieu.bin", b"\x00\x01\x02 nhi phan")
    with pytest.raises(detect.DetectionError, match="du-lieu.bin, dòng 1: không nhận ra định dạng"):
        detect.detect([tmp_path])


def test_two_documents_keep_the_clauses_they_share(tmp_path):
    clause = "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
    for number in (3, 4, 5):
        f.write(
            tmp_path,
            f"qd-{number}.txt",
            f"Quyết định {number}/QĐ-UBND về việc thử nghiệm số {number}\n\n"
            f"Điều 1. Nội dung riêng {number}.\n\n{clause}",
        )
    for page in pages_in(tmp_path):
        assert clause in page.text


def test_category_from_the_text_prefers_the_subject_it_speaks_of():
    from types import SimpleNamespace

    government = SimpleNamespace(title="Hoạt động chính quyền", slug="hoat-dong-chinh-quyen")
    learning = SimpleNamespace(title="Khuyến học – khuyến tài", slug="khuyen-hoc-khuyen-tai")
    text = "Chính quyền phường phát động khuyến học. Quỹ khuyến học, khuyến tài trao học bổng; khuyến học là gốc."
    [page] = clean_items([LegacyItem("a.txt", title="Trao học bổng năm học mới", body_text=text)])
    category, reason = classify.CategoryGuesser([government, learning]).guess(page)
    assert category is learning and reason == "nội dung"


def test_a_portal_name_in_an_h1_is_not_the_title(tmp_path):
    """A fourth layout: the portal's name is the page's first h1 (in its logo block), the article's
    title an h2, its date a "Ngày đăng" line, its text divided by <br>."""
    f.write(
        tmp_path,
        "bai.html",
        """<html><head><title>Phường 7</title></head><body>
<div class="logo"><h1>ỦY BAN NHÂN DÂN PHƯỜNG 7</h1></div>
<div class="menutop"><a href="/">Trang chủ</a> | <a href="/lien-he">Liên hệ</a></div>
<div id="noidung"><h2 class="tieude">Khánh thành điểm sinh hoạt cộng đồng khu phố 5</h2>
<div class="ngay">Ngày đăng: 09-12-2024 15:05</div>
Sáng nay, điểm sinh hoạt cộng đồng khu phố 5 chính thức đưa vào sử dụng sau ba tháng xây dựng.<br>
Công trình có thư viện nhỏ, sân chơi cho thiếu nhi và phòng họp cho tổ dân phố.<br>
<b>BAN BIÊN TẬP</b></div>
<div class="footer">Bản quyền thuộc UBND Phường 7</div></body></html>""",
    )
    [page] = pages_in(tmp_path)
    assert page.title == "Khánh thành điểm sinh hoạt cộng đồng khu phố 5"
    assert page.published_at == datetime.datetime(2024, 12, 9, 15, 5, tzinfo=VN)
    assert [block.text for block in page.blocks] == [
        "Sáng nay, điểm sinh hoạt cộng đồng khu phố 5 chính thức đưa vào sử dụng sau ba tháng xây dựng.",
        "Công trình có thư viện nhỏ, sân chơi cho thiếu nhi và phòng họp cho tổ dân phố.",
    ]
    assert page.signing_unit == "BAN BIÊN TẬP"


JOOMLA_PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phường 9 – Tin tức</title></head>
<body><div id="top"><div class="slogan">Đoàn kết – Đổi mới – Phát triển</div></div>
<div id="mainmenu"><a href="/">Trang chủ</a><a href="/tin-tuc">Tin tức</a></div>
<div id="content"><div class="item-page"><h2 class="contentheading">Hội khuyến học phường trao 40 suất học bổng</h2>
<div class="createdate">Ngày đăng: 02-09-2024 08:15</div>
<div class="content-body">
<p>Ngày 21/8/2024, tại hội trường khu phố 3, Hội khuyến học phường trao học bổng cho học sinh.</p>
<p>Mỗi suất học bổng gồm tiền mặt và bộ sách giáo khoa cho năm học mới, do các nhà hảo tâm đóng góp.</p>
<p>BAN BIÊN TẬP</p></div></div></div>
<div id="footer">© Phường 9. Số lượt truy cập: 123456</div></body></html>"""


def test_a_joomla_heading_is_the_title_and_a_first_sentence_starting_with_a_date_is_kept(tmp_path):
    """Found by the import bench (bench/legacy): the title in <h2 class="contentheading"> outside the
    text's block was missed, and "Ngày 21/8/2024, tại …" was dropped as the page's date line."""
    f.write(tmp_path, "tin-tuc/hoc-bong.html", JOOMLA_PAGE)
    (page,) = pages_in(tmp_path)
    assert page.title == "Hội khuyến học phường trao 40 suất học bổng"
    assert "Ngày 21/8/2024, tại hội trường khu phố 3" in page.text
    assert "Mỗi suất học bổng gồm tiền mặt" in page.text
    assert "Ngày đăng" not in page.text and "Số lượt truy cập" not in page.text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Cập nhật lúc 07:45 ngày 03/03/2024", True),
        ("Thứ Năm, 18/05/2023 - 07:45", True),
        ("Ngày 21/7/2024, tại chợ Bàu Sen, hội khuyến học phường tổ chức", False),
        ("Sáng ngày 18/5/2023, Đảng ủy phường tổ chức hội nghị", False),
    ],
)
def test_date_lines(line, expected):
    assert dates.is_date_line(line) is expected
