"""The success journey: reading it, and the managers' edits of its stages, milestones
and transition playbooks. Services never commit: the view or CLI command does.

Every change is recorded in the audit trail of the *journey* (a stage's or milestone's
change too, under fields such as ``stage.name_en`` whose values start with the stage's
code), so one history tells the whole story of the team's common language. A change
below the journey touches its ``updated_at``: its version moves, and a form opened on
the journey before is refused as an edit conflict instead of silently undoing it.

A stage or milestone is deleted only when nothing refers to it: training modules,
sandbox records and any later table with a foreign key to it (found from the schema,
so a package that starts referring to stages is covered without changing this one).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Select, func, select
from sqlalchemy.orm import selectinload

from cshire.audit import Change, ensure_current, record_changes, record_created, snapshot
from cshire.auth.models import User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.training.messages import References, TrainingError
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from cshire.training.rules.journey import CODE_MAX, CODE_PATTERN, moved

JOURNEY_FIELDS = ("code", "name_en", "name_ja", "description_en", "description_ja")
STAGE_FIELDS = (*JOURNEY_FIELDS, "playbook_en", "playbook_ja")
MILESTONE_FIELDS = (*JOURNEY_FIELDS, "is_handoff")


# ---------------------------------------------------------------------- reading


def journeys_query() -> Select:
    """Every journey, oldest first (the first is the default one)."""
    return select(Journey).order_by(Journey.id)


def stage_counts(journey_ids: list[int]) -> dict[int, int]:
    """Journey id → how many stages it has (one grouped query)."""
    rows = db.session.execute(
        select(JourneyStage.journey_id, func.count(JourneyStage.id))
        .where(JourneyStage.journey_id.in_(journey_ids)).group_by(JourneyStage.journey_id))
    return dict(rows.all())


def load_journey(journey_id: int) -> Journey | None:
    """The journey with its stages and their milestones, in three queries."""
    return db.session.scalar(
        select(Journey).where(Journey.id == journey_id).options(
            selectinload(Journey.stages).selectinload(JourneyStage.milestones))
    )


def journey_by_code(code: str) -> Journey | None:
    return db.session.scalar(
        select(Journey).where(Journey.code == code.strip()).options(
            selectinload(Journey.stages).selectinload(JourneyStage.milestones))
    )


def stage_by_code(journey: Journey, code: str) -> JourneyStage | None:
    return next((s for s in journey.stages if s.code == code.strip()), None)


def default_journey() -> Journey | None:
    """The first journey created: what a team with one journey means by "the journey"."""
    first = db.session.scalar(select(Journey.id).order_by(Journey.id).limit(1))
    return load_journey(first) if first is not None else None


# ---------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class JourneyInput:
    code: str
    name_en: str
    name_ja: str
    description_en: str = ""
    description_ja: str = ""


@dataclass(frozen=True)
class StageInput:
    code: str
    name_en: str
    name_ja: str
    description_en: str = ""
    description_ja: str = ""
    playbook_en: str = ""
    playbook_ja: str = ""


@dataclass(frozen=True)
class MilestoneInput:
    code: str
    name_en: str
    name_ja: str
    description_en: str = ""
    description_ja: str = ""
    is_handoff: bool = False


def _checked_code(code: str) -> str:
    code = (code or "").strip()
    if not code:
        raise TrainingError.on_field("code", "journey_code_required")
    if len(code) > CODE_MAX or not CODE_PATTERN.match(code):
        raise TrainingError.on_field("code", "journey_code_invalid", max=CODE_MAX)
    return code


def _apply(row: Journey | JourneyStage | Milestone, data, fields: Sequence[str]) -> None:
    """Copy the input's fields onto the row, texts stripped; refuses a nameless row."""
    if not ((data.name_en or "").strip() or (data.name_ja or "").strip()):
        raise TrainingError.on_field("name_en", "journey_name_required")
    for name in fields:
        value = getattr(data, name)
        setattr(row, name, value.strip() if isinstance(value, str) else value)


# ---------------------------------------------------------------------- journey


def create_journey(data: JourneyInput, *, actor: User | None) -> Journey:
    code = _checked_code(data.code)
    if db.session.scalar(select(Journey.id).where(Journey.code == code)) is not None:
        raise TrainingError.on_field("code", "journey_code_taken", code=code)
    journey = Journey()
    _apply(journey, JourneyInput(code, data.name_en, data.name_ja, data.description_en,
                                 data.description_ja), JOURNEY_FIELDS)
    db.session.add(journey)
    db.session.flush()
    record_created(journey, actor)
    return journey


