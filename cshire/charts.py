"""Data → SVG markup: the same chart on an HTML page and in a WeasyPrint PDF.

Pure functions returning a ``str``; the caller marks it safe (``Markup``) when embedding
it in a template. Every piece of user text is XML-escaped here.

Why the markup looks the way it does:

- Styling that matters is set with presentation *attributes* (``fill=``, ``stroke=``,
  ``font-size=``), never CSS classes: WeasyPrint does not apply the page's CSS inside an
  inline ``<svg>``, so the PDF would otherwise differ from the page.
- ``font-family`` sits on the ``<svg>`` element for the same reason; IPAexGothic first,
  the font bundled for PDFs (see ``cshire/pdf.py``).
- Each series has its own colour (Okabe–Ito palette, safe for colour-blind readers),
  dash pattern and marker shape, so two series stay apart in greyscale print.
- Text positions are explicit ``x``/``y`` per line (no ``dominant-baseline``, no
  ``dy``): renderers disagree on those.
- Output is deterministic: same input, same string (element ids come from a hash of
  the input), so charts can be cached and compared in tests.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

CHART_FONT = "IPAexGothic, 'Noto Sans CJK JP', 'DejaVu Sans', sans-serif"

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00")
DASHES = ("", "6 3", "2 2", "8 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond")
NO_DATA = "–"

_LABEL_SIZE = 11
_LINE_HEIGHT = 13
_SMALL_SIZE = 9
_TITLE_SIZE = 13
_PAD = 8
_TEXT_COLOUR = "#222222"
_MUTED_COLOUR = "#666666"
_GRID_COLOUR = "#cccccc"
# Characters that must never be XML content (C0 controls except tab/newline/CR).
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Punctuation that must not start a line, and brackets that must not end one.
_NO_LINE_START = set("、。，．・：；？！）」』】〉》〕!),.:;?")
_NO_LINE_END = set("（「『【〈《〔([")
_SMALL_KANA = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー")


@dataclass(frozen=True)
class Series:
    """One named row of values; ``None`` means no data for that axis or bar."""

    label: str
    values: Sequence[float | None]
    css_class: str = ""


def _format_number(value: float) -> str:
    """``4`` for whole numbers, otherwise at most two decimals: ``3.5``, ``3.67``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def radar_chart(
    axes: Sequence[str],
    series: Sequence[Series],
    *,
    max_value: float = 5,
    min_value: float = 0,
    size: int = 320,
    title: str = "",
    font_family: str = CHART_FONT,
) -> str:
    """Radar (spider) chart: one ring per level, one polygon per series, legend below.

    With fewer than three axes a radar has no area to compare, so a bar chart is
    returned instead. A series with a missing value is drawn as an outline between
    neighbouring known values only and left unfilled, so no value is invented.
    """
    if len(axes) < 3:
        return bar_chart(
            axes,
            series,
            max_value=max_value,
            width=max(size, 400),
            title=title,
            font_family=font_family,
        )
    if max_value <= min_value:
        raise ValueError("max_value must be greater than min_value")
    rows = [_clean_values(s, len(axes)) for s in series]
    n = len(axes)
    title_h = 24 if title else 0
    radius = round(size * 0.28)
    gap = 6
    margin = gap + 2 * _LINE_HEIGHT + 4
    cx, cy = size / 2, title_h + margin + radius
    span = max_value - min_value

    def point(i: int, value: float) -> tuple[float, float]:
        ratio = (min(max(value, min_value), max_value) - min_value) / span
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + radius * ratio * math.cos(angle), cy + radius * ratio * math.sin(angle)

    parts: list[str] = []
    if title:
        parts.append(_title(title, size))
    # Grid: one polygon ring per level, spokes, level numbers up the first spoke.
    for level in _levels(min_value, max_value):
        ring = " ".join(_pt(*point(i, level)) for i in range(n))
        colour = "#999999" if level == max_value else _GRID_COLOUR
        parts.append(
            f'<polygon points="{ring}" fill="none" stroke="{colour}" stroke-width="0.75"/>'
        )
        x, y = point(0, level)
        parts.append(
            _text_line(
                x + 3, y + 3, _format_number(level), "start", _SMALL_SIZE, fill=_MUTED_COLOUR
            )
        )
    for i in range(n):
        x, y = point(i, max_value)
        parts.append(
            f'<line x1="{_num(cx)}" y1="{_num(cy)}" x2="{_num(x)}" y2="{_num(y)}" '
            f'stroke="{_GRID_COLOUR}" stroke-width="0.75"/>'
        )
    for i, label in enumerate(axes):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        parts.append(_axis_label(label, angle, cx, cy, radius + gap, size))
    for index, (s, values) in enumerate(zip(series, rows, strict=True)):
        points = [None if v is None else point(i, v) for i, v in enumerate(values)]
        parts.append(_radar_series(index, s, points))
    legend, legend_h = _legend(series, 0, cy + radius + margin, size, shape="line")
    parts.append(legend)
    height = cy + radius + margin + legend_h + _PAD
    desc = _describe(axes, series, rows, _format_number)
    return _svg("radar", size, height, title, series, desc, font_family, parts)


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    max_value: float | None = None,
    width: int = 560,
    bar_height: int = 18,
    title: str = "",
    value_format: Callable[[float], str] = _format_number,
    font_family: str = CHART_FONT,
) -> str:
    """Horizontal grouped bar chart: one group per label, one bar per series.

    Horizontal bars keep long (Japanese) labels readable on the left. ``max_value``
    fixes the scale (e.g. 5 for a 1–5 rubric); by default it is rounded up from the data.
    Values outside 0..max are clipped in the drawing but printed as they are.
    """
    rows = [_clean_values(s, len(labels)) for s in series]
    known = [v for row in rows for v in row if v is not None]
    top = max_value if max_value is not None else _nice_ceiling(max(known, default=0))
    if top <= 0:
        raise ValueError("max_value must be positive")
    step = _nice_step(top)
    title_h = 24 if title else 0
    label_w = min(max((_text_width(x, _LABEL_SIZE) for x in labels), default=0) + 2, width * 0.35)
    value_w = max((_text_width(value_format(v), _LABEL_SIZE) for v in known), default=0)
    x0 = _PAD + label_w + 8
    plot_w = max(width - x0 - value_w - 6 - _PAD, 40)
    bars_h = len(series) * bar_height + max(len(series) - 1, 0) * 2

    parts: list[str] = []
    if title:
        parts.append(_title(title, width))
    y = title_h + _PAD
    groups: list[str] = []
    for i, label in enumerate(labels):
        lines, truncated = _wrap(label, label_w, _LABEL_SIZE)
        group_h = max(bars_h, len(lines) * _LINE_HEIGHT)
        mid = y + group_h / 2
        first = mid - (len(lines) - 1) * _LINE_HEIGHT / 2 + 0.35 * _LABEL_SIZE
        groups.append(_text_block(x0 - 8, first, lines, "end", label if truncated else None))
        bar_y = mid - bars_h / 2
        for index, values in enumerate(rows):
            bar = _bar(index, series[index], values[i], (x0, bar_y, plot_w, bar_height), top)
            groups.append(
                bar + _bar_value(values[i], x0, bar_y, plot_w, bar_height, top, value_format)
            )
            bar_y += bar_height + 2
        y += group_h + 10
    plot_bottom = y - 4
    # Grid lines under the bars, tick labels below the last group.
    for k in range(math.floor(top / step + 1e-9) + 1):
        tick = k * step
        x = x0 + plot_w * tick / top
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(title_h + _PAD / 2)}" x2="{_num(x)}" '
            f'y2="{_num(plot_bottom)}" stroke="{_GRID_COLOUR}" stroke-width="0.75"/>'
        )
        parts.append(
            _text_line(
                x, plot_bottom + 12, value_format(tick), "middle", _SMALL_SIZE, fill=_MUTED_COLOUR
            )
        )
    parts.append(
        f'<line x1="{_num(x0)}" y1="{_num(title_h + _PAD / 2)}" x2="{_num(x0)}" '
        f'y2="{_num(plot_bottom)}" stroke="#999999" stroke-width="1"/>'
    )
    parts.extend(groups)
    legend, legend_h = _legend(series, 0, plot_bottom + 20, width, shape="box")
    parts.append(legend)
    height = plot_bottom + 20 + legend_h + _PAD
    desc = _describe(labels, series, rows, value_format)
    return _svg("bar", width, height, title, series, desc, font_family, parts)


