"""The demo (``flask cshire demo``) in each language: its texts are in that language,
and its panels agree the way a trained team's do, as the analytics page reports it."""

import pytest
from sqlalchemy import select

from cshire.auth.models import Team, User
from cshire.demo import load_demo
from cshire.extensions import db
from cshire.interviews.models.candidates import Candidate
from cshire.interviews.models.decisions import HiringDecision
from cshire.interviews.models.kits import InterviewKit, InterviewKitVersion, KitItem
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.models.scoring import Scorecard, ScorecardAnswer, ScorecardStatus
from cshire.interviews.services.analytics import agreement_report
from cshire.interviews.services.ratings import MIN_INTERVIEWS
from tests.bilingual import CJK
from tests.conftest import login

LANGUAGES = ("en", "ja")


def _manager() -> User:
    return db.session.scalar(select(User).where(User.email == "manager@example.com"))


def _stage_kits() -> tuple[int, int]:
    """The kit versions of the demo opening's first interview and final panel."""
    opening = db.session.scalar(select(Opening))
    first, final = opening.stages
    return first.kit_version_id, final.kit_version_id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_panel_agrees_like_a_trained_team_with_the_final_panel_visibly_worse(
        app, lang):
    load_demo(lang)
    main_kit, final_kit = _stage_kits()
    main = agreement_report(_manager(), kit_version_id=main_kit).overall.icc_single
    final = agreement_report(_manager(), kit_version_id=final_kit).overall.icc_single
    # Koo & Li bands, as the analytics page shows them next to the figure.
    assert main.value >= 0.5 and main.band in ("moderate", "good", "excellent")
    assert final.value < main.value and final.band == "poor"
    assert main.n >= MIN_INTERVIEWS and final.n >= MIN_INTERVIEWS
    # What the page opens on (the demo opening, both kits) agrees too, and calibration
    # still has a lenient and a harsh interviewer to show.
    report = agreement_report(_manager())
    assert report.overall.icc_single.band in ("moderate", "good", "excellent")
    tendencies = {row.interviewer.email: row.tendency for row in report.interviewers}
    assert tendencies == {
        "interviewer@example.com": "in_line", "interviewer2@example.com": "in_line",
        "interviewer3@example.com": "lenient", "interviewer4@example.com": "harsh",
        "manager@example.com": "in_line",
    }


def _demo_texts() -> dict[str, list[str]]:
    """Every text the demo wrote that a user reads as content, by where it is shown."""
    texts = {
        "user names": select(User.display_name),
        "team names": select(Team.name),
        "profile names": select(HighPerformerProfile.name),
        "role titles": select(HighPerformerProfile.role_title),
        "kit names": select(InterviewKit.name),
        "kit questions": select(KitItem.text),
        "kit anchors": select(KitItem.anchor_mid),
        "opening titles": select(Opening.title),
        "opening descriptions": select(Opening.description),
        "stage names": select(OpeningStage.name),
        "candidate names": select(Candidate.name),
        "candidate sources": select(Candidate.source),
        "evidence notes": select(ScorecardAnswer.note).where(ScorecardAnswer.note != ""),
        "why not asked": select(ScorecardAnswer.not_asked_reason).where(
            ScorecardAnswer.not_asked.is_(True)),
        "decision rationales": select(HiringDecision.rationale),
    }
    return {where: list(db.session.scalars(query)) for where, query in texts.items()}


def test_the_japanese_demo_writes_every_name_title_and_note_in_japanese(app, client):
    load_demo("ja")
    db.session.commit()
    for where, values in _demo_texts().items():
        assert values, where
        assert [v for v in values if not CJK.search(v)] == [], where
    assert set(db.session.scalars(select(InterviewKit.language))) == {"ja"}
    # So a Japanese interviewer scores Japanese questions on a Japanese page.
    interviewer = db.session.scalar(
        select(User).where(User.email == "interviewer@example.com"))
    waiting = db.session.scalars(
        select(Scorecard).where(Scorecard.interviewer_id == interviewer.id,
                                Scorecard.status != ScorecardStatus.SUBMITTED.value)).first()
    question = db.session.get(InterviewKitVersion, waiting.interview.stage.kit_version_id
                              ).items[0].text
    page = login(client, interviewer).get(f"/hiring/scorecards/{waiting.id}").get_data(
        as_text=True)
    assert '<html lang="ja"' in page and question in page


def test_the_english_demo_writes_no_japanese(app):
    load_demo("en")
    for where, values in _demo_texts().items():
        assert values, where
        assert [v for v in values if CJK.search(v)] == [], where
    assert set(db.session.scalars(select(InterviewKit.language))) == {"en"}

