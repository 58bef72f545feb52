"""Saved pages of old ward portals, in the layouts they came in, written into a folder for a test.

Own texts (not the shared sample's): three HTML layouts — a table-based portal of the 2010s
(`table_layout`), an HTML5 theme with article/header/nav (`article_layout`), a NukeViet-like page
with breadcrumb, sidebar and "Tin liên quan" (`nukeviet_layout`) — and a plain-text extraction.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

BANNER = "Chủ đề năm 2024: Năm đẩy mạnh chuyển đổi số, xây dựng chính quyền thân thiện, phục vụ nhân dân"
FOOTER = "Địa chỉ: 15 đường Hoa Sứ, phường 7, quận Thử Nghiệm. Điện thoại: 028 3999 0000"


def png_bytes() -> bytes:
    """A 1×1 PNG, enough for Wagtail to store as an image."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def table_layout(
    title, paragraphs, url, date_line="Cập nhật lúc 07:45 ngày 03/03/2024", image="", caption="", signer="BAN BIÊN TẬP"
):
    """An old table-based portal: menu cells, a "Tin tức nổi bật" box, the article in a cell."""
    image_html = (
        f'<p style="text-align:center"><img src="{image}" alt=""></p>'
        f'<p style="text-align:center"><em>{caption}</em></p>'
        if image
        else ""
    )
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!-- saved from url=({len(url)}){url} -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title} - Cổng thông tin điện tử Phường 7</title></head>
<body><table width="100%"><tr><td colspan="2"><div class="banner">{BANNER}</div></td></tr>
<tr><td class="leftmenu" width="200"><a href="/">Trang chủ</a><br><a href="/gioi-thieu">Giới thiệu</a><br>
<a href="/tin-tuc">Tin tức</a><br><b>Tin tức nổi bật</b><br><a href="/x">Ra quân dọn dẹp kênh rạch</a></td>
<td valign="top"><span class="pathway"><a href="/">Trang chủ</a> » <a href="/tin-tuc/khuyen-hoc">Khuyến học</a></span>
<p class="title"><b>{title}</b></p><p class="date">{date_line}</p>
{image_html}{body}
<p style="text-align:right"><b>{signer}</b></p>
<p><a href="javascript:history.back()">Quay lại</a></p><p>Lượt xem: 1234</p>
</td></tr><tr><td colspan="2" class="bottom">{FOOTER}<br>Bản quyền thuộc UBND Phường 7</td></tr>
</table></body></html>"""


def article_layout(
    title, paragraphs, url, iso_time="2023-11-20T14:30:00+07:00", attachment="", signer="Hội Khuyến học phường 7"
):
    """An HTML5 theme: header/nav/aside/footer, the article in <article> with <time>."""
    attach_html = f'<p>Tải về: <a href="{attachment}">Kế hoạch chi tiết</a></p>' if attachment else ""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<link rel="canonical" href="{url}"><title>{title} | Phường 7</title></head>
<body><header class="site-header"><div class="slogan">{BANNER}</div>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul></nav></header>
<div class="container"><main><article class="post">
<header class="entry-header"><h1 class="entry-title">{title}</h1><time datetime="{iso_time}">20/11/2023</time></header>
<div class="entry-content">{body}{attach_html}<p><strong>{signer}</strong></p></div>
<div class="share-tools">Chia sẻ</div></article>
<section class="related-posts"><h3>Tin liên quan</h3><ul><li><a href="/a">Một bài khác</a></li></ul></section>
</main><aside class="sidebar"><h3>Danh mục</h3><ul><li>Tin tức</li><li>Văn bản</li></ul></aside></div>
<footer class="site-footer"><p>{FOOTER}</p></footer></body></html>"""


def nukeviet_layout(
    title,
    paragraphs,
    url,
    date_text="Thứ Năm, 18/05/2023 - 09:15",
    category="Văn bản",
    signer="ỦY BAN NHÂN DÂN PHƯỜNG 7",
):
    """A NukeViet-like page: breadcrumb list, a news detail block, "Tin liên quan", a sidebar of counters."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:url" content="{url}">
<title>{title}</title></head><body><div id="header"><div class="chu-de">{BANNER}</div></div>
<div class="breadcrumbs"><ul><li><a href="/">Trang chủ</a></li><li><a href="/van-ban">{category}</a></li></ul></div>
<div class="row"><div class="col-md-8"><div class="news_detail"><h1>{title}</h1>
<span class="time">{date_text}</span><div class="bodytext">{body}<p style="text-align:right">{signer}</p></div></div>
<div class="news_other"><h3>Tin liên quan</h3><ul><li>Tin cũ hơn</li></ul></div></div>
<div class="col-md-4"><div class="block"><h3>Thống kê truy cập</h3><p>Đang trực tuyến: 12</p><p>Hôm nay: 345</p></div>
<div class="block"><h3>TIN TỨC MEDIA</h3><p>Video hoạt động</p></div></div></div>
<div id="footer"><p>{FOOTER}</p></div></body></html>"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


NEWS_A = [
    "Sáng ngày 02/3/2024, Hội Khuyến học phường 7 tổ chức lễ trao 40 suất học bổng cho học sinh có hoàn cảnh khó khăn.",
    "Mỗi suất học bổng trị giá 1.000.000 đồng, do các nhà hảo tâm trên địa bàn đóng góp vào quỹ khuyến học.",
    "Phát biểu tại buổi lễ, đại diện lãnh đạo phường mong các em tiếp tục cố gắng vươn lên trong học tập.",
]
NEWS_B = [
    "Chiều 20/11/2023, Đoàn Thanh niên phường phối hợp Trạm Y tế tổ chức ngày hội hiến máu tình nguyện.",
    "Hơn 120 đoàn viên, thanh niên và người dân đăng ký tham gia; 98 đơn vị máu được tiếp nhận.",
]
DOCUMENT = [
    "Số: 12/2024/QĐ-UBND",
    "Quyết định ban hành quy chế quản lý quỹ khuyến học phường 7, ngày 05 tháng 3 năm 2024.",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý, sử dụng quỹ khuyến học của phường.",
]
TEXT_PAGE = "\n\n".join(
    [
        BANNER,
        "Tin tức nổi bật Tin tức nổi bật",
        "Quay lại",
        "UBND PHƯỜNG 7 RA QUÂN TỔNG VỆ SINH KÊNH NHIÊU LỘC HƯỞNG ỨNG NGÀY CHỦ NHẬT XANH",
        "Sáng ngày 7/4/2024, UBND phường 7 phối hợp Ủy ban Mặt trận Tổ quốc phường ra quân tổng vệ sinh tuyến kênh.",
        "Hơn 200 người tham gia, thu gom khoảng 3 tấn rác thải các loại.",
        "ỦY BAN NHÂN DÂN PHƯỜNG 7",
        "TIN TỨC MEDIA TIN TỨC MEDIA",
    ]
)