# --- series drawing ---------------------------------------------------------------------


def _style(index: int) -> tuple[str, str, str]:
    """Colour, dash pattern and marker shape of the series at ``index``."""
    return (
        PALETTE[index % len(PALETTE)],
        DASHES[index % len(DASHES)],
        MARKERS[index % len(MARKERS)],
    )


def _dash_attr(dash: str) -> str:
    return f' stroke-dasharray="{dash}"' if dash else ""


def _radar_series(index: int, s: Series, points: list[tuple[float, float] | None]) -> str:
    colour, dash, marker = _style(index)
    stroke = f'stroke="{colour}" stroke-width="2"{_dash_attr(dash)} stroke-linejoin="round"'
    out = [f'<g class="{_esc(("series " + s.css_class).strip())}">']
    if all(p is not None for p in points):
        ring = " ".join(_pt(*p) for p in points if p)
        out.append(f'<polygon points="{ring}" fill="{colour}" fill-opacity="0.18" {stroke}/>')
    else:
        # Outline only between neighbours that both have a value; nothing is filled.
        segments = []
        for i, p in enumerate(points):
            q = points[(i + 1) % len(points)]
            if p and q:
                segments.append(f"M{_pt(*p)} L{_pt(*q)}")
        if segments:
            out.append(f'<path d="{" ".join(segments)}" fill="none" {stroke}/>')
    out.extend(_marker(marker, *p, colour) for p in points if p)
    out.append("</g>")
    return "".join(out)


