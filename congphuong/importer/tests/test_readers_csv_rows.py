import datetime
import shutil

import pytest

from congphuong.importer.items import LegacyFormatError
from congphuong.importer.readers import csv_rows
from congphuong.importer.tests.readers_support import CLAIMED_BY, assert_vietnam_time, fixture, head

HEADER = "tieu_de,ngay,noi_dung,loai,so_ky_hieu\n"


def read(path):
    return list(csv_rows.read(path))


def write(tmp_path, text, name="bang.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_vietnamese_headers_with_bom_news_and_documents():
    news, document, plain = read(fixture("bang-tin-phuong-1.csv"))
    assert news.title == "Khánh thành sân chơi thiếu nhi khu phố 4"
    assert news.source_line == 2
    assert news.kind == "news"
    assert_vietnam_time(news.published_at, 2023, 5, 18, 7, 45)
    # plain text: one paragraph a line
    assert (
        news.body_html == "<p>Sân chơi rộng 300 m², có 12 thiết bị vận động.</p>\n<p>Kinh phí do Nhân dân đóng góp.</p>"
    )
    assert news.category_hint == "Tin hoạt động"
    assert news.source_url == "https://phuong1.example.gov.vn/tin-tuc/san-choi-kp4.html"
    assert [(i.src.rsplit("/", 1)[1], i.caption) for i in news.images] == [
        ("san-choi-1.jpg", "Lễ cắt băng"),
        ("san-choi-2.jpg", "Các em nhỏ vui chơi"),
    ]

    # the first record spans lines 2–3: the next one starts on line 4
    assert document.source_line == 4
    assert document.title == 'Quyết định ban hành Quy chế "một cửa" của UBND phường'
    assert document.kind == "document"
    assert document.document_number == "45/QĐ-UBND"
    assert document.document_type == "Quyết định"
    assert document.issuer == "Ủy ban nhân dân Phường 1"
    assert document.issued_on == datetime.date(2023, 6, 1)
    assert document.signer_name == "Nguyễn Văn Bình"
    assert_vietnam_time(document.published_at, 2023, 6, 2, 0, 0)  # yyyy-mm-dd
    assert document.body_html == "<p>Quyết định có hiệu lực kể từ ngày ký.</p>"  # HTML kept as it is
    assert [a.src.rsplit("/", 1)[1] for a in document.attachments] == ["qd-45.pdf"]

    assert plain.kind == "" and plain.published_at is None and plain.source_line == 5


def test_ascii_headers_semicolons_no_bom():
    (item,) = read(fixture("bang-tin-ascii.csv"))
    assert item.title == "Hội thi nấu ăn gia đình trẻ"
    assert_vietnam_time(item.published_at, 2024, 3, 8, 0, 0)
    assert item.tags == ["Phụ nữ", "Gia đình"]
    assert item.author == "Hội LHPN phường"


def test_column_names_in_any_spelling():
    assert csv_rows.column_key("Tiêu đề") == "tieu_de"
    assert csv_rows.column_key(" SỐ KÝ HIỆU ") == "so_ky_hieu"
    assert csv_rows.column_key("Số hiệu") == "so_ky_hieu"
    assert csv_rows.column_key("Đường dẫn cũ") == "duong_dan_cu"


@pytest.mark.parametrize("name", sorted(CLAIMED_BY))
def test_sniff_claims_csv_only(name):
    path = fixture(name)
    assert csv_rows.sniff(path, head(path)) is (CLAIMED_BY[name] == "csv")


def test_sniff_by_header_without_the_extension(tmp_path):
    path = tmp_path / "xuat.txt"
    shutil.copy(fixture("bang-tin-phuong-1.csv"), path)
    assert csv_rows.sniff(path, head(path))
    text = write(tmp_path, "Tiêu đề: Hội nghị, ngày 3/4\nNội dung…\n", name="bai.txt")
    assert not csv_rows.sniff(text, head(text))


def test_other_encodings_are_refused_with_the_line(tmp_path):
    # Windows-1258, as an old Excel saves it: "Đàn" is D0 E0, not UTF-8
    path = write(tmp_path, HEADER + "Tin mot,01/02/2024,,,\nĐàn ca,01/02/2024,,,\n", encoding="cp1258")
    with pytest.raises(LegacyFormatError) as caught:
        read(path)
    assert caught.value.line == 3  # line 2 is ASCII-only
    assert "không phải mã UTF-8" in str(caught.value)
    utf16 = write(tmp_path, HEADER, name="u16.csv", encoding="utf-16")
    with pytest.raises(LegacyFormatError, match="dòng 1: tệp CSV đang ở mã UTF-16"):
        read(utf16)


@pytest.mark.parametrize(
    ("row", "column", "needle"),
    [
        ("Tin,31/02/2023,,,", "ngay", "ngày “31/02/2023” không hợp lệ"),
        ("Tin,18.05.2023 7g30x,,,", "ngay", "không hợp lệ"),
        (",18/05/2023,,,", "tieu_de", "tiêu đề không được để trống"),
        ("Tin,,,bai-hat,", "loai", "“bai-hat” không hợp lệ"),
        ("Quyết định,,,van-ban,", "so_ky_hieu", "phải có số, ký hiệu"),
    ],
)
def test_a_bad_value_names_file_line_and_column(tmp_path, row, column, needle):
    path = write(tmp_path, HEADER + "Tin đúng,18/5/2023,,,\n" + row + "\n")
    with pytest.raises(LegacyFormatError) as caught:
        read(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}, dòng 3: cột “{column}”: ")
    assert needle in str(caught.value)


def test_wrong_number_of_cells(tmp_path):
    path = write(tmp_path, HEADER + "Tin,18/5/2023,a,b,c,d\n")
    with pytest.raises(LegacyFormatError, match="dòng 2: dòng có 6 cột nhưng dòng tiêu đề có 5 cột"):
        read(path)


def test_unknown_or_missing_columns(tmp_path):
    with pytest.raises(LegacyFormatError, match="dòng 1: cột “Lượt xem” không thuộc bộ cột"):
        read(write(tmp_path, "Tiêu đề,Lượt xem\nTin,3\n"))
    with pytest.raises(LegacyFormatError, match="thiếu cột bắt buộc “tieu_de”"):
        read(write(tmp_path, "ngay,noi_dung\n1/1/2024,x\n"))
    with pytest.raises(LegacyFormatError, match="lặp lại"):
        read(write(tmp_path, "tieu_de,Tiêu đề\na,b\n"))
    with pytest.raises(LegacyFormatError, match="rỗng"):
        read(write(tmp_path, ""))


def test_an_unclosed_quote(tmp_path):
    path = write(tmp_path, HEADER + 'Tin,18/5/2023,"chưa đóng ngoặc,,\n')
    with pytest.raises(LegacyFormatError, match="dòng 2: dòng không đọc được"):
        read(path)


def test_more_captions_than_images(tmp_path):
    path = write(tmp_path, "tieu_de,anh,chu_thich_anh\nTin,a.jpg,một | hai\n")
    with pytest.raises(LegacyFormatError, match="cột “chu_thich_anh”: có 2 chú thích cho 1 ảnh"):
        read(path)


def test_the_documented_columns_and_example_match_the_reader(tmp_path):
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "legacy-import-formats.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z_]+)` \|", doc, re.MULTILINE)
    assert documented == list(csv_rows.COLUMNS)
    example = re.search(r"```csv\n(.*?)```", doc, re.DOTALL).group(1)
    news, document = read(write(tmp_path, example))
    assert news.kind == "news" and document.kind == "document"
    assert document.document_number == "45/QĐ-UBND" and document.issued_on == datetime.date(2023, 6, 1)
