# ruff: noqa: E501 (the legacy HTML templates keep a page line per source line)
"""N legacy ward pages, as old portals leave them, in three HTML layouts and plain text.

    python -m bench.legacy.generate --pages 1000 --out /tmp/congphuong-bench/legacy

Writes `html/` (a browser's "save page" of a table-based theme, a wget mirror of an HTML5 theme with
`<article>`/`<figure>`, a div-soup theme with "Cập nhật lúc …" and "Ảnh: …" lines) and `text/` (plain
extractions with a "Nguồn:" line): the importer refuses a folder mixing formats, so the runner imports
the two folders one after the other. About one page in five has a PNG next to it (its own bytes).
Every page's title, paragraphs, captions, signing unit and image bytes are also returned
(`Source`), so the runner can hash what went in. The text is made here from word lists (seeded,
reproducible), varied enough that no paragraph repeats across pages (the importer drops lines that
repeat across many pages as the site's boilerplate).
"""

from __future__ import annotations

import argparse
import random
import struct
import zlib
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

HOST = "phuong9.quancu.example.gov.vn"
WARD = "Phường 9"
LAYOUTS = ("browser", "mirror", "divs", "text")

SUBJECTS = (
    "Ủy ban nhân dân phường",
    "Ban chỉ huy quân sự phường",
    "Hội Liên hiệp Phụ nữ phường",
    "Đoàn Thanh niên phường",
    "Hội Cựu chiến binh phường",
    "Trạm y tế phường",
    "Công an phường",
    "Ban điều hành khu phố {kp}",
    "Mặt trận Tổ quốc phường",
    "Hội Chữ thập đỏ phường",
    "Trường tiểu học Nguyễn Văn Trỗi",
    "Hội Người cao tuổi phường",
)
EVENTS = (
    ("tổ chức ra quân dọn dẹp kênh rạch", "Vệ sinh môi trường"),
    ("trao học bổng cho học sinh vượt khó", "Khuyến học"),
    ("tiêm vắc xin sởi cho trẻ dưới năm tuổi", "Y tế"),
    ("ra mắt mô hình tuyến hẻm không rác", "Đô thị văn minh"),
    ("hướng dẫn người dân nộp hồ sơ trực tuyến", "Chuyển đổi số"),
    ("tặng quà cho gia đình chính sách", "An sinh xã hội"),
    ("tập huấn phòng cháy chữa cháy", "Phòng cháy"),
    ("khám sức khỏe miễn phí cho người cao tuổi", "Y tế"),
    ("tuyên truyền phòng chống ma túy", "An ninh trật tự"),
    ("tổng kết phong trào toàn dân đoàn kết", "Mặt trận"),
    ("sửa chữa nhà tình thương", "An sinh xã hội"),
    ("kiểm tra an toàn thực phẩm quanh trường học", "Y tế"),
    ("đối thoại với hộ kinh doanh trên địa bàn", "Cải cách hành chính"),
    ("hiến máu tình nguyện", "Chữ thập đỏ"),
)
OPENERS = ("Sáng ngày", "Chiều ngày", "Tối ngày", "Vào ngày", "Trưa ngày", "Ngày")
PLACES = (
    "hội trường Ủy ban nhân dân phường",
    "nhà văn hóa khu phố {kp}",
    "sân trường Trung học cơ sở Lê Lợi",
    "công viên đường Trần Quang Khải",
    "trụ sở Ban điều hành khu phố {kp}",
    "chợ Bàu Sen",
    "hẻm {h} đường Nguyễn Trãi",
)
VERBS = (
    "đã có {n} hộ dân tham gia",
    "thu hút {n} đoàn viên và người dân",
    "với sự phối hợp của {n} tình nguyện viên",
    "trao {n} phần quà trị giá {m} triệu đồng",
    "thu gom khoảng {m} tấn rác thải",
    "hỗ trợ {n} lượt người làm thủ tục",
)
DETAILS = (
    "Đồng chí {name}, {role}, phát biểu ghi nhận tinh thần trách nhiệm của các đơn vị và đề nghị duy trì hoạt động {when}.",
    "Theo kế hoạch, đợt {k} sẽ kéo dài đến hết tháng {month}, tập trung vào các tuyến hẻm nhỏ của khu phố {kp}.",
    "Bà {name} ({age} tuổi, ngụ khu phố {kp}) chia sẻ: gia đình bà rất phấn khởi khi được chính quyền quan tâm {when}.",
    "Kinh phí thực hiện gồm {m} triệu đồng từ ngân sách và {m2} triệu đồng do các mạnh thường quân đóng góp.",
    "Dịp này, {n} cá nhân và {k} tập thể được khen thưởng vì có thành tích xuất sắc trong năm {year}.",
    "Người dân có thắc mắc xin liên hệ bộ phận một cửa của phường, số điện thoại 028 38{tel} trong giờ hành chính.",
    "Ông {name}, Trưởng ban điều hành khu phố {kp}, cho biết khu phố đã vận động được {n} hộ đăng ký tham gia đợt {k}.",
    "Kết quả, {pct} phần trăm hồ sơ được giải quyết đúng hạn, tăng {k} điểm so với cùng kỳ năm {year}.",
    "Ban tổ chức lưu ý mỗi hộ chỉ đăng ký một lần và mang theo căn cước công dân khi đến nhận hỗ trợ đợt {k}.",
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Quốc", "Thu", "Kim", "Đức")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Hạnh", "Khoa", "Lan", "Mai", "Nam", "Phúc", "Quyên", "Sơn", "Tâm", "Yến")
ROLES = (
    "Phó Bí thư Đảng ủy phường",
    "Chủ tịch Ủy ban nhân dân phường",
    "Phó Chủ tịch Ủy ban nhân dân phường",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc phường",
)
WHENS = ("trong thời gian tới", "thường xuyên hơn", "đến cuối năm", "vào các dịp lễ, tết")
SIGNERS = ("ỦY BAN NHÂN DÂN PHƯỜNG 9", "BAN BIÊN TẬP", "Hội Khuyến học phường 9", "BAN CHỈ HUY QUÂN SỰ PHƯỜNG 9")
CAPTIONS = (
    "Quang cảnh buổi lễ tại {place}",
    "Đại diện {subject} trao quà cho người dân khu phố {kp}",
    "Các tình nguyện viên ra quân sáng ngày {d}/{mo}",
)


