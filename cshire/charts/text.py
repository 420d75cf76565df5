"""Measuring and breaking chart labels.

A chart is laid out before any font is chosen: the PDF draws it with IPAexGothic, a
page with whatever the reader's browser finds. So widths are estimates that err on the
wide side: each ASCII character counts as the widest of IPAexGothic, Noto Sans CJK JP
and DejaVu Sans (advance widths read from the fonts, rounded up to a few classes);
full-width characters count one em. Every margin is computed from these estimates, and
the tests measure with the same function, so no label lands outside the drawing.

How lines break:

- Latin text breaks only at spaces and after a hyphen between letters. A word wider
  than the line is never split: :func:`fit` shrinks the label a little, and if that is
  not enough, shortens the word with an ellipsis (the full text becomes a tooltip).
- Japanese has no spaces, so without a dictionary a line breaks where a phrase usually
  ends (after hiragana followed by something else, around brackets, between scripts),
  and a run too long for a line is cut between characters, keeping the kinsoku rules:
  no closing punctuation or small kana at the start of a line, no opening bracket at
  its end.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

LABEL_SIZE = 11
SMALL_SIZE = 9
ELLIPSIS = "…"
# Glyph box around the baseline, in em: the fonts' ascender and (DejaVu's) descender.
ASCENT, DESCENT = 0.9, 0.25

# Advance widths in em: ASCII by class (see the module docstring); bold is wider.
_ASCII_EM = {
    0.34: " ',.:;Iijl|",
    0.42: "!()-[]frt",
    0.5: '"*/\\',
    0.56: "?JL_csz",
    0.64: "$0123456789EFPSTY`abdeghknopquvxy{}",
    0.7: "ABKRVXZ",
    0.8: "&CDGHNOQU",
    0.86: "#+<=>^w~",
    1.0: "%@MWm",
}
_EM = {char: em for em, chars in _ASCII_EM.items() for char in chars}
_OTHER_LATIN_EM = 0.7  # accented letters and other narrow characters
_BOLD = 1.13  # DejaVu Sans Bold against the regular widths above

# Characters that must never be XML content (C0 controls except tab/newline/CR).
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Kinsoku: punctuation that must not start a line, brackets that must not end one,
# small kana and the prolonged sound mark that must not start one either.
_NO_LINE_START = set("、。，．・：；？！）」』】〉》〕!),.:;?")
_NO_LINE_END = set("（「『【〈《〔([")
_SMALL_KANA = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー")


@dataclass(frozen=True)
class Label:
    """A label laid out in lines at one font size; ``full`` is the whole text when the
    lines had to be shortened (drawn as a tooltip), else ``None``."""

    lines: tuple[str, ...]
    size: float
    full: str | None = None
    bold: bool = False
    split: bool = False  # a Japanese run was cut between characters to fit

    @property
    def width(self) -> float:
        return max((text_width(line, self.size, bold=self.bold) for line in self.lines), default=0)

    @property
    def height(self) -> float:
        return len(self.lines) * line_height(self.size)


def clean_text(text: str) -> str:
    return _XML_INVALID.sub("", str(text))


def line_height(size: float) -> float:
    return size + 2


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated rendered width of ``text`` at font ``size`` (see the module docstring)."""
    return sum(_char_em(c) for c in text) * size * (_BOLD if bold else 1)


@cache
def _char_em(char: str) -> float:
    if char in _EM:
        return _EM[char]
    kind = unicodedata.east_asian_width(char)
    if kind == "H":
        return 0.5  # half-width katakana
    if kind in "WFA" and not unicodedata.name(char, "").startswith("LATIN"):
        return 1.0  # kanji, kana, full-width forms; ambiguous symbols (…, →) at their widest
    return _OTHER_LATIN_EM


def fit(
    text: str,
    max_width: float,
    size: float = LABEL_SIZE,
    *,
    max_lines: int = 2,
    min_size: float | None = None,
    bold: bool = False,
) -> Label:
    """Lay ``text`` out in at most ``max_lines`` lines no wider than ``max_width``.

    A word too wide for a line shrinks the whole label one point at a time down to
    ``min_size`` (two points smaller by default); at a word still too wide the label
    ends, shortened with an ellipsis, as the last line does when the text needs more
    lines than allowed.
    """
    whole = " ".join(clean_text(text).split())
    min_size = size - 2 if min_size is None else min_size
    lines, truncated = wrap(whole, max_width, size, max_lines, bold=bold)
    while _overflows(lines, max_width, size, bold) and size > min_size:
        size = max(size - 1, min_size)
        lines, truncated = wrap(whole, max_width, size, max_lines, bold=bold)
    if _overflows(lines, max_width, size, bold):
        # The label ends at the first line too wide: an ellipsis means "cut here".
        cut = next(i for i, line in enumerate(lines) if _overflows([line], max_width, size, bold))
        lines = [*lines[:cut], ellipsize(lines[cut], max_width, size, bold=bold)]
        truncated = True
    return Label(tuple(lines), size, whole if truncated else None, bold, _splits(whole, lines))


