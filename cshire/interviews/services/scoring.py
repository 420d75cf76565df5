"""An interviewer's scorecard: drafts, submission, reopening, the audit trail, and
the independence rule.

Independence: an interviewer sees no other interviewer's ratings, notes or
recommendation for an interview until their own scorecard for that interview is
submitted. The hiring manager of the opening and admins see every submitted
scorecard. Nobody but its author sees a draft. Every page, PDF and export that shows
scorecard content filters through ``can_view_scorecard`` / ``visible_scorecards``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.openings import OpeningStage
from cshire.interviews.models.scoring import (
    Recommendation,
    Scorecard,
    ScorecardAnswer,
    ScorecardChange,
    ScorecardStatus,
)
from cshire.interviews.services.openings import HiringError, can_manage_opening

RATINGS = (1, 2, 3, 4, 5)
RECOMMENDATIONS = tuple(r.value for r in Recommendation)


@dataclass(frozen=True)
class AnswerInput:
    kit_item_id: int
    rating: int | None = None
    not_asked: bool = False
    not_asked_reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class ScorecardInput:
    version: int
    recommendation: str | None
    answers: list[AnswerInput]


@dataclass(frozen=True)
class Problem:
    """What keeps a scorecard from being submitted; ``position`` None = the
    overall recommendation."""

    position: int | None
    code: str  # rating_missing, reason_missing, note_missing, recommendation_missing


class IncompleteScorecard(HiringError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("incomplete", count=len(problems))
        self.problems = problems


# --------------------------------------------------------------- independence


def has_submitted_for(user: User, interview: Interview) -> bool:
    return any(s.interviewer_id == user.id and s.is_submitted for s in interview.scorecards)


def can_open_interview(user: User, interview: Interview) -> bool:
    """Panel members, the opening's hiring manager and admins."""
    return (any(s.interviewer_id == user.id for s in interview.scorecards)
            or can_manage_opening(user, interview.application.opening))


def can_view_scorecard(viewer: User, scorecard: Scorecard) -> bool:
    """May ``viewer`` read this scorecard's ratings, notes and recommendation?"""
    if scorecard.interviewer_id == viewer.id:
        return True
    if not scorecard.is_submitted:
        return False
    interview = scorecard.interview
    return (can_manage_opening(viewer, interview.application.opening)
            or has_submitted_for(viewer, interview))


def visible_scorecards(viewer: User, scorecards: Iterable[Scorecard]) -> list[Scorecard]:
    return [s for s in scorecards if can_view_scorecard(viewer, s)]


# ------------------------------------------------------------------ queries


def _with_context(query: Select) -> Select:
    """Each seat with its interview, candidate, opening and stage, joined into the same
    query: all to-one relations, so a join adds no rows, and unlike ``selectinload``
    (which splits its IN list into chunks of 500) the count stays fixed however many
    seats an interviewer has."""
    return query.options(
        joinedload(Scorecard.interview).joinedload(Interview.application)
        .joinedload(Application.candidate),
        joinedload(Scorecard.interview).joinedload(Interview.application)
        .joinedload(Application.opening),
        joinedload(Scorecard.interview).joinedload(Interview.stage),
    )


@dataclass(frozen=True)
class MyInterviews:
    upcoming: list[Scorecard]
    waiting: list[Scorecard]  # the interview took place, the scorecard is not submitted
    submitted: Select  # paginated by the view


def my_interviews(user: User, *, now: datetime | None = None) -> MyInterviews:
    """The user's panel seats: upcoming, waiting for their scorecard, submitted."""
    now = now or utcnow()
    drafts = list(db.session.scalars(_with_context(
        select(Scorecard).join(Interview)
        .where(Scorecard.interviewer_id == user.id,
               Scorecard.status == ScorecardStatus.DRAFT.value)
        .order_by(Interview.scheduled_at, Scorecard.id)
    )))
    submitted = _with_context(
        select(Scorecard)
        .where(Scorecard.interviewer_id == user.id,
               Scorecard.status == ScorecardStatus.SUBMITTED.value)
        .order_by(Scorecard.submitted_at.desc(), Scorecard.id.desc())
    )
    return MyInterviews(
        upcoming=[s for s in drafts if s.interview.scheduled_at > now],
        waiting=[s for s in drafts if s.interview.scheduled_at <= now],
        submitted=submitted,
    )


def load_scorecard(scorecard_id: int) -> Scorecard | None:
    """A scorecard with its interview, kit questions, answers and audit trail."""
    return db.session.scalar(
        select(Scorecard).where(Scorecard.id == scorecard_id).options(
            selectinload(Scorecard.interviewer),
            selectinload(Scorecard.answers),
            selectinload(Scorecard.changes).selectinload(ScorecardChange.actor),
            selectinload(Scorecard.changes).selectinload(ScorecardChange.kit_item),
            selectinload(Scorecard.interview).selectinload(Interview.scorecards),
            selectinload(Scorecard.interview).selectinload(Interview.application)
            .selectinload(Application.candidate),
            selectinload(Scorecard.interview).selectinload(Interview.application)
            .selectinload(Application.opening),
            selectinload(Scorecard.interview).selectinload(Interview.stage)
            .selectinload(OpeningStage.kit_version).selectinload(InterviewKitVersion.items)
            .selectinload(KitItem.competency),
        )
    )


def kit_items(scorecard: Scorecard) -> list[KitItem]:
    return list(scorecard.interview.stage.kit_version.items)


