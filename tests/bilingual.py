"""Checks every piece of bilingual seed content must pass (starter sets, question bank)."""

import re

from cshire.competencies.starter_sets import Text

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # hiragana, katakana, kanji


def assert_clean_bilingual(label: str, text: Text) -> None:
    """Both languages present, trimmed, one line, no double spaces."""
    assert isinstance(text, Text), label
    for value in (text.en, text.ja):
        assert isinstance(value, str), label
        assert value.strip(), label
        assert value == value.strip(), label
        assert "  " not in value, label
        # A line break inside Japanese becomes a visible space in a PDF (TOOLCHAIN.md).
        assert "\n" not in value and "\r" not in value, label


def assert_languages_match(label: str, text: Text) -> None:
    assert CJK.search(text.ja), label
    assert not CJK.search(text.en), label
