"""Candidate privacy: anonymising old rejected or withdrawn candidates, and exporting
one candidate's data for a data-subject request.

Anonymising keeps every rating (the agreement analytics need them) and removes what
identifies or describes the person: name, email, phone and every free-text note
about them (candidate notes, evidence notes on scorecards, debrief notes, decision
rationales, and the same texts in the scorecard audit trail).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.orm import selectinload

from cshire.audit import AuditEntry
from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.candidates import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Candidate,
)
from cshire.interviews.models.decisions import DebriefNote, HiringDecision
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import KitItem
from cshire.interviews.models.openings import Opening
from cshire.interviews.models.scoring import Scorecard, ScorecardAnswer
from cshire.interviews.services.openings import can_manage_opening
from cshire.interviews.services.scoring import answer_field, visible_scorecards

ENDED = (ApplicationStatus.REJECTED.value, ApplicationStatus.WITHDRAWN.value)
ANONYMOUS_NAME = "—"
EVIDENCE_NOTE_FIELDS = answer_field("%", "note")  # a LIKE pattern: every question's note


@dataclass(frozen=True)
class PurgeResult:
    candidate_ids: list[int]
    ratings_kept: int


def purgeable_candidates(older_than_days: int, *, now: datetime | None = None) -> list[Candidate]:
    """Candidates not yet anonymised whose every application ended (rejected or
    withdrawn) more than ``older_than_days`` days ago."""
    if older_than_days < 0:
        raise HiringError("days_negative")
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    still_relevant = exists().where(
        Application.candidate_id == Candidate.id,
        ~and_(Application.status.in_(ENDED), Application.status_changed_at < cutoff),
    )
    return list(db.session.scalars(
        select(Candidate)
        .where(Candidate.anonymised_at.is_(None),
               exists().where(Application.candidate_id == Candidate.id),
               ~still_relevant)
        .order_by(Candidate.id)
    ))


def purge_candidates(older_than_days: int, *, now: datetime | None = None) -> PurgeResult:
    """Anonymise ``purgeable_candidates`` in bulk updates; returns what was done."""
    now = now or utcnow()
    candidates = purgeable_candidates(older_than_days, now=now)
    ids = [c.id for c in candidates]
    if not ids:
        return PurgeResult([], 0)
    for candidate in candidates:
        candidate.name = ANONYMOUS_NAME
        candidate.email = f"anonymised-{candidate.id}@invalid"
        candidate.phone = candidate.notes = ""
        candidate.anonymised_at = now
    applications = select(Application.id).where(Application.candidate_id.in_(ids))
    scorecards = (select(Scorecard.id).join(Interview)
                  .where(Interview.application_id.in_(applications)))
    for statement in (
        update(ScorecardAnswer).where(ScorecardAnswer.scorecard_id.in_(scorecards))
        .values(note=""),
        # The evidence notes in the scorecards' audit trail (``services.scoring.answer_field``).
        update(AuditEntry).where(AuditEntry.entity_type == Scorecard.__tablename__,
                                 AuditEntry.entity_id.in_(scorecards),
                                 AuditEntry.field.like(EVIDENCE_NOTE_FIELDS))
        .values(old_value="", new_value=""),
        update(DebriefNote).where(DebriefNote.application_id.in_(applications)).values(text=""),
        update(HiringDecision).where(HiringDecision.application_id.in_(applications))
        .values(rationale="", departure_reason=""),
        update(ApplicationEvent).where(ApplicationEvent.application_id.in_(applications))
        .values(note=""),
    ):
        db.session.execute(statement.execution_options(synchronize_session=False))
    kept = db.session.scalar(
        select(func.count(ScorecardAnswer.id))
        .where(ScorecardAnswer.scorecard_id.in_(scorecards), ScorecardAnswer.rating.is_not(None))
    )
    db.session.flush()
    return PurgeResult(ids, kept or 0)


# ----------------------------------------------------------------- export


def can_export(user: User, candidate: Candidate) -> bool:
    """The hiring manager of one of the candidate's openings, or an admin."""
    return any(can_manage_opening(user, a.opening) for a in candidate.applications)


def load_candidate_for_export(candidate_id: int) -> Candidate | None:
    return db.session.scalar(
        select(Candidate).where(Candidate.id == candidate_id).options(
            selectinload(Candidate.applications).selectinload(Application.opening)
            .selectinload(Opening.stages),
            selectinload(Candidate.applications).selectinload(Application.events),
            selectinload(Candidate.applications).selectinload(Application.decisions),
            selectinload(Candidate.applications).selectinload(Application.debrief_notes),
            selectinload(Candidate.applications).selectinload(Application.interviews)
            .selectinload(Interview.stage),
            selectinload(Candidate.applications).selectinload(Application.interviews)
            .selectinload(Interview.scorecards).selectinload(Scorecard.interviewer),
            selectinload(Candidate.applications).selectinload(Application.interviews)
            .selectinload(Interview.scorecards).selectinload(Scorecard.answers)
            .selectinload(ScorecardAnswer.kit_item).selectinload(KitItem.competency),
        )
    )


def candidate_export(candidate: Candidate, viewer: User) -> dict[str, Any]:
    """The candidate's data as plain JSON-ready values. Only the applications in
    openings ``viewer`` manages, and only scorecards ``viewer`` may see."""
    return {
        "candidate": {
            "id": candidate.id, "name": candidate.name, "email": candidate.email,
            "phone": candidate.phone, "source": candidate.source, "notes": candidate.notes,
            "consent_on": _iso(candidate.consent_on), "created_at": _iso(candidate.created_at),
            "anonymised_at": _iso(candidate.anonymised_at),
        },
        "applications": [_application(a, viewer) for a in candidate.applications
                         if can_manage_opening(viewer, a.opening)],
        "exported_at": _iso(utcnow()),
        "exported_by": viewer.email,
    }


def _application(application: Application, viewer: User) -> dict[str, Any]:
    return {
        "opening": application.opening.title,
        "status": application.status,
        "history": [{"from": e.from_status, "to": e.to_status, "at": _iso(e.at), "note": e.note}
                    for e in application.events],
        "interviews": [_interview(i, viewer) for i in application.interviews],
        "decisions": [{"outcome": d.outcome, "rationale": d.rationale,
                       "departs_from_rule": d.departs_from_rule,
                       "departure_reason": d.departure_reason, "fit_score": d.fit_score,
                       "decided_at": _iso(d.decided_at)} for d in application.decisions],
        "debrief_notes": [{"text": n.text, "at": _iso(n.created_at)}
                          for n in application.debrief_notes],
    }


def _interview(interview: Interview, viewer: User) -> dict[str, Any]:
    shown = visible_scorecards(viewer, interview.scorecards)
    return {
        "stage": interview.stage.name,
        "scheduled_at": _iso(interview.scheduled_at),
        "panel": [s.interviewer.display_name for s in interview.scorecards],
        "scorecards": [{
            "interviewer": s.interviewer.display_name,
            "status": s.status,
            "recommendation": s.recommendation,
            "submitted_at": _iso(s.submitted_at),
            "answers": [{
                "question": a.kit_item.text, "competency": a.kit_item.competency.code,
                "rating": a.rating, "not_asked": a.not_asked,
                "not_asked_reason": a.not_asked_reason, "note": a.note,
            } for a in sorted(s.answers, key=lambda a: a.kit_item.position)],
        } for s in shown],
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