@dataclass
class Source:
    """What one legacy page holds: what the hash before the import is made of."""

    index: int
    layout: str
    url: str
    title: str
    paragraphs: list[str]
    signing_unit: str
    date: str  # dd/mm/yyyy
    time: str  # HH:MM
    image: bytes | None = None
    image_name: str = ""
    caption: str = ""
    files: list[str] = field(default_factory=list)


def png(rng: random.Random, index: int) -> bytes:
    """A small PNG of its own (a gradient seeded by the page): a real image, unique bytes."""
    width, height = 48, 32
    r0, g0, b0 = rng.randrange(256), rng.randrange(256), index % 256
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in ((r0 + x) % 256, (g0 + y) % 256, (b0 + x + y) % 256))
        for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _name(rng):
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _fill(rng, template, **extra):
    values = {
        "kp": rng.randint(1, 12),
        "h": rng.randint(10, 990),
        "n": rng.randint(12, 950),
        "m": rng.randint(2, 480),
        "m2": rng.randint(2, 90),
        "k": rng.randint(2, 9),
        "pct": rng.randint(80, 99),
        "age": rng.randint(55, 92),
        "year": rng.randint(2015, 2024),
        "month": rng.randint(1, 12),
        "tel": f"{rng.randint(100000, 999999)}",
        "name": _name(rng),
        "role": rng.choice(ROLES),
        "when": rng.choice(WHENS),
    }
    values.update(extra)
    return template.format(**values)