def _bar(
    index: int, s: Series, value: float | None, box: tuple[float, float, float, int], top: float
) -> str:
    """One bar; the first series is solid, later ones light with a (dashed) outline."""
    if value is None:
        return ""
    x0, y, plot_w, bar_height = box
    colour, dash, _ = _style(index)
    w = plot_w * min(max(value, 0), top) / top
    fill = f'fill="{colour}"' if index == 0 else f'fill="{colour}" fill-opacity="0.35"'
    outline = f' stroke="{colour}" stroke-width="1.25"{_dash_attr(dash)}' if index else ""
    css = _esc(f"bar {s.css_class}".strip())
    return (
        f'<rect class="{css}" x="{_num(x0)}" y="{_num(y)}" width="{_num(w)}" '
        f'height="{bar_height}" {fill}{outline}/>'
    )


def _bar_value(
    value: float | None,
    x0: float,
    y: float,
    plot_w: float,
    bar_height: int,
    top: float,
    value_format: Callable[[float], str],
) -> str:
    """The value printed just after the end of its bar (or a dash for no data)."""
    text_y = y + bar_height / 2 + 0.35 * _LABEL_SIZE
    if value is None:
        return _text_line(x0 + 4, text_y, NO_DATA, "start", _LABEL_SIZE, fill=_MUTED_COLOUR)
    end = x0 + plot_w * min(max(value, 0), top) / top
    return _text_line(end + 4, text_y, value_format(value), "start", _LABEL_SIZE)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3.2" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{_num(x - 3)}" y="{_num(y - 3)}" width="6" height="6" fill="{colour}"/>'
    if shape == "triangle":
        pts = f"{_pt(x, y - 4)} {_pt(x + 3.6, y + 2.6)} {_pt(x - 3.6, y + 2.6)}"
    else:
        pts = f"{_pt(x, y - 4)} {_pt(x + 4, y)} {_pt(x, y + 4)} {_pt(x - 4, y)}"
    return f'<polygon points="{pts}" fill="{colour}"/>'


