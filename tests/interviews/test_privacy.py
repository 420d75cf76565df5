"""Candidate privacy: the purge command anonymises old rejected or withdrawn candidates
and keeps their ratings; a hiring manager exports one candidate's data as JSON."""

import json
from datetime import timedelta

import click
from flask import url_for
from sqlalchemy import func, select

from cshire.audit import history
from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.cli import register
from cshire.interviews.models.scoring import ScorecardAnswer
from cshire.interviews.services.decisions import add_debrief_note, record_decision
from cshire.interviews.services.privacy import purge_candidates
from cshire.interviews.services.scoring import (
    AnswerInput,
    ScorecardInput,
    answer_field,
    reopen_scorecard,
    save_draft,
)
from tests import factories
from tests.conftest import login
from tests.interviews import factories_process as make


def _ended(opening, status, days_ago, name):
    """A candidate interviewed, with notes everywhere, whose application ended."""
    application = make.application(opening, name=name, status="interviewing")
    interview = make.interview(application, [make.interviewer()])
    make.rate(interview.scorecards[0], [2, 3, 2], note=f"Evidence about {name}")
    add_debrief_note(application, actor=opening.hiring_manager, text=f"{name} hesitated")
    if status == "rejected":
        record_decision(application, actor=opening.hiring_manager, outcome="reject",
                        rationale=f"{name} is below the profile")
    else:
        application.status = status
    application.status_changed_at = utcnow() - timedelta(days=days_ago)
    return application


def _ratings() -> int:
    return db.session.scalar(select(func.count(ScorecardAnswer.id))
                             .where(ScorecardAnswer.rating.is_not(None)))


def test_purge_anonymises_old_rejected_and_withdrawn_candidates_and_keeps_ratings(app):
    opening = make.opening()
    old_rejected = _ended(opening, "rejected", 400, "Old Rejected")
    old_withdrawn = _ended(opening, "withdrawn", 200, "Old Withdrawn")
    recent = _ended(opening, "rejected", 10, "Recent Rejected")
    hired = _ended(opening, "hired", 400, "Old Hired")
    ratings = _ratings()

    result = purge_candidates(180)

    assert result.candidate_ids == sorted([old_rejected.candidate_id,
                                           old_withdrawn.candidate_id])
    assert result.ratings_kept == 6
    assert _ratings() == ratings
    db.session.expire_all()
    for application in (old_rejected, old_withdrawn):
        candidate = application.candidate
        assert candidate.name == "—" and candidate.anonymised_at is not None
        assert candidate.email.endswith("@invalid")
        assert (candidate.phone, candidate.notes) == ("", "")
        answers = application.interviews[0].scorecards[0].answers
        assert {a.note for a in answers} == {""}
        assert [a.rating for a in answers if a.rating] == [2, 3, 2]
        assert {n.text for n in application.debrief_notes} == {""}
        assert all(d.rationale == "" for d in application.decisions)
    for application in (recent, hired):
        assert application.candidate.name in ("Recent Rejected", "Old Hired")
    assert purge_candidates(180).candidate_ids == []  # nothing left to do


def _renoted(application, note: str):
    """Reopen the application's scorecard and change its first evidence note, which
    puts the old and the new note into the audit trail."""
    scorecard = application.interviews[0].scorecards[0]
    reopen_scorecard(scorecard, actor=application.opening.hiring_manager,
                     reason="Add the example")
    first = scorecard.interview.stage.kit_version.items[0]
    save_draft(scorecard, ScorecardInput(scorecard.version, "no", [
        AnswerInput(first.id, rating=3, note=note)]), actor=scorecard.interviewer)
    return scorecard, first


def test_purge_clears_the_evidence_notes_in_the_audit_trail_and_keeps_the_ratings(app):
    opening = make.opening()
    purged, first = _renoted(_ended(opening, "rejected", 400, "Old One"), "Old One froze")
    kept, _ = _renoted(_ended(opening, "rejected", 10, "New One"), "New One froze")

    purge_candidates(180)

    db.session.expire_all()
    trail = {e.field: (e.old_value, e.new_value) for e in history(purged)}
    assert trail[answer_field(first.id, "note")] == ("", "")
    assert trail[answer_field(first.id, "rating")] == ("2", "3")
    assert trail["recommendation"] == ("yes", "no")
    assert "New One froze" in {e.new_value for e in history(kept)}


def test_a_candidate_still_active_in_another_opening_is_kept(app):
    first, second = make.opening(), make.opening()
    ended = _ended(first, "withdrawn", 400, "Two Openings")
    second_application = make.application(second, status="interviewing")
    second_application.candidate = ended.candidate
    db.session.flush()
    assert purge_candidates(30).candidate_ids == []


def test_the_purge_command_prints_what_it_did(app):
    opening = make.opening()
    application = _ended(opening, "rejected", 100, "Printed")
    db.session.commit()
    group = click.Group("cshire")
    register(group)
    runner = app.test_cli_runner()
    dry = runner.invoke(group, ["purge-candidates", "--older-than", "30", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Would anonymise 1 candidate(s)" in dry.output
    result = runner.invoke(group, ["purge-candidates", "--older-than", "30"])
    assert result.exit_code == 0, result.output
    assert f"Anonymised 1 candidate(s) (ids {application.candidate_id})" in result.output
    assert "Kept 3 rating(s)" in result.output
    again = runner.invoke(group, ["purge-candidates", "--older-than", "30"])
    assert "No rejected or withdrawn candidate older than 30 days" in again.output
    bad = runner.invoke(group, ["purge-candidates", "--older-than", "-1"])
    assert bad.exit_code != 0


def test_the_hiring_manager_downloads_one_candidates_data_as_json(client, app):
    opening = make.opening()
    application = _ended(opening, "rejected", 1, "Export Me")
    db.session.commit()
    url = url_for("interviews.candidate_export_json", candidate_id=application.candidate_id)
    login(client, opening.hiring_manager)
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["candidate"]["name"] == "Export Me"
    (exported,) = data["applications"]
    assert [e["to"] for e in exported["history"]] == ["interviewing", "rejected"]
    answers = exported["interviews"][0]["scorecards"][0]["answers"]
    assert [a["rating"] for a in answers] == [2, 3, 2]
    assert exported["debrief_notes"][0]["text"] == "Export Me hesitated"
    other = factories.user(Role.MANAGER)
    db.session.commit()
    login(client, other)
    assert client.get(url).status_code == 403
