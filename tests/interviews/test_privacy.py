"""Candidate privacy: the purge command anonymises old rejected or withdrawn candidate
records, or every record of one email on request, leaves no text about them anywhere
and keeps their ratings; a hiring manager exports one candidate's data as JSON."""

import json
from datetime import timedelta

import click
import pytest
import sqlalchemy as sa
from flask import url_for
from sqlalchemy import func, select

from cshire.audit import AuditEntry, history
from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.cli import register
from cshire.interviews.models.scoring import ScorecardAnswer
from cshire.interviews.services.decisions import add_debrief_note, record_decision
from cshire.interviews.services.privacy import KEPT_COLUMNS, purge_candidates
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


def test_each_openings_record_has_its_own_retention(app):
    """The same person, long rejected in one opening and still interviewing in another:
    the ended opening's record is anonymised, the other opening's record is its own."""
    first, second = make.opening(), make.opening()
    ended = _ended(first, "withdrawn", 400, "Two Openings")
    active = make.application(second, name="Two Openings", email=ended.candidate.email,
                              status="interviewing")
    assert purge_candidates(30).candidate_ids == [ended.candidate_id]
    db.session.expire_all()
    assert ended.candidate.name == "—"
    assert (active.candidate.name, active.candidate.anonymised_at) == ("Two Openings", None)


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
    (exported,) = data["applications"]
    assert exported["candidate"]["name"] == "Export Me"
    assert [e["to"] for e in exported["history"]] == ["interviewing", "rejected"]
    answers = exported["interviews"][0]["scorecards"][0]["answers"]
    assert [a["rating"] for a in answers] == [2, 3, 2]
    assert exported["debrief_notes"][0]["text"] == "Export Me hesitated"
    other = factories.user(Role.MANAGER)
    db.session.commit()
    login(client, other)
    assert client.get(url).status_code == 403


def test_an_erasure_request_anonymises_every_record_of_the_email_whatever_its_status(app):
    first, second = make.opening(), make.opening()
    ended = _ended(first, "rejected", 1, "Erase Me")
    active = make.application(second, name="Erase Me", email=ended.candidate.email,
                              status="interviewing")
    other = make.application(second, name="Someone Else")
    db.session.commit()
    group = click.Group("cshire")
    register(group)
    runner = app.test_cli_runner()
    email = ended.candidate.email.upper()
    dry = runner.invoke(group, ["purge-candidates", "--email", email, "--dry-run"])
    assert "Would anonymise 2 candidate(s)" in dry.output, dry.output
    result = runner.invoke(group, ["purge-candidates", "--email", email])
    assert result.exit_code == 0, result.output
    assert "Anonymised 2 candidate(s)" in result.output
    db.session.expire_all()
    assert [ended.candidate.name, active.candidate.name, other.candidate.name] == [
        "—", "—", "Someone Else"]
    assert ended.interviews[0].scorecards[0].answers[0].rating == 2


@pytest.mark.parametrize("arguments", [[], ["--older-than", "30", "--email", "a@example.org"]])
def test_the_purge_command_takes_either_an_age_or_an_email(app, arguments):
    group = click.Group("cshire")
    register(group)
    result = app.test_cli_runner().invoke(group, ["purge-candidates", *arguments])
    assert result.exit_code != 0
    assert "Give either --older-than DAYS or --email ADDRESS." in result.output


# ------------------------------------------------- nothing about the person remains

MARK = "PII-MARK"  # in every text reachable from the candidate who is purged
KEEP = "KEEP-TEXT"  # the same for a candidate who is not: the purge must not touch it


# A training enrolment points at the application that hired the person: what it holds
# is the employee's own training, not the candidate's data, and it is not purged.
EMPLOYEE_TABLES = frozenset({"training_enrolments"})


def _candidate_tables() -> list[sa.Table]:
    """``candidates`` and every table whose rows belong to a candidate: walked from the
    model metadata along the foreign keys that point back at a table already reached."""
    reached = [db.metadata.tables["candidates"]]
    for table in reached:  # the list grows while it is walked
        reached += [child for child in db.metadata.sorted_tables if child not in reached
                    and child.name not in EMPLOYEE_TABLES
                    and any(fk.column.table is table for fk in child.foreign_keys)]
    return reached


def _texts(table: sa.Table) -> list[sa.Column]:
    return [c for c in table.columns if isinstance(c.type, sa.String)
            and f"{table.name}.{c.name}" not in KEPT_COLUMNS]


def _rows_of(candidate_id: int, tables: list[sa.Table]) -> dict[sa.Table, list[int]]:
    """The ids of the rows of each table that belong to one candidate."""
    ids = {tables[0]: [candidate_id]}
    for table in tables[1:]:
        links = [table.c[fk.parent.name].in_(ids[fk.column.table])
                 for fk in table.foreign_keys if fk.column.table in ids]
        ids[table] = list(db.session.scalars(select(table.c.id).where(sa.or_(*links))))
    return ids


def _fill(rows: dict[sa.Table, list[int]], marker: str) -> None:
    """The marker in every text column of these rows, and in the audit trail of each:
    a changed text field (old, new and reason) and a status change with a reason."""
    for table, ids in rows.items():
        if _texts(table):
            db.session.execute(sa.update(table).where(table.c.id.in_(ids))
                               .values(dict.fromkeys((c.name for c in _texts(table)), marker)))
        db.session.add_all(
            AuditEntry(entity_type=table.name, entity_id=row_id, field=field, old_value=old,
                       new_value=new, reason=marker)
            for row_id in ids
            for field, old, new in [*((c.name, marker, marker) for c in _texts(table)),
                                    ("status", "submitted", "draft")])
    db.session.flush()


def _where(marker: str) -> dict[str, int]:
    """Every text column of the whole database holding the marker, with its count."""
    found = {}
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, sa.String) and (count := db.session.scalar(
                    select(func.count()).select_from(table).where(column.contains(marker)))):
                found[f"{table.name}.{column.name}"] = count
    return found


def test_the_purge_leaves_no_text_reachable_from_the_candidate_anywhere(app):
    tables = _candidate_tables()
    assert {"applications", "application_events", "interviews", "scorecards",
            "scorecard_answers", "hiring_decisions", "debrief_notes"} <= {t.name for t in tables}
    kept_names = {f"{t.name}.{c.name}" for t in [*tables, AuditEntry.__table__]
                  for c in t.columns}
    assert kept_names >= KEPT_COLUMNS  # the list names real columns
    opening = make.opening()
    purged, kept = (_ended(opening, "rejected", 400, "Purged"),
                    _ended(opening, "rejected", 10, "Kept"))
    _renoted(purged, f"{MARK} froze")  # a reopen reason and changed notes in the trail
    _renoted(kept, f"{KEEP} froze")
    purged_rows = _rows_of(purged.candidate_id, tables)
    assert [t.name for t, ids in purged_rows.items() if not ids] == [], (
        "extend _ended() so that the purge is tested on every table")
    _fill(purged_rows, MARK)
    _fill(_rows_of(kept.candidate_id, tables), KEEP)
    filled = {f"{t.name}.{c.name}" for t in tables for c in _texts(t)}
    assert filled | {"audit_entries.old_value", "audit_entries.new_value",
                     "audit_entries.reason"} <= set(_where(MARK))
    untouched = _where(KEEP)

    purge_candidates(180)

    assert _where(MARK) == {}
    assert _where(KEEP) == untouched
