"""Tiny server-rendered SVG charts: no JavaScript, no inline CSS (the CSP forbids it).

Each chart is an <svg role="img"> named by its <title> and <desc>; the templates put
the same numbers in a data table next to it, which is what screen readers and
printouts rely on. Colours keep 3:1 contrast or more against white (WCAG 1.4.11).
"""

import itertools
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from .numbers import plain_number

PALETTE = ("#0a4f9e", "#a31d1d", "#2e7d32", "#8a5a00", "#6a1b9a")
INK = "#1a1a1a"
GRID = "#cfc8bd"
FONT = 'font-family="Noto Sans, Segoe UI, Roboto, Arial, sans-serif"'
_ids = itertools.count(1)


def _num(value) -> float:
    # Geometry only: the numbers printed on the chart come from plain_number(Decimal).
    return float(value or 0)


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _open(width, height, title, description, css_class):
    n = next(_ids)
    title_id, desc_id = f"bieu-do-{n}-ten", f"bieu-do-{n}-mo-ta"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{title_id} {desc_id}" {FONT} font-size="13">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]


def _legend(series, x, y):
    parts, offset = [], x
    for name, _values, colour in series:
        parts.append(f'<rect x="{offset}" y="{y - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{offset + 16}" y="{y}" fill="{INK}">{escape(name)}</text>')
        offset += 28 + 7 * len(name)
    return parts


def bar_chart(title, description, labels, series, unit="", markers=None, max_value=None):
    """Horizontal grouped bars, one group per label, the label written above its bars.

    The narrow layout keeps the text legible on a 360 px phone. series: [(name, [values…],
    colour)]; markers: optional (name, [values…]) drawn as a dark tick on each group
    (e.g. the target percentage).
    """
    series = [(name, values, colour or PALETTE[i % len(PALETTE)]) for i, (name, values, colour) in enumerate(series)]
    width, left, right_pad = 400, 4, 64
    bar_h, label_h, gap = 14, 18, 10
    legend_rows = 1 if (len(series) > 1 or markers) else 0
    top = 8 + legend_rows * 22
    group_h = label_h + bar_h * len(series) + gap
    height = top + group_h * max(len(labels), 1) + 22
    all_values = [_num(v) for _n, values, _c in series for v in values]
    if markers:
        all_values += [_num(v) for v in markers[1] if v is not None]
    top_value = max_value or _nice_max(max(all_values, default=0))
    plot_w = width - left - right_pad
    scale = plot_w / top_value
    out = _open(width, height, title, description, "chart-bars")
    if legend_rows:
        out += _legend(series, left, 20)
    if markers:
        lx = left + sum(28 + 7 * len(name) for name, _v, _c in series)
        out.append(f'<rect x="{lx + 4}" y="9" width="3" height="14" fill="{INK}"/>')
        out.append(f'<text x="{lx + 12}" y="20" fill="{INK}">{escape(markers[0])}</text>')
    for tick in range(5):
        x = left + plot_w * tick / 4
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 18}" stroke="{GRID}" stroke-width="1"/>')
        tick_value = Decimal(str(top_value)) * tick / 4
        anchor = "start" if tick == 0 else "end" if tick == 4 else "middle"
        out.append(
            f'<text x="{x:.1f}" y="{height - 4}" text-anchor="{anchor}" fill="{INK}" font-size="11">'
            f"{escape(plain_number(tick_value.quantize(Decimal('0.1'))))}{escape(unit)}</text>"
        )
    for row, label in enumerate(labels):
        y0 = top + row * group_h
        out.append(
            f'<text x="{left}" y="{y0 + label_h - 5}" fill="{INK}" font-weight="bold">'
            f"<title>{escape(label)}</title>{escape(_shorten(str(label), 48))}</text>"
        )
        for index, (_name, values, colour) in enumerate(series):
            value = values[row] if row < len(values) else 0
            w = max(_num(value) * scale, 0)
            y = y0 + label_h + index * bar_h
            out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{colour}"/>')
            out.append(
                f'<text x="{width - 2}" y="{y + bar_h - 3}" text-anchor="end" fill="{INK}" font-size="12">'
                f"{escape(plain_number(value or 0))}{escape(unit)}</text>"
            )
        if markers and row < len(markers[1]) and markers[1][row] is not None:
            x = left + _num(markers[1][row]) * scale
            bars_h = bar_h * len(series)
            out.append(f'<rect x="{x - 1.5:.1f}" y="{y0 + label_h - 3}" width="3" height="{bars_h + 4}" fill="{INK}"/>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text inside is escaped above


def column_chart(title, description, labels, series, unit=""):
    """Vertical grouped columns over time (e.g. income and spending per month)."""
    series = [(name, values, colour or PALETTE[i % len(PALETTE)]) for i, (name, values, colour) in enumerate(series)]
    width, height, left, bottom, top = 640, 300, 64, 44, 30
    plot_w, plot_h = width - left - 10, height - top - bottom
    all_values = [_num(v) for _n, values, _c in series for v in values]
    top_value = _nice_max(max(all_values, default=0))
    out = _open(width, height, title, description, "chart-columns")
    out += _legend(series, left, 18)
    for tick in range(5):
        y = top + plot_h - plot_h * tick / 4
        value = Decimal(str(top_value)) * tick / 4
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{INK}" font-size="11">'
            f"{escape(_short_money(value))}{escape(unit)}</text>"
        )
    count = max(len(labels), 1)
    slot = plot_w / count
    bar_w = max(min((slot - 4) / max(len(series), 1), 24), 2)
    every = max(1, round(count / 12))
    for index, label in enumerate(labels):
        x0 = left + slot * index + (slot - bar_w * len(series)) / 2
        for s_index, (name, values, colour) in enumerate(series):
            value = _num(values[index])
            h = plot_h * value / top_value
            out.append(
                f'<rect x="{x0 + s_index * bar_w:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 1:.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{escape(name)} {escape(str(label))}: '
                f"{escape(plain_number(values[index] or 0))}{escape(unit)}</title></rect>"
            )
        if index % every == 0:
            out.append(
                f'<text x="{left + slot * index + slot / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'fill="{INK}" font-size="11">{escape(str(label))}</text>'
            )
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="{INK}"/>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text inside is escaped above


def _short_money(value: Decimal) -> str:
    """An axis label: "1,5 tỷ", "20 tr" ("1.5 bn", "20 m" under /en/: pgettext "money unit")."""
    value = Decimal(value)
    if value >= 1_000_000_000:
        return f"{plain_number((value / 1_000_000_000).quantize(Decimal('0.1')))} {pgettext('money unit', 'tỷ')}"
    if value >= 1_000_000:
        return f"{plain_number((value / 1_000_000).quantize(Decimal('0.1')))} {pgettext('money unit', 'tr')}"
    if value >= 1_000:
        return f"{plain_number((value / 1_000).quantize(Decimal('0.1')))} {pgettext('money unit', 'nghìn')}"
    return plain_number(value)
