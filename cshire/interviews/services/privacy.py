"""Candidate privacy: anonymising candidate records (the retention purge of old rejected
or withdrawn applications, and a data-subject's erasure request by email), and a
data-subject's export.

Anonymising keeps every rating, recommendation and decision outcome (the agreement
analytics and the hiring record need them) and removes every text about the person,
in every table reachable from the candidate row: the candidate's name, email, phone,
source and notes; the status-change notes; the interviews' locations; the evidence
notes, "not asked" reasons and overall summaries of the scorecards; the decisions' rationales and
departure reasons; the debrief notes; and, in the audit trail of all those records,
every reason (reopen reasons…) and the old and new values of every field except the
codes and numbers of ``KEPT_AUDIT_FIELDS``. ``KEPT_COLUMNS`` names the text columns it
keeps; tests/interviews/test_privacy.py fills every other reachable text column and
checks that nothing of it survives, so a column added later cannot be forgotten.

A candidate row is one application (see ``services.candidates``): a person who applied
to several openings has a row in each, found together by their email.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, String, cast, func, literal, not_, or_, select, update
from sqlalchemy.orm import selectinload

from cshire.audit import CREATED, AuditEntry
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
from cshire.interviews.services.openings import can_manage_opening, managed_opening_ids
from cshire.interviews.services.scoring import answer_field, visible_scorecards

ENDED = (ApplicationStatus.REJECTED.value, ApplicationStatus.WITHDRAWN.value)
ANONYMOUS_NAME = "—"
BATCH = 500  # candidates per round of bulk updates (databases cap a statement's parameters)
# The free texts cleared, per table; the candidate row itself is rewritten in Python.
CLEARED: dict[type, tuple[str, ...]] = {
    ApplicationEvent: ("note",),
    Interview: ("location",),
    Scorecard: ("summary",),
    ScorecardAnswer: ("note", "not_asked_reason"),
    HiringDecision: ("rationale", "departure_reason"),
    DebriefNote: ("text",),
}
# The text columns reachable from a candidate that anonymising keeps: states and codes,
# not words about the person. (``audit_entries`` rows belong to the records above.)
KEPT_COLUMNS = frozenset({
    "applications.status",
    "application_events.from_status", "application_events.to_status",
    "scorecards.status", "scorecards.recommendation",
    "hiring_decisions.outcome",
    "audit_entries.entity_type", "audit_entries.field",
})
# Audit-trail fields whose old and new values are kept (LIKE patterns): states, ratings
# and the "not asked" flag, which the ratings' history needs.
KEPT_AUDIT_FIELDS = ("status", "recommendation", CREATED, answer_field("%", "rating"),
                     answer_field("%", "not_asked"))


@dataclass(frozen=True)
class PurgeResult:
    candidate_ids: list[int]
    ratings_kept: int


def purgeable_candidates(older_than_days: int, *, now: datetime | None = None) -> list[Candidate]:
    """Candidate records not yet anonymised whose application ended (rejected or
    withdrawn) more than ``older_than_days`` days ago. Each opening's record has its own
    retention: the same person still active in another opening keeps that record."""
    if older_than_days < 0:
        raise HiringError("days_negative")
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    return list(db.session.scalars(
        select(Candidate).join(Candidate.application)
        .where(Candidate.anonymised_at.is_(None), Application.status.in_(ENDED),
               Application.status_changed_at < cutoff)
        .order_by(Candidate.id)
    ))


def candidates_with_email(email: str, viewer: User | None = None) -> list[Candidate]:
    """Every record of one person (their email, as stored: lower-cased) that ``viewer``
    may see — the openings they manage; an admin, or the command line (None), sees all."""
    query = select(Candidate).where(Candidate.email == email.strip().lower())
    if viewer is not None:
        query = query.where(Candidate.opening_id.in_(managed_opening_ids(viewer)))
    return list(db.session.scalars(query.order_by(Candidate.created_at, Candidate.id)))


def purge_candidates(older_than_days: int, *, now: datetime | None = None) -> PurgeResult:
    """Anonymise ``purgeable_candidates``; returns what was done."""
    return anonymise(purgeable_candidates(older_than_days, now=now), now=now)


def anonymise(candidates: list[Candidate], *, now: datetime | None = None) -> PurgeResult:
    """Remove every text about these candidate records (see the module docstring) in bulk
    updates, whatever the session holds; keep their ratings. Records already anonymised
    are left as they are."""
    now = now or utcnow()
    ids = [c.id for c in candidates if c.anonymised_at is None]
    kept = 0
    for batch in (ids[i:i + BATCH] for i in range(0, len(ids), BATCH)):
        db.session.execute(
            update(Candidate).where(Candidate.id.in_(batch)).values(
                name=ANONYMOUS_NAME, phone="", source="", notes="", anonymised_at=now,
                email=literal("anonymised-") + cast(Candidate.id, String) + "@invalid",
            ).execution_options(synchronize_session="fetch"))
        kept += _clear_texts(batch)
    db.session.flush()
    return PurgeResult(ids, kept)


def _clear_texts(ids: list[int]) -> int:
    """Clear the texts of the records reachable from these candidates; the number of
    ratings they keep."""
    reachable = _reachable(ids)
    statements = [update(model).where(model.id.in_(reachable[model]))
                  .values(dict.fromkeys(columns, "")) for model, columns in CLEARED.items()]
    kept_values = or_(*(AuditEntry.field.like(pattern) for pattern in KEPT_AUDIT_FIELDS))
    for model, record_ids in reachable.items():
        trail = (AuditEntry.entity_type == model.__tablename__,
                 AuditEntry.entity_id.in_(record_ids))
        statements.append(update(AuditEntry).where(*trail).values(reason=""))
        statements.append(update(AuditEntry).where(*trail, not_(kept_values))
                          .values(old_value="", new_value=""))
    for statement in statements:
        db.session.execute(statement.execution_options(synchronize_session=False))
    return db.session.scalar(
        select(func.count(ScorecardAnswer.id))
        .where(ScorecardAnswer.id.in_(reachable[ScorecardAnswer]),
               ScorecardAnswer.rating.is_not(None))
    ) or 0


def _reachable(ids: list[int]) -> dict[type, Select]:
    """Each record type that belongs to these candidates, with its ids (a subquery)."""
    applications = select(Application.id).where(Application.candidate_id.in_(ids))
    interviews = select(Interview.id).where(Interview.application_id.in_(applications))
    scorecards = select(Scorecard.id).where(Scorecard.interview_id.in_(interviews))
    return {
        Candidate: select(Candidate.id).where(Candidate.id.in_(ids)),
        Application: applications,
        ApplicationEvent: select(ApplicationEvent.id)
        .where(ApplicationEvent.application_id.in_(applications)),
        Interview: interviews,
        Scorecard: scorecards,
        ScorecardAnswer: select(ScorecardAnswer.id)
        .where(ScorecardAnswer.scorecard_id.in_(scorecards)),
        HiringDecision: select(HiringDecision.id)
        .where(HiringDecision.application_id.in_(applications)),
        DebriefNote: select(DebriefNote.id).where(DebriefNote.application_id.in_(applications)),
    }


# ----------------------------------------------------------------- export


def can_export(user: User, candidate: Candidate) -> bool:
    """The hiring manager of the candidate record's opening, or an admin."""
    return can_manage_opening(user, candidate.opening)


