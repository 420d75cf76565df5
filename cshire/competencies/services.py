"""Rules of the competency model. Services never commit: the caller does.

Every change (creation, any edited field, archiving and restoring) leaves a row in the
audit trail with the acting user (None from the command line or the demo data).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from cshire.audit import Change, diff, ensure_current, record_changes, record_created
from cshire.auth.models import User
from cshire.competencies.messages import CompetencyError
from cshire.competencies.models import LEVELS, Competency, CompetencyCategory, CompetencyLevel
from cshire.competencies.starter_sets import ARCHETYPES, competencies_for
from cshire.database import utcnow
from cshire.extensions import db


@dataclass(frozen=True)
class CompetencyInput:
    """What a manager types into the competency form."""

    code: str
    category: CompetencyCategory
    name_en: str
    name_ja: str
    description_en: str
    description_ja: str
    levels_en: Sequence[str]  # five anchors, level 1 first
    levels_ja: Sequence[str]


@dataclass(frozen=True)
class ImportResult:
    created: list[str]
    already_present: list[str]


def normalise_code(code: str) -> str:
    return code.strip().upper().replace(" ", "-")


def competency_query(
    *, search: str = "", category: str = "", include_archived: bool = False
) -> Select:
    query = select(Competency).options(selectinload(Competency.levels))
    if not include_archived:
        query = query.where(Competency.archived_at.is_(None))
    if category in CompetencyCategory._value2member_map_:
        query = query.where(Competency.category == category)
    if search:
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Competency.code).like(pattern),
                func.lower(Competency.name_en).like(pattern),
                Competency.name_ja.like(f"%{search.strip()}%"),
            )
        )
    return query.order_by(Competency.category, Competency.code)


def active_competencies() -> list[Competency]:
    return list(db.session.scalars(competency_query()))


def _validate(data: CompetencyInput, competency: Competency | None) -> str:
    """The normalised code; each refusal names the form field it belongs to."""
    code = normalise_code(data.code)
    if not code:
        raise CompetencyError.on_field("code", "code_required")
    if not (data.name_en.strip() or data.name_ja.strip()):
        raise CompetencyError.on_field("name_en", "name_required")
    if len(data.levels_en) != len(LEVELS) or len(data.levels_ja) != len(LEVELS):
        raise CompetencyError("five_levels")
    for number, en, ja in zip(LEVELS, data.levels_en, data.levels_ja, strict=True):
        if not (en.strip() or ja.strip()):
            raise CompetencyError.on_field(f"level{number}_en", "anchor_required")
    clash = db.session.scalar(select(Competency).where(Competency.code == code))
    if clash is not None and clash is not competency:
        raise CompetencyError.on_field("code", "code_taken", code=code)
    return code


def create_competency(data: CompetencyInput, *, actor: User | None = None) -> Competency:
    code = _validate(data, None)
    competency = Competency(code=code, levels=[CompetencyLevel(level=n) for n in LEVELS])
    _apply(competency, data, code)
    db.session.add(competency)
    db.session.flush()
    record_created(competency, actor)
    return competency


def update_competency(competency: Competency, data: CompetencyInput, *,
                      version: int | None, actor: User | None = None) -> Competency:
    """Save an edit made on a form loaded at ``version``. If someone saved in between,
    raise ``EditConflict`` instead of silently overwriting their change."""
    ensure_current(competency, version)
    code = _validate(data, competency)
    before = _audited(competency)
    _apply(competency, data, code)
    if record_changes(competency, diff(before, _audited(competency)), actor):
        # An edit of anchors alone changes only child rows; touching the competency
        # bumps its version, so a form opened before this save is refused too.
        competency.updated_at = utcnow()
    db.session.flush()
    return competency


def _audited(competency: Competency) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: getattr(competency, name)
        for name in ("code", "category", "name_en", "name_ja", "description_en",
                     "description_ja")
    }
    for level in competency.levels:
        values[f"level{level.level}_en"] = level.description_en
        values[f"level{level.level}_ja"] = level.description_ja
    return values


def _apply(competency: Competency, data: CompetencyInput, code: str) -> None:
    competency.code = code
    competency.category = data.category.value
    competency.name_en, competency.name_ja = data.name_en.strip(), data.name_ja.strip()
    competency.description_en = data.description_en.strip()
    competency.description_ja = data.description_ja.strip()
    for number, en, ja in zip(LEVELS, data.levels_en, data.levels_ja, strict=True):
        level = competency.level(number)
        if level is None:
            level = CompetencyLevel(level=number)
            competency.levels.append(level)
        level.description_en, level.description_ja = en.strip(), ja.strip()


def set_archived(competency: Competency, archived: bool, *, actor: User | None = None) -> None:
    """Archive (hide from new work, keep for history) or restore; a no-op when the
    competency already is in that state."""
    if competency.is_archived == archived:
        return
    record_changes(competency, {"archived": Change(competency.is_archived, archived)}, actor)
    competency.archived_at = utcnow() if archived else None


def import_archetype(archetype_code: str, *, actor: User | None = None) -> ImportResult:
    """Add the starter competencies of an archetype; codes already present are kept
    as they are (the team may have edited them)."""
    if archetype_code not in ARCHETYPES:
        raise CompetencyError("unknown_archetype")
    starters = competencies_for(archetype_code)
    existing = set(
        db.session.scalars(
            select(Competency.code).where(Competency.code.in_([s.code for s in starters]))
        )
    )
    created = []
    for starter in starters:
        if starter.code in existing:
            continue
        competency = Competency(
            code=starter.code,
            category=starter.category,
            name_en=starter.name.en,
            name_ja=starter.name.ja,
            description_en=starter.description.en,
            description_ja=starter.description.ja,
            archetype=archetype_code,
            levels=[
                CompetencyLevel(level=number, description_en=text.en, description_ja=text.ja)
                for number, text in zip(LEVELS, starter.levels, strict=True)
            ],
        )
        db.session.add(competency)
        created.append(competency)
    db.session.flush()
    for competency in created:
        record_created(competency, actor)
    return ImportResult(created=[c.code for c in created], already_present=sorted(existing))
