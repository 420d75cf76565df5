"""cshire.pdf and templates/pdf/base.html: Japanese PDFs with the bundled font.

A wrong font path does not fail: WeasyPrint still writes a PDF, with empty boxes, and
only logs a warning. And pdftotext extracts the text even then. So these tests check
three things: the text (pdftotext), the embedded font (pdffonts) and the
``weasyprint`` logger (the ``weasyprint_warnings`` fixture).
"""

import json
import logging
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from flask import Flask
from jinja2 import ChoiceLoader, DictLoader
from markupsafe import Markup

from cshire import pdf
from cshire.charts import Series, radar_chart

REPO = Path(__file__).resolve().parents[1]
FONT_PROBLEMS = ("cannot be loaded", ".notdef", "No glyph")
JAPANESE = "顧客への共感"

CHILD_TEMPLATE = """{% extends "pdf/base.html" %}
{% block title %}面接評価：{{ candidate }}{% endblock %}
{% block content %}<h2>コンピテンシー</h2><p>{{ text }}</p><figure>{{ chart }}</figure>
{% endblock %}"""


@pytest.fixture
def weasyprint_warnings() -> Iterator[list[str]]:
    """Messages WeasyPrint logged at WARNING or above while the test ran.

    Fail on ``FONT_PROBLEMS``: they are the only sign of a font that did not load.
    """
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(logging.WARNING)
    old_level = logger.level
    logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def font_problems(messages: list[str]) -> list[str]:
    return [m for m in messages if any(p in m for p in FONT_PROBLEMS)]


