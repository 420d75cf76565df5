"""Data → SVG markup: the same chart on an HTML page and in a WeasyPrint PDF.

Pure functions returning a ``str``; the caller marks it safe (``Markup``) when embedding
it in a template. Every piece of user text is XML-escaped here. Labels arrive already
translated: this shared module knows no feature package and no Flask-Babel (the "No
data" text of an empty chart is the caller's ``empty_label``).

The kinds, one module each: :func:`radar_chart`, :func:`bar_chart` (grouped horizontal
bars), :func:`stacked_bar_chart`, :func:`funnel_chart`, :func:`line_chart`,
:func:`scatter_chart`. They share keyword arguments: ``title``, ``width`` (``size`` for
the radar, whose height follows from its labels), ``value_format`` (a number → its
text), ``font_family`` and ``empty_label``; no data at all gives a small chart saying
``empty_label``, never an exception. :func:`step_rates` gives the conversions a funnel
prints, for a caller that picks the step to highlight.

Why the markup looks the way it does:

- Styling that matters is set with presentation *attributes* (``fill=``, ``stroke=``,
  ``font-size=``), never CSS classes: WeasyPrint does not apply the page's CSS inside an
  inline ``<svg>``, so the PDF would otherwise differ from the page.
- ``font-family`` sits on the ``<svg>`` element for the same reason; IPAexGothic first,
  the font bundled for PDFs (see ``cshire/pdf.py``).
- Each series has its own colour (Okabe–Ito palette, safe for colour-blind readers),
  dash pattern, marker shape or fill pattern, so series stay apart in greyscale print.
- Text positions are explicit ``x``/``y`` per line (no ``dominant-baseline``, no
  ``dy``): renderers disagree on those.
- Nothing is clipped: every margin is computed from the labels it must hold, measured
  by :func:`cshire.charts.text.text_width`; labels break between words, never inside a
  Latin word (see :mod:`cshire.charts.text`).
- Output is deterministic: same input, same string (element ids come from a hash of
  the input), so charts can be cached and compared in tests.
"""

from cshire.charts.bars import bar_chart
from cshire.charts.funnel import funnel_chart, step_rates
from cshire.charts.line import line_chart
from cshire.charts.radar import radar_chart
from cshire.charts.scatter import scatter_chart
from cshire.charts.series import DASHES, MARKERS, PALETTE, Series
from cshire.charts.stacked import stacked_bar_chart
from cshire.charts.svg import CHART_FONT, NO_DATA, format_number, format_percent

__all__ = [
    "CHART_FONT",
    "DASHES",
    "MARKERS",
    "NO_DATA",
    "PALETTE",
    "Series",
    "bar_chart",
    "format_number",
    "format_percent",
    "funnel_chart",
    "line_chart",
    "radar_chart",
    "scatter_chart",
    "stacked_bar_chart",
    "step_rates",
]