def load_candidate_for_export(candidate_id: int) -> Candidate | None:
    return db.session.scalar(select(Candidate).where(Candidate.id == candidate_id)
                             .options(selectinload(Candidate.opening)))


def candidate_export(candidate: Candidate, viewer: User) -> dict[str, Any]:
    """A data-subject export: every record with the candidate's email that ``viewer``
    may see (the openings they manage; an admin: all), as plain JSON-ready values, and
    in them only the scorecards ``viewer`` may see."""
    records = _export_records(candidate.email, viewer)
    return {
        "email": candidate.email,
        "applications": [_application(c.application, viewer) for c in records],
        "exported_at": _iso(utcnow()),
        "exported_by": viewer.email,
    }


def _export_records(email: str, viewer: User) -> list[Candidate]:
    ids = [c.id for c in candidates_with_email(email, viewer)]
    application = selectinload(Candidate.application)
    interviews = application.selectinload(Application.interviews)
    scorecards = interviews.selectinload(Interview.scorecards)
    return list(db.session.scalars(
        select(Candidate).where(Candidate.id.in_(ids))
        .order_by(Candidate.created_at, Candidate.id).options(
            application.selectinload(Application.opening).selectinload(Opening.stages),
            application.selectinload(Application.events),
            application.selectinload(Application.decisions),
            application.selectinload(Application.debrief_notes),
            interviews.selectinload(Interview.stage),
            scorecards.selectinload(Scorecard.interviewer),
            scorecards.selectinload(Scorecard.answers).selectinload(ScorecardAnswer.kit_item)
            .selectinload(KitItem.competency),
        )
    ))


def _application(application: Application, viewer: User) -> dict[str, Any]:
    candidate = application.candidate
    return {
        "candidate": {
            "id": candidate.id, "name": candidate.name, "email": candidate.email,
            "phone": candidate.phone, "source": candidate.source, "notes": candidate.notes,
            "consent_on": _iso(candidate.consent_on), "created_at": _iso(candidate.created_at),
            "anonymised_at": _iso(candidate.anonymised_at),
        },
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
        "location": interview.location,
        "panel": [s.interviewer.display_name for s in interview.scorecards],
        "scorecards": [{
            "interviewer": s.interviewer.display_name,
            "status": s.status,
            "recommendation": s.recommendation,
            "summary": s.summary,
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
