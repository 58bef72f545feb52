import pytest

from congphuong.importer.items import LegacyFormatError
from congphuong.importer.readers import feed
from congphuong.importer.tests.readers_support import CLAIMED_BY, assert_vietnam_time, fixture, head


def read(name):
    return list(feed.read(fixture(name)))


def test_rss_items():
    first, second = read("rss-phuong-3.xml")
    assert first.title == "Hội nghị tiếp xúc cử tri quý II năm 2024"
    assert first.source_url == "https://phuong3.example.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-quy-ii-2024.html"
    assert first.source_line == 7
    assert_vietnam_time(first.published_at, 2024, 4, 3, 16, 15)  # 09:15 GMT
    # content:encoded is the body, the description its summary
    assert first.body_html.startswith("<p>Chiều ngày 03/4/2024, UBND phường")
    assert first.summary == "<p>Cử tri khu phố 2 và khu phố 4 đóng góp 14 ý kiến.</p>"
    assert first.category_hint == "Hoạt động HĐND"
    assert first.extra["categories"] == ["Hoạt động HĐND", "Cử tri"]
    assert [image.src for image in first.images] == ["https://phuong3.example.gov.vn/uploads/2024/04/cu-tri.jpg"]

    assert_vietnam_time(second.published_at, 2024, 4, 25, 16, 40)
    assert second.body_html == "Trạm y tế phường tiêm vắc xin cho trẻ dưới 5 tuổi vào ngày 15 hằng tháng."
    assert second.summary == ""
    # a PDF enclosure is an attachment; a media:content image an image with its description
    assert [a.src.rsplit("/", 1)[1] for a in second.attachments] == ["lich-tiem.pdf"]
    assert [(i.src.rsplit("/", 1)[1], i.caption) for i in second.images] == [("tram-y-te.png", "Trạm y tế phường 3")]


def test_atom_entries():
    first, second = read("atom-phuong-5.xml")
    assert first.title == "Thông báo tạm ngừng cấp nước"  # type="html": markup dropped from the title
    assert first.source_url == "https://phuong5.example.gov.vn/thong-bao/tam-ngung-cap-nuoc"
    assert_vietnam_time(first.published_at, 2024, 3, 3, 7, 45)  # published, not updated
    assert first.body_html == (
        "<p>Từ 22 giờ ngày 05/3/2024 đến 4 giờ sáng hôm sau, khu phố 1 và 2 <strong>tạm ngừng</strong> cấp nước."
        '<br>Xin lỗi quý cư dân.</p><img src="https://phuong5.example.gov.vn/anh/so-do.png" alt="Sơ đồ khu vực">'
    )
    assert first.summary == "Khu phố 1 và 2 tạm ngừng cấp nước để thay ống."
    assert first.category_hint == "Thông báo"
    assert first.author == "Ban Biên tập"
    assert [(i.src.rsplit("/", 1)[1], i.alt) for i in first.images] == [("ong-nuoc.jpg", "Đường ống mới")]

    assert_vietnam_time(second.published_at, 2024, 2, 20, 8, 0)  # updated 01:00Z when no published
    assert second.body_html == "<p>Thu gom 35 tấn rác cồng kềnh.</p>"


@pytest.mark.parametrize("name", sorted(CLAIMED_BY))
def test_sniff_claims_feeds_only(name):
    path = fixture(name)
    assert feed.sniff(path, head(path)) is (CLAIMED_BY[name] == "feed")


def test_sniff_refuses_xhtml_that_merely_mentions_rss():
    page = b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><rss>x</rss></body></html>'
    assert feed.sniff("trang.xhtml", page) is False


def test_broken_feed_names_file_and_line():
    with pytest.raises(LegacyFormatError) as caught:
        read("bad-feed-broken.xml")
    assert caught.value.line == 6
    assert "bad-feed-broken.xml, dòng 6: tệp XML không hợp lệ" in str(caught.value)


def test_an_html_page_is_refused_with_its_line():
    with pytest.raises(LegacyFormatError) as caught:
        read("trang-tin-cu.html")
    assert "trang-tin-cu.html, dòng" in str(caught.value)


def test_well_formed_xml_that_is_no_feed(tmp_path):
    path = tmp_path / "trang.xml"
    path.write_text('<?xml version="1.0"?>\n<html><body>Xin chào</body></html>\n', encoding="utf-8")
    with pytest.raises(LegacyFormatError, match="dòng 2: không phải nguồn RSS hay Atom"):
        list(feed.read(path))


def test_an_item_with_neither_title_nor_link(tmp_path):
    path = tmp_path / "rong.xml"
    path.write_text('<rss version="2.0"><channel>\n<item>\n<description>?</description></item>\n</channel></rss>')
    with pytest.raises(LegacyFormatError, match="dòng 2: mục <item> không có tiêu đề"):
        list(feed.read(path))


def test_rss_1_rdf(tmp_path):
    path = tmp_path / "rdf.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '<channel rdf:about="https://p.example.vn/"><title>P</title></channel>\n'
        '<item rdf:about="https://p.example.vn/a"><title>Tin một</title><link>https://p.example.vn/a</link>'
        "<dc:date>2023-05-18T07:45:00+07:00</dc:date><dc:subject>Tin tức</dc:subject></item>\n"
        "</rdf:RDF>\n",
        encoding="utf-8",
    )
    assert feed.sniff(path, path.read_bytes())
    (item,) = feed.read(path)
    assert item.title == "Tin một" and item.category_hint == "Tin tức"
    assert_vietnam_time(item.published_at, 2023, 5, 18, 7, 45)


def test_html_named_entities_in_a_feed_are_understood(tmp_path):
    path = tmp_path / "html-entities.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>\n'
        "<item><title>Ph&#432;&#7901;ng&nbsp;3 &amp; khu ph&ocirc;&hellip;</title><link>https://p.example.vn/a</link></item>\n"
        "<item><title>L&#7897;i &bogus;</title><link>https://p.example.vn/b</link></item>\n"
        "</channel></rss>\n",
        encoding="utf-8",
    )
    with pytest.raises(LegacyFormatError, match="dòng 4: tệp XML không hợp lệ"):
        list(feed.read(path))  # an entity HTML does not know either stays an error, with its line
    path.write_text(path.read_text(encoding="utf-8").replace(" &bogus;", ""), encoding="utf-8")
    first, second = feed.read(path)
    assert first.title == "Phường\xa03 & khu phô…"
    assert first.source_line == 3 and second.title == "Lội"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu, 18 May 2023 00:45:00 GMT", (2023, 5, 18, 7, 45)),
        ("Thu, 18 May 2023 07:45:00 +0700", (2023, 5, 18, 7, 45)),
        ("Thu, 18 May 2023 07:45:00", (2023, 5, 18, 7, 45)),  # no zone: Vietnam's time
        ("Wed, 30 Nov -0001 00:00:00 +0000", None),  # WordPress's "no date"
        ("18/05/2023", None),
        ("", None),
    ],
)
def test_rfc822_dates(text, expected):
    from congphuong.importer.readers import _dates

    value = _dates.from_rfc822(text)
    if expected is None:
        assert value is None
    else:
        assert_vietnam_time(value, *expected)