def _legend(
    series: Sequence[Series], x: float, y: float, width: float, shape: str
) -> tuple[str, float]:
    """Legend rows starting at ``y``; returns the markup and the height used."""
    if not series:
        return "", 0
    out = ['<g class="legend">']
    cur_x, row, row_h = x + _PAD, 0, 18
    for index, s in enumerate(series):
        colour, dash, marker = _style(index)
        text = _wrap(s.label, width - 2 * _PAD - 26, _LABEL_SIZE, max_lines=1)[0]
        label = text[0] if text else ""
        item_w = 26 + _text_width(label, _LABEL_SIZE)
        if cur_x > x + _PAD and cur_x + item_w > x + width - _PAD:
            cur_x, row = x + _PAD, row + 1
        mid = y + row * row_h + 6
        if shape == "line":
            out.append(
                f'<line x1="{_num(cur_x)}" y1="{_num(mid)}" x2="{_num(cur_x + 20)}" '
                f'y2="{_num(mid)}" stroke="{colour}" stroke-width="2"{_dash_attr(dash)}/>'
            )
            out.append(_marker(marker, cur_x + 10, mid, colour))
        else:
            opacity = "" if index == 0 else ' fill-opacity="0.35"'
            outline = f' stroke="{colour}"{_dash_attr(dash)}' if index else ""
            out.append(
                f'<rect x="{_num(cur_x)}" y="{_num(mid - 6)}" width="20" height="12" '
                f'fill="{colour}"{opacity}{outline}/>'
            )
        out.append(_text_line(cur_x + 26, mid + 0.35 * _LABEL_SIZE, label, "start", _LABEL_SIZE))
        cur_x += item_w + 16
    out.append("</g>")
    return "".join(out), (row + 1) * row_h


# --- text -------------------------------------------------------------------------------


def _axis_label(
    label: str, angle: float, cx: float, cy: float, distance: float, width: float
) -> str:
    """An axis name just outside the outer ring, anchored away from the centre.

    Right-hand labels start at their point, left-hand ones end there, top and bottom ones
    are centred; a high label sits above its point, a low one below, others beside it.
    """
    ux, uy = math.cos(angle), math.sin(angle)
    x, y = cx + distance * ux, cy + distance * uy
    if ux > 0.2:
        anchor, room = "start", width - _PAD / 2 - x
    elif ux < -0.2:
        anchor, room = "end", x - _PAD / 2
    else:
        anchor, room = "middle", width * 0.45
    # Beside the chart there is height for three lines; above and below, for two.
    max_lines = 3 if abs(uy) <= 0.5 else 2
    lines, truncated = _wrap(label, max(room, 3 * _LABEL_SIZE), _LABEL_SIZE, max_lines)
    k = len(lines)
    if uy < -0.5:
        first = y - 0.2 * _LABEL_SIZE - (k - 1) * _LINE_HEIGHT
    elif uy > 0.5:
        first = y + 0.85 * _LABEL_SIZE
    else:
        first = y - (k - 1) * _LINE_HEIGHT / 2 + 0.35 * _LABEL_SIZE
    return _text_block(x, first, lines, anchor, label if truncated else None)


def _text_block(x: float, y: float, lines: list[str], anchor: str, full: str | None) -> str:
    """Lines of text from the first baseline ``y``; ``full`` (the untruncated label)
    becomes a tooltip when the label had to be shortened."""
    spans = "".join(
        f'<tspan x="{_num(x)}" y="{_num(y + i * _LINE_HEIGHT)}">{_esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    text = (
        f'<text text-anchor="{anchor}" font-size="{_LABEL_SIZE}" '
        f'fill="{_TEXT_COLOUR}">{spans}</text>'
    )
    return f"<g><title>{_esc(full)}</title>{text}</g>" if full else text


def _title(text: str, width: float) -> str:
    lines, _ = _wrap(text, width - 2 * _PAD, _TITLE_SIZE, max_lines=1)
    return _text_line(width / 2, 17, lines[0] if lines else "", "middle", _TITLE_SIZE, bold=True)


def _text_line(
    x: float,
    y: float,
    text: str,
    anchor: str,
    size: int,
    *,
    fill: str = _TEXT_COLOUR,
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{fill}"{weight}>{_esc(text)}</text>'
    )