def answer_rows(scorecard: Scorecard) -> list[tuple[KitItem, ScorecardAnswer | None]]:
    """Every kit question in order with this scorecard's answer (None if untouched)."""
    answers = {a.kit_item_id: a for a in scorecard.answers}
    return [(item, answers.get(item.id)) for item in kit_items(scorecard)]


# ------------------------------------------------------------------- writes


def _check_owner_draft(scorecard: Scorecard, actor: User) -> None:
    if scorecard.interviewer_id != actor.id:
        raise HiringError("not_your_scorecard")
    if scorecard.is_submitted:
        raise HiringError("locked")


def save_draft(scorecard: Scorecard, data: ScorecardInput, *, actor: User,
               now: datetime | None = None) -> None:
    """Store what the interviewer has entered so far (explicit save or autosave).

    Refused (``stale``) when the page was loaded at another version: someone (often
    the same person in another tab) saved in between, and silently overwriting that
    would lose work. After a first submission every changed value is audited.
    """
    _check_owner_draft(scorecard, actor)
    if data.version != scorecard.version:
        raise HiringError("stale")
    if data.recommendation is not None and data.recommendation not in RECOMMENDATIONS:
        raise HiringError("recommendation_invalid")
    now = now or utcnow()
    items = {item.id: item for item in kit_items(scorecard)}
    answers = {a.kit_item_id: a for a in scorecard.answers}
    audit = _Audit(scorecard, actor, now) if scorecard.first_submitted_at else None
    for entry in data.answers:
        item = items.get(entry.kit_item_id)
        if item is None:
            raise HiringError("question_unknown")
        if entry.rating is not None and entry.rating not in RATINGS:
            raise HiringError("rating_invalid")
        answer = answers.get(item.id)
        if answer is None:
            answer = ScorecardAnswer(kit_item=item, rating=None, not_asked=False,
                                     not_asked_reason="", note="")
            scorecard.answers.append(answer)
        values = {
            "rating": None if entry.not_asked else entry.rating,
            "not_asked": entry.not_asked,
            "not_asked_reason": entry.not_asked_reason.strip() if entry.not_asked else "",
            "note": entry.note.strip(),
        }
        for name, value in values.items():
            if audit:
                audit.record(name, getattr(answer, name), value, item)
            setattr(answer, name, value)
    if audit:
        audit.record("recommendation", scorecard.recommendation, data.recommendation)
    scorecard.recommendation = data.recommendation
    scorecard.version += 1
    scorecard.updated_at = now
    db.session.flush()


def completeness_problems(scorecard: Scorecard) -> list[Problem]:
    """Every question rated or marked "not asked" with a reason; a note with each
    rating when the opening requires notes; an overall recommendation."""
    notes_required = scorecard.interview.application.opening.notes_required
    problems = []
    for item, answer in answer_rows(scorecard):
        if answer is None or (answer.rating is None and not answer.not_asked):
            problems.append(Problem(item.position, "rating_missing"))
        elif answer.not_asked and not answer.not_asked_reason:
            problems.append(Problem(item.position, "reason_missing"))
        elif answer.rating is not None and notes_required and not answer.note:
            problems.append(Problem(item.position, "note_missing"))
    if scorecard.recommendation is None:
        problems.append(Problem(None, "recommendation_missing"))
    return problems


def submit_scorecard(scorecard: Scorecard, *, actor: User, now: datetime | None = None) -> None:
    """Lock a complete scorecard. From now on only the hiring manager can reopen it."""
    _check_owner_draft(scorecard, actor)
    problems = completeness_problems(scorecard)
    if problems:
        raise IncompleteScorecard(problems)
    now = now or utcnow()
    if scorecard.first_submitted_at is not None:
        _Audit(scorecard, actor, now).record(
            "status", ScorecardStatus.DRAFT.value, ScorecardStatus.SUBMITTED.value)
    else:
        scorecard.first_submitted_at = now
    scorecard.status = ScorecardStatus.SUBMITTED.value
    scorecard.submitted_at = now
    scorecard.updated_at = now
    scorecard.version += 1
    db.session.flush()


def reopen_scorecard(scorecard: Scorecard, *, actor: User, reason: str,
                     now: datetime | None = None) -> None:
    """Return a submitted scorecard to its author for changes (hiring manager or admin,
    with a reason, which the audit trail keeps)."""
    if not can_manage_opening(actor, scorecard.interview.application.opening):
        raise HiringError("not_hiring_manager")
    if not scorecard.is_submitted:
        raise HiringError("not_submitted")
    if not reason.strip():
        raise HiringError("reason_required")
    now = now or utcnow()
    _Audit(scorecard, actor, now).record(
        "status", ScorecardStatus.SUBMITTED.value, ScorecardStatus.DRAFT.value, reason=reason)
    scorecard.status = ScorecardStatus.DRAFT.value
    scorecard.submitted_at = None
    scorecard.updated_at = now
    scorecard.version += 1
    db.session.flush()


class _Audit:
    """Appends a ``ScorecardChange`` for each value that really changes."""

    def __init__(self, scorecard: Scorecard, actor: User, now: datetime) -> None:
        self.scorecard, self.actor, self.now = scorecard, actor, now

    def record(self, field: str, old: object, new: object, item: KitItem | None = None,
               reason: str = "") -> None:
        old_text, new_text = _as_text(old), _as_text(new)
        if old_text == new_text:
            return
        self.scorecard.changes.append(ScorecardChange(
            actor=self.actor, at=self.now, field=field, kit_item=item,
            old_value=old_text, new_value=new_text, reason=reason.strip(),
        ))


def _as_text(value: object) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    return str(value)
