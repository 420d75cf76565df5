"""An interviewer's scorecard: drafts, submission, reopening, the audit trail, and
the independence rule.

Edit conflicts: a scorecard is ``Versioned``. A save made from a page loaded at another
version is refused (``ensure_current``), and the UPDATE itself carries
``WHERE version = …``, so two tabs or devices saving at once can never both win.

Audit: from the first submission on, every changed value is kept in the one audit
trail (``cshire.audit``) under the scorecard, an answer's fields named per question
(``answer_field``).

Independence: nobody on an interview's panel sees another panel member's ratings,
notes or recommendation for that interview until their own scorecard for it is
submitted — whatever their role: a hiring manager or admin who sits on the panel is
a panel member first. The hiring manager of the opening and admins who are not on the
panel see every submitted scorecard. Nobody but its author sees a draft. Every page,
PDF and export that shows scorecard content filters through ``can_view_scorecard`` /
``visible_scorecards``; aggregates computed in SQL leave out ``withheld_interview_ids``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from cshire.audit import Change, ensure_current, record_changes
from cshire.auth.models import User
from cshire.csv_import import max_length_of
from cshire.database import utcnow
from cshire.errors import Problem
from cshire.extensions import db
from cshire.interviews.messages import ANSWER_TEXT_LABELS, HiringError
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.openings import OpeningStage
from cshire.interviews.models.scoring import (
    Recommendation,
    Scorecard,
    ScorecardAnswer,
    ScorecardStatus,
)
from cshire.interviews.services.openings import can_manage_opening

RATINGS = (1, 2, 3, 4, 5)
RECOMMENDATIONS = tuple(r.value for r in Recommendation)
# An answer's texts and the most characters their columns hold (None: no limit).
TEXT_LIMITS = {name: max_length_of(getattr(ScorecardAnswer, name))
               for name in ANSWER_TEXT_LABELS}


@dataclass(frozen=True)
class AnswerInput:
    """One answer as a form sent it. A question id or rating that is not a whole number
    stays the text it was (``"abc"``), so the refusal can name it."""

    kit_item_id: int | str | None
    rating: int | str | None = None  # None: no rating (yet)
    not_asked: bool = False
    not_asked_reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class ScorecardInput:
    version: int | None  # the version the form was loaded at (None: unreadable)
    recommendation: str | None
    answers: list[AnswerInput]
    summary: str = ""  # the overall summary (key evidence)


def answer_field(kit_item_id: int | str, name: str) -> str:
    """The audit trail's name of one answer field: ``q<kit item id>.<name>``."""
    return f"q{kit_item_id}.{name}"


# --------------------------------------------------------------- independence


def has_submitted_for(user: User, interview: Interview) -> bool:
    return any(s.interviewer_id == user.id and s.is_submitted for s in interview.scorecards)


def own_seat(user: User, interview: Interview) -> Scorecard | None:
    """``user``'s scorecard for this interview, None when they are not on its panel."""
    return next((s for s in interview.scorecards if s.interviewer_id == user.id), None)


def can_open_interview(user: User, interview: Interview) -> bool:
    """Panel members, the opening's hiring manager and admins."""
    return (own_seat(user, interview) is not None
            or can_manage_opening(user, interview.application.opening))


def can_view_scorecard(viewer: User, scorecard: Scorecard) -> bool:
    """May ``viewer`` read this scorecard's ratings, notes and recommendation? The one
    rule every surface applies (see the module docstring)."""
    if scorecard.interviewer_id == viewer.id:
        return True
    if not scorecard.is_submitted:
        return False
    interview = scorecard.interview
    seat = own_seat(viewer, interview)
    if seat is not None:  # on the panel: independence comes before any role
        return seat.is_submitted
    return can_manage_opening(viewer, interview.application.opening)


def visible_scorecards(viewer: User, scorecards: Iterable[Scorecard]) -> list[Scorecard]:
    return [s for s in scorecards if can_view_scorecard(viewer, s)]


def withheld_interviews(viewer: User, interviews: Iterable[Interview]) -> list[Interview]:
    """The interviews where ``viewer`` sits on the panel with a scorecard not submitted
    yet while someone else's is: scorecards ``viewer`` would otherwise see, and will
    once theirs is in."""
    return [i for i in interviews
            if (seat := own_seat(viewer, i)) is not None and not seat.is_submitted
            and any(s.is_submitted and s is not seat for s in i.scorecards)]


def withheld_interview_ids(viewer: User) -> Select:
    """The same rule for aggregates computed in SQL: the ids of the interviews whose
    panel ``viewer`` sits on without having submitted (their own unsubmitted scorecard
    is never counted anyway, so leaving out the whole interview is exact)."""
    return select(Scorecard.interview_id).where(
        Scorecard.interviewer_id == viewer.id,
        Scorecard.status != ScorecardStatus.SUBMITTED.value)


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
               now: datetime | None = None) -> Scorecard:
    """Store what the interviewer has entered so far (explicit save or autosave).

    Refused (``EditConflict``) when the page was loaded at another version: someone
    (often the same person in another tab) saved in between, and silently overwriting
    that would lose work. Everything is checked before anything changes, so a refusal
    leaves the scorecard as it was. After a first submission every changed value is
    audited.
    """
    _check_owner_draft(scorecard, actor)
    ensure_current(scorecard, data.version)
    if data.recommendation is not None and data.recommendation not in RECOMMENDATIONS:
        raise HiringError("recommendation_invalid")
    entries = _checked_answers(scorecard, data.answers)
    now = now or utcnow()
    answers = {a.kit_item_id: a for a in scorecard.answers}
    changes: dict[str, Change] = {}
    for item, values in entries:
        answer = answers.get(item.id)
        if answer is None:
            answer = ScorecardAnswer(kit_item=item, rating=None, not_asked=False,
                                     not_asked_reason="", note="")
            scorecard.answers.append(answer)
        for name, value in values.items():
            changes[answer_field(item.id, name)] = Change(getattr(answer, name), value)
            setattr(answer, name, value)
    changes["recommendation"] = Change(scorecard.recommendation, data.recommendation)
    scorecard.recommendation = data.recommendation
    summary = data.summary.strip()
    changes["summary"] = Change(scorecard.summary, summary)
    scorecard.summary = summary
    scorecard.updated_at = now  # an UPDATE of the scorecard row bumps its version
    if scorecard.first_submitted_at is not None:
        record_changes(scorecard, changes, actor, at=now)
    db.session.flush()
    return scorecard


