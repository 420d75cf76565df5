"""Reading chart SVGs back in tests: parse, collect text, and check that every label
lies inside the drawing and keeps its English words whole.

Extents are estimated with the charts' own measure (``cshire.charts.text``): these
checks prove that the layout keeps its own promises, and the PNGs looked at by hand
(see the module docstring of ``test_all_kinds``) that the promises hold in real fonts.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from cshire.charts.text import ASCENT, DESCENT, ELLIPSIS, text_width

NS = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class TextBox:
    """One drawn line of text and its estimated box."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "TextBox") -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to prove it is XML


def texts(root: ET.Element) -> str:
    """All visible text (text/tspan content), one item per line."""
    return "\n".join("".join(el.itertext()) for el in root.iter(f"{NS}text"))


def lines_of(text: ET.Element) -> list[tuple[float, float, str]]:
    """(x, baseline y, content) of each line of a <text>: its tspans, or itself."""
    spans = text.findall(f"{NS}tspan")
    items = spans or [text]
    return [(float(el.get("x")), float(el.get("y")), el.text or "") for el in items]


def text_boxes(root: ET.Element) -> list[TextBox]:
    boxes = []
    for text in root.iter(f"{NS}text"):
        size = float(text.get("font-size"))
        bold = text.get("font-weight") == "bold"
        shift = {"start": 0, "middle": 0.5, "end": 1}[text.get("text-anchor", "start")]
        for x, y, content in lines_of(text):
            width = text_width(content, size, bold=bold)
            left = x - shift * width
            boxes.append(
                TextBox(content, left, y - ASCENT * size, left + width, y + DESCENT * size)
            )
    return boxes


def outside_viewbox(svg: str) -> list[TextBox]:
    """Text lines reaching beyond the viewBox (should be none)."""
    root = parse(svg)
    x0, y0, width, height = (float(v) for v in root.get("viewBox").split())
    return [
        box
        for box in text_boxes(root)
        if box.left < x0 or box.top < y0 or box.right > x0 + width or box.bottom > y0 + height
    ]


def overlapping_texts(svg: str) -> list[tuple[str, str]]:
    """Pairs of text lines drawn over each other (should be none)."""
    boxes = text_boxes(parse(svg))
    return [
        (a.text, b.text)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a.overlaps(b)
    ]


def drawn_label(root: ET.Element, label: str) -> list[list[str]]:
    """The lines of every <text> that draws ``label``: shown whole (its lines joined
    give it back) or shortened (a sibling <title> holds it)."""
    found = []
    for group in root.iter(f"{NS}g"):
        title = group.find(f"{NS}title")
        text = group.find(f"{NS}text")
        if title is not None and text is not None and title.text == label:
            found.append([content for _, _, content in lines_of(text)])
    for text in root.iter(f"{NS}text"):
        lines = [content for _, _, content in lines_of(text)]
        if " ".join(lines) == label:
            found.append(lines)
    return found


def split_words(lines: list[str], label: str) -> list[str]:
    """Words of ``lines`` that are not whole words of ``label``. A line may end after
    the hyphen of a hyphenated word, and a word ended with an ellipsis may be the start
    of one (a shortened word is not a split word)."""
    words = set(label.split())
    drawn: list[str] = []
    for line in lines:
        parts = line.split()
        if drawn and parts and drawn[-1].endswith("-"):
            joined = drawn[-1] + parts[0].removesuffix(ELLIPSIS)
            if any(w.startswith(joined) for w in words):
                drawn[-1] += parts.pop(0)
        drawn.extend(parts)
    return [word for word in drawn if not _whole(word, words)]


def _whole(word: str, words: set[str]) -> bool:
    if word.endswith(ELLIPSIS):
        return any(w.startswith(word.removesuffix(ELLIPSIS)) for w in words)
    return word in words
