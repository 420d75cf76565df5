"""Series and how each is told apart: colour, dash, marker, fill pattern; the legend,
the text alternative and the "No data" chart shared by every kind."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cshire.charts.svg import (
    MUTED_COLOUR,
    NO_DATA,
    PAD,
    chart_title,
    document,
    esc,
    num,
    pt,
    text_block,
    text_line,
)
from cshire.charts.text import LABEL_SIZE, fit

# Okabe–Ito: safe for colour-blind readers. Dashes, markers and fill patterns keep
# series apart in greyscale print too.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00")
DASHES = ("", "6 3", "2 2", "8 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond")
# Fill patterns on a 6×6 tile over a light tint of the colour; the first series is solid.
_PATTERNS = (
    "",
    '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{c}" stroke-width="1.5"/>',
    '<circle cx="3" cy="3" r="1.4" fill="{c}"/>',
    '<path d="M0,0 L6,6 M6,0 L0,6" stroke="{c}" stroke-width="1"/>',
    '<path d="M0,3 H6" stroke="{c}" stroke-width="1.5"/>',
    '<path d="M3,0 V6" stroke="{c}" stroke-width="1.5"/>',
)

Swatch = Callable[[float, float], str]  # draws a 20×12 key at (left x, middle y)


@dataclass(frozen=True)
class Series:
    """One named row of values; ``None`` means no data for that axis or bar."""

    label: str
    values: Sequence[float | None]
    css_class: str = ""


def clean_values(s: Series, count: int) -> list[float | None]:
    """The values as floats, ``None`` for missing or non-finite ones."""
    if len(s.values) != count:
        raise ValueError(f"series {s.label!r} has {len(s.values)} values, expected {count}")
    return [None if v is None or not math.isfinite(v) else float(v) for v in s.values]


def style(index: int) -> tuple[str, str, str]:
    """Colour, dash pattern and marker shape of the series at ``index``."""
    return (
        PALETTE[index % len(PALETTE)],
        DASHES[index % len(DASHES)],
        MARKERS[index % len(MARKERS)],
    )


def dash_attr(dash: str) -> str:
    return f' stroke-dasharray="{dash}"' if dash else ""


def css(*names: str) -> str:
    return esc(" ".join(n for n in names if n))


def marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="3.2" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{num(x - 3)}" y="{num(y - 3)}" width="6" height="6" fill="{colour}"/>'
    if shape == "triangle":
        pts = f"{pt(x, y - 4)} {pt(x + 3.6, y + 2.6)} {pt(x - 3.6, y + 2.6)}"
    else:
        pts = f"{pt(x, y - 4)} {pt(x + 4, y)} {pt(x, y + 4)} {pt(x - 4, y)}"
    return f'<polygon points="{pts}" fill="{colour}"/>'


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white; ``amount`` is the share of the colour kept."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02x}" for c in rgb)


def pattern_defs(ident: str, count: int) -> str:
    """<pattern> definitions for the fills of the first ``count`` series."""
    out = []
    for index in range(1, count):
        colour = PALETTE[index % len(PALETTE)]
        shape = _PATTERNS[index % len(_PATTERNS)] or _PATTERNS[1]
        out.append(
            f'<pattern id="{ident}-fill{index}" patternUnits="userSpaceOnUse" width="6" '
            f'height="6"><rect width="6" height="6" fill="{tint(colour, 0.3)}"/>'
            f"{shape.format(c=colour)}</pattern>"
        )
    return "".join(out)


def pattern_fill(ident: str, index: int) -> str:
    """Fill attribute of series ``index``: solid for the first, a pattern after."""
    if index == 0:
        return f'fill="{PALETTE[0]}"'
    return f'fill="url(#{ident}-fill{index})" stroke="{PALETTE[index % len(PALETTE)]}"'


def line_swatch(index: int) -> Swatch:
    colour, dash, shape = style(index)

    def draw(x: float, mid: float) -> str:
        return (
            f'<line x1="{num(x)}" y1="{num(mid)}" x2="{num(x + 20)}" y2="{num(mid)}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr(dash)}/>'
        ) + marker(shape, x + 10, mid, colour)

    return draw


def box_swatch(fill_attrs: str) -> Swatch:
    def draw(x: float, mid: float) -> str:
        return f'<rect x="{num(x)}" y="{num(mid - 6)}" width="20" height="12" {fill_attrs}/>'

    return draw


def legend(entries: Sequence[tuple[str, Swatch]], y: float, width: float) -> tuple[str, float]:
    """Legend rows from ``y``, items flowing left to right; returns markup and height."""
    if not entries:
        return "", 0
    out = ['<g class="legend">']
    cur_x, row, row_h = PAD, 0, 18
    for text, swatch in entries:
        label = fit(text, width - 2 * PAD - 26, LABEL_SIZE, max_lines=1)
        item_w = 26 + label.width
        if cur_x > PAD and cur_x + item_w > width - PAD:
            cur_x, row = PAD, row + 1
        mid = y + row * row_h + 6
        out.append(swatch(cur_x, mid))
        out.append(text_block(cur_x + 26, mid + 0.35 * label.size, label, "start"))
        cur_x += item_w + 16
    out.append("</g>")
    return "".join(out), (row + 1) * row_h


def describe(
    names: Sequence[str],
    series: Sequence[Series],
    rows: list[list[float | None]],
    fmt: Callable[[float], str],
) -> str:
    """Text alternative: every value of every series, for screen readers and tests."""
    return " / ".join(
        f"{s.label}: "
        + ", ".join(
            f"{name} {NO_DATA if v is None else fmt(v)}" for name, v in zip(names, row, strict=True)
        )
        for s, row in zip(series, rows, strict=True)
    )


def empty_chart(
    kind: str,
    width: float,
    title: str,
    message: str,
    font_family: str,
    entries: Sequence[tuple[str, Swatch]] = (),
) -> str:
    """A small chart saying there is nothing to draw. Title and legend stay, so a page
    looks the same with or without data."""
    heading, title_h = chart_title(title, width)
    message_y = title_h + PAD + 20
    key, key_h = legend(entries, message_y + 16, width)
    parts = [heading, text_line(width / 2, message_y, message, "middle", LABEL_SIZE,
                                fill=MUTED_COLOUR), key]
    height = message_y + 16 + key_h + PAD
    return document(f"{kind} chart-empty", (width, height), title or message, message,
                    font_family, [p for p in parts if p])