def _checked_answers(scorecard: Scorecard, answers: list[AnswerInput]
                     ) -> list[tuple[KitItem, dict[str, object]]]:
    """Each answer's kit question and the values to store. Refused as a whole when the
    form does not match the kit (a question id that is no number, a question outside
    the kit or twice in the form), or with one problem per answer that cannot be
    stored: a rating that is not a whole number from 1 to 5, a text longer than its
    column (a database would refuse it, PostgreSQL with an error)."""
    items = {item.id: item for item in kit_items(scorecard)}
    checked: dict[int, tuple[KitItem, dict[str, object]]] = {}
    problems: list[Problem] = []
    for entry in answers:
        item = _kit_item(items, entry.kit_item_id)
        if item.id in checked:
            raise HiringError("question_repeated", position=item.position)
        values = {
            "rating": None if entry.not_asked else entry.rating,
            "not_asked": entry.not_asked,
            "not_asked_reason": entry.not_asked_reason.strip() if entry.not_asked else "",
            "note": entry.note.strip(),
        }
        problems.extend(_answer_problems(item, values))
        checked[item.id] = (item, values)
    if problems:
        ratings = any(p.code == "answer_rating_range" for p in problems)
        raise HiringError("rating_invalid" if ratings else "answers_invalid", *problems,
                          count=len(problems))
    return list(checked.values())


def _kit_item(items: dict[int, KitItem], kit_item_id: int | str | None) -> KitItem:
    if not isinstance(kit_item_id, int):
        raise HiringError("item_id_invalid", value=kit_item_id or "")
    if kit_item_id not in items:
        raise HiringError("question_unknown", value=kit_item_id)
    return items[kit_item_id]


def _answer_problems(item: KitItem, values: dict[str, object]) -> list[Problem]:
    problems = []
    rating = values["rating"]
    if rating is not None and (not isinstance(rating, int) or rating not in RATINGS):
        problems.append(Problem("answer_rating_range",
                                {"position": item.position, "value": rating}, field="rating"))
    for name, limit in TEXT_LIMITS.items():
        length = len(str(values[name]))
        if limit is not None and length > limit:
            problems.append(Problem("text_too_long", {
                "position": item.position, "field": ANSWER_TEXT_LABELS[name],
                "length": length, "max": limit}, field=name))
    return problems


def completeness_problems(scorecard: Scorecard) -> list[Problem]:
    """Every question rated or marked "not asked" with a reason; a note with each
    rating when the opening requires notes; an overall recommendation. Problems of a
    question carry its ``position`` and name the answer ``field`` to fix."""
    notes_required = scorecard.interview.application.opening.notes_required
    problems = []
    for item, answer in answer_rows(scorecard):
        code = field = None
        if answer is None or (answer.rating is None and not answer.not_asked):
            code, field = "rating_missing", "rating"
        elif answer.not_asked and not answer.not_asked_reason:
            code, field = "reason_missing", "not_asked_reason"
        elif answer.rating is not None and notes_required and not answer.note:
            code, field = "note_missing", "note"
        if code:
            problems.append(Problem(code, {"position": item.position}, field=field))
    if scorecard.recommendation is None:
        problems.append(Problem("recommendation_missing", field="recommendation"))
    return problems


def submit_scorecard(scorecard: Scorecard, *, actor: User,
                     now: datetime | None = None) -> Scorecard:
    """Lock a complete scorecard. From now on only the hiring manager can reopen it.
    An incomplete one is refused (``incomplete``) with one problem per missing point."""
    _check_owner_draft(scorecard, actor)
    problems = completeness_problems(scorecard)
    if problems:
        raise HiringError("incomplete", *problems, count=len(problems))
    now = now or utcnow()
    if scorecard.first_submitted_at is not None:
        record_changes(scorecard, {"status": Change(ScorecardStatus.DRAFT.value,
                                                    ScorecardStatus.SUBMITTED.value)},
                       actor, at=now)
    else:
        scorecard.first_submitted_at = now
    scorecard.status = ScorecardStatus.SUBMITTED.value
    scorecard.submitted_at = now
    scorecard.updated_at = now
    db.session.flush()
    return scorecard


def reopen_scorecard(scorecard: Scorecard, *, actor: User, reason: str,
                     now: datetime | None = None) -> Scorecard:
    """Return a submitted scorecard to its author for changes (hiring manager or admin,
    with a reason, which the audit trail keeps)."""
    if not can_manage_opening(actor, scorecard.interview.application.opening):
        raise HiringError("not_hiring_manager")
    if not scorecard.is_submitted:
        raise HiringError("not_submitted")
    if not reason.strip():
        raise HiringError("reason_required")
    now = now or utcnow()
    record_changes(scorecard, {"status": Change(ScorecardStatus.SUBMITTED.value,
                                                ScorecardStatus.DRAFT.value)},
                   actor, reason, at=now)
    scorecard.status = ScorecardStatus.DRAFT.value
    scorecard.submitted_at = None
    scorecard.updated_at = now
    db.session.flush()
    return scorecard
