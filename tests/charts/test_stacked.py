"""Stacked bar charts: segments to scale, totals, shares, and fills told apart in grey."""

import pytest

from cshire.charts import NO_DATA, Series, stacked_bar_chart
from tests.charts.svg_checks import NS, parse, texts

TEAMS = ["Enterprise", "Mid-market", "SMB"]
OGH = [Series("Outstanding", [3, 5, None], "o"), Series("High", [1, 6, None], "h"),
       Series("Good", [0, 4, None], "g")]


def segments(root):
    return [r for r in root.iter(f"{NS}rect") if "segment" in r.get("class", "")]


def test_segments_are_drawn_to_scale_and_totals_printed_at_the_bar_ends():
    root = parse(stacked_bar_chart(TEAMS, OGH, title="O/H/G"))
    rects = segments(root)

    # A zero or missing value draws nothing: 2 + 3 segments, SMB has none.
    assert [r.get("class").split()[1] for r in rects] == ["o", "h", "o", "h", "g"]
    widths = [float(r.get("width")) for r in rects]
    assert widths[0] == pytest.approx(3 * widths[1], abs=0.02)  # 3 against 1
    assert widths[2] == pytest.approx(widths[0] * 5 / 3, abs=0.02)  # one scale for all
    shown = texts(root).split("\n")
    assert "4" in shown and "15" in shown  # totals
    assert NO_DATA in shown  # SMB: no data at all


def test_shares_fill_every_bar_and_label_segments_in_percent_with_count_totals():
    root = parse(stacked_bar_chart(TEAMS[:2], [Series(s.label, s.values[:2]) for s in OGH],
                                   shares=True))
    rects = segments(root)
    first_bar = sum(float(r.get("width")) for r in rects[:2])
    second_bar = sum(float(r.get("width")) for r in rects[2:])

    assert first_bar == pytest.approx(second_bar, abs=0.02)
    shown = texts(root).split("\n")
    assert {"75%", "25%", "33%", "40%", "27%"} <= set(shown)
    assert {"4", "15", "100%"} <= set(shown)  # count totals; the axis ends at 100%


def test_a_segment_too_narrow_for_its_value_is_not_labelled():
    root = parse(stacked_bar_chart(["a"], [Series("big", [200]), Series("tiny", [1])]))
    big, tiny = segments(root)
    bar_end = float(tiny.get("x")) + float(tiny.get("width"))
    top, bottom = float(big.get("y")), float(big.get("y")) + float(big.get("height"))
    in_bar = [t.text for t in root.iter(f"{NS}text")
              if t.get("y") and top < float(t.get("y")) < bottom and float(t.get("x")) < bar_end]

    assert in_bar == ["200"]
    assert root.find(f"{NS}desc").text == "big: a 200 / tiny: a 1"


def test_series_after_the_first_are_patterned_in_the_bars_and_the_legend():
    root = parse(stacked_bar_chart(TEAMS, OGH))
    patterns = [p.get("id") for p in root.iter(f"{NS}pattern")]
    fills = {r.get("fill") for r in segments(root)}
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "legend")

    assert len(patterns) == 2 == len(set(patterns))
    assert fills == {"#0072B2", *(f"url(#{p})" for p in patterns)}
    assert {r.get("fill") for r in legend.iter(f"{NS}rect")} == fills


def test_negative_values_cannot_be_stacked():
    with pytest.raises(ValueError, match="negative"):
        stacked_bar_chart(["a"], [Series("s", [-1])])


def test_no_value_at_all_gives_a_small_no_data_chart():
    root = parse(stacked_bar_chart(TEAMS, [Series("s", [None] * 3)], empty_label="データなし"))

    assert "chart-empty" in root.get("class")
    assert texts(root).split("\n") == ["データなし", "s"]
