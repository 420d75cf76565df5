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


def _pdf(client, application, tmp_path, *pages: int) -> str:
    response = client.get(url_for("interviews.application_pdf", application_id=application.id))
    path = tmp_path / "scorecard.pdf"
    path.write_bytes(response.data)
    window = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    text = subprocess.run(["pdftotext", *window, str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return " ".join(text.split())


def test_the_radar_is_on_the_first_page(client, application, tmp_path):
    login(client, application.opening.hiring_manager)

    first_page = _pdf(client, application, tmp_path, 1)

    assert "プロファイルの目標" in first_page  # the radar's legend
    assert "佐藤 愛子" in first_page


def test_the_pdf_prints_the_evidence_of_the_scorecards_the_viewer_may_see_only(
        client, tmp_path, weasyprint_warnings):
    opening = make.opening(stages=2)
    manager = opening.hiring_manager
    application = make.application(opening, name="Dana Diaz", status="interviewing")
    ana, carla = make.interviewer("Ana"), make.interviewer("Carla")
    first = make.interview(application, [ana])
    make.rate(make.seat(first, ana), [4, 3, 5], note="Ana's evidence")
    second = make.interview(application, [manager, carla], stage=opening.stages[1])
    make.rate(make.seat(second, carla), [5, 5, 5], note="Carla's evidence")
    db.session.commit()
    login(client, manager)

    text = _pdf(client, application, tmp_path)

    assert "Evidence from the scorecards" in text
    assert "Question 1 · " in text and "Ana's evidence" in text
    # the manager sits on the second panel and has not submitted: Carla's notes wait
    assert "Carla's evidence" not in text
    assert weasyprint_warnings == []


def test_date_times_in_the_pdf_are_in_the_viewers_zone(client, application, tmp_path):
    manager = application.opening.hiring_manager
    manager.locale, manager.timezone = "en", "Asia/Tokyo"
    db.session.commit()
    login(client, manager)

    text = _pdf(client, application, tmp_path)

    assert "JST" in text and "UTC" not in text.replace("ICC", "")


def test_a_japanese_candidate_name_is_in_filename_star_with_an_ascii_fallback(
        client, application):
    from urllib.parse import unquote

    login(client, application.opening.hiring_manager)

    response = client.get(url_for("interviews.application_pdf",
                                  application_id=application.id))

    disposition = response.headers["Content-Disposition"]
    assert disposition.isascii()
    assert f'filename="scorecard-{application.id}.pdf"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]).endswith("-佐藤 愛子.pdf")
