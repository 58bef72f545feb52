"""Demo pictures drawn locally with Pillow: leader silhouettes and a boundary map. Nothing is downloaded."""

import io
import math
import random
import zipfile
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


@cache
def _font(size):
    for candidate in FONTS:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return None


def _png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def portrait(seed: str, woman: bool = False) -> bytes:
    """A 480×640 head-and-shoulders silhouette on a plain background (no face: the people are fictional)."""
    rnd = random.Random(seed)
    background = rnd.choice([(214, 226, 238), (226, 232, 222), (236, 228, 214), (222, 222, 232)])
    image = Image.new("RGB", (480, 640), background)
    draw = ImageDraw.Draw(image)
    suit = rnd.choice([(38, 48, 66), (52, 52, 58), (30, 58, 80)])
    skin = rnd.choice([(196, 160, 128), (210, 172, 140), (184, 146, 114)])
    hair = (34, 30, 28)
    if woman:
        suit = rnd.choice([(236, 236, 240), (176, 42, 48), (40, 72, 120)])
        draw.ellipse((120, 120, 360, 470), fill=hair)  # hair falling to the shoulders
    draw.rounded_rectangle((40, 440, 440, 760), radius=150, fill=suit)
    if not woman:
        draw.polygon([(190, 440), (290, 440), (240, 560)], fill=(245, 245, 245))
        draw.polygon([(228, 462), (252, 462), (258, 560), (240, 590), (222, 560)], fill=(150, 28, 36))
    draw.rectangle((205, 360, 275, 450), fill=skin)
    draw.ellipse((150, 150, 330, 380), fill=skin)
    if woman:
        draw.chord((142, 120, 338, 320), 180, 360, fill=hair)
    else:
        draw.chord((145, 130, 335, 300), 180, 360, fill=hair)
    return _png(image)


def boundary_map(title: str, quarters: list[str], neighbours: list[str], seed: str) -> bytes:
    """A 1200×900 schematic map: the ward's outline, khu phố, a canal, main roads, north arrow, legend."""
    rnd = random.Random(seed)
    width, height = 1200, 900
    image = Image.new("RGB", (width, height), (236, 240, 232))
    draw = ImageDraw.Draw(image)
    cx, cy = 560, 470
    outline = []
    for n in range(14):
        angle = 2 * math.pi * n / 14
        radius = rnd.uniform(300, 360)
        outline.append((cx + radius * 1.25 * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(outline, fill=(255, 250, 232), outline=(163, 29, 29))
    draw.line([*outline, outline[0]], fill=(163, 29, 29), width=7, joint="curve")
    # Canal across the south-west.
    canal = [(0, 720), (220, 690), (420, 760), (640, 740), (860, 820), (1200, 800)]
    draw.line(canal, fill=(120, 170, 214), width=34, joint="curve")
    # Main roads.
    for road in ([(120, 300), (1050, 420)], [(520, 60), (610, 880)], [(250, 620), (900, 200)]):
        draw.line(road, fill=(255, 255, 255), width=18)
        draw.line(road, fill=(196, 188, 170), width=2)
    # Khu phố: dots with labels in a loose grid inside the outline.
    label_font = _font(24)
    columns = 4
    for index, name in enumerate(quarters):
        row, column = divmod(index, columns)
        x = cx - 330 + column * 210 + rnd.randint(-20, 20)
        y = cy - 140 + row * 200 + rnd.randint(-20, 20)
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(163, 29, 29))
        if label_font:
            draw.text((x + 14, y - 14), name, fill=(40, 40, 40), font=label_font)
    small = _font(22)
    if small:
        spots = [(40, 40), (900, 60), (40, 820), (880, 850)]
        for (x, y), name in zip(spots, neighbours, strict=False):
            draw.text((x, y), f"Giáp {name}", fill=(90, 90, 90), font=small)
        draw.text((40, 650), "Kênh", fill=(40, 90, 140), font=small)
    # North arrow.
    draw.polygon([(1120, 140), (1100, 200), (1120, 188), (1140, 200)], fill=(40, 40, 40))
    big = _font(30)
    if big:
        draw.text((1108, 96), "B", fill=(40, 40, 40), font=big)
        box = draw.textbbox((0, 0), title, font=big)
        draw.rectangle((cx - (box[2] - box[0]) / 2 - 16, 8, cx + (box[2] - box[0]) / 2 + 16, 56), fill=(163, 29, 29))
        draw.text((cx - (box[2] - box[0]) / 2, 14), title, fill=(255, 255, 255), font=big)
    return _png(image)


def docx(title: str, paragraphs: list[str], rows: list[tuple[str, str]] | None = None) -> bytes:
    """A minimal Word document (DOCX): a title, paragraphs and an optional two-column table."""

    def para(text, bold=False):
        run_props = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return f'<w:p><w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = [para(title, bold=True)] + [para(text) for text in paragraphs]
    if rows:
        cells = "".join("<w:tr>" + "".join(f"<w:tc>{para(value)}</w:tc>" for value in row) + "</w:tr>" for row in rows)
        body.append(f"<w:tbl><w:tblPr><w:tblW w:w='0' w:type='auto'/></w:tblPr>{cells}</w:tbl>{para('')}")
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return out.getvalue()