def _splits(text: str, lines: list[str]) -> bool:
    """Does a line end inside one of the tokens of ``text``?"""
    ends, offset = set(), 0
    for token in tokens(text):
        offset += len(token.replace(" ", ""))
        ends.add(offset)
    offset = 0
    for line in lines[:-1]:
        offset += len(line.replace(" ", ""))
        if offset not in ends:
            return True
    return False


def _overflows(lines: list[str], max_width: float, size: float, bold: bool) -> bool:
    return any(text_width(line, size, bold=bold) > max_width for line in lines)


def ellipsize(text: str, max_width: float, size: float, *, bold: bool = False) -> str:
    """``text`` unchanged if it fits, else cut and ended with an ellipsis.

    Latin text is cut after its last whole word when that keeps at least half the
    line; otherwise (and in Japanese) after the last character that fits.
    """
    if text_width(text, size, bold=bold) <= max_width:
        return text
    cut = text
    while cut and text_width(cut + ELLIPSIS, size, bold=bold) > max_width:
        cut = cut[:-1]
    space = cut.rfind(" ")
    if cut and cut[-1].isalnum() and text[len(cut)].isalnum() and space > len(cut) / 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def wrap(
    text: str, max_width: float, size: float, max_lines: int = 2, *, bold: bool = False
) -> tuple[list[str], bool]:
    """Break ``text`` into at most ``max_lines`` lines; returns (lines, truncated).

    Lines are balanced ("チーム / ワーク", not "チームワー / ク"); text that needs more
    lines is cut with an ellipsis. A Latin word wider than ``max_width`` stays whole on
    a line of its own, wider than asked: :func:`fit` decides what to do with it.
    """
    text = " ".join(clean_text(text).split())
    lines = _greedy_lines(text, max_width, size, bold)
    if len(lines) > max_lines:
        last = ellipsize(lines[max_lines - 1] + ELLIPSIS, max_width, size, bold=bold)
        return [*lines[: max_lines - 1], last], True
    # Rebalance only to avoid a stub last line ("チームワー / ク" → "チーム / ワーク").
    if len(lines) < 2 or text_width(lines[-1], size, bold=bold) >= max_width * 0.3:
        return lines, False
    target = text_width(text, size, bold=bold) / len(lines)
    while target < max_width:
        balanced = _greedy_lines(text, target, size, bold)
        if len(balanced) == len(lines):
            return balanced, False
        target += size / 2
    return lines, False


def _greedy_lines(text: str, max_width: float, size: float, bold: bool) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in tokens(text):
        if current and text_width((current + token).rstrip(), size, bold=bold) > max_width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
        # Only a single token can be too wide here: cut it where kinsoku allows.
        while text_width(current.rstrip(), size, bold=bold) > max_width:
            cut = _balanced_cut(current, max_width, size, bold)
            if cut is None:
                break  # a Latin word: never split
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _balanced_cut(token: str, max_width: float, size: float, bold: bool) -> int | None:
    """Where to cut ``token`` (kinsoku allowing) so that its head fits the line and the
    pieces come out about equal: オンボー|ディングの rather than オンボーディン|グの."""
    total = text_width(token.rstrip(), size, bold=bold)
    target = total / math.ceil(total / max_width)
    cuts = [
        (abs(head - target), -cut)
        for cut in range(1, len(token))
        if _may_cut(token[cut - 1], token[cut])
        and (head := text_width(token[:cut], size, bold=bold)) <= max_width
    ]
    return -min(cuts)[1] if cuts else None


def _may_cut(before: str, after: str) -> bool:
    if _char_class(before) == "latin" and _char_class(after) == "latin":
        return False
    return (
        after not in _NO_LINE_START
        and after not in _SMALL_KANA
        and before not in _NO_LINE_END
        and not after.isspace()
    )


def tokens(text: str) -> list[str]:
    """Split ``text`` at places where a line may break (see the module docstring):
    顧客への|共感, 課題解決力と|提案力, follow-|up; runs of kanji, katakana or Latin
    letters stay whole, and so does a particle with the bracket before it."""
    out: list[str] = []
    for i, char in enumerate(text):
        if out and not _may_break(text, i):
            out[-1] += char
        else:
            out.append(char)
    return out


def _may_break(text: str, i: int) -> bool:
    """May a line break between ``text[i - 1]`` and ``text[i]``?"""
    before, after = text[i - 1], text[i]
    if before == "-" and i >= 2 and text[i - 2].isalpha() and after.isalpha():
        return True
    a, b = _char_class(before), _char_class(after)
    if b in ("space", "close") or a == "open" or after in _SMALL_KANA:
        return False
    if a == "close" and b == "hiragana":
        return False  # a particle stays with the bracket it follows: 「顧客」の
    if a in ("space", "close") or b == "open":
        return True
    if a == "hiragana":
        return b != "hiragana"
    return a != b and b != "hiragana"


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
