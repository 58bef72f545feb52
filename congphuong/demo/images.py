"""Illustrations for the demo, drawn locally with Pillow (nothing is downloaded).

Each picture is a 1200×675 JPEG: a gradient in the category's colours, a simple
scene (hall, building, notice board, people, books, screen, house) and the
picture's title in a caption band. The text needs a font with Vietnamese
glyphs; when none of the usual system fonts is found, the picture has no text.
"""

import functools
import io
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 675)
FONT_CANDIDATES = {
    True: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
        "/Library/Fonts/Arial Bold.ttf",
        "C:/Windows/Fonts/arialbd.ttf",
    ),
    False: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/Library/Fonts/Arial.ttf",
        "C:/Windows/Fonts/arial.ttf",
    ),
}

RED = (218, 37, 29)
YELLOW = (255, 205, 0)


@functools.cache
def _font(size: int, bold: bool = True):
    for candidate in FONT_CANDIDATES[bold]:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return None


def _rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _star(cx: float, cy: float, r: float, rotation: float = -math.pi / 2) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = rotation + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


@functools.cache
def _gradient_mask(weight: int, flipped: bool) -> Image.Image:
    vertical = Image.linear_gradient("L")
    horizontal = vertical.transpose(Image.Transpose.ROTATE_90)
    if flipped:
        horizontal = horizontal.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return Image.blend(vertical, horizontal, weight / 10).resize(SIZE, Image.Resampling.BILINEAR)


@functools.cache
def _glow_mask() -> Image.Image:
    glow = Image.radial_gradient("L").resize((900, 900))
    return glow.point(lambda v: max(0, 255 - 2 * v) * 0.4)  # soft disc, fully transparent at its edge


def _background(dark, light, rnd: random.Random) -> Image.Image:
    mask = _gradient_mask(rnd.randint(3, 7), rnd.random() < 0.5)
    channels = [
        mask.point([round(d + (lt - d) * v / 255) for v in range(256)]) for d, lt in zip(dark, light, strict=True)
    ]
    image = Image.merge("RGB", channels)
    x, y = rnd.randint(-200, 700), rnd.randint(-450, 50)
    image.paste(_mix(light, (255, 255, 255), 0.55), (x, y, x + 900, y + 900), _glow_mask())
    return image


def _person(draw, x, ground, height, colour):
    head = height * 0.2
    draw.ellipse((x - head / 2, ground - height, x + head / 2, ground - height + head), fill=colour)
    draw.rounded_rectangle(
        (x - height * 0.22, ground - height + head * 1.1, x + height * 0.22, ground), radius=height * 0.12, fill=colour
    )


def _crowd(draw, rnd, ground, colours, count, height=(110, 150), x_range=(60, 1140)):
    step = (x_range[1] - x_range[0]) / count
    for i in range(count):
        x = x_range[0] + step * (i + 0.5) + rnd.uniform(-step * 0.2, step * 0.2)
        _person(draw, x, ground, rnd.uniform(*height), rnd.choice(colours))


def _motif_hall(draw, rnd, dark, light):
    draw.rectangle((140, 70, 1060, 330), fill=_mix(RED, dark, 0.25))
    draw.rectangle((140, 70, 1060, 92), fill=YELLOW)
    draw.polygon(_star(600, 200, 85), fill=YELLOW)
    for i, width in enumerate((520, 380)):
        draw.rounded_rectangle(
            (600 - width / 2, 300 + i * 0, 600 + width / 2, 312), radius=6, fill=_mix(YELLOW, RED, 0.3)
        )
    draw.rectangle((100, 330, 1100, 372), fill=_mix(dark, (0, 0, 0), 0.35))
    shades = [_mix(dark, (0, 0, 0), t) for t in (0.45, 0.55, 0.65)]
    _crowd(draw, rnd, 560, shades, 16, (90, 120))
    _crowd(draw, rnd, 640, shades, 13, (110, 140))


def _motif_building(draw, rnd, dark, light):
    body = _mix(light, (255, 255, 255), 0.75)
    shadow = _mix(dark, (255, 255, 255), 0.35)
    draw.polygon([(330, 230), (600, 120), (870, 230)], fill=body)
    draw.rectangle((350, 230, 850, 250), fill=shadow)
    for i in range(6):
        x = 380 + i * 88
        draw.rectangle((x, 255, x + 36, 500), fill=body)
    draw.rectangle((320, 500, 880, 530), fill=shadow)
    draw.line((600, 120, 600, 40), fill=(60, 60, 60), width=5)
    draw.rectangle((602, 40, 672, 86), fill=RED)
    draw.polygon(_star(637, 63, 16), fill=YELLOW)
    leaf = _mix(dark, (30, 120, 60), 0.6)
    for x in (130, 230, 970, 1070):
        radius = rnd.randint(55, 80)
        draw.rectangle((x - 8, 470, x + 8, 560), fill=(90, 60, 40))
        draw.ellipse((x - radius, 470 - radius * 1.6, x + radius, 490), fill=leaf)
    draw.rectangle((0, 530, SIZE[0], SIZE[1]), fill=_mix(dark, (0, 0, 0), 0.3))