def _text_width(text: str, size: float) -> float:
    """Rough rendered width: full-width (CJK) characters 1 em, everything else 0.6 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.6 for c in text)


def _char_class(char: str) -> str:
    code = ord(char)
    if char.isspace():
        return "space"
    if char in _NO_LINE_START:
        return "close"
    if char in _NO_LINE_END:
        return "open"
    if 0x3041 <= code <= 0x309F:
        return "hiragana"
    if 0x30A0 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F:
        return "katakana"
    if unicodedata.east_asian_width(char) in "WF":
        return "kanji"  # ideographs and other full-width characters
    return "latin"


def _tokens(text: str) -> list[str]:
    """Split ``text`` at places where a line may break.

    Latin text breaks after spaces. Japanese has no spaces, so without a dictionary we
    break where a phrase usually ends: after hiragana followed by something else
    (顧客への|共感, 課題解決力と|提案力), after closing punctuation, before an opening
    bracket, and between Japanese and Latin script. Runs of kanji or katakana stay whole
    unless a line cannot hold them.
    """
    tokens: list[str] = []
    for char in text:
        if tokens and not _may_break(tokens[-1][-1], char):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def _may_break(before: str, after: str) -> bool:
    a, b = _char_class(before), _char_class(after)
    if b in ("space", "close") or a == "open":
        return False
    if a in ("space", "close") or b == "open":
        return True
    if a == "hiragana":
        return b != "hiragana"
    return a != b and b != "hiragana"


def _wrap(text: str, max_width: float, size: float, max_lines: int = 2) -> tuple[list[str], bool]:
    """Break ``text`` into at most ``max_lines`` lines; returns (lines, truncated).

    Lines are balanced ("チーム / ワーク", not "チームワー / ク"); text that does not fit
    is cut with an ellipsis.
    """
    text = " ".join(_clean_text(text).split())
    lines = _greedy_lines(text, max_width, size)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and _text_width(last + "…", size) > max_width:
            last = last[:-1]
        return [*lines[: max_lines - 1], last.rstrip() + "…"], True
    # Rebalance only to avoid a stub last line ("チームワー / ク" → "チーム / ワーク").
    if len(lines) < 2 or _text_width(lines[-1], size) >= max_width * 0.3:
        return lines, False
    target = _text_width(text, size) / len(lines)
    while target < max_width:
        balanced = _greedy_lines(text, target, size)
        if len(balanced) == len(lines):
            return balanced, False
        target += size / 2
    return lines, False


def _greedy_lines(text: str, max_width: float, size: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in _tokens(text):
        if current and _text_width((current + token).rstrip(), size) > max_width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
        # A token wider than a whole line (a long word or kanji run) is cut by characters.
        while _text_width(current.rstrip(), size) > max_width and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and (
                _text_width(current[:cut], size) > max_width or current[cut] in _SMALL_KANA
            ):
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines


# --- values and markup ------------------------------------------------------------------


def _clean_values(s: Series, count: int) -> list[float | None]:
    if len(s.values) != count:
        raise ValueError(f"series {s.label!r} has {len(s.values)} values, expected {count}")
    return [None if v is None or not math.isfinite(v) else float(v) for v in s.values]


def _levels(low: float, high: float) -> list[float]:
    """Ring levels: every integer on a small integer scale, else round steps."""
    step = (
        1.0
        if high - low <= 10 and float(low).is_integer() and float(high).is_integer()
        else _nice_step(high - low)
    )
    count = math.floor((high - low) / step + 1e-9)
    levels = [low + step * k for k in range(1, count + 1)]
    return levels if levels and math.isclose(levels[-1], high) else [*levels, high]


def _nice_step(span: float) -> float:
    """A 1/2/5 × 10ⁿ step giving about five intervals over ``span``."""
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if raw <= m * magnitude + 1e-12)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    step = _nice_step(value)
    return math.ceil(value / step - 1e-9) * step


def _describe(
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


def _svg(
    kind: str,
    width: float,
    height: float,
    title: str,
    series: Sequence[Series],
    desc: str,
    font_family: str,
    parts: list[str],
) -> str:
    name = title or " / ".join(s.label for s in series)
    digest = hashlib.blake2s(f"{kind}\0{name}\0{desc}".encode(), digest_size=5).hexdigest()
    ident = f"chart-{digest}"
    w, h = _num(width), _num(math.ceil(height))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" role="img" '
        f'width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'font-family="{_esc(font_family)}" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-desc">'
        f'<title id="{ident}-title">{_esc(name)}</title>'
        f'<desc id="{ident}-desc">{_esc(desc)}</desc>' + "\n".join(["", *parts, "</svg>"])
    )


def _clean_text(text: str) -> str:
    return _XML_INVALID.sub("", str(text))


def _esc(text: str) -> str:
    return escape(_clean_text(text), quote=True)


def _num(value: float) -> str:
    """Coordinates with at most two decimals, so output is short and deterministic."""
    return _format_number(round(value, 2))


def _pt(x: float, y: float) -> str:
    return f"{_num(x)},{_num(y)}"
