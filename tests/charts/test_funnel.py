"""Funnel charts: journey stages as centred bars, the conversion of every step, and
the weakest step told apart without colour."""

import pytest

from cshire.charts import NO_DATA, funnel_chart
from cshire.charts.funnel import step_rates
from tests.charts.svg_checks import NS, parse, texts

STAGES = [("Applied", 120), ("Screened", 77), ("Interviewed", 30), ("Hired", 12)]


def bars(root):
    return [r for r in root.iter(f"{NS}rect") if r.get("class") == "stage"]


def step(root, index):
    return next(g for g in root.iter(f"{NS}g") if g.get("class") == f"step-{index}")


def test_step_rates_divide_each_count_by_the_one_before():
    # 77 / 120 = 0.641666…, 30 / 77 = 0.389610…, 12 / 30 = 0.4
    assert step_rates([120, 77, 30, 12]) == pytest.approx([0.641667, 0.389610, 0.4], abs=1e-6)
    assert step_rates([0, 5, None, 3]) == [None, None, None]
    assert step_rates([7]) == []


def test_bars_are_centred_and_as_wide_as_their_counts():
    root = parse(funnel_chart([("a", 120), ("b", 60), ("c", 0)]))
    first, second = bars(root)  # a count of 0 draws no bar
    widths = [float(b.get("width")) for b in (first, second)]
    centres = [float(b.get("x")) + w / 2 for b, w in zip((first, second), widths, strict=True)]

    assert widths[0] == pytest.approx(2 * widths[1], abs=0.02)
    assert centres[0] == pytest.approx(centres[1], abs=0.01)
    assert [t for t in texts(root).split("\n") if t.isdigit()] == ["120", "60", "0"]


def test_every_step_shows_its_conversion_rate_and_the_description_lists_all():
    root = parse(funnel_chart(STAGES, title="Hiring"))

    assert [texts(step(root, i)) for i in range(3)] == ["64%", "39%", "40%"]
    assert root.find(f"{NS}desc").text == (
        "Applied 120, Screened 77 (64%), Interviewed 30 (39%), Hired 12 (40%)"
    )
    precise = parse(funnel_chart(STAGES[:2], rate_format="{:.1%}".format))
    assert texts(step(precise, 0)) == "64.2%"


def test_the_highlighted_step_is_hatched_boxed_and_bold_and_named_in_the_legend():
    root = parse(funnel_chart(STAGES, highlight=1, highlight_label="Weakest step"))
    plain, weakest = step(root, 0), step(root, 1)
    pattern = root.find(f".//{NS}pattern").get("id")

    assert weakest.find(f"{NS}polygon").get("fill") == f"url(#{pattern})"
    assert plain.find(f"{NS}polygon").get("fill").startswith("#")
    assert weakest.find(f"{NS}rect").get("stroke")  # the rate's box
    assert plain.find(f"{NS}rect") is None
    assert weakest.find(f"{NS}text").get("font-weight") == "bold"
    assert "Weakest step" in texts(root)
    assert root.find(f"{NS}desc").text.endswith("Weakest step: Screened → Interviewed")


@pytest.mark.parametrize("index", [-1, 3])
def test_a_highlight_outside_the_steps_is_an_error(index):
    with pytest.raises(ValueError, match="step index from 0 to 2"):
        funnel_chart(STAGES, highlight=index)


def test_a_missing_count_shows_a_dash_and_leaves_its_steps_without_rate():
    root = parse(funnel_chart([("a", 10), ("b", None), ("c", 4)]))

    assert [texts(step(root, i)) for i in range(2)] == [NO_DATA, NO_DATA]
    assert texts(root).split("\n").count(NO_DATA) == 3
    assert len(bars(root)) == 2


def test_no_stage_or_no_count_gives_a_small_no_data_chart():
    for stages in ([], [("a", None), ("b", None)]):
        root = parse(funnel_chart(stages, title="Journey", empty_label="データなし"))
        assert "chart-empty" in root.get("class")
        assert "データなし" in texts(root)


def test_negative_counts_are_an_error():
    with pytest.raises(ValueError, match="negative"):
        funnel_chart([("a", 3), ("b", -1)])


def test_given_rates_are_printed_instead_of_the_ratio_of_the_counts():
    # Journey steps measure different cohorts: 20 entered A and 15 of them moved on,
    # while 30 entered B in the same period; the A → B rate is 15 / 20, not 30 / 20.
    root = parse(funnel_chart([("A", 20), ("B", 30), ("C", 6)], rates=[0.75, None]))

    assert [texts(step(root, i)) for i in range(2)] == ["75%", NO_DATA]
    assert root.find(f"{NS}desc").text == f"A 20, B 30 (75%), C 6 ({NO_DATA})"
    with pytest.raises(ValueError, match="one value per step"):
        funnel_chart([("A", 1), ("B", 1)], rates=[0.5, 0.5])