def update_journey(journey: Journey, data: JourneyInput, *, version: int | None,
                   actor: User | None) -> Journey:
    """Save an edit made on a form loaded at ``version`` (``EditConflict`` otherwise)."""
    ensure_current(journey, version)
    code = _checked_code(data.code)
    clash = db.session.scalar(select(Journey.id).where(Journey.code == code))
    if clash is not None and clash != journey.id:
        raise TrainingError.on_field("code", "journey_code_taken", code=code)
    before = snapshot(journey, *JOURNEY_FIELDS)
    _apply(journey, JourneyInput(code, data.name_en, data.name_ja, data.description_en,
                                 data.description_ja), JOURNEY_FIELDS)
    record_changes(journey, before, actor)
    db.session.flush()
    return journey


def touch(journey: Journey) -> None:
    """Move the journey's version after a change below it (see the module docstring)."""
    journey.updated_at = utcnow()


# ---------------------------------------------------------------------- stages


def _stage_code(journey: Journey, code: str, stage: JourneyStage | None) -> str:
    code = _checked_code(code)
    if any(s.code == code and s is not stage for s in journey.stages):
        raise TrainingError.on_field("code", "stage_code_taken", code=code)
    return code


def add_stage(journey: Journey, data: StageInput, *, version: int | None,
              actor: User | None) -> JourneyStage:
    """Append a stage at the end of the journey."""
    ensure_current(journey, version)
    code = _stage_code(journey, data.code, None)
    stage = JourneyStage(position=len(journey.stages) + 1)
    _apply(stage, _with_code(data, code), STAGE_FIELDS)
    journey.stages.append(stage)
    record_changes(journey, {"stage": Change("", code)}, actor)
    touch(journey)
    db.session.flush()
    return stage


def update_stage(stage: JourneyStage, data: StageInput, *, version: int | None,
                 actor: User | None) -> JourneyStage:
    journey = stage.journey
    ensure_current(journey, version)
    code = _stage_code(journey, data.code, stage)
    before = snapshot(stage, *STAGE_FIELDS)
    _apply(stage, _with_code(data, code), STAGE_FIELDS)
    record_child_changes(journey, "stage", before.pop("code"), stage, before, actor)
    touch(journey)
    db.session.flush()
    return stage


def move_stage(stage: JourneyStage, step: int, *, actor: User | None) -> bool:
    """Move the stage one place up (-1) or down (+1); False when it cannot go further."""
    journey = stage.journey
    return _move(journey, journey.stages, stage, step, actor, "stage_order")


def delete_stage(stage: JourneyStage, *, actor: User | None) -> None:
    """Delete the stage and its milestones, unless anything refers to either."""
    uses = references(stage_ids=[stage.id], milestone_ids=[m.id for m in stage.milestones])
    if uses:
        raise TrainingError("stage_in_use", code=stage.code, uses=References(uses))
    _remove(stage.journey, stage.journey.stages, stage, actor, "stage", stage.code)


# ---------------------------------------------------------------------- milestones


def _milestone_code(stage: JourneyStage, code: str, milestone: Milestone | None) -> str:
    code = _checked_code(code)
    if any(m.code == code and m is not milestone for m in stage.milestones):
        raise TrainingError.on_field("code", "milestone_code_taken", code=code)
    return code


def add_milestone(stage: JourneyStage, data: MilestoneInput, *, version: int | None,
                  actor: User | None) -> Milestone:
    journey = stage.journey
    ensure_current(journey, version)
    code = _milestone_code(stage, data.code, None)
    milestone = Milestone(position=len(stage.milestones) + 1)
    _apply(milestone, _with_code(data, code), MILESTONE_FIELDS)
    stage.milestones.append(milestone)
    record_changes(journey, {"milestone": Change("", f"{stage.code}/{code}")}, actor)
    touch(journey)
    db.session.flush()
    return milestone


def update_milestone(milestone: Milestone, data: MilestoneInput, *, version: int | None,
                     actor: User | None) -> Milestone:
    stage = milestone.stage
    ensure_current(stage.journey, version)
    code = _milestone_code(stage, data.code, milestone)
    before = snapshot(milestone, *MILESTONE_FIELDS)
    _apply(milestone, _with_code(data, code), MILESTONE_FIELDS)
    label = f"{stage.code}/{before.pop('code')}"
    record_child_changes(stage.journey, "milestone", label, milestone, before, actor)
    touch(stage.journey)
    db.session.flush()
    return milestone


