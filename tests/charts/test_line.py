"""Line charts: values over periods, gaps for missing values, round value ticks."""

import pytest

from cshire.charts import Series, line_chart
from cshire.charts.axis import nice_ticks
from tests.charts.svg_checks import NS, parse, texts

MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]


def series_groups(root):
    return [g for g in root.iter(f"{NS}g") if "series" in g.get("class", "").split()]


def muted_texts(root) -> list[str]:
    """Tick labels and the axis name (drawn in the muted colour)."""
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text") if t.get("fill") == "#595959"]


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 4.4, [0, 1, 2, 3, 4, 5]),
        (0, 37, [0, 10, 20, 30, 40]),
        (-3, 12, [-5, 0, 5, 10, 15]),
        (0.12, 0.31, [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]),
        (2, 2, [1, 1.5, 2, 2.5, 3]),
        (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1]),
        (5, 3, [2, 3, 4, 5, 6]),
    ],
)
def test_value_ticks_are_round_and_cover_the_values(low, high, ticks):
    assert nice_ticks(low, high) == ticks


def test_a_missing_value_leaves_a_gap_in_the_line():
    root = parse(line_chart(QUARTERS, [Series("NPS", [10, None, 12, 15], "nps")]))
    [group] = series_groups(root)
    path = group.find(f"{NS}path").get("d")

    assert group.get("class") == "series nps"
    assert path.count("M") == 2 and path.count("L") == 1  # Q1 alone, then Q3 → Q4
    assert len(group.findall(f"{NS}circle")) == 3  # a marker on every known value


def test_a_single_series_has_every_value_printed_over_its_point():
    root = parse(line_chart(QUARTERS, [Series("NPS", [10, None, 12.5, 15])]))
    [group] = series_groups(root)

    assert [t.text for t in group.iter(f"{NS}text")] == ["10", "12.5", "15"]
    assert muted_texts(root) == ["0", "5", "10", "15"]


def test_several_series_have_their_last_value_printed_at_the_right_end():
    series = [Series("A", [3.1, 3.4, 3.9, None]), Series("B", [2.0, 2.5, 3.0, 3.2])]
    root = parse(line_chart(QUARTERS, series, min_value=1, max_value=5, y_label="Mean"))
    ends = [t for t in root.iter(f"{NS}text") if t.text in ("3.9", "3.2")]
    plot_right = max(float(line.get("x2")) for line in root.iter(f"{NS}line"))

    assert len(ends) == 2 and all(float(t.get("x")) > plot_right for t in ends)
    assert muted_texts(root) == ["1", "2", "3", "4", "5", "Mean"]
    assert root.find(f"{NS}desc").text == (
        "A: Q1 3.1, Q2 3.4, Q3 3.9, Q4 – / B: Q1 2, Q2 2.5, Q3 3, Q4 3.2"
    )


def test_crowded_period_names_are_thinned_out_not_overlapped():
    series = [Series("A", list(range(12)))]
    wide = texts(parse(line_chart(MONTHS, series, width=900))).split("\n")
    narrow = texts(parse(line_chart(MONTHS, series, width=360))).split("\n")

    assert set(MONTHS) <= set(wide)
    shown = [m for m in MONTHS if m in narrow]
    assert shown[0] == "2025-01" and 2 <= len(shown) < 12
    assert shown == MONTHS[:: MONTHS.index(shown[1])]  # evenly


def test_the_svg_is_as_tall_as_asked_unless_the_plot_would_be_too_small():
    series = [Series("A", [1, 2, 3, 4])]

    assert parse(line_chart(QUARTERS, series, height=300)).get("height") == "300"
    assert float(parse(line_chart(QUARTERS, series, height=60)).get("height")) > 100


def test_no_value_at_all_gives_a_small_no_data_chart():
    root = parse(line_chart(QUARTERS, [Series("A", [None] * 4)], empty_label="データなし"))

    assert "chart-empty" in root.get("class")
    assert texts(root).split("\n") == ["データなし", "A"]


def test_a_scale_running_backwards_is_an_error():
    with pytest.raises(ValueError, match="greater"):
        line_chart(QUARTERS, [Series("A", [1, 2, 3, 4])], min_value=5, max_value=1)


def test_mismatched_value_count_is_an_error():
    with pytest.raises(ValueError, match="expected 4"):
        line_chart(QUARTERS, [Series("A", [1, 2])])