def _motif_notice(draw, rnd, dark, light):
    draw.rounded_rectangle((300, 60, 900, 540), radius=18, fill=(140, 100, 60))
    draw.rounded_rectangle((330, 90, 870, 510), radius=10, fill=(250, 248, 240))
    draw.rectangle((330, 90, 870, 150), fill=_mix(dark, light, 0.3))
    for i in range(7):
        width = rnd.randint(300, 470)
        draw.rounded_rectangle((370, 185 + i * 42, 370 + width, 203 + i * 42), radius=8, fill=(200, 200, 205))
    draw.ellipse((585, 65, 615, 95), fill=RED)
    draw.polygon(_star(1010, 150, 70, rnd.uniform(-0.3, 0.3)), fill=_mix(YELLOW, light, 0.2))


def _motif_people(draw, rnd, dark, light):
    draw.rounded_rectangle((220, 90, 980, 200), radius=14, fill=RED)
    draw.polygon(_star(290, 145, 38), fill=YELLOW)
    draw.polygon(_star(910, 145, 38), fill=YELLOW)
    palette = [
        _mix(dark, (0, 0, 0), 0.2),
        _mix(light, (255, 255, 255), 0.35),
        (250, 240, 225),
        _mix(RED, dark, 0.2),
        (40, 90, 160),
    ]
    _crowd(draw, rnd, 480, palette, 11, (150, 190), (120, 1080))
    _crowd(draw, rnd, 560, palette, 9, (170, 210), (80, 1120))


def _motif_books(draw, rnd, dark, light):
    colours = [(250, 240, 225), _mix(RED, light, 0.2), (40, 90, 160), _mix(YELLOW, light, 0.2), (245, 245, 245)]
    y = 560
    for _ in range(6):
        height = rnd.randint(40, 58)
        width = rnd.randint(360, 460)
        x = 600 - width / 2 + rnd.randint(-30, 30)
        draw.rounded_rectangle((x, y - height, x + width, y), radius=6, fill=rnd.choice(colours))
        draw.rectangle((x + 14, y - height + 10, x + 24, y - 10), fill=_mix(dark, (0, 0, 0), 0.2))
        y -= height + 4
    draw.polygon([(600, y - 150), (780, y - 95), (600, y - 40), (420, y - 95)], fill=(30, 30, 35))
    draw.rectangle((540, y - 75, 660, y - 20), fill=(30, 30, 35))
    draw.line((780, y - 95, 790, y + 10), fill=YELLOW, width=6)
    draw.ellipse((1000, 70, 1120, 190), fill=_mix(YELLOW, (255, 255, 255), 0.3))


def _motif_screen(draw, rnd, dark, light):
    draw.rounded_rectangle((250, 90, 850, 470), radius=18, fill=(35, 38, 48))
    draw.rectangle((275, 115, 825, 445), fill=(245, 247, 252))
    draw.rectangle((275, 115, 825, 160), fill=_mix(dark, light, 0.4))
    for i in range(5):
        draw.rounded_rectangle(
            (305, 185 + i * 46, 305 + rnd.randint(220, 400), 205 + i * 46), radius=8, fill=(210, 214, 224)
        )
    draw.ellipse((690, 300, 790, 400), fill=(34, 160, 90))
    draw.line([(715, 350), (735, 372), (768, 328)], fill=(255, 255, 255), width=10)
    draw.polygon([(190, 470), (910, 470), (960, 520), (140, 520)], fill=(70, 74, 86))
    draw.rounded_rectangle((930, 170, 1090, 480), radius=20, fill=(35, 38, 48))
    draw.rectangle((945, 200, 1075, 450), fill=(255, 255, 255))
    cell = 12
    for row in range(9):
        for col in range(9):
            corner = (row < 3 and col < 3) or (row < 3 and col > 5) or (row > 5 and col < 3)
            if corner or rnd.random() < 0.45:
                x, y = 956 + col * cell, 270 + row * cell
                draw.rectangle((x, y, x + cell - 1, y + cell - 1), fill=(20, 20, 20))