def poppler(tool: str, pdf_path: Path) -> str:
    """Run a poppler-utils tool; a missing tool is a failure, never a skip."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: install poppler-utils (apt-get install poppler-utils)")
    result = subprocess.run(
        [tool, str(pdf_path), "-"] if tool == "pdftotext" else [tool, str(pdf_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def embedded_fonts(pdf_path: Path) -> list[tuple[str, str]]:
    """(font name without subset prefix, "yes"/"no" embedded) from pdffonts."""
    rows = poppler("pdffonts", pdf_path).splitlines()[2:]
    fonts = []
    for row in rows:
        name = row.split()[0].split("+")[-1]
        # Columns: name type encoding emb sub uni object ID; type may contain spaces.
        emb = row.split()[-5]
        fonts.append((name, emb))
    return fonts


@pytest.fixture
def pdf_app() -> Flask:
    """A bare Flask app over the real templates folder plus one child template."""
    app = Flask(__name__, template_folder=str(REPO / "templates"))
    app.jinja_loader = ChoiceLoader([DictLoader({"child.html": CHILD_TEMPLATE}), app.jinja_loader])
    return app


def render_child(app: Flask, **context) -> bytes:
    svg = radar_chart(
        ["顧客への共感", "傾聴力", "課題解決力", "チームワーク"],
        [Series("目標", [5, 4, 4, 3]), Series("候補者", [4, 3, None, 2])],
    )
    chart = Markup(svg)  # noqa: S704 - charts.py escapes every label
    context = {"candidate": "山田 太郎", "text": JAPANESE, "chart": chart, **context}
    with app.app_context():
        return pdf.render_pdf_template("child.html", **context)


def test_base_template_renders_japanese_with_the_bundled_font_only(
    pdf_app, tmp_path, weasyprint_warnings
):
    path = tmp_path / "report.pdf"
    path.write_bytes(render_child(pdf_app, lang="ja"))

    assert path.read_bytes().startswith(b"%PDF-")
    text = poppler("pdftotext", path)
    assert JAPANESE in text
    assert "傾聴力" in text  # drawn inside the SVG chart
    assert text.count("面接評価：山田 太郎") == 2  # heading and running footer
    assert re.search(r"^1\s*/\s*1$", text, re.MULTILINE)  # footer "page / pages"
    fonts = embedded_fonts(path)
    # Heading, body, footer (@page) and chart text all use IPAexGothic: no other font
    # (a system CJK or serif fallback) was needed anywhere.
    assert fonts and {name.split("-")[0] for name, _ in fonts} == {"IPAexGothic"}
    assert all(emb == "yes" for _, emb in fonts)
    assert font_problems(weasyprint_warnings) == []
    assert weasyprint_warnings == []


def test_render_pdf_template_passes_lang_and_the_absolute_font_url(pdf_app, monkeypatch):
    rendered = []
    monkeypatch.setattr(pdf, "render_pdf", lambda html: rendered.append(html) or b"%PDF-")
    with pdf_app.app_context():
        pdf.render_pdf_template("child.html", candidate="x", text="y", chart="")
        pdf.render_pdf_template("child.html", candidate="x", text="y", chart="", lang="ja")

    assert '<html lang="en">' in rendered[0]  # no Flask-Babel on this app
    assert '<html lang="ja">' in rendered[1]
    assert f'src: url("{pdf.FONT_URL}")' in rendered[0]
    assert pdf.FONT_URL.startswith("file:///") and pdf.FONT_PATH.is_file()


def test_plain_html_finds_the_font_via_the_default_base_url_from_any_directory(
    tmp_path, monkeypatch, weasyprint_warnings
):
    monkeypatch.chdir(tmp_path)
    html = (
        '<html lang="ja"><style>@font-face { font-family: IPAexGothic; '
        'src: url("fonts/ipaexg.ttf") } html { font-family: IPAexGothic }</style>'
        f"<body><p>{JAPANESE}</p></body></html>"
    )
    path = tmp_path / "plain.pdf"
    path.write_bytes(pdf.render_pdf(html))

    assert JAPANESE in poppler("pdftotext", path)
    assert [name for name, _ in embedded_fonts(path)] == ["IPAexGothic"]
    assert weasyprint_warnings == []


def test_a_wrong_font_path_is_caught_by_the_warnings_fixture(weasyprint_warnings):
    html = (
        '<style>@font-face { font-family: Missing; src: url("fonts/nope.ttf") }'
        f"html {{ font-family: Missing }}</style><p>{JAPANESE}</p>"
    )
    pdf.render_pdf(html)

    assert any("cannot be loaded" in m for m in font_problems(weasyprint_warnings))


def test_japanese_renders_on_a_machine_without_any_cjk_font(tmp_path):
    """Fontconfig limited to DejaVu: the bundled font alone must carry the Japanese.

    The control render (no @font-face) must produce .notdef warnings, which proves that
    the restricted setup really has no CJK font.
    """
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    assert dejavu.is_dir(), "expected DejaVu fonts, the base image's only fonts"
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{dejavu}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    script = textwrap.dedent("""
        import json, logging, sys
        from cshire import pdf
        current = []
        class Collect(logging.Handler):
            def emit(self, record):
                current.append(record.getMessage())
        logging.getLogger("weasyprint").addHandler(Collect(logging.WARNING))
        body = "<p>" + sys.argv[2] + "</p>"
        font = "@font-face { font-family: IPAexGothic; src: url(%s) }" % pdf.FONT_URL
        with open(sys.argv[1], "wb") as out:
            out.write(pdf.render_pdf(
                "<style>" + font + " html { font-family: IPAexGothic }</style>" + body))
        bundled, current[:] = list(current), []
        pdf.render_pdf("<style>html { font-family: sans-serif }</style>" + body)
        print(json.dumps({"bundled": bundled, "none": current}))
    """)
    out = tmp_path / "fresh.pdf"
    result = subprocess.run(
        [sys.executable, "-c", script, str(out), JAPANESE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={
            "FONTCONFIG_FILE": str(conf),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "PYTHONPATH": str(REPO),
        },
    )
    assert result.returncode == 0, result.stderr
    messages = json.loads(result.stdout.strip().splitlines()[-1])

    assert font_problems(messages["bundled"]) == []
    assert font_problems(messages["none"]), "control render found a CJK font after all"
    assert [name for name, _ in embedded_fonts(out)] == ["IPAexGothic"]


def test_pdf_response_is_a_download_with_a_japanese_filename(pdf_app):
    with pdf_app.app_context():
        response = pdf.pdf_response(
            "child.html", "評価レポート 2025.pdf", candidate="x", text="y", chart=""
        )

    assert response.mimetype == "application/pdf"
    assert response.get_data().startswith(b"%PDF-")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="2025.pdf"; ')
    encoded = disposition.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == "評価レポート 2025.pdf"
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("name", "fallback", "decoded"),
    [
        ("評価.pdf", "document.pdf", "評価.pdf"),
        ("Café report", "Cafe_report.pdf", "Café report.pdf"),
        ('../../etc/pass"wd\r\n.pdf', "passwd.pdf", "passwd.pdf"),
    ],
)
def test_content_disposition_is_safe_for_any_filename(name, fallback, decoded):
    header = pdf.content_disposition(name)

    assert f'filename="{fallback}"' in header
    assert unquote(header.split("filename*=UTF-8''")[1]) == decoded
    assert not any(c in header for c in "\r\n/")


@pytest.mark.parametrize(
    ("name", "fallback"),
    [
        ("面接ガイド-CSM（ハイタッチ・丁寧なサポート型） · 構造化面接-v1.pdf", "CSM-v1.pdf"),
        ("scorecard-前田 七海.pdf", "scorecard.pdf"),
        ("interview-guide-CSM — high touch (careful) · panel-v2.pdf",
         "interview-guide-CSM_high_touch_careful_panel-v2.pdf"),
    ],
)
def test_the_ascii_fallback_never_starts_or_ends_with_a_separator_nor_doubles_one(
        name, fallback):
    header = pdf.content_disposition(name)

    assert f'filename="{fallback}"' in header
    assert unquote(header.split("filename*=UTF-8''")[1]) == name


def test_a_japanese_title_falls_back_to_the_callers_ascii_name_with_utf8_in_filename_star():
    header = pdf.content_disposition("スコアカード-前田 七海.pdf", "scorecard-42.pdf")

    assert header == ("attachment; filename=\"scorecard-42.pdf\"; filename*=UTF-8''"
                      "%E3%82%B9%E3%82%B3%E3%82%A2%E3%82%AB%E3%83%BC%E3%83%89-"
                      "%E5%89%8D%E7%94%B0%20%E4%B8%83%E6%B5%B7.pdf")
    assert header.isascii()


def test_a_latin_title_keeps_its_own_transliterated_name_over_the_callers():
    header = pdf.content_disposition("scorecard-Zoë Ångström.pdf", "scorecard-42.pdf")

    assert 'filename="scorecard-Zoe_Angstrom.pdf"' in header


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        (pdf.FONT_URL, True),
        ("data:image/png;base64,iVBORw0KGgo=", True),
        ("file:///etc/passwd", False),
        (pdf.STATIC_DIR.as_uri() + "/../pdf.py", False),
        ("http://192.0.2.1/logo.png", False),
        ("https://example.com/font.ttf", False),
    ],
)
def test_pdfs_may_load_only_static_files_and_data_urls(url, allowed):
    assert pdf._is_allowed_url(url) is allowed


def test_a_refused_resource_is_skipped_and_logged(weasyprint_warnings):
    body = pdf.render_pdf('<img src="http://192.0.2.1/logo.png"><p>ok</p>')

    assert body.startswith(b"%PDF-")
    assert any("only cshire/static" in m for m in weasyprint_warnings)


def test_importing_the_module_does_not_import_weasyprint():
    code = "import sys, cshire.pdf; print('weasyprint' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "False"
    assert pdf._load_weasyprint() is pdf._load_weasyprint()
