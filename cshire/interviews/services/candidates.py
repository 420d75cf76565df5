"""Candidates, their applications to an opening and the status history.

A candidate is one person (one email address) who may apply to several openings;
an application is that person in one opening. Adding a known email to another
opening links the existing candidate instead of creating a duplicate person.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Candidate,
)
from cshire.interviews.models.openings import Opening
from cshire.interviews.services.openings import HiringError

S = ApplicationStatus
CLOSED_STATUSES = frozenset({S.HIRED, S.REJECTED, S.WITHDRAWN})
# Where an application may go from each status; closed statuses are final.
TRANSITIONS: dict[str, frozenset[ApplicationStatus]] = {
    S.APPLIED: frozenset({S.INTERVIEWING, S.REJECTED, S.WITHDRAWN}),
    S.INTERVIEWING: frozenset({S.OFFER, S.HIRED, S.REJECTED, S.WITHDRAWN}),
    S.OFFER: frozenset({S.HIRED, S.REJECTED, S.WITHDRAWN}),
    S.HIRED: frozenset(),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
CSV_COLUMNS = ("name", "email", "phone", "source", "notes", "consent_date")
MAX_IMPORT_ROWS = 2000


@dataclass(frozen=True)
class CandidateInput:
    name: str
    email: str
    phone: str = ""
    source: str = ""
    notes: str = ""
    consent_on: date | None = None


@dataclass(frozen=True)
class RowError:
    line: int  # line number in the file, the header being line 1
    code: str
    params: dict = field(default_factory=dict)


class ImportRejected(HiringError):
    """The file had bad rows; nothing was imported."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("import_rejected", count=len(errors))
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    created: int
    linked: int  # known candidates (same email) added to this opening


