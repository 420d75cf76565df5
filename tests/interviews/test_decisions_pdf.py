"""The candidate scorecard as PDF: the hiring manager's language, the radar chart,
Japanese glyphs from the bundled font (checked with pdftotext, pdffonts and the
weasyprint logger, since a missing font fails silently)."""

import shutil
import subprocess

import pytest
from flask import url_for

from cshire.extensions import db
from tests.conftest import login
from tests.interviews import factories_process as make

FONT_PROBLEMS = ("cannot be loaded", ".notdef", "No glyph")


def _poppler(tool: str, path) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: install poppler-utils")
    args = [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture
def application(app):
    opening = make.opening(threshold=60)
    opening.hiring_manager.locale = "ja"
    application = make.application(opening, name="佐藤 愛子", status="interviewing")
    ana, ben = make.interviewer("Ana"), make.interviewer("Ben")
    interview = make.interview(application, [ana, ben])
    make.rate(make.seat(interview, ana), [1, 3, 4])
    make.rate(make.seat(interview, ben), [4, 3, 5])
    make.add_debrief(application, opening.hiring_manager, "面接官の根拠を確認する")
    db.session.commit()
    return application


def test_the_scorecard_pdf_prints_japanese_with_the_bundled_font(
        client, application, tmp_path, weasyprint_warnings):
    login(client, application.opening.hiring_manager)
    response = client.get(url_for("interviews.application_pdf",
                                  application_id=application.id))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]
    path = tmp_path / "scorecard.pdf"
    path.write_bytes(response.data)
    text = _poppler("pdftotext", path)
    assert "佐藤 愛子" in text
    assert "面接官の根拠を確認する" in text
    competency = application.opening.profile.entries[0].competency
    assert competency.name_ja in text  # the viewer's language, also inside the radar
    fonts = _poppler("pdffonts", path)
    assert "IPAexGothic" in fonts
    assert [m for m in weasyprint_warnings if any(p in m for p in FONT_PROBLEMS)] == []


def test_the_pdf_holds_the_fit_rule_the_radar_and_the_flags(client, application, tmp_path):
    application.opening.hiring_manager.locale = "en"
    db.session.commit()
    login(client, application.opening.hiring_manager)
    response = client.get(url_for("interviews.application_pdf",
                                  application_id=application.id))
    path = tmp_path / "scorecard.pdf"
    path.write_bytes(response.data)
    text = " ".join(_poppler("pdftotext", path).split())
    assert "Candidate scorecard" in text
    assert "Profile target" in text  # the radar's legend
    assert "Disagreements to discuss" in text and "Ana" in text and "Ben" in text
    assert "Σ (weight × competency score) / Σ weight" in text
