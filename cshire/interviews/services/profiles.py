"""High-performer profiles (exemplar ratings and suggestions: ``services/exemplars.py``).

A profile lists competencies with an importance weight (> 0) and the level (1–5) a
high performer shows. Services never commit: the view or CLI command does.

Validation collects *every* problem of a submitted profile before refusing it, so a
manager fixing a long form sees all rows to correct at once, not one per round trip.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.competencies.services import import_archetype
from cshire.competencies.starter_sets import ARCHETYPES
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency

LEVEL_MIN, LEVEL_MAX = 1, 5


@dataclass(frozen=True)
class Problem:
    """One reason a submission is refused. ``row`` is 1-based (an entry row of the
    profile form, or a line of an uploaded CSV); None for the whole submission."""

    code: str
    row: int | None = None
    params: dict[str, object] = field(default_factory=dict)


class ProfileError(Exception):
    """Raised with every problem found; nothing has been changed."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems = list(problems)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]


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
        description=data.description.strip(), archetype=archetype, created_by=actor,
    )
    for competency, weight, level in entries:
        profile.entries.append(
            ProfileCompetency(competency=competency, weight=weight, target_level=level)
        )
    db.session.add(profile)
    db.session.flush()
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
        raise ProfileError(Problem("unknown_archetype"))
    import_archetype(archetype_code)
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


def update_profile(profile: HighPerformerProfile, data: ProfileInput, *, version: int) -> None:
    """Save an edit made on a form loaded at ``version``. If someone saved in between,
    raise ``stale`` rather than overwrite their change.

    Rows are matched by competency so an unchanged competency keeps its row: deleting
    and re-inserting it in one flush would trip the (profile, competency) unique key.
    """
    if version != profile.version:
        raise ProfileError(Problem("stale"))
    if profile.archived_at is not None:
        raise ProfileError(Problem("archived"))
    entries = _validated_entries(data)
    profile.name, profile.role_title = data.name.strip(), data.role_title.strip()
    profile.description = data.description.strip()
    _replace_entries(profile, [(c, w, lvl) for c, w, lvl in entries])


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


def set_archived(profile: HighPerformerProfile, archived: bool) -> None:
    """Archived profiles leave the lists and cannot get new kits; kits built from
    them, and their published versions, stay as they are."""
    profile.archived_at = utcnow() if archived else None
    db.session.flush()


def _validated_entries(data: ProfileInput) -> list[tuple[Competency, float, int]]:
    problems: list[Problem] = []
    if not data.name.strip():
        problems.append(Problem("name_required"))
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
        raise ProfileError(*problems)
    return valid


def _entry_problems(
    n: int, entry: EntryInput, competencies: dict[int, Competency], seen: dict[int, int]
) -> list[Problem]:
    problems = []
    competency = competencies.get(entry.competency_id) if entry.competency_id else None
    if entry.competency_id is None:
        problems.append(Problem("competency_required", n))
    elif competency is None:
        problems.append(Problem("unknown_competency", n))
    elif entry.competency_id in seen:
        problems.append(Problem("duplicate_competency", n, {
            "code": competency.code, "first": seen[entry.competency_id]}))
    else:
        seen[entry.competency_id] = n
    if entry.weight is None or not entry.weight > 0 or entry.weight == float("inf"):
        problems.append(Problem("weight_positive", n))
    if entry.target_level is None or not LEVEL_MIN <= entry.target_level <= LEVEL_MAX:
        problems.append(Problem("level_range", n))
    return problems


def _text(value: object, language: str) -> str:
    """A starter-set ``Text(en, ja)`` as one string: a profile is written by people in
    one language, so it is named in the language of the manager who creates it."""
    if isinstance(value, str):
        return value
    other = "ja" if language == "en" else "en"
    return getattr(value, language, "") or getattr(value, other, "") or ""
