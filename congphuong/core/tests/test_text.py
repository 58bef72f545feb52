import datetime
import unicodedata
import zoneinfo

import pytest

from congphuong.core.templatetags.vi_format import vi_date, vi_datetime
from congphuong.core.text import fold, nfc, nfc_deep, slugify_vi
from congphuong.core.video import embed_src


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đảng ủy phường tổ chức hội nghị", "dang-uy-phuong-to-chuc-hoi-nghi"),
        ("Đảng ủy", "dang-uy"),
        ("Khuyến học – khuyến tài", "khuyen-hoc-khuyen-tai"),
        ("ĐẶC KHU CÔN ĐẢO", "dac-khu-con-dao"),
        ("Ủy ban nhân dân: Thông báo số 12/TB-UBND", "uy-ban-nhan-dan-thong-bao-so-12tb-ubnd"),
        ("Chủ đề năm 2026", "chu-de-nam-2026"),
    ],
)
def test_slugify_vi_is_ascii_with_d_for_dj(title, slug):
    assert slugify_vi(title) == slug
    assert slugify_vi(title).isascii()


def test_slugify_vi_handles_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Đảng ủy phường")
    assert slugify_vi(decomposed) == "dang-uy-phuong"


def test_nfc_turns_decomposed_into_composed():
    decomposed = unicodedata.normalize("NFD", "Khuyến học")
    assert decomposed != "Khuyến học"
    assert nfc(decomposed) == "Khuyến học"
    assert nfc(None) is None


def test_nfc_deep_walks_nested_structures():
    value = [{"type": "paragraph", "value": unicodedata.normalize("NFD", "<p>Ủy ban</p>")}]
    assert nfc_deep(value) == [{"type": "paragraph", "value": "<p>Ủy ban</p>"}]


def test_fold_removes_every_tone_and_d():
    assert fold("ĐẢNG ỦY Phường Tân Sơn Hòa") == "dang uy phuong tan son hoa"


SAIGON = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def test_vi_datetime_matches_what_readers_write():
    moment = datetime.datetime(2023, 5, 18, 9, 30, tzinfo=SAIGON)
    assert vi_datetime(moment) == "Thứ Năm, 18/05/2023 09:30"
    assert vi_date(moment) == "Thứ Năm, 18/05/2023"


def test_vi_datetime_converts_utc_to_local_time():
    # 23:15 UTC on Saturday is 06:15 on Sunday in Hồ Chí Minh City.
    moment = datetime.datetime(2023, 5, 20, 23, 15, tzinfo=datetime.UTC)
    assert vi_datetime(moment) == "Chủ Nhật, 21/05/2023 06:15"


@pytest.mark.parametrize(
    ("day", "name"),
    [(15, "Thứ Hai"), (16, "Thứ Ba"), (17, "Thứ Tư"), (19, "Thứ Sáu"), (20, "Thứ Bảy")],
)
def test_vi_date_weekday_names(day, name):
    assert vi_date(datetime.date(2023, 5, day)).startswith(name + ",")


@pytest.mark.parametrize(
    ("url", "src"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=3", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.facebook.com/ubnd/videos/123456/", None),
        ("https://example.com/video.mp4", None),
        ("javascript:alert(1)", None),
        ('https://www.youtube.com/watch?v=bad"><script>', None),
    ],
)
def test_embed_src(url, src):
    result = embed_src(url)
    if src is None and "facebook" in url:
        assert result.startswith("https://www.facebook.com/plugins/video.php?href=https%3A%2F%2F")
    else:
        assert result == src
