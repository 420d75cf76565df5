"""Scatter charts: points on round axes, labels beside them, a least-squares line."""

import pytest

from cshire.charts import NO_DATA, scatter_chart
from cshire.charts.scatter import least_squares
from tests.charts.svg_checks import NS, overlapping_texts, parse, texts

# Anscombe (1973), "Graphs in Statistical Analysis", The American Statistician 27(1):
# data set I; the paper gives the fitted line y = 3.00 + 0.500x for all four sets.
ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
ANSCOMBE_Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]
POINTS = [(3.5, 3.8, "Sato"), (4.2, 4.1, "Suzuki"), (2.8, 3.0, "Takahashi"), (4.8, 4.6, None)]


def circles(root):
    return [c for c in root.iter(f"{NS}circle") if c.get("class") == "point"]


def test_least_squares_matches_anscombes_worked_example():
    intercept, slope = least_squares(ANSCOMBE_X, ANSCOMBE_Y1)

    assert intercept == pytest.approx(3.00, abs=0.005)
    assert slope == pytest.approx(0.500, abs=0.0005)


@pytest.mark.parametrize(("xs", "ys"), [([], []), ([1], [2]), ([3, 3, 3], [1, 2, 3])])
def test_least_squares_is_undefined_without_two_distinct_x(xs, ys):
    assert least_squares(xs, ys) is None


def test_points_are_drawn_where_their_values_are_on_fixed_ranges():
    root = parse(scatter_chart([(1, 1, None), (5, 5, None), (3, 3, None)], "Score", "Rating",
                               x_range=(1, 5), y_range=(1, 5)))
    low, high, middle = ((float(c.get("cx")), float(c.get("cy"))) for c in circles(root))

    assert middle == pytest.approx(((low[0] + high[0]) / 2, (low[1] + high[1]) / 2), abs=0.01)
    assert high[1] < low[1]  # up is higher
    assert {"1", "2", "3", "4", "5", "Score", "Rating"} <= set(texts(root).split("\n"))


def test_the_fitted_line_is_drawn_only_when_asked_and_named_with_its_equation():
    points = [(x, y, None) for x, y in zip(ANSCOMBE_X, ANSCOMBE_Y1, strict=True)]
    plain = parse(scatter_chart(points, "x", "y"))
    fitted = parse(scatter_chart(points, "x", "y", fit_label="Least squares"))

    assert plain.find(f".//{NS}line[@class='fit']") is None
    line = fitted.find(f".//{NS}line[@class='fit']")
    xs = sorted(float(c.get("cx")) for c in circles(fitted))
    assert (float(line.get("x1")), float(line.get("x2"))) == (xs[0], xs[-1])  # data span only
    assert "Least squares (y = 3 + 0.5x)" in texts(fitted)
    assert fitted.find(f"{NS}desc").text.endswith("Least squares: y = 3 + 0.5x")


def test_a_falling_line_reads_with_a_minus_sign():
    root = parse(scatter_chart([(1, 3, None), (2, 1, None)], fit_label="Trend"))

    assert "Trend (y = 5 − 2x)" in texts(root)


def test_labels_sit_beside_their_points_without_overlapping():
    crowded = [(3, 3, "Sato"), (3.02, 3.02, "Suzuki"), (3.04, 3.0, "Takahashi"),
               (2.98, 3.01, "Tanaka"), (3.01, 2.98, "Ito")]
    svg = scatter_chart(crowded, "x", "y", x_range=(1, 5), y_range=(1, 5))
    shown = texts(parse(svg)).split("\n")

    assert "Sato" in shown  # the first has a free side; a later one may have none
    assert 1 < len({"Sato", "Suzuki", "Takahashi", "Tanaka", "Ito"} & set(shown)) < 5
    assert overlapping_texts(svg) == []


def test_a_point_missing_a_value_is_left_out_but_described():
    root = parse(scatter_chart([*POINTS, (None, 2.0, "Ito")], "Interview", "Performance"))

    assert len(circles(root)) == 4
    assert f"Ito: Interview {NO_DATA}, Performance 2" in root.find(f"{NS}desc").text
    assert "Sato: Interview 3.5, Performance 3.8" in root.find(f"{NS}desc").text


def test_no_point_gives_a_small_no_data_chart():
    root = parse(scatter_chart([(None, 1, "a")], "x", "y", empty_label="データなし"))

    assert "chart-empty" in root.get("class")
    assert texts(root) == "データなし"


def test_a_range_running_backwards_is_an_error():
    with pytest.raises(ValueError, match="low to high"):
        scatter_chart(POINTS, x_range=(5, 1))


def test_points_beyond_a_fixed_range_stay_on_its_edge_and_the_line_is_trimmed():
    root = parse(scatter_chart([(0, 0, None), (3, 3, None), (10, 10, None)], "x", "y",
                               x_range=(1, 5), y_range=(1, 5), fit_label="fit"))
    low, middle, high = ((float(c.get("cx")), float(c.get("cy"))) for c in circles(root))
    line = root.find(f".//{NS}line[@class='fit']")

    assert (float(line.get("x1")), float(line.get("y1"))) == low  # y = x from (1, 1)
    assert (float(line.get("x2")), float(line.get("y2"))) == high  # … to (5, 5)
    assert middle == pytest.approx(((low[0] + high[0]) / 2, (low[1] + high[1]) / 2), abs=0.01)
