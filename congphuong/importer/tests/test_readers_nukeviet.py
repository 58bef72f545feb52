import datetime

import pytest

from congphuong.importer.items import LegacyFormatError
from congphuong.importer.readers import nukeviet
from congphuong.importer.tests.readers_support import CLAIMED_BY, assert_vietnam_time, fixture, head


def read(path):
    return list(nukeviet.read(path))


def write(tmp_path, text, name="dump.sql"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_news_module():
    items = read(fixture("nukeviet-phuong-2.sql"))
    news = [item for item in items if item.kind != "document"]
    assert [item.title for item in news] == [
        'Ra mắt mô hình "Khu phố không rác"',
        "Tuần tra đêm dịp Tết Nguyên đán",
        'Bài chưa xuất bản: O\'Neil\\s và "ngoặc"',  # \' \\ \" unescaped
    ]
    first, second, draft = news
    assert first.source_line == 73  # where its "(" is in the dump
    assert_vietnam_time(first.published_at, 2023, 5, 18, 8, 30)  # publtime 1684373400
    assert_vietnam_time(second.published_at, 2024, 3, 3, 7, 45)
    assert first.category_hint == "Tin hoạt động"
    assert first.extra["categories"] == ["An ninh - Trật tự"]  # listcatid's others
    # the module's URL name and upload folder come from <prefix>_vi_modules
    assert first.source_url == "/tin-tuc/tin-hoat-dong/ra-mat-mo-hinh-khu-pho-khong-rac-12.html"
    assert second.source_url == "/tin-tuc/an-ninh-trat-tu/tuan-tra-dem-dip-tet-13.html"
    assert first.summary == "Khu phố 5 là nơi đầu tiên; người dân tự phân loại rác."
    assert first.body_html.startswith("<p>Sáng ngày 18/5/2023, khu phố 5 ra mắt mô hình.</p>\r\n<p>")
    assert "dòng hai có dấu chấm phẩy; và (ngoặc), phẩy." in first.body_html
    assert [(i.src, i.alt) for i in first.images] == [
        ("/uploads/news/2023_05/khu-pho-5.jpg", "Người dân phân loại rác")
    ]
    assert [a.src for a in first.attachments] == ["/uploads/news/2023_05/ke-hoach.pdf"]
    assert first.author == "Thu Hà"
    assert second.images == []  # homeimgthumb 0: no image
    assert [i.src for i in draft.images] == ["https://anh.example.vn/ngoai.png"]  # homeimgthumb 3: a URL
    assert draft.published_at is None and draft.extra["status"] == "0"


def test_laws_module():
    (document,) = [item for item in read(fixture("nukeviet-phuong-2.sql")) if item.kind == "document"]
    assert document.title == "Quyết định về việc kiện toàn Tổ công tác chuyển đổi số"
    assert document.document_number == "112/QĐ-UBND"
    assert document.document_type == "Quyết định"  # cid → _cat
    assert document.issuer == "UBND Phường 2"  # sid → _subject ("Cơ quan ban hành")
    assert document.signer_name == "Trần Thị Lan"  # sgid → _signer
    assert document.extra["signer_position"] == "Chủ tịch"
    assert document.summary == "Kiện toàn Tổ công tác chuyển đổi số cộng đồng phường 2"
    # publtime 17:00 UTC on 12/06 is 13/06 in Vietnam
    assert document.issued_on == datetime.date(2023, 6, 13)
    assert document.effective_from == datetime.date(2023, 6, 13)
    assert_vietnam_time(document.published_at, 2023, 6, 13, 0, 0)
    assert [a.src for a in document.attachments] == [
        "/uploads/vanban/qd-112-2023.pdf",
        "/uploads/vanban/phu-luc-112.docx",
    ]
    assert document.source_url == "/van-ban/detail/quyet-dinh-kien-toan-to-cong-tac-chuyen-doi-so/"


@pytest.mark.parametrize("name", sorted(CLAIMED_BY))
def test_sniff_claims_sql_dumps_only(name):
    path = fixture(name)
    assert nukeviet.sniff(path, head(path)) is (CLAIMED_BY[name] == "nukeviet")


def test_sniff_mysqldump_header_and_not_prose():
    mysqldump = (
        b"-- MySQL dump 10.13\n--\n/*!40101 SET NAMES utf8 */;\n"
        b"DROP TABLE IF EXISTS `nv4_vi_news_rows`;\nCREATE TABLE `nv4_vi_news_rows` (`id` int);\n"
    )
    assert nukeviet.sniff("a.sql", mysqldump)
    assert not nukeviet.sniff("a.txt", b"Set lich tiep dan. CREATE TABLE la lenh SQL.\n")
    assert not nukeviet.sniff("a.txt", b"Tin tuc\nINSERT INTO ...\n")


def test_the_statement_parser():
    text = (
        "/* a ' quote in a comment */\n"
        "-- another ' one\n"
        "# and a hash ' one\n"
        "CREATE TABLE IF NOT EXISTS `nv4_vi_news_cat` (\n"
        "  `catid` smallint NOT NULL, title varchar(250) DEFAULT 'a,b', `alias` varchar(250),\n"
        "  PRIMARY KEY (`catid`), UNIQUE KEY `alias` (`alias`)\n"
        ");\n"
        "INSERT INTO nv4_vi_news_cat VALUES (1, 'Dòng\\nmới \\\\ và \\'nháy\\' và ''đôi''', NULL),\n"
        "(-2, _binary 'nhị phân', 0x5068c6b0e1bb9d6e67) ON DUPLICATE KEY UPDATE title = VALUES(title);\n"
        "INSERT INTO `other_table` VALUES ('bỏ qua; (ngoặc)', ST_GeomFromText('POINT(1 1)'), b'0101');\n"
        "INSERT INTO `nv4_vi_news_cat` (`catid`, `title`, `alias`) VALUES (3, X'c490', '');\n"
    )
    dump = nukeviet.parse_dump("t.sql", text)
    assert dump.columns["nv4_vi_news_cat"] == ["catid", "title", "alias"]
    rows = dump.rows["nv4_vi_news_cat"]
    assert [line for line, _row in rows] == [8, 9, 11]
    assert rows[0][1] == {"catid": "1", "title": "Dòng\nmới \\ và 'nháy' và 'đôi'", "alias": None}
    assert rows[1][1] == {"catid": "-2", "title": "nhị phân", "alias": "Phường"}
    assert rows[2][1]["title"] == "Đ"
    # tables of no interest are skipped to their ";", whatever their values
    assert "other_table" not in dump.rows


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        (
            "CREATE TABLE `nv4_vi_news_rows` (`id` int, `title` varchar(9));\n"
            "INSERT INTO `nv4_vi_news_rows` VALUES\n(1, 'đúng'),\n(2, 'thiếu nháy);\n",
            4,
            "chuỗi mở bằng ' không được đóng",
        ),
        (
            "CREATE TABLE `nv4_vi_news_rows` (`id` int, `title` varchar(9));\n"
            "INSERT INTO `nv4_vi_news_rows` VALUES\n(1, 'đúng'),\n(2, 'thừa', 3);\n",
            4,
            "dòng dữ liệu có 3 giá trị nhưng bảng có 2 cột",
        ),
        (
            "\n\nINSERT INTO `nv4_vi_news_rows` VALUES (1, 'không rõ cột');\n",
            3,
            "không có danh sách cột và tệp không có CREATE TABLE",
        ),
        (
            "INSERT INTO `nv4_vi_news_rows` (`id`, `title`) VALUES (1 'thiếu phẩy');\n",
            1,
            "thiếu dấu phẩy giữa hai giá trị",
        ),
        (
            "INSERT INTO `nv4_vi_news_rows` (`id`, `title`) VALUES (1, 'a')\n(2, 'b');\n",
            2,
            "thiếu dấu phẩy hoặc chấm phẩy",
        ),
    ],
)
def test_malformed_dumps_name_file_and_line(tmp_path, text, line, needle):
    path = write(tmp_path, text)
    with pytest.raises(LegacyFormatError) as caught:
        read(path)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}, dòng {line}: ")
    assert needle in str(caught.value)


