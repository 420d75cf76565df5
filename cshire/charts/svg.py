"""Markup shared by every chart kind: escaping, numbers, text, the <svg> document.

See the package docstring for why the markup looks the way it does.
"""

from __future__ import annotations

import hashlib
import math
from html import escape

from cshire.charts.text import (
    ASCENT,
    Label,
    clean_text,
    ellipsize,
    line_height,
)

CHART_FONT = "IPAexGothic, 'Noto Sans CJK JP', 'DejaVu Sans', sans-serif"
NO_DATA = "–"

PAD = 8
TITLE_SIZE = 13
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#595959"  # 7:1 on white, readable at 9px
GRID_COLOUR = "#d0d0d0"
AXIS_COLOUR = "#888888"


def format_number(value: float) -> str:
    """``4`` for whole numbers, otherwise at most two decimals: ``3.5``, ``3.67``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_percent(ratio: float) -> str:
    """A ratio as a whole percentage: 0.64 → ``64%``."""
    return f"{ratio * 100:.0f}%"


def esc(text: str) -> str:
    return escape(clean_text(text), quote=True)


def num(value: float) -> str:
    """Coordinates with at most two decimals, so output is short and deterministic."""
    return format_number(round(value, 2))


def pt(x: float, y: float) -> str:
    return f"{num(x)},{num(y)}"


def text_line(
    x: float,
    y: float,
    text: str,
    anchor: str,
    size: float,
    *,
    fill: str = TEXT_COLOUR,
    bold: bool = False,
) -> str:
    """One line of text with its baseline at ``y``."""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" font-size="{num(size)}" '
        f'fill="{fill}"{weight}>{esc(text)}</text>'
    )


def text_block(
    x: float, y: float, label: Label, anchor: str, *, fill: str = TEXT_COLOUR
) -> str:
    """The lines of ``label`` from the first baseline ``y``; a shortened label carries
    its full text as a tooltip."""
    if not label.lines:
        return ""
    step = line_height(label.size)
    spans = "".join(
        f'<tspan x="{num(x)}" y="{num(y + i * step)}">{esc(line)}</tspan>'
        for i, line in enumerate(label.lines)
    )
    weight = ' font-weight="bold"' if label.bold else ""
    text = (
        f'<text text-anchor="{anchor}" font-size="{num(label.size)}" '
        f'fill="{fill}"{weight}>{spans}</text>'
    )
    return f"<g><title>{esc(label.full)}</title>{text}</g>" if label.full else text


def centred_baseline(label: Label, mid: float) -> float:
    """First baseline that centres the lines of ``label`` vertically on ``mid``."""
    step = line_height(label.size)
    return mid - (len(label.lines) - 1) * step / 2 + 0.35 * label.size


def chart_title(text: str, width: float) -> tuple[str, float]:
    """A bold one-line heading (shortened to fit; the <svg> title keeps the whole)
    and the height it takes, 0 without a title."""
    if not text:
        return "", 0
    line = ellipsize(" ".join(clean_text(text).split()), width - 2 * PAD, TITLE_SIZE, bold=True)
    baseline = PAD / 2 + ASCENT * TITLE_SIZE + 1
    return text_line(width / 2, baseline, line, "middle", TITLE_SIZE, bold=True), 24


def chart_id(kind: str, name: str, desc: str) -> str:
    """An id unique to the chart's content, so output stays deterministic and two
    different charts on one page do not share ids."""
    digest = hashlib.blake2s(f"{kind}\0{name}\0{desc}".encode(), digest_size=5).hexdigest()
    return f"chart-{digest}"


def document(
    kind: str,
    size: tuple[float, float],
    name: str,
    desc: str,
    font_family: str,
    parts: list[str],
    *,
    defs: str = "",
    ident: str = "",
) -> str:
    """The <svg> element: accessible name and description, then ``defs`` and ``parts``.

    ``ident`` is the :func:`chart_id` a chart already used for ids inside ``defs``."""
    ident = ident or chart_id(kind, name, desc)
    w, h = num(math.ceil(size[0])), num(math.ceil(size[1]))
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" role="img" '
        f'width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'font-family="{esc(font_family)}" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-desc">'
        f'<title id="{ident}-title">{esc(name)}</title>'
        f'<desc id="{ident}-desc">{esc(desc)}</desc>'
    )
    body = [f"<defs>{defs}</defs>"] if defs else []
    return head + "\n".join(["", *body, *parts, "</svg>"])
