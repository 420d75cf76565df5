"""Scatter chart: one point per (x, y, label), an optional least-squares line."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cshire.charts.axis import axis_line, grid_below, grid_left, nice_ticks, tick_width
from cshire.charts.series import PALETTE, empty_chart, legend
from cshire.charts.svg import (
    CHART_FONT,
    MUTED_COLOUR,
    NO_DATA,
    PAD,
    TEXT_COLOUR,
    chart_title,
    document,
    format_number,
    num,
    text_block,
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

Point = tuple[float | None, float | None, str | None]
Box = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[tuple[float, float], tuple[float, float]]

_POINT_LABEL_SIZE = 10
_RADIUS = 4
_FIT_COLOUR = "#333333"
_FIT_DASH = "6 3"


def least_squares(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float] | None:
    """(intercept, slope) of the ordinary least-squares line y = a + b·x; ``None`` with
    fewer than two points or when every x is the same (no line is defined)."""
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = math.fsum(xs) / n, math.fsum(ys) / n
    sxx = math.fsum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    return mean_y - slope * mean_x, slope


def scatter_chart(
    points: Sequence[Point],
    x_label: str = "",
    y_label: str = "",
    *,
    x_range: tuple[float, float] | None = None,
    y_range: tuple[float, float] | None = None,
    fit_label: str | None = None,
    width: int = 480,
    height: int = 360,
    title: str = "",
    value_format: Callable[[float], str] = format_number,
    font_family: str = CHART_FONT,
    empty_label: str = "No data",
) -> str:
    """One point per ``(x, y, label)`` (e.g. interview score against later performance);
    a point missing x or y is left out of the drawing but listed in the description.

    Axes run over round ticks covering the data, or over ``x_range``/``y_range`` (e.g.
    (1, 5) for a rubric). A point's label is printed beside it where it overlaps no other
    label or point. With ``fit_label`` the least-squares line is drawn across the data
    and named in the legend with its equation. The SVG is ``height`` tall unless the
    legend leaves less than a minimal plot.
    """
    drawn = [(x, y, label) for x, y, label in points if _finite(x) and _finite(y)]
    line = least_squares([p[0] for p in drawn], [p[1] for p in drawn]) if fit_label else None
    entries = [(f"{fit_label} ({_equation(line, value_format)})", _fit_swatch)] if line else []
    desc = _describe(points, x_label, y_label, value_format)
    if line:
        desc += f" / {fit_label}: {_equation(line, value_format)}"
    if not drawn:
        return empty_chart("scatter", width, title, empty_label, font_family, entries)
    xs, ys = [p[0] for p in drawn], [p[1] for p in drawn]
    x_ticks = _ticks(xs, x_range)
    fitted_ys = [line[0] + line[1] * x for x in (min(xs), max(xs))] if line else []
    y_ticks = _ticks(ys + fitted_ys, y_range)
    heading, title_h = chart_title(title, width)
    names = [fit(n, width - 2 * PAD, LABEL_SIZE, max_lines=1) if n else None
             for n in (x_label, y_label)]
    _, key_h = legend(entries, 0, width)
    top = title_h + PAD + (line_height(LABEL_SIZE) + 4 if names[1] else 0) + SMALL_SIZE / 2
    below = 18 + (line_height(LABEL_SIZE) + 2 if names[0] else 0)  # tick labels, axis name
    plot = _Plot(
        (PAD + tick_width(y_ticks, value_format) + 6, top,
         width - PAD - text_width(value_format(x_ticks[-1]), SMALL_SIZE) / 2,
         max(height - PAD - key_h - (10 if key_h else 0) - below, top + 80)),
        x_ticks, y_ticks,
    )
    segment = _fit_segment(plot, line, (min(xs), max(xs))) if line else None
    centres = [(plot.x(x), plot.y(y)) for x, y, _ in drawn]
    parts = [heading, *_axes(plot, names, title_h, value_format)]
    if segment:
        parts.append(_fit_line(segment))
    parts.extend(
        f'<circle class="point" cx="{num(cx)}" cy="{num(cy)}" r="{_RADIUS}" '
        f'fill="{PALETTE[0]}" fill-opacity="0.8" stroke="#ffffff" stroke-width="1"/>'
        for cx, cy in centres
    )
    parts.extend(_point_labels(drawn, centres, plot.box, segment))
    key, key_h = legend(entries, plot.box[3] + below + 10, width)
    parts.append(key)
    total_h = max(height, plot.box[3] + below + (10 + key_h if key else 0) + PAD)
    name = title or " / ".join(n for n in (x_label, y_label) if n) or empty_label
    return document("scatter", (width, total_h), name, desc, font_family,
                    [p for p in parts if p])


@dataclass(frozen=True)
class _Plot:
    """The plotting area and its scales; values beyond the ticks stay on the edge."""

    box: Box
    x_ticks: list[float]
    y_ticks: list[float]

    def x(self, value: float) -> float:
        low, high = self.x_ticks[0], self.x_ticks[-1]
        ratio = (min(max(value, low), high) - low) / (high - low)
        return self.box[0] + (self.box[2] - self.box[0]) * ratio

    def y(self, value: float) -> float:
        low, high = self.y_ticks[0], self.y_ticks[-1]
        ratio = (min(max(value, low), high) - low) / (high - low)
        return self.box[3] - (self.box[3] - self.box[1]) * ratio


def _axes(
    plot: _Plot, names: list[Label | None], title_h: float, fmt: Callable[[float], str]
) -> list[str]:
    """Grid lines with their tick labels, both axes, and the axis names: x under its
    ticks, y above the plot (horizontal text reads in both languages)."""
    left, top, right, bottom = plot.box
    parts = [*grid_left(plot.y_ticks, plot.y, (left, right), fmt),
             *grid_below(plot.x_ticks, plot.x, (top, bottom), fmt),
             axis_line(left, bottom, right, bottom), axis_line(left, top, left, bottom)]
    x_name, y_name = names
    if y_name:
        first = title_h + PAD + ASCENT * y_name.size
        parts.append(text_block(PAD, first, y_name, "start", fill=MUTED_COLOUR))
    if x_name:
        first = bottom + 18 + ASCENT * x_name.size
        parts.append(text_block((left + right) / 2, first, x_name, "middle", fill=MUTED_COLOUR))
    return parts


def _fit_segment(
    plot: _Plot, line: tuple[float, float], x_span: tuple[float, float]
) -> Segment | None:
    """The fitted line across the data's x span (no extrapolation), trimmed to the
    axes' ranges; ``None`` when nothing of it lies inside."""
    (a, b), (low_x, high_x) = line, x_span
    low_x, high_x = max(low_x, plot.x_ticks[0]), min(high_x, plot.x_ticks[-1])
    if b:
        at_y = sorted((y - a) / b for y in (plot.y_ticks[0], plot.y_ticks[-1]))
        low_x, high_x = max(low_x, at_y[0]), min(high_x, at_y[1])
    elif not plot.y_ticks[0] <= a <= plot.y_ticks[-1]:
        return None
    if low_x > high_x:
        return None
    return (plot.x(low_x), plot.y(a + b * low_x)), (plot.x(high_x), plot.y(a + b * high_x))


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def _ticks(values: list[float], fixed: tuple[float, float] | None) -> list[float]:
    if fixed is None:
        return nice_ticks(min(values), max(values))
    low, high = fixed
    if high <= low:
        raise ValueError("a range must run from low to high")
    return [t for t in nice_ticks(low, high) if low <= t <= high] or [low, high]