def test_a_dump_without_nukeviet_tables(tmp_path):
    path = write(tmp_path, "CREATE TABLE `wp_posts` (`ID` int);\nINSERT INTO `wp_posts` VALUES (1);\n")
    with pytest.raises(LegacyFormatError, match="không tìm thấy dữ liệu tin tức hay văn bản của NukeViet 4"):
        read(path)


def test_a_dump_not_in_utf8(tmp_path):
    path = tmp_path / "cu.sql"
    path.write_bytes("-- x\nINSERT INTO `nv4_vi_news_rows` VALUES (1, 'Đàn');\n".encode("cp1258"))
    with pytest.raises(LegacyFormatError, match="dòng 2: bản sao cơ sở dữ liệu không phải mã UTF-8"):
        read(path)


def test_any_prefix_module_copy_and_old_body_tables(tmp_path):
    # a copy of the news module under another name ("thongbao"), default prefix, the body in the
    # older _bodyhtml_1 table, and the laws row of an older version (signer by name, start_date)
    path = write(
        tmp_path,
        "INSERT INTO `nv3_vi_thongbao_cat` (`catid`, `title`, `alias`) VALUES (4, 'Thông báo', 'thong-bao');\n"
        "INSERT INTO `nv3_vi_thongbao_rows` (`id`, `catid`, `title`, `alias`, `publtime`, `hometext`) VALUES"
        " (9, 4, 'Lịch cắt điện', 'lich-cat-dien', 1700000000, '');\n"
        "INSERT INTO `nv3_vi_thongbao_bodyhtml_1` (`id`, `bodyhtml`) VALUES (9, '<p>Cắt điện khu phố 2.</p>');\n"
        "INSERT INTO `nv3_vi_laws_row` (`id`, `title`, `alias`, `code`, `signer`, `start_date`, `file`) VALUES"
        " (1, 'Kế hoạch', 'ke-hoach', '05/KH-UBND', 'Lê Văn Nam', 1700000000, 'kh-05.pdf');\n",
    )
    notice, plan = read(path)
    assert notice.source_url == "/thongbao/thong-bao/lich-cat-dien-9.html"
    assert notice.body_html == "<p>Cắt điện khu phố 2.</p>"
    assert notice.category_hint == "Thông báo"
    assert_vietnam_time(notice.published_at, 2023, 11, 15, 5, 13, 20)
    assert plan.kind == "document" and plan.document_number == "05/KH-UBND"
    assert plan.signer_name == "Lê Văn Nam"
    assert plan.effective_from == datetime.date(2023, 11, 15)
    assert [a.src for a in plan.attachments] == ["/uploads/laws/kh-05.pdf"]