def _motif_house(draw, rnd, dark, light):
    wall = (250, 240, 225)
    draw.polygon([(280, 300), (520, 130), (760, 300)], fill=_mix(RED, dark, 0.3))
    draw.rectangle((320, 300, 720, 560), fill=wall)
    draw.rectangle((480, 420, 560, 560), fill=(140, 90, 50))
    draw.rectangle((360, 340, 440, 410), fill=_mix(light, (255, 255, 255), 0.4))
    draw.rectangle((600, 340, 680, 410), fill=_mix(light, (255, 255, 255), 0.4))
    cx, cy, r = 920, 250, 70
    heart = (235, 60, 90)
    draw.ellipse((cx - 2 * r, cy - r, cx, cy + r), fill=heart)
    draw.ellipse((cx, cy - r, cx + 2 * r, cy + r), fill=heart)
    draw.polygon([(cx - 2 * r + 8, cy + 25), (cx + 2 * r - 8, cy + 25), (cx, cy + 2.6 * r)], fill=heart)
    draw.rectangle((0, 560, SIZE[0], SIZE[1]), fill=_mix(dark, (0, 0, 0), 0.3))
    _crowd(draw, rnd, 560, [_mix(dark, (0, 0, 0), 0.5)], 4, (120, 160), (800, 1160))


def _motif_lantern(draw, rnd, dark, light):
    draw.ellipse((880, 50, 1080, 250), fill=(255, 236, 160))
    colours = [RED, YELLOW, (240, 120, 40), (230, 70, 120)]
    for i, x in enumerate((200, 380, 560, 740)):
        top = rnd.randint(150, 230)
        draw.line((x, 0, x, top - 50), fill=(60, 40, 30), width=3)
        colour = colours[(i + rnd.randint(0, 3)) % len(colours)]
        if i % 2 == 0:
            draw.polygon(_star(x, top, 62, -math.pi / 2 + rnd.uniform(-0.2, 0.2)), fill=colour)
        else:
            draw.ellipse((x - 48, top - 55, x + 48, top + 55), fill=colour)
            draw.rectangle((x - 22, top - 62, x + 22, top - 50), fill=YELLOW)
            draw.rectangle((x - 22, top + 50, x + 22, top + 62), fill=YELLOW)
        draw.line((x, top + 55, x, top + 95), fill=YELLOW, width=4)
    palette = [(250, 240, 225), _mix(RED, dark, 0.2), (40, 90, 160), _mix(YELLOW, dark, 0.3)]
    _crowd(draw, rnd, 540, palette, 10, (110, 150), (80, 1120))


MOTIFS = {
    "hall": _motif_hall,
    "building": _motif_building,
    "notice": _motif_notice,
    "people": _motif_people,
    "books": _motif_books,
    "screen": _motif_screen,
    "house": _motif_house,
    "lantern": _motif_lantern,
}


def _wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if font.getlength(trial) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while font.getlength(lines[-1] + " …") > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += " …"
    return lines


def _caption(image: Image.Image, caption: str, label: str) -> None:
    title_font, label_font = _font(40), _font(22, bold=False)
    if title_font is None or label_font is None:
        return
    lines = _wrap(caption, title_font, SIZE[0] - 120, 2)
    band_top = SIZE[1] - 40 - 52 * len(lines) - 20
    band = image.crop((0, band_top, SIZE[0], SIZE[1]))
    image.paste(Image.blend(band, Image.new("RGB", band.size, (10, 14, 24)), 0.72), (0, band_top))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((60, band_top + 24 + i * 52), line, font=title_font, fill=(255, 255, 255))
    label_width = label_font.getlength(label)
    draw.rounded_rectangle((40, 30, 40 + label_width + 36, 72), radius=21, fill=(246, 246, 246))
    draw.text((58, 38), label, font=label_font, fill=(30, 30, 30))
    note = "Ảnh minh họa"
    draw.text((SIZE[0] - 40 - label_font.getlength(note), 40), note, font=label_font, fill=(255, 255, 255))


def illustration(caption: str, label: str, colours: tuple[str, str], motif: str, seed: str) -> bytes:
    """A 1200×675 JPEG for `caption` (drawn on it), deterministic for a given seed."""
    rnd = random.Random(seed)
    dark, light = _rgb(colours[0]), _rgb(colours[1])
    image = _background(dark, light, rnd)
    MOTIFS[motif](ImageDraw.Draw(image), rnd, dark, light)
    _caption(image, caption, label)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def emblem(size: int = 512) -> bytes:
    """The ward emblem: a red disc with a yellow five-pointed star in a gold ring (PNG)."""
    scale = 2  # drawn large, then reduced, for smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, big - 1, big - 1), fill=(232, 180, 40, 255))
    ring = big * 0.045
    draw.ellipse((ring, ring, big - ring, big - ring), fill=RED + (255,))
    draw.polygon(_star(big / 2, big / 2 + big * 0.02, big * 0.36), fill=YELLOW + (255,))
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