def _equation(line: tuple[float, float], fmt: Callable[[float], str]) -> str:
    intercept, slope = line
    sign = "−" if slope < 0 else "+"
    return f"y = {fmt(intercept)} {sign} {fmt(abs(slope))}x"


def _fit_swatch(x: float, mid: float) -> str:
    return (
        f'<line x1="{num(x)}" y1="{num(mid)}" x2="{num(x + 20)}" y2="{num(mid)}" '
        f'stroke="{_FIT_COLOUR}" stroke-width="1.5" stroke-dasharray="{_FIT_DASH}"/>'
    )


def _fit_line(segment: Segment) -> str:
    (xa, ya), (xb, yb) = segment
    return (
        f'<line class="fit" x1="{num(xa)}" y1="{num(ya)}" x2="{num(xb)}" y2="{num(yb)}" '
        f'stroke="{_FIT_COLOUR}" stroke-width="1.5" stroke-dasharray="{_FIT_DASH}"/>'
    )


def _point_labels(
    drawn: list[tuple[float, float, str | None]],
    centres: list[tuple[float, float]],
    plot: Box,
    segment: Segment | None,
) -> list[str]:
    """Each label right of, left of, above or below its point: the first place inside
    the plot that overlaps no point, no label placed before and not the fitted line;
    else none (the description still lists the point)."""
    size = _POINT_LABEL_SIZE
    taken: list[Box] = [(cx - _RADIUS, cy - _RADIUS, cx + _RADIUS, cy + _RADIUS)
                        for cx, cy in centres]
    out = []
    for (_, _, label), (cx, cy) in zip(drawn, centres, strict=True):
        if not label:
            continue
        text = fit(label, (plot[2] - plot[0]) / 3, size, max_lines=1)
        w, up, down = text.width, ASCENT * size, DESCENT * size
        gap = _RADIUS + 3
        for x, y, anchor, left in (
            (cx + gap, cy + 0.35 * size, "start", cx + gap),
            (cx - gap, cy + 0.35 * size, "end", cx - gap - w),
            (cx, cy - gap - down, "middle", cx - w / 2),
            (cx, cy + gap + up, "middle", cx - w / 2),
        ):
            box = (left, y - up, left + w, y + down)
            if (
                _inside(box, plot)
                and not any(_overlap(box, other) for other in taken)
                and not (segment and _crosses(segment, box))
            ):
                taken.append(box)
                out.append(text_block(x, y, text, anchor, fill=TEXT_COLOUR))
                break
    return out


def _inside(box: Box, outer: Box) -> bool:
    return box[0] >= outer[0] and box[1] >= outer[1] and box[2] <= outer[2] and box[3] <= outer[3]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(segment: Segment, box: Box) -> bool:
    """Does the straight ``segment`` pass through ``box``?"""
    (xa, ya), (xb, yb) = segment
    left, right = max(box[0], xa), min(box[2], xb)
    if left > right or xb == xa:
        return False
    y_left, y_right = (ya + (yb - ya) * (x - xa) / (xb - xa) for x in (left, right))
    return min(y_left, y_right) < box[3] and max(y_left, y_right) > box[1]


def _describe(
    points: Sequence[Point], x_label: str, y_label: str, fmt: Callable[[float], str]
) -> str:
    """Every point as "label: x-name x, y-name y", points apart by semicolons."""

    def value(v: float | None) -> str:
        return fmt(v) if _finite(v) else NO_DATA

    return "; ".join(
        f"{label + ': ' if label else ''}{x_label} {value(x)}, {y_label} {value(y)}".strip()
        for x, y, label in points
    )
