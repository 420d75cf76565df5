"""Measuring and breaking labels: Latin words stay whole, Japanese keeps kinsoku."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cshire.charts.text import ELLIPSIS, fit, text_width
from cshire.charts.text import wrap as _wrap
from tests.charts.svg_checks import split_words

NO_LINE_START = "、。）」ーっャ!),.:;?"
NO_LINE_END = "（「(["


def test_wrapping_breaks_japanese_at_phrase_ends_and_avoids_stub_lines():
    assert _wrap("顧客への共感", 50, 11) == (["顧客への", "共感"], False)
    assert _wrap("チームワーク", 60, 11) == (["チーム", "ワーク"], False)
    assert _wrap("Product knowledge", 60, 11) == (["Product", "knowledge"], False)
    assert _wrap("傾聴力", 60, 11) == (["傾聴力"], False)


def test_widths_are_estimated_per_character_and_bold_is_wider():
    assert text_width("顧客への共感", 11) == 66  # one em per full-width character
    assert text_width("W", 11) > text_width("i", 11) * 2
    assert text_width("Teamwork", 11, bold=True) > text_width("Teamwork", 11)


def test_latin_text_breaks_at_spaces_and_after_a_hyphen_between_letters():
    assert _wrap("Expectation management under renewal pressure", 150, 11) == (
        ["Expectation management", "under renewal pressure"], False
    )
    assert _wrap("follow-up", 45, 11) == (["follow-", "up"], False)
    assert _wrap("2025-04", 30, 11) == (["2025-04"], False)  # no break before a digit


def test_a_word_wider_than_the_line_is_shrunk_when_that_is_enough():
    label = fit("Internationalisation", 100, 11)

    assert label.lines == ("Internationalisation",)
    assert label.size < 11 and label.full is None
    assert label.width <= 100


def test_a_word_too_wide_even_shrunk_is_shortened_with_the_full_text_kept():
    label = fit("Internationalisation", 60, 11)

    assert label.lines == ("Internatio…",)
    assert label.full == "Internationalisation"
    assert label.width <= 60


def test_too_many_lines_end_with_an_ellipsis_after_a_whole_word():
    label = fit("Expectation management under renewal pressure", 130, 11, max_lines=2)

    assert label.lines == ("Expectation", "management under…")
    assert label.full == "Expectation management under renewal pressure"


def test_a_long_katakana_word_is_cut_into_even_pieces():
    assert _wrap("オンボーディングのフォローアップ", 80, 11, 3) == (
        ["オンボー", "ディングの", "フォローアップ"], False
    )


@pytest.mark.parametrize("width", [30, 40, 50, 60, 70])
def test_japanese_lines_keep_kinsoku(width):
    lines, _ = _wrap("サポート（オンボーディング）の期待値。ー", width, 11, max_lines=9)

    assert all(line[0] not in NO_LINE_START for line in lines)
    assert all(line[-1] not in NO_LINE_END for line in lines)
    assert "".join(lines).rstrip(ELLIPSIS) in "サポート（オンボーディング）の期待値。ー"


def test_a_particle_stays_with_the_closing_bracket_before_it():
    lines, _ = _wrap("（オンボーディング）の期待値", 66, 11, max_lines=4)

    assert any(line.endswith("）の") for line in lines)


WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzWM-"), min_size=1, max_size=30)


@given(words=st.lists(WORDS, min_size=1, max_size=8), width=st.integers(20, 300),
       lines=st.integers(1, 3))
def test_fit_never_splits_a_latin_word(words, width, lines):
    text = " ".join(words)
    label = fit(text, width, 11, max_lines=lines)

    assert split_words(list(label.lines), text) == [], label.lines
    assert label.width <= width
    assert len(label.lines) <= lines
