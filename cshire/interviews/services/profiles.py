"""High-performer profiles (exemplar ratings and suggestions: ``services/exemplars.py``).

A profile lists competencies with an importance weight (> 0) and the level (1–5) a
high performer shows. Services never commit: the view or CLI command does.

Validation collects *every* problem of a submitted profile before refusing it, so a
manager fixing a long form sees all rows to correct at once, not one per round trip.
A row's problem names its row (``line``) and field (``entries.weight``…), so the form
shows it next to what caused it. Every change is recorded in the audit trail.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cshire.audit import Change, diff, ensure_current, record_changes, record_created
from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.competencies.services import import_archetype
from cshire.competencies.starter_sets import ARCHETYPES
from cshire.database import utcnow
from cshire.errors import Problem
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency

LEVEL_MIN, LEVEL_MAX = 1, 5
ENTRIES = "entries"  # the profile form's list of competency rows


@dataclass(frozen=True)
class EntryInput:
    """One row of the profile form. A row left entirely blank is ignored."""

    competency_id: int | None
    weight: float | None
    target_level: int | None

    @property
    def is_blank(self) -> bool:
        return self.competency_id is None and self.weight is None and self.target_level is None


@dataclass(frozen=True)
class ProfileInput:
    name: str
    role_title: str = ""
    description: str = ""
    entries: Sequence[EntryInput] = ()


# --- reading ---------------------------------------------------------------------------


def profile_query(*, include_archived: bool = False) -> Select:
    """Profiles with their entries and competencies loaded (no query per row)."""
    query = select(HighPerformerProfile).options(
        selectinload(HighPerformerProfile.entries).selectinload(ProfileCompetency.competency)
    )
    if not include_archived:
        query = query.where(HighPerformerProfile.archived_at.is_(None))
    return query.order_by(HighPerformerProfile.name, HighPerformerProfile.id)


def get_profile(profile_id: int) -> HighPerformerProfile | None:
    return db.session.scalar(
        profile_query(include_archived=True).where(HighPerformerProfile.id == profile_id)
    )


def active_profiles() -> list[HighPerformerProfile]:
    return list(db.session.scalars(profile_query()))


# --- writing ---------------------------------------------------------------------------


def create_profile(
    data: ProfileInput, *, actor: User | None, archetype: str | None = None
) -> HighPerformerProfile:
    entries = _validated_entries(data)
    profile = HighPerformerProfile(
        name=data.name.strip(), role_title=data.role_title.strip(),
        description=data.description.strip(), archetype=archetype,
        created_by_id=actor.id if actor is not None else None,
    )
    for competency, weight, level in entries:
        profile.entries.append(
            ProfileCompetency(competency=competency, weight=weight, target_level=level)
        )
    db.session.add(profile)
    db.session.flush()
    record_created(profile, actor)
    _sort_entries(profile)
    return profile


def _sort_entries(profile: HighPerformerProfile) -> None:
    """Keep the in-memory list in the order the relationship loads it (heaviest
    first), so the same request sees what a reload would show."""
    profile.entries.sort(key=lambda e: (-e.weight, e.id or 0))


def create_from_archetype(
    archetype_code: str, *, actor: User | None, name: str = "", language: str = "en"
) -> HighPerformerProfile:
    """A profile pre-filled from a starter set's profile, importing any of its
    competencies the catalogue does not have yet (existing ones are used as they are).
    Archived competencies are left out: they are no longer offered for new work."""
    archetype = ARCHETYPES.get(archetype_code)
    if archetype is None:
        raise HiringError("unknown_archetype")
    import_archetype(archetype_code, actor=actor)
    codes = [entry.code for entry in archetype.profile]
    by_code = {
        c.code: c
        for c in db.session.scalars(select(Competency).where(Competency.code.in_(codes)))
        if c.archived_at is None
    }
    entries = [
        EntryInput(by_code[e.code].id, float(e.weight), int(e.target_level))
        for e in archetype.profile
        if e.code in by_code
    ]
    data = ProfileInput(
        name=name.strip() or _text(archetype.profile_name, language),
        description=_text(getattr(archetype, "description", ""), language),
        entries=entries,
    )
    return create_profile(data, actor=actor, archetype=archetype_code)


def update_profile(profile: HighPerformerProfile, data: ProfileInput, *, version: int | None,
                   actor: User | None = None, reason: str | None = None) -> HighPerformerProfile:
    """Save an edit made on a form loaded at ``version``. If someone saved in between,
    raise ``EditConflict`` rather than overwrite their change.

    Rows are matched by competency so an unchanged competency keeps its row: deleting
    and re-inserting it in one flush would trip the (profile, competency) unique key.
    """
    ensure_current(profile, version)
    if profile.archived_at is not None:
        raise HiringError("profile_archived")
    entries = _validated_entries(data)
    before = _audited(profile)
    profile.name, profile.role_title = data.name.strip(), data.role_title.strip()
    profile.description = data.description.strip()
    _replace_entries(profile, entries)
    record_changes(profile, diff(before, _audited(profile)), actor, reason)
    return profile


def _audited(profile: HighPerformerProfile) -> dict[str, Any]:
    """What the history shows of a profile: its texts and each entry's weight and
    target level, by competency code (an entry added or removed is a change from or
    to nothing)."""
    values: dict[str, Any] = {name: getattr(profile, name)
                              for name in ("name", "role_title", "description")}
    for entry in profile.entries:
        values[f"{entry.competency.code}.weight"] = entry.weight
        values[f"{entry.competency.code}.target_level"] = entry.target_level
    return values


def _replace_entries(
    profile: HighPerformerProfile, entries: Iterable[tuple[Competency, float, int]]
) -> None:
    current = {entry.competency_id: entry for entry in profile.entries}
    kept = set()
    for competency, weight, level in entries:
        row = current.get(competency.id)
        if row is None:
            row = ProfileCompetency(competency=competency)
            profile.entries.append(row)
        row.weight, row.target_level = weight, level
        kept.add(competency.id)
    for competency_id, row in current.items():
        if competency_id not in kept:
            profile.entries.remove(row)
    # Entry changes alone do not dirty the profile row; touching it bumps ``version``
    # so a form opened before this save is recognised as stale.
    profile.updated_at = utcnow()
    db.session.flush()
    _sort_entries(profile)


def set_archived(profile: HighPerformerProfile, archived: bool, *,
                 actor: User | None = None) -> HighPerformerProfile:
    """Archived profiles leave the lists and cannot get new kits; kits built from
    them, and their published versions, stay as they are. A no-op when the profile
    already is in that state."""
    if (profile.archived_at is not None) != archived:
        record_changes(profile, {"archived": Change(not archived, archived)}, actor)
        profile.archived_at = utcnow() if archived else None
        db.session.flush()
    return profile


def _validated_entries(data: ProfileInput) -> list[tuple[Competency, float, int]]:
    problems: list[Problem] = []
    if not data.name.strip():
        problems.append(Problem("profile_name_required", field="name"))
    rows = [(n, e) for n, e in enumerate(data.entries, start=1) if not e.is_blank]
    ids = {e.competency_id for _, e in rows if e.competency_id is not None}
    competencies = (
        {c.id: c for c in db.session.scalars(select(Competency).where(Competency.id.in_(ids)))}
        if ids else {}
    )
    seen: dict[int, int] = {}
    valid: list[tuple[Competency, float, int]] = []
    for n, entry in rows:
        row_problems = _entry_problems(n, entry, competencies, seen)
        problems += row_problems
        if not row_problems:
            valid.append((competencies[entry.competency_id], float(entry.weight),
                          int(entry.target_level)))
    if not rows:
        problems.append(Problem("no_competency"))
    if problems:
        raise refusal("profile_rejected", problems)
    return valid


def refusal(summary: str, problems: Sequence[Problem]) -> HiringError:
    """One error carrying every problem, headed by ``summary`` (its text counts them);
    a lone problem is the error itself, so it is not said twice."""
    if len(problems) == 1:
        return HiringError(problems[0].code, problems[0], **problems[0].params)
    return HiringError(summary, *problems, count=len(problems))


def _entry_problems(
    n: int, entry: EntryInput, competencies: dict[int, Competency], seen: dict[int, int]
) -> list[Problem]:
    def problem(problem_code: str, field: str, /, **params: object) -> Problem:
        return Problem(problem_code, {"row": n, **params}, line=n, field=f"{ENTRIES}.{field}")

    problems = []
    competency = competencies.get(entry.competency_id) if entry.competency_id else None
    if entry.competency_id is None:
        problems.append(problem("row_competency_required", "competency"))
    elif competency is None:
        problems.append(problem("unknown_competency", "competency"))
    elif entry.competency_id in seen:
        problems.append(problem("duplicate_competency", "competency",
                                code=competency.code, first=seen[entry.competency_id]))
    else:
        seen[entry.competency_id] = n
    if entry.weight is None or not entry.weight > 0 or entry.weight == float("inf"):
        problems.append(problem("weight_positive", "weight"))
    if entry.target_level is None or not LEVEL_MIN <= entry.target_level <= LEVEL_MAX:
        problems.append(problem("level_range", "target_level"))
    return problems


def _text(value: object, language: str) -> str:
    """A starter-set ``Text(en, ja)`` as one string: a profile is written by people in
    one language, so it is named in the language of the manager who creates it."""
    if isinstance(value, str):
        return value
    other = "ja" if language == "en" else "en"
    return getattr(value, language, "") or getattr(value, other, "") or ""