def make_source(index: int, layout: str, seed: int = 18) -> Source:
    rng = random.Random(seed * 1_000_003 + index)
    year, month, day = rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute = rng.randint(6, 21), rng.choice((0, 5, 15, 30, 45))
    subject = _fill(rng, rng.choice(SUBJECTS))
    event, _topic = rng.choice(EVENTS)
    place = _fill(rng, rng.choice(PLACES))
    title = f"{subject} {event} đợt {rng.randint(1, 9)} năm {year} (bài {index + 1})"
    date_text = f"{day}/{month}/{year}"
    first = f"{rng.choice(OPENERS)} {date_text}, tại {place}, {subject} {event}, {_fill(rng, rng.choice(VERBS))}."
    paragraphs = [first]
    for template in rng.sample(DETAILS, rng.randint(2, 5)):
        paragraphs.append(_fill(rng, template))
    paragraphs[-1] += f" (Mã tin {year}{index:06d}.)"  # no two pages end alike
    slug = f"tin-{index + 1}-{year}{month:02d}{day:02d}"
    source = Source(
        index=index,
        layout=layout,
        url=f"http://{HOST}/tin-tuc/{slug}.html",
        title=title,
        paragraphs=paragraphs,
        signing_unit=rng.choice(SIGNERS),
        date=f"{day:02d}/{month:02d}/{year}",
        time=f"{hour:02d}:{minute:02d}",
    )
    if index % 5 == 2 and layout != "text":  # a text extraction has no pictures
        source.image = png(rng, index)
        source.image_name = f"anh-{index + 1}.png"
        source.caption = _fill(rng, rng.choice(CAPTIONS), place=place, subject=subject, d=day, mo=month)
    return source


# --- Layouts ----------------------------------------------------------------------------------


def _body_html(source: Source, image_src: str, style: str) -> str:
    parts = [f"<p>{escape(p)}</p>" for p in source.paragraphs]
    if source.image is not None:
        if style == "figure":
            figure = f'<figure><img src="{escape(image_src)}" alt=""><figcaption>{escape(source.caption)}</figcaption></figure>'
        else:
            figure = f'<p style="text-align:center"><img src="{escape(image_src)}"></p><p><em>Ảnh: {escape(source.caption)}</em></p>'
        parts.insert(1, figure)
    parts.append(f'<p style="text-align:right"><strong>{escape(source.signing_unit)}</strong></p>')
    return "\n".join(parts)


def _sidebar(rng: random.Random) -> str:
    items = "".join(
        f'<li><a href="/tin-tuc/tin-{rng.randint(1, 9999)}.html">Tin {rng.randint(1, 9999)}</a></li>' for _ in range(5)
    )
    return f'<div class="block"><div class="block-title">Tin tức nổi bật</div><ul>{items}</ul></div>'


def browser_page(source: Source) -> str:
    """An old table-based theme, saved by a browser (the URL in the "saved from" comment)."""
    rng = random.Random(source.index)
    image_src = f"{source.url.rsplit('/', 1)[1][:-5]}_files/{source.image_name}"
    return f"""<!DOCTYPE html>
<!-- saved from url=({len(source.url):04d}){source.url} -->
<html><head><meta charset="utf-8"><title>{escape(source.title)} - Cổng thông tin {WARD}</title></head>
<body><table width="100%"><tr><td colspan="2" class="banner"><img src="banner.jpg">CỔNG THÔNG TIN ĐIỆN TỬ {WARD.upper()}</td></tr>
<tr><td colspan="2" class="menu"><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> | <a href="/tin-tuc">Tin tức</a> | <a href="/van-ban">Văn bản</a></td></tr>
<tr><td width="25%" valign="top">{_sidebar(rng)}<div class="block"><div class="block-title">Danh mục</div><ul><li>Tin tức – sự kiện</li><li>Thông báo</li></ul></div></td>
<td valign="top"><div class="news-detail"><h1 class="title">{escape(source.title)}</h1>
<div class="date">Cập nhật lúc {source.time} ngày {source.date}</div>
{_body_html(source, image_src, "em")}
</div><div class="counter">Lượt xem: {rng.randint(10, 9000)}</div><a href="javascript:history.back()">Quay lại</a></td></tr>
<tr><td colspan="2" class="footer">Ủy ban nhân dân {WARD} – 12 đường Số 3, quận Cũ – Điện thoại: 028 3800 0009</td></tr></table></body></html>
"""


