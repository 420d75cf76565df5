"""Funnel: journey conversion, one centred bar per stage and the rate of each step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from cshire.charts.axis import LABEL_GAP, label_column
from cshire.charts.series import (
    PALETTE,
    box_swatch,
    empty_chart,
    legend,
    pattern_defs,
    pattern_fill,
)
from cshire.charts.svg import (
    CHART_FONT,
    MUTED_COLOUR,
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
    pt,
    text_block,
    text_line,
)
from cshire.charts.text import LABEL_SIZE, text_width

_VALUE_GAP = 6
_STEP_GAP = 22  # between two bars: room for the step's rate
_RATE_SIZE = 10
_CONNECTOR = "#e4e8ee"
_HIGHLIGHT = 1  # the series style (vermillion, hatched) of the highlighted step
_HIGHLIGHT_TEXT = "#8f3a00"  # vermillion darkened to 7:1 on white

Stage = tuple[str, float | None]


def step_rates(counts: Sequence[float | None]) -> list[float | None]:
    """Conversion of each step, ``counts[i + 1] / counts[i]``; ``None`` where a count
    is missing or the earlier one is zero. Callers pick the weakest step from these."""
    return [
        None if a is None or b is None or a <= 0 else b / a
        for a, b in pairwise(counts)
    ]


def funnel_chart(
    stages: Sequence[Stage],
    *,
    highlight: int | None = None,
    highlight_label: str = "",
    rates: Sequence[float | None] | None = None,
    width: int = 560,
    bar_height: int = 24,
    title: str = "",
    value_format: Callable[[float], str] = format_number,
    rate_format: Callable[[float], str] = format_percent,
    font_family: str = CHART_FONT,
    empty_label: str = "No data",
) -> str:
    """One bar per (label, count) stage, centred and as wide as its count, the count
    after it; between two bars the step's conversion rate (see :func:`step_rates`).

    ``highlight`` is the index of a step, ``i`` being the step from stage ``i`` to stage
    ``i + 1`` (the weakest one, say): its connector is vermillion and hatched and its
    rate boxed in bold, so it stands out in greyscale too; ``highlight_label`` names it
    in a legend. No stage, or no count at all, gives a small chart saying
    ``empty_label``.

    ``rates``: each step's conversion when it is not ``counts[i + 1] / counts[i]`` —
    a journey's steps measure different cohorts (the accounts that entered each stage
    in a period), so the caller passes the rates it measured; ``None`` shows "–".
    """
    counts = [None if c is None else float(c) for _, c in stages]
    if any(c is not None and c < 0 for c in counts):
        raise ValueError("stage counts must not be negative")
    if highlight is not None and not 0 <= highlight < len(stages) - 1:
        raise ValueError(f"highlight must be a step index from 0 to {len(stages) - 2}")
    if rates is None:
        rates = step_rates(counts)
    elif len(rates) != max(len(stages) - 1, 0):
        raise ValueError("rates needs one value per step")
    labels = [label for label, _ in stages]
    desc = _describe(labels, counts, rates, value_format, rate_format)
    if highlight is not None and highlight_label:
        desc += f" / {highlight_label}: {labels[highlight]} → {labels[highlight + 1]}"
    name = title or " → ".join(labels)
    ident = chart_id("funnel", name, desc)
    entries = []
    if highlight is not None and highlight_label:
        entries = [(highlight_label, box_swatch(pattern_fill(ident, _HIGHLIGHT)))]
    known = [c for c in counts if c is not None]
    if not known:
        return empty_chart("funnel", width, title, empty_label, font_family, entries)
    fitted, label_w = label_column(labels, width)
    x0 = PAD + label_w + LABEL_GAP
    value_w = max(text_width(value_format(c), LABEL_SIZE, bold=True) for c in known)
    centre = (x0 + width - PAD) / 2
    half_max = max(centre - x0 - value_w - _VALUE_GAP, 20)
    top = max(known) or 1
    heading, title_h = chart_title(title, width)

    rows: list[tuple[float, float]] = []  # (top y, half width) of each bar
    y, bars = title_h + PAD, []
    for label, count in zip(fitted, counts, strict=True):
        row_h = max(bar_height, label.height)
        bar_y = y + (row_h - bar_height) / 2
        half = 0 if not count else max(half_max * count / top, 0.75)
        rows.append((bar_y, half))
        bars.append(text_block(x0 - LABEL_GAP, centred_baseline(label, y + row_h / 2), label,
                               "end"))
        bars.append(_bar(centre, bar_y, half, bar_height, count, value_format))
        y += row_h + _STEP_GAP
    steps = [
        _step(i, rates[i], (rows[i], rows[i + 1]), centre, bar_height, highlight == i,
              ident, rate_format)
        for i in range(len(rows) - 1)
    ]
    bottom = y - _STEP_GAP
    key, key_h = legend(entries, bottom + 14, width)
    parts = [heading, *steps, *bars, key]
    height = (bottom + 14 + key_h if key else bottom) + PAD
    defs = pattern_defs(ident, _HIGHLIGHT + 1) if highlight is not None else ""
    return document("funnel", (width, height), name, desc, font_family,
                    [p for p in parts if p], defs=defs, ident=ident)


def _bar(
    centre: float,
    y: float,
    half: float,
    bar_height: float,
    count: float | None,
    value_format: Callable[[float], str],
) -> str:
    text_y = y + bar_height / 2 + 0.35 * LABEL_SIZE
    if count is None:
        return text_line(centre, text_y, NO_DATA, "middle", LABEL_SIZE, fill=MUTED_COLOUR)
    rect = (
        f'<rect class="stage" x="{num(centre - half)}" y="{num(y)}" width="{num(2 * half)}" '
        f'height="{num(bar_height)}" fill="{PALETTE[0]}"/>'
        if half
        else ""
    )
    value = text_line(centre + half + _VALUE_GAP, text_y, value_format(count), "start",
                      LABEL_SIZE, bold=True)
    return rect + value


def _step(
    index: int,
    rate: float | None,
    bars: tuple[tuple[float, float], tuple[float, float]],
    centre: float,
    bar_height: float,
    highlighted: bool,
    ident: str,
    rate_format: Callable[[float], str],
) -> str:
    """The connector between two bars and the step's rate on it."""
    (y1, half1), (y2, half2) = bars
    top, bottom = y1 + bar_height, y2
    points = " ".join(
        pt(x, y)
        for x, y in ((centre - half1, top), (centre + half1, top), (centre + half2, bottom),
                     (centre - half2, bottom))
    )
    fill = pattern_fill(ident, _HIGHLIGHT) if highlighted else f'fill="{_CONNECTOR}"'
    out = [f'<polygon class="step" points="{points}" {fill}/>']
    text = NO_DATA if rate is None else rate_format(rate)
    mid = (top + bottom) / 2
    baseline = mid + 0.35 * _RATE_SIZE
    if highlighted:
        w = text_width(text, _RATE_SIZE, bold=True) + 10
        out.append(
            f'<rect x="{num(centre - w / 2)}" y="{num(mid - 8)}" width="{num(w)}" height="16" '
            f'rx="3" fill="#ffffff" stroke="{_HIGHLIGHT_TEXT}" stroke-width="1.5"/>'
        )
    colour = _HIGHLIGHT_TEXT if highlighted else TEXT_COLOUR
    out.append(text_line(centre, baseline, text, "middle", _RATE_SIZE, fill=colour,
                         bold=highlighted))
    return f'<g class="step-{index}">' + "".join(out) + "</g>"


def _describe(
    labels: list[str],
    counts: list[float | None],
    rates: list[float | None],
    value_format: Callable[[float], str],
    rate_format: Callable[[float], str],
) -> str:
    """"Applied 120, Screened 77 (64%), …": every count and every step's rate."""
    parts = []
    for i, (label, count) in enumerate(zip(labels, counts, strict=True)):
        text = f"{label} {NO_DATA if count is None else value_format(count)}"
        if i:
            rate = rates[i - 1]
            text += f" ({NO_DATA if rate is None else rate_format(rate)})"
        parts.append(text)
    return ", ".join(parts)
