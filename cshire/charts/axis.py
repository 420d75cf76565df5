"""Axes: round scales, grid lines with their tick labels, and the column of category
labels left of horizontal bars."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from cshire.charts.svg import AXIS_COLOUR, GRID_COLOUR, MUTED_COLOUR, PAD, num, text_line
from cshire.charts.text import LABEL_SIZE, SMALL_SIZE, Label, fit, text_width

# Category labels take at most this share of a bar chart's width.
LABEL_COLUMN_SHARE = 0.4
LABEL_GAP = 8  # between a category label and its bar
END_GAP = 4  # between the end of a bar and the value printed after it


def nice_step(span: float) -> float:
    """A 1/2/5 × 10ⁿ step giving about five intervals over ``span``."""
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if raw <= m * magnitude + 1e-12)


def nice_ceiling(value: float) -> float:
    """The smallest multiple of a round step at or above ``value`` (1 for nothing)."""
    if value <= 0:
        return 1.0
    step = nice_step(value)
    return math.ceil(value / step - 1e-9) * step


def nice_ticks(low: float, high: float) -> list[float]:
    """Round tick values from at or below ``low`` to at or above ``high``."""
    if high <= low:  # one value (or bounds given the wrong way): a unit around it
        low, high = (min(low, high) - 1, max(low, high) + 1) if low or high else (0.0, 1.0)
    step = nice_step(high - low)
    bottom = math.floor(low / step + 1e-9) * step
    count = math.ceil((high - bottom) / step - 1e-9)
    # Rounding away the binary noise of k * step (0.30000000000000004).
    return [round(bottom + k * step, 10) for k in range(count + 1)]


def levels(low: float, high: float) -> list[float]:
    """Radar ring levels: every integer on a small integer scale, else round steps."""
    step = (
        1.0
        if high - low <= 10 and float(low).is_integer() and float(high).is_integer()
        else nice_step(high - low)
    )
    count = math.floor((high - low) / step + 1e-9)
    found = [low + step * k for k in range(1, count + 1)]
    return found if found and math.isclose(found[-1], high) else [*found, high]


def tick_width(ticks: Sequence[float], fmt: Callable[[float], str]) -> float:
    return max((text_width(fmt(t), SMALL_SIZE) for t in ticks), default=0)


def grid_below(
    ticks: Sequence[float],
    x_of: Callable[[float], float],
    span: tuple[float, float],
    fmt: Callable[[float], str],
) -> list[str]:
    """Vertical grid lines from ``span`` top to bottom, tick labels under the bottom."""
    top, bottom = span
    parts = []
    for tick in ticks:
        x = x_of(tick)
        parts.append(
            f'<line x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(bottom)}" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.75"/>'
        )
        parts.append(
            text_line(x, bottom + 14, fmt(tick), "middle", SMALL_SIZE, fill=MUTED_COLOUR)
        )
    return parts


def grid_left(
    ticks: Sequence[float],
    y_of: Callable[[float], float],
    span: tuple[float, float],
    fmt: Callable[[float], str],
) -> list[str]:
    """Horizontal grid lines from ``span`` left to right, tick labels left of them."""
    left, right = span
    parts = []
    for tick in ticks:
        y = y_of(tick)
        parts.append(
            f'<line x1="{num(left)}" y1="{num(y)}" x2="{num(right)}" y2="{num(y)}" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.75"/>'
        )
        parts.append(
            text_line(left - 5, y + 0.35 * SMALL_SIZE, fmt(tick), "end", SMALL_SIZE,
                      fill=MUTED_COLOUR)
        )
    return parts


def bar_grid(
    ticks: Sequence[float],
    scale: tuple[float, float, float],
    span: tuple[float, float],
    fmt: Callable[[float], str],
) -> list[str]:
    """Behind horizontal bars: grid lines with tick labels under them, and the zero axis.
    ``scale`` is (x of zero, plot width, value at the right end)."""
    x0, plot_w, top = scale

    def x_of(value: float) -> float:
        return x0 + plot_w * value / top

    return [*grid_below(ticks, x_of, span, fmt), axis_line(x0, span[0], x0, span[1])]


def axis_line(x1: float, y1: float, x2: float, y2: float) -> str:
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
        f'stroke="{AXIS_COLOUR}" stroke-width="1"/>'
    )


def label_column(labels: Sequence[str], width: float) -> tuple[list[Label], float]:
    """Category labels wrapped into at most ``LABEL_COLUMN_SHARE`` of ``width``, and the
    width the widest of them needs: the left margin of a horizontal bar chart."""
    cap = width * LABEL_COLUMN_SHARE
    fitted = [fit(label, cap, LABEL_SIZE) for label in labels]
    return fitted, max((f.width for f in fitted), default=0)


def bar_layout(
    labels: Sequence[str], width: float, end_width: float, last_tick: str
) -> tuple[list[Label], float, float]:
    """The category labels of horizontal bars and where the bars go: from the label
    column to what the values printed after the bars (``end_width``) and the centred
    ``last_tick`` label need on the right. Returns (labels, x of zero, plot width)."""
    fitted, label_w = label_column(labels, width)
    x0 = PAD + label_w + LABEL_GAP
    right = max(end_width + END_GAP, text_width(last_tick, SMALL_SIZE) / 2) + PAD
    return fitted, x0, max(width - x0 - right, 40)
