"""Radar (spider) chart: one ring per level, one polygon per series, legend below."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cshire.charts.axis import levels
from cshire.charts.bars import bar_chart
from cshire.charts.series import (
    Series,
    clean_values,
    css,
    dash_attr,
    describe,
    legend,
    line_swatch,
    marker,
    style,
)
from cshire.charts.svg import (
    AXIS_COLOUR,
    CHART_FONT,
    GRID_COLOUR,
    MUTED_COLOUR,
    PAD,
    chart_title,
    document,
    format_number,
    num,
    pt,
    text_block,
    text_line,
)
from cshire.charts.text import (
    ASCENT,
    DESCENT,
    LABEL_SIZE,
    SMALL_SIZE,
    Label,
    fit,
    line_height,
    text_width,
)

_GAP = 6  # between the outer ring and an axis label
# The radius is the largest share of the width, within these bounds, that shortens as
# few axis labels (then cuts as few words) as any radius within them would.
_RADIUS_SHARES = (0.3, 0.2)


@dataclass(frozen=True)
class _AxisLabel:
    """An axis label placed relative to the centre: first baseline at (dx, dy)."""

    dx: float
    dy: float
    anchor: str
    label: Label

    @property
    def top(self) -> float:
        return self.dy - ASCENT * self.label.size

    @property
    def bottom(self) -> float:
        last = self.dy + (len(self.label.lines) - 1) * line_height(self.label.size)
        return last + DESCENT * self.label.size

    @property
    def shortened(self) -> bool:
        return self.label.full is not None or self.label.size < LABEL_SIZE


def radar_chart(
    axes: Sequence[str],
    series: Sequence[Series],
    *,
    max_value: float = 5,
    min_value: float = 0,
    size: int = 320,
    title: str = "",
    font_family: str = CHART_FONT,
    empty_label: str = "No data",
) -> str:
    """Radar chart ``size`` wide; its height follows from the axis labels.

    With fewer than three axes a radar has no area to compare, so a bar chart is
    returned instead. A series with a missing value is drawn as an outline between
    neighbouring known values only and left unfilled, so no value is invented.
    """
    if len(axes) < 3:
        return bar_chart(axes, series, max_value=max_value, width=max(size, 400),
                         title=title, font_family=font_family, empty_label=empty_label)
    if max_value <= min_value:
        raise ValueError("max_value must be greater than min_value")
    rows = [clean_values(s, len(axes)) for s in series]
    n = len(axes)
    heading, title_h = chart_title(title, size)
    radius, labels = _fit_axis_labels(axes, size)
    above = max(radius, *(-a.top for a in labels))
    below = max(radius, *(a.bottom for a in labels))
    cx, cy = size / 2, title_h + PAD / 2 + above
    span = max_value - min_value

    def point(i: int, value: float) -> tuple[float, float]:
        ratio = (min(max(value, min_value), max_value) - min_value) / span
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + radius * ratio * math.cos(angle), cy + radius * ratio * math.sin(angle)

    parts = [heading]
    # Grid: one polygon ring per level, spokes; level numbers come after the series.
    for level in levels(min_value, max_value):
        ring = " ".join(pt(*point(i, level)) for i in range(n))
        colour = AXIS_COLOUR if level == max_value else GRID_COLOUR
        parts.append(
            f'<polygon points="{ring}" fill="none" stroke="{colour}" stroke-width="0.75"/>'
        )
    for i in range(n):
        x, y = point(i, max_value)
        parts.append(
            f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(x)}" y2="{num(y)}" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.75"/>'
        )
    parts.extend(text_block(cx + a.dx, cy + a.dy, a.label, a.anchor) for a in labels)
    for index, (s, values) in enumerate(zip(series, rows, strict=True)):
        points = [None if v is None else point(i, v) for i, v in enumerate(values)]
        parts.append(_radar_series(index, s, points))
    parts.extend(_level_number(*point(0, level), level) for level in levels(min_value, max_value))
    legend_y = cy + below + 12
    key, key_h = legend([(s.label, line_swatch(i)) for i, s in enumerate(series)], legend_y, size)
    parts.append(key)
    height = legend_y + key_h + PAD if key else cy + below + PAD
    desc = describe(axes, series, rows, format_number)
    name = title or " / ".join(s.label for s in series)
    return document("radar", (size, height), name, desc, font_family, [p for p in parts if p])


def _fit_axis_labels(axes: Sequence[str], size: float) -> tuple[float, list[_AxisLabel]]:
    """The radius and the axis labels placed around it (see ``_RADIUS_SHARES``)."""
    largest, smallest = (round(size * share) for share in _RADIUS_SHARES)
    candidates = range(largest, smallest - 1, -4)

    def place(radius: float) -> list[_AxisLabel]:
        return [_axis_label(label, i, len(axes), radius, size) for i, label in enumerate(axes)]

    def flaws(placed: list[_AxisLabel]) -> tuple[int, int]:
        return sum(a.shortened for a in placed), sum(a.label.split for a in placed)

    # min() keeps the first of equals: the largest radius with the fewest labels
    # shortened, then the fewest words cut between characters.
    return min(((r, place(r)) for r in candidates), key=lambda placed: flaws(placed[1]))


def _axis_label(text: str, i: int, n: int, radius: float, size: float) -> _AxisLabel:
    """An axis name just outside the outer ring, anchored away from the centre.

    Right-hand labels start at their point, left-hand ones end there, top and bottom
    ones are centred; each gets the width left to the edge (or, centred, to the
    neighbouring axes). A high label sits above its point, a low one below, others
    beside it.
    """
    angle = -math.pi / 2 + 2 * math.pi * i / n
    ux, uy = math.cos(angle), math.sin(angle)
    dx, dy = (radius + _GAP) * ux, (radius + _GAP) * uy
    edge = size / 2 - PAD / 2 - abs(dx)
    if abs(ux) > 0.2:
        anchor, room = ("start" if ux > 0 else "end"), edge
    else:
        # Centred at the top or bottom: no wider than the gap to the neighbouring axes.
        neighbour = (radius + _GAP) * abs(math.sin(2 * math.pi / n))
        anchor, room = "middle", 2 * min(edge, neighbour)
    # Beside the chart there is height for three lines; above and below, for two.
    beside = abs(uy) <= 0.5 + 1e-9  # sin(210°) is -0.5000000000000001
    label = fit(text, room, LABEL_SIZE, max_lines=3 if beside else 2)
    k, step = len(label.lines), line_height(label.size)
    if not beside and uy < 0:
        first = dy - 0.2 * label.size - (k - 1) * step
    elif not beside:
        first = dy + 0.85 * label.size
    else:
        first = dy - (k - 1) * step / 2 + 0.35 * label.size
    return _AxisLabel(dx, first, anchor, label)


def _radar_series(index: int, s: Series, points: list[tuple[float, float] | None]) -> str:
    colour, dash, shape = style(index)
    stroke = f'stroke="{colour}" stroke-width="2"{dash_attr(dash)} stroke-linejoin="round"'
    out = [f'<g class="{css("series", s.css_class)}">']
    if all(p is not None for p in points):
        ring = " ".join(pt(*p) for p in points if p)
        out.append(f'<polygon points="{ring}" fill="{colour}" fill-opacity="0.18" {stroke}/>')
    else:
        # Outline only between neighbours that both have a value; nothing is filled.
        segments = []
        for i, p in enumerate(points):
            q = points[(i + 1) % len(points)]
            if p and q:
                segments.append(f"M{pt(*p)} L{pt(*q)}")
        if segments:
            out.append(f'<path d="{" ".join(segments)}" fill="none" {stroke}/>')
    out.extend(marker(shape, *p, colour) for p in points if p)
    out.append("</g>")
    return "".join(out)


def _level_number(x: float, y: float, level: float) -> str:
    """A ring's level beside the first spoke, on a light chip so that it stays readable
    where a series' line or marker passes under it."""
    text = format_number(level)
    w = text_width(text, SMALL_SIZE)
    return (
        f'<rect x="{num(x + 2)}" y="{num(y - 5)}" width="{num(w + 2)}" height="10" '
        'fill="#ffffff" fill-opacity="0.8"/>'
        + text_line(x + 3, y + 0.35 * SMALL_SIZE, text, "start", SMALL_SIZE, fill=MUTED_COLOUR)
    )