def normalise_email(email: str) -> str:
    """Lower-cased, validated syntax (no DNS lookup); raises HiringError."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise HiringError("email_invalid", email=email.strip()) from error


def add_candidate(opening: Opening, data: CandidateInput, *, actor: User) -> Application:
    """Add a person to an opening; a known email links the existing candidate."""
    if not data.name.strip():
        raise HiringError("name_required")
    email = normalise_email(data.email)
    candidate = db.session.scalar(select(Candidate).where(Candidate.email == email))
    if candidate is not None and _has_application(candidate, opening):
        raise HiringError("already_applied", email=email)
    if candidate is None:
        candidate = Candidate(email=email)
        _fill(candidate, data)
        db.session.add(candidate)
    return _apply_to(opening, candidate, actor)


def _fill(candidate: Candidate, data: CandidateInput) -> None:
    candidate.name = data.name.strip()
    candidate.phone = data.phone.strip()
    candidate.source = data.source.strip()
    candidate.notes = data.notes.strip()
    candidate.consent_on = data.consent_on


def _has_application(candidate: Candidate, opening: Opening) -> bool:
    return db.session.scalar(
        select(Application.id).where(Application.candidate_id == candidate.id,
                                     Application.opening_id == opening.id)
    ) is not None


def _apply_to(opening: Opening, candidate: Candidate, actor: User) -> Application:
    application = Application(opening=opening, candidate=candidate)
    application.events.append(
        ApplicationEvent(from_status=None, to_status=S.APPLIED.value, actor=actor)
    )
    db.session.add(application)
    db.session.flush()
    return application


def import_candidates(opening: Opening, content: bytes, *, actor: User) -> ImportResult:
    """Import a CSV (header row; columns in ``CSV_COLUMNS``, name and email required).

    All or nothing: every row is checked first and any bad row raises
    ``ImportRejected`` listing each bad line with its reason, before anything is
    written. Emails repeated within the file, or already in this opening, are errors.
    """
    rows, errors = _parse_rows(content)
    known = _known_candidates({row.email for _, row in rows if row.email})
    already = _emails_in_opening(opening, known.values())
    first_seen: dict[str, int] = {}
    for line, row in rows:
        if row.email in first_seen:
            errors.append(RowError(line, "duplicate_in_file",
                                   {"email": row.email, "first": first_seen[row.email]}))
        elif row.email in already:
            errors.append(RowError(line, "already_applied", {"email": row.email}))
        first_seen.setdefault(row.email, line)
    if errors or not rows:
        raise ImportRejected(sorted(errors, key=lambda e: e.line) or [RowError(1, "empty")])
    created = linked = 0
    for _, row in rows:
        candidate = known.get(row.email)
        if candidate is None:
            candidate = Candidate(email=row.email)
            _fill(candidate, row)
            db.session.add(candidate)
            created += 1
        else:
            linked += 1
        _apply_to(opening, candidate, actor)
    return ImportResult(created=created, linked=linked)


def _parse_rows(content: bytes) -> tuple[list[tuple[int, CandidateInput]], list[RowError]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRejected([RowError(1, "not_utf8")]) from error
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in ("name", "email") if c not in header]
    unknown = [h for h in header if h and h not in CSV_COLUMNS]
    if missing or unknown:
        raise ImportRejected([RowError(1, "bad_header", {
            "missing": ", ".join(missing), "unknown": ", ".join(unknown),
            "columns": ", ".join(CSV_COLUMNS)})])
    rows: list[tuple[int, CandidateInput]] = []
    errors: list[RowError] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(rows) + len(errors) >= MAX_IMPORT_ROWS:
            raise ImportRejected([RowError(line, "too_many_rows", {"max": MAX_IMPORT_ROWS})])
        if len(values) > len(header):
            errors.append(RowError(line, "too_many_values"))
            continue
        cells = dict(zip(header, [v.strip() for v in values], strict=False))
        try:
            rows.append((line, _row_input(cells)))
        except HiringError as error:
            errors.append(RowError(line, error.code, dict(error.params)))
    return rows, errors


def _row_input(cells: dict[str, str]) -> CandidateInput:
    if not cells.get("name"):
        raise HiringError("name_required")
    email = normalise_email(cells.get("email", ""))
    consent = cells.get("consent_date", "")
    try:
        consent_on = date.fromisoformat(consent) if consent else None
    except ValueError as error:
        raise HiringError("consent_date_invalid", value=consent) from error
    return CandidateInput(name=cells["name"], email=email, phone=cells.get("phone", ""),
                          source=cells.get("source", ""), notes=cells.get("notes", ""),
                          consent_on=consent_on)


def _known_candidates(emails: set[str]) -> dict[str, Candidate]:
    if not emails:
        return {}
    found = db.session.scalars(select(Candidate).where(Candidate.email.in_(emails)))
    return {c.email: c for c in found}


def _emails_in_opening(opening: Opening, candidates: Iterable[Candidate]) -> set[str]:
    ids = [c.id for c in candidates]
    if not ids or opening.id is None:
        return set()
    return set(db.session.scalars(
        select(Candidate.email).join(Application)
        .where(Application.opening_id == opening.id, Candidate.id.in_(ids))
    ))


# ----------------------------------------------------------------- statuses


def change_status(application: Application, status: str, *, actor: User, note: str = "",
                  now: datetime | None = None) -> None:
    """Move an application along its allowed transitions and record the move."""
    if status == application.status:
        return
    if status not in TRANSITIONS.get(application.status, frozenset()):
        raise HiringError("transition_invalid", old=application.status, new=status)
    application.events.append(ApplicationEvent(
        from_status=application.status, to_status=status, actor=actor, note=note.strip(),
        at=now or utcnow(),
    ))
    application.status = status
    application.status_changed_at = now or utcnow()
    db.session.flush()


def allowed_statuses(application: Application) -> list[ApplicationStatus]:
    return sorted(TRANSITIONS.get(application.status, frozenset()), key=list(S).index)


def is_closed(application: Application) -> bool:
    return application.status in CLOSED_STATUSES


def applications_query(opening: Opening, status: str = "") -> Select:
    query = (
        select(Application)
        .where(Application.opening_id == opening.id)
        .options(selectinload(Application.candidate))
        .order_by(Application.created_at.desc(), Application.id.desc())
    )
    if status in S._value2member_map_:
        query = query.where(Application.status == status)
    return query
