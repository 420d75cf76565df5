"""Radar charts: valid, safe, accessible and stable SVG; labels placed around the rings."""

import math
import xml.etree.ElementTree as ET

import pytest

from cshire.charts import CHART_FONT, NO_DATA, Series, bar_chart, radar_chart
from tests.charts.svg_checks import NS, drawn_label, parse, texts

AXES = ["顧客への共感", "傾聴力", "課題解決力", "Product knowledge", "チームワーク"]
TARGET = Series("目標プロファイル", [5, 4, 4, 3, 4], "series-target")
CANDIDATE = Series("候補者", [4, 3.5, None, 4, 2], "series-candidate")
TARGET_4 = Series("目標", [5, 4, 4, 3])
HOSTILE = "</svg><script>alert('x')</script> & \"q\" <b>\x00"


def series_groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{NS}g") if "series" in g.get("class", "").split()]


def test_radar_is_an_accessible_scalable_svg():
    root = parse(radar_chart(AXES, [TARGET, CANDIDATE], title="レーダー"))

    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("font-family") == CHART_FONT
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text == "レーダー"
    assert desc is not None
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert "顧客への共感" in texts(root)


def test_desc_lists_every_value_of_every_series():
    desc = parse(radar_chart(AXES, [TARGET, CANDIDATE])).find(f"{NS}desc").text

    assert "目標プロファイル: 顧客への共感 5, 傾聴力 4, 課題解決力 4" in desc
    assert "候補者: 顧客への共感 4, 傾聴力 3.5, 課題解決力 " + NO_DATA in desc
    assert "チームワーク 2" in desc


@pytest.mark.parametrize("chart", ["radar", "bar"])
def test_hostile_labels_are_escaped_not_injected(chart):
    hostile = Series(HOSTILE, [1, 2, 3], css_class='x" onload="alert(1)')
    axes = [HOSTILE, "b", "c"]
    svg = (
        radar_chart(axes, [hostile], title=HOSTILE)
        if chart == "radar"
        else bar_chart(axes, [hostile], title=HOSTILE)
    )

    root = parse(svg)  # would raise on broken markup

    assert not [el for el in root.iter() if el.tag.endswith(("script", "b"))]
    assert all("onload" not in el.attrib for el in root.iter())
    cleaned = HOSTILE.replace("\x00", "")
    assert root.find(f"{NS}title").text == cleaned
    assert cleaned.strip() in root.find(f"{NS}desc").text
    assert "<script>" not in svg


def test_radar_series_with_a_missing_value_is_outlined_not_filled():
    root = parse(radar_chart(AXES, [TARGET, CANDIDATE]))
    target, candidate = series_groups(root)

    assert target.find(f"{NS}polygon[@fill-opacity]") is not None
    assert candidate.find(f"{NS}polygon[@fill-opacity]") is None
    # Outline only between neighbours that both have a value: 4 known of 5 → 2 segments
    # are lost (either side of the gap), 3 of the 5 ring segments remain.
    path = candidate.find(f"{NS}path").get("d")
    assert path.count("M") == 3
    markers = [el for el in candidate if el.tag != f"{NS}path"]
    assert len(markers) == 4


def test_each_series_has_its_own_colour_and_the_second_is_dashed():
    root = parse(radar_chart(AXES, [TARGET, Series("b", [1, 2, 3, 4, 5])]))
    first, second = (g.find(f"{NS}polygon") for g in series_groups(root))

    assert first.get("stroke") != second.get("stroke")
    assert first.get("stroke-dasharray") is None
    assert second.get("stroke-dasharray")


def test_series_css_class_is_kept_for_page_styling():
    groups = series_groups(parse(radar_chart(AXES, [TARGET, CANDIDATE])))

    assert [g.get("class") for g in groups] == ["series series-target", "series series-candidate"]


@pytest.mark.parametrize("axes", [[], ["顧客への共感"], ["顧客への共感", "傾聴力"]])
def test_radar_with_fewer_than_three_axes_falls_back_to_a_bar_chart(axes):
    series = [Series("候補者", [3] * len(axes))]
    root = parse(radar_chart(axes, series, max_value=5))

    assert "chart-bar" in root.get("class")
    assert "chart-radar" not in root.get("class")
    assert len(root.findall(f".//{NS}rect")) == len(axes) + 1  # bars + legend swatch


def test_output_is_deterministic_and_ids_differ_between_charts():
    first = radar_chart(AXES, [TARGET, CANDIDATE], title="A")
    again = radar_chart(AXES, [TARGET, CANDIDATE], title="A")
    other = radar_chart(AXES, [TARGET], title="B")

    assert first == again
    assert parse(first).find(f"{NS}title").get("id") != parse(other).find(f"{NS}title").get("id")
    assert bar_chart(AXES, [TARGET]) == bar_chart(AXES, [TARGET])


def test_values_beyond_the_scale_are_clipped_in_the_drawing_but_reported_as_is():
    root = parse(radar_chart(AXES, [Series("s", [7, 0, -1, 5, math.nan])]))

    desc = root.find(f"{NS}desc").text
    assert "顧客への共感 7" in desc and "傾聴力 0" in desc
    assert f"Product knowledge 5, チームワーク {NO_DATA}" in desc


def test_mismatched_value_count_is_an_error():
    with pytest.raises(ValueError, match="expected 5"):
        radar_chart(AXES, [Series("s", [1, 2])])
    with pytest.raises(ValueError, match="greater"):
        radar_chart(AXES, [TARGET], max_value=0)


def test_long_labels_are_wrapped_then_truncated_with_the_full_text_as_tooltip():
    long = "課題解決力と提案力の高さ（顧客の業務理解を含む）" * 2
    root = parse(radar_chart([long, "b", "c", "d"], []))
    group = next(g for g in root.iter(f"{NS}g") if g.find(f"{NS}title") is not None)

    assert group.find(f"{NS}title").text == long
    lines = [t.text for t in group.iter(f"{NS}tspan")]
    assert len(lines) == 2 and lines[-1].endswith("…")


def test_radar_keeps_its_width_and_grows_in_height_for_labels_on_two_lines():
    short = parse(radar_chart(["Empathy", "b", "c", "d"], [TARGET_4]))
    tall = parse(radar_chart(["Expectation management under renewal pressure", "b", "c", "d"],
                             [TARGET_4]))

    assert short.get("width") == tall.get("width") == "320"
    assert float(tall.get("height")) > float(short.get("height"))
    [lines] = drawn_label(tall, "Expectation management under renewal pressure")
    assert len(lines) == 2


def test_radar_shrinks_its_rings_to_give_long_side_labels_room():
    def outer_ring_width(axes: list[str]) -> float:
        ring = parse(radar_chart(axes, [])).findall(f"{NS}polygon")[-1]
        xs = [float(p.split(",")[0]) for p in ring.get("points").split()]
        return max(xs) - min(xs)

    long_side = ["a", "Onboarding follow-up with the sponsor", "c", "Relationship building"]
    assert outer_ring_width(long_side) < outer_ring_width(["a", "b", "c", "d"])


def test_radar_without_axes_is_a_small_no_data_chart_in_the_callers_words():
    root = parse(radar_chart([], [Series("目標", [])], title="レーダー", empty_label="データなし"))

    assert "chart-empty" in root.get("class")
    assert "データなし" in texts(root) and "目標" in texts(root)  # message and legend
    assert float(root.get("height")) < 120

