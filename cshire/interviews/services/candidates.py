"""Candidates, their applications to an opening and the status history.

A candidate row is the person *as one opening knows them*: adding an email to an
opening always creates that opening's own row, whether or not the email is known
elsewhere, so nothing another opening recorded is shown, linked or even hinted at (the
add form and the import answer alike for a known and an unknown email). "Already
applied" means the same email in the same opening, and a unique constraint on
(opening, email) holds it under double clicks; the opening's row is locked while
candidates are added, so the second of two simultaneous requests sees the first one's
rows and is refused with "already applied" (PostgreSQL; on SQLite, where writes are
serialised, it may instead lose at the constraint: "saved at the same moment").
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select, true, update
from sqlalchemy.orm import contains_eager
from sqlalchemy.orm.attributes import set_committed_value

from cshire.auth.models import MANAGERS, User
from cshire.csv_import import (
    CellError,
    Column,
    CsvImport,
    email_address,
    iso_date,
    max_length_of,
)
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.messages import CandidateImportError, HiringError, StepTaken
from cshire.interviews.models.candidates import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Candidate,
)
from cshire.interviews.models.decisions import HiringDecision
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.openings import Opening
from cshire.interviews.models.scoring import Scorecard
from cshire.interviews.services.openings import is_admin, manages

S = ApplicationStatus
CLOSED_STATUSES = frozenset({S.HIRED, S.REJECTED, S.WITHDRAWN})
# Where an application may go from each status; closed statuses are final.
TRANSITIONS: dict[str, frozenset[ApplicationStatus]] = {
    S.APPLIED: frozenset({S.INTERVIEWING, S.REJECTED, S.WITHDRAWN}),
    S.INTERVIEWING: frozenset({S.OFFER, S.HIRED, S.REJECTED, S.WITHDRAWN}),
    S.OFFER: frozenset({S.INTERVIEWING, S.HIRED, S.REJECTED, S.WITHDRAWN}),
    S.HIRED: frozenset(),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
# Statuses only a hiring decision reaches (``decisions.record_decision``: a rationale,
# and a reason when it goes against the opening's fit threshold). The status control
# makes the other moves: to interviewing (or back to it from an offer), withdrawn.
DECISION_STATUSES = frozenset({S.OFFER, S.HIRED, S.REJECTED})
# The columns of a candidate file, as long as the database allows.
IMPORT_COLUMNS = (
    Column("name", required=True, max_length=max_length_of(Candidate.name),
           example="Aiko Tanaka"),
    Column("email", required=True, max_length=max_length_of(Candidate.email),
           parse=email_address, example="aiko@example.org"),
    Column("phone", max_length=max_length_of(Candidate.phone), default="",
           example="+81 90 0000 0000"),
    Column("source", max_length=max_length_of(Candidate.source), default="",
           example="referral"),
    Column("notes", default=""),
    Column("consent_date", parse=iso_date, example="2026-04-01"),
)
LOOKUP_BATCH = 1000  # emails per query when matching a file to the opening's candidates


@dataclass(frozen=True)
class CandidateInput:
    name: str
    email: str
    phone: str = ""
    source: str = ""
    notes: str = ""
    consent_on: date | None = None


@dataclass(frozen=True)
class ImportResult:
    created: int


def normalise_email(email: str) -> str:
    """Lower-cased, validated syntax (no DNS lookup), as the CSV import reads it."""
    try:
        return email_address(email.strip())
    except CellError as error:
        raise HiringError("email_invalid", email=email.strip()) from error


def add_candidate(opening: Opening, data: CandidateInput, *, actor: User) -> Application:
    """Add a person to an opening as a record of its own; refused when the email has
    already applied to this opening (other openings are not looked at)."""
    if not data.name.strip():
        raise HiringError("candidate_name_required")
    email = normalise_email(data.email)
    _lock(opening)
    if _emails_in_opening(opening, [email]):
        raise HiringError("already_applied", email=email)
    return _apply_to(opening, _new_candidate(opening, email, data), actor)


def _lock(opening: Opening) -> None:
    """Serialise additions to one opening (a row lock on PostgreSQL, a no-op on SQLite,
    whose writes are serialised anyway): the later request then sees the rows of the
    earlier one and its "already applied" check is exact."""
    db.session.execute(select(Opening.id).where(Opening.id == opening.id).with_for_update())


def _new_candidate(opening: Opening, email: str, data: CandidateInput) -> Candidate:
    candidate = Candidate(
        opening=opening, email=email, name=data.name.strip(), phone=data.phone.strip(),
        source=data.source.strip(), notes=data.notes.strip(), consent_on=data.consent_on,
    )
    db.session.add(candidate)
    return candidate


def _apply_to(opening: Opening, candidate: Candidate, actor: User) -> Application:
    application = Application(opening=opening, candidate=candidate)
    application.events.append(
        ApplicationEvent(from_status=None, to_status=S.APPLIED.value, actor=actor)
    )
    db.session.add(application)
    db.session.flush()
    return application


def import_candidates(opening: Opening, source: IO[bytes] | bytes, *, actor: User,
                      max_rows: int | None) -> ImportResult:
    """Import a CSV file of ``IMPORT_COLUMNS`` (UTF-8 or Shift_JIS; name and email
    required) into the opening; at most ``max_rows`` rows (None: no cap). Every row
    becomes a candidate record of this opening.

    All or nothing: every row is checked first and any bad row raises
    ``CandidateImportError`` listing each bad line with its reason, before anything is
    written. Emails repeated within the file, or already in this opening, are errors;
    whether an email is known in another opening changes nothing.
    """
    reader = CsvImport(source, IMPORT_COLUMNS, max_rows=max_rows,
                       error_class=CandidateImportError)
    rows = list(reader)
    _lock(opening)
    already = _emails_in_opening(opening, {row["email"] for row in rows})
    first_line: dict[str, int] = {}
    for row in rows:
        email = row["email"]
        if email in first_line:
            reader.add_problem(row.line, "duplicate_in_file", field="email", email=email,
                               first=first_line[email])
        elif email in already:
            reader.add_problem(row.line, "already_applied", field="email", email=email)
        first_line.setdefault(email, row.line)
    reader.raise_if_problems()
    for row in rows:
        _apply_to(opening, _new_candidate(opening, row["email"], _row_input(row.values)),
                  actor)
    return ImportResult(created=len(rows))


def _batches(values: list) -> list[list]:
    """A long IN list in parts: databases cap the parameters of one statement."""
    return [values[i:i + LOOKUP_BATCH] for i in range(0, len(values), LOOKUP_BATCH)]


def _row_input(values: dict) -> CandidateInput:
    return CandidateInput(name=values["name"], email=values["email"], phone=values["phone"],
                          source=values["source"], notes=values["notes"],
                          consent_on=values["consent_date"])


def _emails_in_opening(opening: Opening, emails: Iterable[str]) -> set[str]:
    """Which of ``emails`` already applied to ``opening``."""
    if opening.id is None:
        return set()
    found: set[str] = set()
    for batch in _batches(sorted(emails)):
        found.update(db.session.scalars(
            select(Candidate.email).where(Candidate.opening_id == opening.id,
                                          Candidate.email.in_(batch))))
    return found


# ----------------------------------------------------------------- statuses


def change_status(application: Application, status: str, *, actor: User, note: str = "",
                  now: datetime | None = None, seen: str | None = None) -> None:
    """The status control: a move that is not a decision (``DECISION_STATUSES`` are
    reached through ``decisions.record_decision`` only). ``seen`` is the status the
    form was loaded at: when the application has moved since, the move is refused and
    the message names who moved it, and when."""
    if seen is not None and seen != application.status:
        raise step_taken(application)
    _check_transition(application, status)
    if status in DECISION_STATUSES:
        raise HiringError("decision_required")
    move_application(application, status, actor=actor, note=note, now=now)


def move_application(application: Application, status: str, *, actor: User, note: str = "",
                     now: datetime | None = None) -> None:
    """Move an application along its allowed transitions and record the move — the one
    place that writes a status. Atomic: one ``UPDATE … WHERE status = <the status this
    request read>``; when another request moved the application first (a decision or
    a move at the same moment), it updates no row and the move is refused, naming the
    other one. The same guarded UPDATE runs when the status stays (an "advance" to the
    next stage), so a decision never lands on an application that moved meanwhile."""
    _check_transition(application, status)
    current, now = application.status, now or utcnow()
    changed = status != current
    moved = db.session.execute(
        update(Application)
        .where(Application.id == application.id, Application.status == current)
        .values(status=status,
                status_changed_at=now if changed else Application.status_changed_at)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not moved:
        raise step_taken(application)
    if changed:
        set_committed_value(application, "status", status)
        set_committed_value(application, "status_changed_at", now)
        application.events.append(ApplicationEvent(
            from_status=current, to_status=status, actor=actor, note=note.strip(), at=now))
    db.session.flush()


def _check_transition(application: Application, status: str) -> None:
    if status != application.status \
            and status not in TRANSITIONS.get(application.status, frozenset()):
        raise HiringError("transition_invalid", old=application.status, new=status)


def step_taken(application: Application, *, by_decision: bool = False) -> StepTaken:
    """The refusal of a decision or move that came second: it names the application's
    latest decision or status move (whichever is newer; the decision when
    ``by_decision``) — who, when and what — read afresh from the database, where the
    one that came first is now committed."""
    decision = db.session.scalars(
        select(HiringDecision).where(HiringDecision.application_id == application.id)
        .order_by(HiringDecision.step.desc()).limit(1)
    ).first()
    event = db.session.scalars(
        select(ApplicationEvent).where(ApplicationEvent.application_id == application.id)
        .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc()).limit(1)
    ).first()
    if decision is not None and (by_decision or event is None
                                 or decision.decided_at >= event.at):
        return StepTaken("already_decided", who=_name(decision.decided_by),
                         when=decision.decided_at, outcome=decision.outcome)
    if event is not None:
        return StepTaken("already_moved", who=_name(event.actor), when=event.at,
                         status=event.to_status)
    return StepTaken("already_moved", who=None, when=application.status_changed_at,
                     status=application.status)


def _name(user: User | None) -> str | None:
    return user.display_name if user is not None else None


def allowed_statuses(application: Application) -> list[ApplicationStatus]:
    """The moves the status control offers: every allowed one that is not a decision."""
    return sorted(TRANSITIONS.get(application.status, frozenset()) - DECISION_STATUSES,
                  key=list(S).index)


def is_closed(application: Application) -> bool:
    return application.status in CLOSED_STATUSES


def status_order() -> ColumnElement[int]:
    """Application statuses in the order of the process (applied … withdrawn), for
    sorting a list by status."""
    return case({status.value: i for i, status in enumerate(S)}, value=Application.status)


def applications_query(opening: Opening, status: str = "", *,
                       include_closed: bool = True) -> Select:
    """The opening's applications, newest first, joined to their candidate (loaded, and
    ready to order by). ``status``: only that status (chosen, it shows even when closed
    applications are left out); ``include_closed`` False leaves out hired, rejected and
    withdrawn."""
    query = (
        select(Application)
        .join(Application.candidate)
        .where(Application.opening_id == opening.id)
        .options(contains_eager(Application.candidate))
        .order_by(Application.created_at.desc(), Application.id.desc())
    )
    if status in S._value2member_map_:
        query = query.where(Application.status == status)
    elif not include_closed:
        query = query.where(Application.status.not_in([s.value for s in CLOSED_STATUSES]))
    return query


# ------------------------------------------------------------------ search

MAX_SEARCH_LENGTH = 100


@dataclass(frozen=True)
class CandidateMatch:
    """One application found by a search, and where the viewer may open it."""

    application: Application
    managed: bool  # the viewer manages its opening: the candidate scorecard opens it
    interview_id: int | None  # else the latest interview of it the viewer sits on


def search_query(viewer: User, text: str) -> Select:
    """Applications whose candidate ``viewer`` may find by ``text`` (a part of a name or
    of an email address, any case), by name, joined to their candidate and opening
    (loaded, and ready to order by).

    Object-level rules: a hiring manager finds the candidates of the openings they
    manage (an admin every opening's) by name or email; anyone on a panel finds the
    candidates of the interviews they sit on by name only — the interview page they may
    open shows no email, so the search must not reveal one either. Anonymised (purged)
    records are never found.
    """
    pattern = _contains(text.strip()[:MAX_SEARCH_LENGTH])
    by_name = Candidate.name.ilike(pattern, escape="\\")
    by_email = Candidate.email.ilike(pattern, escape="\\")
    sits = (select(Interview.id)
            .join(Scorecard, Scorecard.interview_id == Interview.id)
            .where(Interview.application_id == Application.id,
                   Scorecard.interviewer_id == viewer.id).exists())
    return (
        select(Application)
        .join(Application.candidate)
        .join(Application.opening)
        .options(contains_eager(Application.candidate), contains_eager(Application.opening))
        .where(Candidate.anonymised_at.is_(None),
               or_(and_(_managed(viewer), or_(by_name, by_email)), and_(sits, by_name)))
        .order_by(func.lower(Candidate.name), Application.id)
    )


def search_matches(viewer: User, applications: Iterable[Application]) -> list[CandidateMatch]:
    """Where each found application leads the viewer (one query for the interviews)."""
    applications = list(applications)
    managed = {a.id for a in applications if _may_manage(viewer, a)}
    others = [a.id for a in applications if a.id not in managed]
    latest: dict[int, int] = {}
    if others:
        for application_id, interview_id in db.session.execute(
            select(Interview.application_id, Interview.id)
            .join(Scorecard, Scorecard.interview_id == Interview.id)
            .where(Interview.application_id.in_(others), Scorecard.interviewer_id == viewer.id)
            .order_by(Interview.scheduled_at, Interview.id)
        ):
            latest[application_id] = interview_id  # the later one wins
    return [CandidateMatch(a, a.id in managed, latest.get(a.id)) for a in applications]


def _managed(viewer: User) -> ColumnElement[bool]:
    """The condition "the viewer manages the application's opening"."""
    if not viewer.has_role(*MANAGERS):
        return false()
    if is_admin(viewer):
        return true()
    return Opening.hiring_manager_id == viewer.id


def _may_manage(viewer: User, application: Application) -> bool:
    return viewer.has_role(*MANAGERS) and manages(viewer, application.opening.hiring_manager_id)


def _contains(text: str) -> str:
    """A LIKE pattern finding ``text`` anywhere, its own ``%`` and ``_`` taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
