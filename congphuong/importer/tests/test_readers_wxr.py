import pytest

from congphuong.importer.items import LegacyFormatError
from congphuong.importer.readers import wxr
from congphuong.importer.tests.readers_support import CLAIMED_BY, assert_vietnam_time, fixture, head


def read(name):
    return list(wxr.read(fixture(name)))


def test_posts_and_pages_are_read_with_their_fields():
    items = read("wordpress-phuong-7.xml")
    # the attachments, the trashed post and the menu item are not items of their own
    assert [item.title for item in items] == [
        "Phường 7 ra quân làm sạch kênh Nhiêu Lộc",
        "Giới thiệu phường 7",
        "Thông báo lịch tiếp công dân (bản nháp)",
    ]
    post, page, draft = items
    assert post.source_url == "https://phuong7.example.gov.vn/2023/05/ra-quan-lam-sach-kenh/"
    assert post.source_line == 20
    assert post.source_file.endswith("wordpress-phuong-7.xml")
    assert_vietnam_time(post.published_at, 2023, 5, 18, 7, 30)  # post_date_gmt 00:30 UTC
    assert post.category_hint == "Tin hoạt động"
    assert post.tags == ["Môi trường", "Thanh niên"]
    assert post.summary == "Ra quân vì môi trường xanh."
    assert post.author == "Ban Biên tập phường 7"  # the display name, not the login
    assert post.extra["status"] == "publish" and post.extra["post_type"] == "post"
    assert page.extra["post_type"] == "page" and page.category_hint == ""
    assert draft.extra["status"] == "draft"
    # a draft has no GMT date (0000-00-00): post_date is the site's local time
    assert_vietnam_time(draft.published_at, 2023, 6, 1, 8, 15)


def test_content_gets_paragraphs_like_wordpress_shows_them():
    post, page, _draft = read("wordpress-phuong-7.xml")
    assert post.body_html.startswith("<p>Sáng ngày 18/5/2023, đoàn viên")
    assert "thu được gần 2 tấn rác thải.<br>\nBuổi ra quân" in post.body_html
    assert "<h2>Kế hoạch tiếp theo</h2>" in post.body_html
    assert "<p><h2>" not in post.body_html
    # Gutenberg's block comments are dropped, its paragraphs kept as they are
    assert page.body_html == "<p>Phường 7 có diện tích 0,85 km² và 6 khu phố.</p>"


def test_attachments_join_their_parent_as_images_and_files():
    post = read("wordpress-phuong-7.xml")[0]
    assert len(post.images) == 1
    image = post.images[0]
    assert image.src == "https://phuong7.example.gov.vn/wp-content/uploads/2023/05/ra-quan.jpg"
    assert image.caption == "Đoàn viên thu gom rác bên bờ kênh"
    assert image.alt == "Người dân vớt rác trên kênh"
    assert [(a.src.rsplit("/", 1)[1], a.title) for a in post.attachments] == [
        ("ke-hoach-ra-quan.pdf", "Kế hoạch ra quân (PDF)")
    ]


@pytest.mark.parametrize("name", sorted(CLAIMED_BY))
def test_sniff_claims_only_a_wordpress_export(name):
    path = fixture(name)
    assert wxr.sniff(path, head(path)) is (CLAIMED_BY[name] == "wxr")


def test_entities_are_refused_for_safety():
    with pytest.raises(LegacyFormatError) as caught:
        read("bad-wxr-entity.xml")
    message = str(caught.value)
    assert "bad-wxr-entity.xml" in message
    assert "thực thể" in message


def test_broken_xml_names_file_and_line():
    with pytest.raises(LegacyFormatError) as caught:
        read("bad-wxr-broken.xml")
    assert caught.value.line == 7
    assert str(caught.value).startswith(f"{fixture('bad-wxr-broken.xml')}, dòng 7: tệp XML không hợp lệ")


def test_a_plain_feed_is_not_a_wordpress_export():
    with pytest.raises(LegacyFormatError, match="không phải tệp xuất WordPress"):
        read("rss-phuong-3.xml")


def test_an_item_without_post_type_is_named_by_line(tmp_path):
    path = tmp_path / "thieu.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n'
        "<wp:wxr_version>1.2</wp:wxr_version>\n"
        "<item><title>Không rõ loại</title></item>\n"
        "</channel></rss>\n",
        encoding="utf-8",
    )
    with pytest.raises(LegacyFormatError, match="dòng 4: mục <item> thiếu <wp:post_type>"):
        list(wxr.read(path))


def test_autop_keeps_blocks_and_wraps_text():
    assert wxr.autop("Một\n\nHai\nba") == "<p>Một</p>\n<p>Hai<br>\nba</p>"
    assert wxr.autop("<ul><li>a</li></ul>\n\nb") == "<ul><li>a</li></ul>\n<p>b</p>"
    assert wxr.autop("   ") == ""