def mirror_page(source: Source) -> str:
    """An HTML5 theme mirrored by wget (the folder is named after the host)."""
    rng = random.Random(source.index + 7)
    weekday = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")[source.index % 7]
    day, month, year = source.date.split("/")
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<link rel="canonical" href="{source.url}"><title>{escape(source.title)}</title></head><body>
<header class="site-header"><div class="logo">{WARD} – Cổng thông tin điện tử</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li><li><a href="/lien-he/">Liên hệ</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc/">Tin tức – sự kiện</a></div>
<main><article><h1>{escape(source.title)}</h1>
<time datetime="{year}-{month}-{day}T{source.time}:00+07:00">{weekday}, {source.date} - {source.time}</time>
{_body_html(source, "../images/" + source.image_name, "figure")}
</article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/tin-tuc/tin-{rng.randint(1, 9999)}.html">Một tin khác</a></li></ul></aside></main>
<footer><p>Bản quyền © Ủy ban nhân dân {WARD}</p><p>Địa chỉ: 12 đường Số 3, quận Cũ</p></footer></body></html>
"""


def divs_page(source: Source) -> str:
    """A div-soup theme (Joomla-like), saved by a browser."""
    rng = random.Random(source.index + 13)
    return f"""<html><!-- saved from url=({len(source.url):04d}){source.url} -->
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{escape(source.title)}</title></head>
<body><div id="wrapper"><div id="top"><div class="slogan">Đoàn kết – Kỷ cương – Sáng tạo – Phát triển</div></div>
<div id="mainmenu"><a href="/">Trang chủ</a><a href="/tin-tuc">Tin tức</a><a href="/hoi-dap">Hỏi đáp</a></div>
<div id="left">{_sidebar(rng)}</div>
<div id="content"><div class="item-page"><h2 class="contentheading">{escape(source.title)}</h2>
<div class="createdate">Ngày đăng: {source.date.replace("/", "-")} {source.time}</div>
<div class="content-body">{_body_html(source, "images/" + source.image_name, "em")}</div></div>
<div class="tin-khac"><b>TIN TỨC MEDIA</b> <a href="/media/{rng.randint(1, 999)}">Video</a></div></div>
<div id="footer">© {WARD}. Số lượt truy cập: {rng.randint(100000, 999999)}</div></div></body></html>
"""


def text_page(source: Source) -> str:
    lines = [source.title, "", f"Cập nhật lúc {source.time} ngày {source.date}", ""]
    for paragraph in source.paragraphs:
        lines += [paragraph, ""]
    lines += [source.signing_unit, "", f"Nguồn: {source.url}", ""]
    return "\n".join(lines)


def write(n: int, out: Path, seed: int = 18) -> list[Source]:
    """Write n pages under out/html and out/text; returns what each holds."""
    html_dir, text_dir = out / "html", out / "text"
    sources = []
    for index in range(n):
        layout = LAYOUTS[index % len(LAYOUTS)]
        source = make_source(index, layout, seed)
        name = source.url.rsplit("/", 1)[1]
        if layout == "browser":
            folder = html_dir / "luu-trinh-duyet"
            path = folder / name
            image_path = folder / f"{name[:-5]}_files" / source.image_name
            text = browser_page(source)
        elif layout == "mirror":
            folder = html_dir / "mirror" / HOST / "tin-tuc"
            path = folder / name
            image_path = html_dir / "mirror" / HOST / "images" / source.image_name
            text = mirror_page(source)
        elif layout == "divs":
            folder = html_dir / "joomla"
            path = folder / name
            image_path = folder / "images" / source.image_name
            text = divs_page(source)
        else:
            path = text_dir / f"{name[:-5]}.txt"
            image_path = None
            text = text_page(source)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        source.files.append(str(path))
        if source.image is not None and image_path is not None:
            image_path.parent.mkdir(parents=True, exist_ok=True)
            image_path.write_bytes(source.image)
            source.files.append(str(image_path))
        sources.append(source)
    return sources


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/congphuong-bench/legacy"))
    args = parser.parse_args(argv)
    sources = write(args.pages, args.out)
    print(f"{len(sources)} trang cũ trong {args.out}")


if __name__ == "__main__":
    main()
