"""cshire.charts: data → SVG strings that are valid XML, safe, accessible and stable."""

import math
import xml.etree.ElementTree as ET

import pytest

from cshire.charts import CHART_FONT, NO_DATA, Series, _wrap, bar_chart, radar_chart

NS = "{http://www.w3.org/2000/svg}"
AXES = ["顧客への共感", "傾聴力", "課題解決力", "Product knowledge", "チームワーク"]
TARGET = Series("目標プロファイル", [5, 4, 4, 3, 4], "series-target")
CANDIDATE = Series("候補者", [4, 3.5, None, 4, 2], "series-candidate")
HOSTILE = "</svg><script>alert('x')</script> & \"q\" <b>\x00"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to prove it is XML


def texts(root: ET.Element) -> str:
    """All visible text (text/tspan content), one item per line."""
    return "\n".join("".join(el.itertext()) for el in root.iter(f"{NS}text"))


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


def test_wrapping_breaks_japanese_at_phrase_ends_and_avoids_stub_lines():
    assert _wrap("顧客への共感", 50, 11) == (["顧客への", "共感"], False)
    assert _wrap("チームワーク", 60, 11) == (["チーム", "ワーク"], False)
    assert _wrap("Product knowledge", 60, 11) == (["Product", "knowledge"], False)
    assert _wrap("傾聴力", 60, 11) == (["傾聴力"], False)


def test_bars_carry_the_series_css_class_and_long_titles_are_shortened():
    title = "コンピテンシー別スコア比較" * 10
    root = parse(bar_chart(AXES, [TARGET, CANDIDATE], width=400, title=title))

    classes = {r.get("class") for r in root.iter(f"{NS}rect") if r.get("class")}
    assert classes == {"bar series-target", "bar series-candidate"}
    heading = next(root.iter(f"{NS}text")).text
    assert heading.endswith("…") and len(heading) < len(title)
    assert root.find(f"{NS}title").text == title
