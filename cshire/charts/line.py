"""Line chart: values over periods (months, quarters), one line per series."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cshire.charts.axis import axis_line, grid_left, nice_ticks, tick_width
from cshire.charts.series import (
    Series,
    clean_values,
    css,
    dash_attr,
    describe,
    empty_chart,
    legend,
    line_swatch,
    marker,
    style,
)
from cshire.charts.svg import (
    CHART_FONT,
    MUTED_COLOUR,
    PAD,
    chart_title,
    document,
    format_number,
    pt,
    text_block,
    text_line,
)
from cshire.charts.text import ASCENT, LABEL_SIZE, SMALL_SIZE, Label, fit, line_height, text_width

_MIN_PLOT_HEIGHT = 80
_POINT_SIZE = 10  # values printed above the points of a single series


def line_chart(
    periods: Sequence[str],
    series: Sequence[Series],
    *,
    min_value: float | None = None,
    max_value: float | None = None,
    width: int = 560,
    height: int = 300,
    title: str = "",
    y_label: str = "",
    value_format: Callable[[float], str] = format_number,
    font_family: str = CHART_FONT,
    empty_label: str = "No data",
) -> str:
    """One line per series across ``periods``; ``None`` leaves a gap in the line.

    The value axis runs from ``min_value`` (by default 0, or a round tick below the
    lowest value) to ``max_value`` (by default a round tick at or above the highest),
    with round ticks between. A single series has every value printed over its point;
    with several, each line's last value is printed at its right end, beside the line's
    marker. Period names are thinned out (every second, third… one) when short names do
    not fit side by side. The SVG is ``height`` tall unless the legend leaves less than
    a minimal plot.
    """
    rows = [clean_values(s, len(periods)) for s in series]
    known = [v for row in rows for v in row if v is not None]
    entries = [(s.label, line_swatch(i)) for i, s in enumerate(series)]
    if not known:
        return empty_chart("line", width, title, empty_label, font_family, entries)
    ticks, (low, high) = _value_axis(known, min_value, max_value)
    heading, title_h = chart_title(title, width)
    axis_name = fit(y_label, width - 2 * PAD, LABEL_SIZE, max_lines=1) if y_label else None
    x0 = PAD + tick_width(ticks, value_format) + 6
    # One series whose values fit side by side: each over its point; else last values.
    over_points = len(series) == 1 and _values_fit(
        rows[0], value_format, (width - PAD - x0) / len(periods)
    )
    ends = [] if over_points else _end_labels(rows, value_format)
    x1 = width - PAD - max((text_width(t, LABEL_SIZE) + 16 for _, t, _ in ends), default=0)
    slot = (x1 - x0) / len(periods)

    def x_of(i: int) -> float:
        return x0 + slot * (i + 0.5)

    names = _period_labels(periods, slot, x_of, (PAD, width - PAD))
    names_h = max(label.height for _, label in names) + 8
    plot_top = title_h + PAD + (line_height(LABEL_SIZE) + 4 if axis_name else 0)
    plot_top += line_height(_POINT_SIZE) if over_points else SMALL_SIZE / 2
    _, key_h = legend(entries, 0, width)
    plot_bottom = max(height - PAD - key_h - 10 - names_h, plot_top + _MIN_PLOT_HEIGHT)

    def y_of(value: float) -> float:
        ratio = (min(max(value, low), high) - low) / (high - low)
        return plot_bottom - ratio * (plot_bottom - plot_top)

    parts = [heading, *grid_left(ticks, y_of, (x0, x1), value_format)]
    if axis_name:
        first = title_h + PAD + ASCENT * axis_name.size
        parts.append(text_block(PAD, first, axis_name, "start", fill=MUTED_COLOUR))
    parts.append(axis_line(x0, plot_bottom, x1, plot_bottom))
    # Under the lowest value tick, which sits beside the axis at the left.
    parts.extend(text_block(x, plot_bottom + 8 + ASCENT * label.size, label, "middle")
                 for x, label in names)
    for index, (s, values) in enumerate(zip(series, rows, strict=True)):
        points = [None if v is None else (x_of(i), y_of(v)) for i, v in enumerate(values)]
        parts.append(_line(index, s, points, values if over_points else [], value_format))
    parts.extend(_draw_end_labels(ends, x1, y_of, (plot_top, plot_bottom)))
    key, key_h = legend(entries, plot_bottom + names_h + 10, width)
    parts.append(key)
    total_h = max(height, plot_bottom + names_h + 10 + key_h + PAD)
    desc = describe(periods, series, rows, value_format)
    name = title or " / ".join(s.label for s in series)
    return document("line", (width, total_h), name, desc, font_family, [p for p in parts if p])


def _value_axis(
    known: list[float], min_value: float | None, max_value: float | None
) -> tuple[list[float], tuple[float, float]]:
    """Tick values and the (low, high) ends of the value axis."""
    low = min_value if min_value is not None else min(0.0, *known)
    high = max_value if max_value is not None else max(known)
    if high <= low and min_value is not None and max_value is not None:
        raise ValueError("max_value must be greater than min_value")
    ticks = nice_ticks(low, high)
    low = min_value if min_value is not None else ticks[0]
    high = max_value if max_value is not None else ticks[-1]
    return [t for t in ticks if low <= t <= high], (low, high)


def _period_labels(
    periods: Sequence[str],
    slot: float,
    x_of: Callable[[int], float],
    bounds: tuple[float, float],
) -> list[tuple[float, Label]]:
    """(x, label) of the period names under the axis, each centred on its points and
    wrapped into its slot (the outer ones may reach into the margins, up to ``bounds``).
    Where short names do not fit whole at full size (twelve months on a narrow chart),
    every second, third… one is printed instead, the first always, if that lets each fit
    on one line; longer names are all printed, wrapped and if need be shortened."""

    def layout(every: int) -> list[tuple[float, Label]]:
        placed = []
        for i in range(0, len(periods), every):
            x = x_of(i)
            room = min(slot * every - 4, 2 * (x - bounds[0]), 2 * (bounds[1] - x))
            placed.append((x, fit(periods[i], room, LABEL_SIZE)))
        return placed

    def whole(placed: list[tuple[float, Label]], lines: int) -> bool:
        return all(
            label.full is None and label.size == LABEL_SIZE and len(label.lines) <= lines
            for _, label in placed
        )

    every_one = layout(1)
    if whole(every_one, 2):
        return every_one
    thinned = (layout(every) for every in range(2, len(periods) // 2 + 1))
    return next((placed for placed in thinned if whole(placed, 1)), every_one)


def _values_fit(values: list[float | None], fmt: Callable[[float], str], slot: float) -> bool:
    return all(text_width(fmt(v), _POINT_SIZE) + 4 <= slot for v in values if v is not None)


def _line(
    index: int,
    s: Series,
    points: list[tuple[float, float] | None],
    values: list[float | None],
    fmt: Callable[[float], str],
) -> str:
    """A line broken where a value is missing, a marker on every known point, and the
    values over the points when ``values`` are given."""
    colour, dash, shape = style(index)
    path, pen_down = [], False
    for p in points:
        if p is None:
            pen_down = False
            continue
        path.append(f"{'L' if pen_down else 'M'}{pt(*p)}")
        pen_down = True
    out = [f'<g class="{css("series", s.css_class)}">']
    if any(c.startswith("L") for c in path):
        out.append(
            f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2"'
            f'{dash_attr(dash)} stroke-linejoin="round"/>'
        )
    out.extend(marker(shape, *p, colour) for p in points if p)
    for p, v in zip(points, values, strict=False):
        if p and v is not None:
            out.append(text_line(p[0], p[1] - 7, fmt(v), "middle", _POINT_SIZE))
    out.append("</g>")
    return "".join(out)


def _end_labels(
    rows: list[list[float | None]], fmt: Callable[[float], str]
) -> list[tuple[int, str, float]]:
    """(series index, text, value) of each series' last known value."""
    ends = []
    for index, values in enumerate(rows):
        last = next((v for v in reversed(values) if v is not None), None)
        if last is not None:
            ends.append((index, fmt(last), last))
    return ends


def _draw_end_labels(
    ends: list[tuple[int, str, float]],
    x1: float,
    y_of: Callable[[float], float],
    span: tuple[float, float],
) -> list[str]:
    """Last values right of the plot at their line's height, pushed apart so none
    overlaps, each after its series' marker."""
    step = line_height(LABEL_SIZE)
    placed = sorted(((y_of(value), index, text) for index, text, value in ends))
    ys: list[float] = []
    for y, _, _ in placed:
        ys.append(max(y, ys[-1] + step) if ys else y)
    shift = max(0.0, (ys[-1] if ys else 0) - (span[1] - 4))
    out = []
    for y, (_, index, text) in zip((y - shift for y in ys), placed, strict=True):
        colour, _, shape = style(index)
        out.append(marker(shape, x1 + 8, y, colour))
        out.append(text_line(x1 + 16, y + 0.35 * LABEL_SIZE, text, "start", LABEL_SIZE))
    return out