def move_milestone(milestone: Milestone, step: int, *, actor: User | None) -> bool:
    stage = milestone.stage
    return _move(stage.journey, stage.milestones, milestone, step, actor, "milestone_order",
                 prefix=f"{stage.code}: ")


def delete_milestone(milestone: Milestone, *, actor: User | None) -> None:
    stage = milestone.stage
    uses = references(milestone_ids=[milestone.id])
    if uses:
        raise TrainingError("milestone_in_use", code=milestone.code, uses=References(uses))
    _remove(stage.journey, stage.milestones, milestone, actor, "milestone",
            f"{stage.code}/{milestone.code}")


# ---------------------------------------------------------------------- shared


def _move(journey: Journey, rows: list, row: object, step: int, actor: User | None,
          audit_field: str, prefix: str = "") -> bool:
    """Move ``row`` of ``rows`` (a journey's stages or a stage's milestones) one place."""
    order = moved(list(rows), rows.index(row), step)
    if order is None:
        return False
    before = ", ".join(r.code for r in rows)
    renumber(order)
    rows[:] = order
    record_changes(journey, {audit_field: Change(
        prefix + before, prefix + ", ".join(r.code for r in order))}, actor)
    touch(journey)
    db.session.flush()
    return True


def _remove(journey: Journey, rows: list, row: object, actor: User | None,
            audit_field: str, label: str) -> None:
    """Delete ``row`` from ``rows`` (delete-orphan) and close the gap it leaves."""
    rows.remove(row)
    db.session.flush()
    renumber(list(rows))
    record_changes(journey, {audit_field: Change(label, "")}, actor)
    touch(journey)
    db.session.flush()


def _with_code(data, code: str):
    return type(data)(**{**data.__dict__, "code": code})


def record_child_changes(journey: Journey, kind: str, label: str, row: object,
                         before: dict[str, object], actor: User | None) -> None:
    """Audit a stage's or milestone's edited fields on its journey: field
    ``<kind>.<name>``, each value prefixed with the row's ``label`` (its code before the
    edit); a new code is recorded as ``<kind>.code`` from the old code to the new."""
    changes: dict[str, object] = {}
    if row.code != label.rsplit("/", 1)[-1]:
        prefix = label.rsplit("/", 1)[0] + "/" if "/" in label else ""
        changes[f"{kind}.code"] = Change(label, prefix + row.code)
    for name, old in before.items():
        new = getattr(row, name)
        if old != new:
            changes[f"{kind}.{name}"] = Change(f"{label}: {_text(old)}", f"{label}: {_text(new)}")
    record_changes(journey, changes, actor)


def _text(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value or "")


def renumber(rows: Sequence[JourneyStage | Milestone]) -> None:
    """Give ``rows`` the positions 1, 2, … in this order. Positions are unique in their
    journey or stage and the database checks that row by row, so the rows first move to
    free (negative) places, then to their own."""
    for index, row in enumerate(rows, start=1):
        row.position = -index
    db.session.flush()
    for index, row in enumerate(rows, start=1):
        row.position = index


def _referring_columns(table_name: str) -> list[Column]:
    """Every foreign-key column pointing at ``table_name`` outside the journey's own
    tables (whose rows are deleted with the stage)."""
    own = {Journey.__tablename__, JourneyStage.__tablename__, Milestone.__tablename__}
    return [fk.parent for table in db.metadata.tables.values() if table.name not in own
            for fk in table.foreign_keys if fk.column.table.name == table_name]


def references(*, stage_ids: Iterable[int] = (), milestone_ids: Iterable[int] = (),
               ) -> dict[str, int]:
    """Table name → how many of its rows refer to these stages or milestones (tables
    with none left out): one count per referring column."""
    counts: dict[str, int] = {}
    for table, ids in ((JourneyStage.__tablename__, list(stage_ids)),
                       (Milestone.__tablename__, list(milestone_ids))):
        if not ids:
            continue
        for column in _referring_columns(table):
            found = db.session.scalar(
                select(func.count()).select_from(column.table).where(column.in_(ids)))
            if found:
                counts[column.table.name] = counts.get(column.table.name, 0) + found
    return counts
