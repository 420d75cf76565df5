"""Horizontal grouped bars: one group per category, one bar per series."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cshire.charts.axis import END_GAP, LABEL_GAP, bar_grid, bar_layout, nice_ceiling, nice_step
from cshire.charts.series import (
    Series,
    Swatch,
    box_swatch,
    clean_values,
    css,
    dash_attr,
    describe,
    empty_chart,
    legend,
    style,
)
from cshire.charts.svg import (
    CHART_FONT,
    MUTED_COLOUR,
    NO_DATA,
    PAD,
    centred_baseline,
    chart_title,
    document,
    format_number,
    num,
    text_block,
    text_line,
)
from cshire.charts.text import LABEL_SIZE, text_width


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    max_value: float | None = None,
    width: int = 560,
    bar_height: int = 18,
    title: str = "",
    value_format: Callable[[float], str] = format_number,
    font_family: str = CHART_FONT,
    empty_label: str = "No data",
) -> str:
    """Horizontal grouped bar chart: one group per label, one bar per series.

    Horizontal bars keep long (Japanese) labels readable on the left; the label column
    is as wide as its widest wrapped label. ``max_value`` fixes the scale (e.g. 5 for a
    1–5 rubric); by default it is rounded up from the data. Values outside 0..max are
    clipped in the drawing but printed as they are. No labels, no series or no value at
    all gives a small chart saying ``empty_label``.
    """
    rows = [clean_values(s, len(labels)) for s in series]
    known = [v for row in rows for v in row if v is not None]
    entries = [(s.label, _swatch(i)) for i, s in enumerate(series)]
    if not known:
        return empty_chart("bar", width, title, empty_label, font_family, entries)
    top = max_value if max_value is not None else nice_ceiling(max(known))
    if top <= 0:
        raise ValueError("max_value must be positive")
    step = nice_step(top)
    ticks = [k * step for k in range(int(top / step + 1e-9) + 1)]
    value_w = max(text_width(value_format(v), LABEL_SIZE) for v in known)
    fitted, x0, plot_w = bar_layout(labels, width, value_w, value_format(ticks[-1]))
    bars_h = len(series) * bar_height + (len(series) - 1) * 2
    heading, title_h = chart_title(title, width)

    y = title_h + PAD
    groups: list[str] = []
    for i, label in enumerate(fitted):
        group_h = max(bars_h, label.height)
        mid = y + group_h / 2
        groups.append(text_block(x0 - LABEL_GAP, centred_baseline(label, mid), label, "end"))
        bar_y = mid - bars_h / 2
        for index, values in enumerate(rows):
            box = (x0, bar_y, plot_w, bar_height)
            groups.append(_bar(index, series[index], values[i], box, top))
            groups.append(_bar_value(values[i], box, top, value_format))
            bar_y += bar_height + 2
        y += group_h + 10
    plot_bottom = y - 4
    grid = bar_grid(ticks, (x0, plot_w, top), (title_h + PAD / 2, plot_bottom), value_format)
    parts = [heading, *grid, *groups]
    key, key_h = legend(entries, plot_bottom + 20, width)
    parts.append(key)
    height = plot_bottom + 20 + key_h + PAD
    desc = describe(labels, series, rows, value_format)
    name = title or " / ".join(s.label for s in series)
    return document("bar", (width, height), name, desc, font_family, [p for p in parts if p])


def _swatch(index: int) -> Swatch:
    colour, dash, _ = style(index)
    return box_swatch(_fill(index, colour, dash))


def _fill(index: int, colour: str, dash: str) -> str:
    """The first series is solid; later ones light with a (dashed) outline."""
    if index == 0:
        return f'fill="{colour}"'
    return f'fill="{colour}" fill-opacity="0.35" stroke="{colour}" stroke-width="1.25"' + (
        dash_attr(dash)
    )


def _bar(
    index: int, s: Series, value: float | None, box: tuple[float, float, float, int], top: float
) -> str:
    if value is None:
        return ""
    x0, y, plot_w, bar_height = box
    colour, dash, _ = style(index)
    w = plot_w * min(max(value, 0), top) / top
    return (
        f'<rect class="{css("bar", s.css_class)}" x="{num(x0)}" y="{num(y)}" width="{num(w)}" '
        f'height="{bar_height}" {_fill(index, colour, dash)}/>'
    )


def _bar_value(
    value: float | None,
    box: tuple[float, float, float, int],
    top: float,
    value_format: Callable[[float], str],
) -> str:
    """The value printed just after the end of its bar (or a dash for no data)."""
    x0, y, plot_w, bar_height = box
    text_y = y + bar_height / 2 + 0.35 * LABEL_SIZE
    if value is None:
        return text_line(x0 + END_GAP, text_y, NO_DATA, "start", LABEL_SIZE, fill=MUTED_COLOUR)
    end = x0 + plot_w * min(max(value, 0), top) / top
    return text_line(end + END_GAP, text_y, value_format(value), "start", LABEL_SIZE)

