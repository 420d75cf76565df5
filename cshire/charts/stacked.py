"""Horizontal stacked bars: one bar per category, one segment per series, totals."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cshire.charts.axis import END_GAP, LABEL_GAP, bar_grid, bar_layout, nice_ceiling, nice_ticks
from cshire.charts.series import (
    Series,
    box_swatch,
    clean_values,
    css,
    describe,
    empty_chart,
    legend,
    pattern_defs,
    pattern_fill,
)
from cshire.charts.svg import (
    CHART_FONT,
    NO_DATA,
    PAD,
    TEXT_COLOUR,
    centred_baseline,
    chart_id,
    chart_title,
    document,
    format_number,
    format_percent,
    num,
    text_block,
    text_line,
)
from cshire.charts.text import LABEL_SIZE, text_width

_SEGMENT_SIZE = 10  # values inside the segments


def stacked_bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    shares: bool = False,
    max_value: float | None = None,
    width: int = 560,
    bar_height: int = 20,
    title: str = "",
    value_format: Callable[[float], str] = format_number,
    share_format: Callable[[float], str] = format_percent,
    font_family: str = CHART_FONT,
    empty_label: str = "No data",
) -> str:
    """One horizontal bar per category made of one segment per series (e.g. interview
    statuses per opening), the category's total printed at the end of its bar.

    With ``shares`` every bar spans the full width and its segments are labelled with
    their share of the category (e.g. the O/H/G mix of each team); the totals printed
    are still counts. A segment is labelled where its text fits inside it. ``None``
    counts as nothing in the bar and as no data in the description; negative values
    cannot be stacked and raise ``ValueError``.
    """
    rows = [clean_values(s, len(categories)) for s in series]
    if any(v is not None and v < 0 for row in rows for v in row):
        raise ValueError("stacked values must not be negative")
    totals = [_total([row[i] for row in rows]) for i in range(len(categories))]
    known = [t for t in totals if t is not None]
    desc = describe(categories, series, rows, value_format)
    name = title or " / ".join(s.label for s in series)
    ident = chart_id("stacked", name, desc)
    entries = [(s.label, box_swatch(pattern_fill(ident, i))) for i, s in enumerate(series)]
    if not known:
        return empty_chart("stacked", width, title, empty_label, font_family, entries)
    top = 1.0 if shares else max_value if max_value is not None else nice_ceiling(max(known))
    if top <= 0:
        raise ValueError("max_value must be positive")
    ticks = nice_ticks(0, top)
    tick_format = share_format if shares else value_format
    total_w = max(text_width(value_format(t), LABEL_SIZE, bold=True) for t in known)
    fitted, x0, plot_w = bar_layout(categories, width, total_w, tick_format(ticks[-1]))
    heading, title_h = chart_title(title, width)

    y = title_h + PAD
    bars: list[str] = []
    for i, label in enumerate(fitted):
        row_h = max(bar_height, label.height)
        mid = y + row_h / 2
        bars.append(text_block(x0 - LABEL_GAP, centred_baseline(label, mid), label, "end"))
        values = [row[i] for row in rows]
        scale = (totals[i] or 1) if shares else top
        bars.extend(_segments(ident, series, values, (x0, mid - bar_height / 2, plot_w, bar_height),
                              scale, share_format if shares else value_format, shares))
        end = x0 + plot_w * (1 if shares and totals[i] else (totals[i] or 0) / top)
        total = NO_DATA if totals[i] is None else value_format(totals[i])
        bars.append(text_line(end + END_GAP, mid + 0.35 * LABEL_SIZE, total, "start",
                              LABEL_SIZE, bold=True))
        y += row_h + 8
    plot_bottom = y - 2
    grid = bar_grid(ticks, (x0, plot_w, top), (title_h + PAD / 2, plot_bottom), tick_format)
    parts = [heading, *grid, *bars]
    key, key_h = legend(entries, plot_bottom + 20, width)
    parts.append(key)
    height = plot_bottom + 20 + key_h + PAD
    return document("stacked", (width, height), name, desc, font_family,
                    [p for p in parts if p], defs=pattern_defs(ident, len(series)), ident=ident)


def _total(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _segments(
    ident: str,
    series: Sequence[Series],
    values: list[float | None],
    box: tuple[float, float, float, float],
    scale: float,
    fmt: Callable[[float], str],
    shares: bool,
) -> list[str]:
    """The segments of one bar, white gaps between them, each labelled if it fits."""
    x, y, plot_w, bar_h = box
    out = []
    for index, (s, value) in enumerate(zip(series, values, strict=True)):
        if not value:
            continue
        w = plot_w * min(value / scale, 1)
        out.append(
            f'<rect class="{css("segment", s.css_class)}" x="{num(x)}" y="{num(y)}" '
            f'width="{num(w)}" height="{num(bar_h)}" {pattern_fill(ident, index)}/>'
        )
        if x > box[0]:
            out.append(f'<line x1="{num(x)}" y1="{num(y)}" x2="{num(x)}" y2="{num(y + bar_h)}" '
                       'stroke="#ffffff" stroke-width="1.5"/>')
        out.append(_segment_label(fmt(value / scale if shares else value), x, y, w, bar_h))
        x += w
    return out


def _segment_label(text: str, x: float, y: float, w: float, bar_h: float) -> str:
    """The value on a white chip in the middle of its segment, readable on any fill;
    nothing when it does not fit (the description and the total still give it)."""
    text_w = text_width(text, _SEGMENT_SIZE)
    if text_w + 6 > w or bar_h < _SEGMENT_SIZE + 3:
        return ""
    mid_x, mid_y = x + w / 2, y + bar_h / 2
    chip_h = _SEGMENT_SIZE + 3
    return (
        f'<rect x="{num(mid_x - text_w / 2 - 2)}" y="{num(mid_y - chip_h / 2)}" '
        f'width="{num(text_w + 4)}" height="{num(chip_h)}" rx="2" fill="#ffffff" '
        'fill-opacity="0.85"/>'
        + text_line(mid_x, mid_y + 0.35 * _SEGMENT_SIZE, text, "middle", _SEGMENT_SIZE,
                    fill=TEXT_COLOUR)
    )

