"""Every chart kind: an accessible, escaped, deterministic SVG whose labels all lie
inside the drawing with their English words whole; the same markup embedded in an HTML
page through Jinja and drawn in a PDF by WeasyPrint with the bundled font.

What these checks cannot see (real glyph widths, colours, how it reads) was looked at
in PNGs of a page and a PDF with every kind, in English and Japanese.
"""

import pytest
from flask import render_template_string
from markupsafe import Markup

from cshire import pdf
from cshire.charts import CHART_FONT
from tests.charts.examples import HOSTILE, KINDS, LONG_EN, LONG_JA, NAMES_EN, NAMES_JA
from tests.charts.svg_checks import (
    NS,
    drawn_label,
    lines_of,
    outside_viewbox,
    overlapping_texts,
    parse,
    split_words,
)
from tests.test_pdf import embedded_fonts, poppler

LANGUAGES = pytest.mark.parametrize(
    ("labels", "names"), [(LONG_EN, NAMES_EN), (LONG_JA, NAMES_JA)], ids=["en", "ja"]
)
PAGE = """<!doctype html><html lang="{{ lang }}"><head><meta charset="utf-8"></head>
<body><h1>{{ heading }}</h1><figure class="chart">{{ chart }}</figure></body></html>"""
PDF_PAGE = """{% extends "pdf/base.html" %}{% block title %}Charts{% endblock %}
{% block content %}{% for chart in charts %}<figure class="chart">{{ chart }}</figure>
{% endfor %}{% endblock %}"""


def embedded(svg: str) -> Markup:
    return Markup(svg)  # noqa: S704 - the charts escape every label


@pytest.mark.parametrize("kind", KINDS)
def test_chart_is_an_accessible_scalable_svg_image(kind):
    root = parse(KINDS[kind](LONG_EN, NAMES_EN, title="Journey metrics"))

    assert root.tag == f"{NS}svg"
    assert f"chart-{kind}" in root.get("class").split()
    assert root.get("role") == "img"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("font-family") == CHART_FONT
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title.text == "Journey metrics"
    assert desc.text
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_labels_are_escaped_not_injected(kind):
    svg = KINDS[kind]([HOSTILE, "b", "c", "d"], [HOSTILE, "n"], title=HOSTILE)

    root = parse(svg)  # would raise on broken markup

    assert not [el for el in root.iter() if el.tag.endswith(("script", "}b"))]
    assert "<script>" not in svg
    cleaned = HOSTILE.replace("\x00", "")
    assert root.find(f"{NS}title").text == cleaned
    assert cleaned.strip() in root.find(f"{NS}desc").text


@pytest.mark.parametrize("kind", KINDS)
def test_output_is_deterministic_and_ids_follow_the_content(kind):
    build = KINDS[kind]
    first = build(LONG_EN, NAMES_EN, title="A")

    assert first == build(LONG_EN, NAMES_EN, title="A")
    other = parse(build(LONG_JA, NAMES_JA, title="A")).find(f"{NS}title").get("id")
    assert parse(first).find(f"{NS}title").get("id") != other


@LANGUAGES
@pytest.mark.parametrize("width", [320, 640])
@pytest.mark.parametrize("kind", KINDS)
def test_no_text_reaches_outside_the_viewbox(kind, width, labels, names):
    svg = KINDS[kind](labels, names, title=names[0] * 3, width=width)

    assert outside_viewbox(svg) == []


@LANGUAGES
@pytest.mark.parametrize("kind", KINDS)
def test_no_text_is_drawn_over_other_text(kind, labels, names):
    assert overlapping_texts(KINDS[kind](labels, names, title=names[0])) == []


@pytest.mark.parametrize("width", [320, 560])
@pytest.mark.parametrize("kind", KINDS)
def test_no_english_word_is_split_across_lines(kind, width):
    root = parse(KINDS[kind](LONG_EN, NAMES_EN, width=width))
    # A scatter drops a point's label where there is no room; the axis names remain.
    expected = NAMES_EN if kind == "scatter" else LONG_EN

    for label in [*LONG_EN, *NAMES_EN]:
        drawn = drawn_label(root, label)
        assert drawn or label not in expected, f"{label!r} not drawn"
        for lines in drawn:
            assert split_words(lines, label) == [], lines


@pytest.mark.parametrize("kind", KINDS)
def test_chart_is_embedded_in_a_page_unescaped_with_its_labels_escaped(app, kind):
    svg = KINDS[kind]([HOSTILE, *LONG_EN[1:]], NAMES_EN, title="Conversion & <growth>")

    with app.test_request_context():
        html = render_template_string(PAGE, chart=embedded(svg), heading="<i>", lang="en")

    assert svg in html  # verbatim: not escaped a second time
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<h1>&lt;i&gt;</h1>" in html  # the page itself still escapes
    root = parse(html[html.index("<svg") : html.index("</svg>") + len("</svg>")])
    title = root.find(f"{NS}title")
    assert title.text == "Conversion & <growth>"
    assert root.get("aria-labelledby") == title.get("id")


@pytest.mark.parametrize("kind", KINDS)
def test_chart_in_a_pdf_has_english_and_japanese_labels_in_the_bundled_font(
    app, kind, tmp_path, weasyprint_warnings
):
    charts = [KINDS[kind](LONG_EN, NAMES_EN, title="English"),
              KINDS[kind](LONG_JA, NAMES_JA, title="日本語")]
    with app.test_request_context():
        html = render_template_string(
            PDF_PAGE, charts=[embedded(c) for c in charts], lang="ja", pdf_font_url=pdf.FONT_URL
        )
    path = tmp_path / "charts.pdf"
    path.write_bytes(pdf.render_pdf(html))

    # pdftotext puts its own spaces and line breaks between the SVG's text runs, and
    # joins a line ending in a hyphen to the next without it.
    text = "".join(poppler("pdftotext", path).split())
    drawn = [content for c in charts for t in parse(c).iter(f"{NS}text")
             for _, _, content in lines_of(t)]
    assert [line for line in drawn if "".join(line.split()).rstrip("-") not in text] == []
    assert "期待値コントロールと更新交渉" in text
    fonts = embedded_fonts(path)
    assert fonts and {name.split("-")[0] for name, _ in fonts} == {"IPAexGothic"}
    assert all(embedded == "yes" for _, embedded in fonts)
    assert weasyprint_warnings == []
