"""Grouped horizontal bar charts: bars to scale, values printed, a label column as wide
as its widest label."""

import pytest

from cshire.charts import NO_DATA, Series, bar_chart
from tests.charts.svg_checks import NS, drawn_label, outside_viewbox, parse, texts

AXES = ["顧客への共感", "傾聴力", "課題解決力", "Product knowledge", "チームワーク"]
TARGET = Series("目標プロファイル", [5, 4, 4, 3, 4], "series-target")
CANDIDATE = Series("候補者", [4, 3.5, None, 4, 2], "series-candidate")


def first_bar_x(svg: str) -> float:
    return float(next(r for r in parse(svg).iter(f"{NS}rect") if r.get("class")).get("x"))


def test_bar_chart_draws_one_bar_per_known_value_and_marks_missing_ones():
    root = parse(bar_chart(AXES, [TARGET, CANDIDATE], max_value=5))
    bars = [r for g in [root] for r in g.iter(f"{NS}rect") if r.get("height") == "18"]

    assert len(bars) == 5 + 4
    assert texts(root).count(NO_DATA) == 1
    widths = [float(b.get("width")) for b in bars[:2]]
    assert widths[0] == pytest.approx(widths[1] * 5 / 4)  # 5 vs 4 on the same scale


def test_bar_chart_uses_value_format_and_rounds_the_default_scale_up():
    root = parse(bar_chart(["a", "b"], [Series("s", [37, 81])], value_format="{:.0f}点".format))
    shown = texts(root).split("\n")

    assert "37点" in shown and "81点" in shown
    assert "100点" in shown  # the axis ends at a round number above the maximum


def test_bars_carry_the_series_css_class_and_long_titles_are_shortened():
    title = "コンピテンシー別スコア比較" * 10
    root = parse(bar_chart(AXES, [TARGET, CANDIDATE], width=400, title=title))

    classes = {r.get("class") for r in root.iter(f"{NS}rect") if r.get("class")}
    assert classes == {"bar series-target", "bar series-candidate"}
    heading = next(root.iter(f"{NS}text")).text
    assert heading.endswith("…") and len(heading) < len(title)
    assert root.find(f"{NS}title").text == title


def test_label_column_is_as_wide_as_the_widest_label_needs():
    narrow = bar_chart(["a", "b"], [Series("s", [1, 2])])
    wide = bar_chart(["a", "Relationship building"], [Series("s", [1, 2])])

    assert first_bar_x(narrow) < first_bar_x(wide) < 560 * 0.5
    assert outside_viewbox(wide) == []


def test_a_word_too_long_for_the_label_column_is_shrunk_then_shortened_never_split():
    word = "CustomerSuccessOperationsExcellenceProgramme"
    root = parse(bar_chart([word, "b"], [Series("s", [1, 2])], width=400))

    [lines] = drawn_label(root, word)  # found by its tooltip: it was shortened
    assert len(lines) == 1 and lines[0].endswith("…") and word.startswith(lines[0][:-1])
    text = next(t for t in root.iter(f"{NS}text") if t.find(f"{NS}tspan") is not None)
    assert float(text.get("font-size")) < 11  # shrunk first


def test_no_value_at_all_gives_a_small_no_data_chart_with_the_legend():
    root = parse(bar_chart(AXES, [Series("候補者", [None] * 5)], empty_label="データなし"))

    assert root.get("class") == "chart chart-bar chart-empty"
    assert texts(root).split("\n") == ["データなし", "候補者"]


def test_a_scale_that_is_not_positive_is_an_error():
    with pytest.raises(ValueError, match="positive"):
        bar_chart(["a"], [Series("s", [1])], max_value=0)
