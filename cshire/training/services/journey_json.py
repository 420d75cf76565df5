"""A success journey as a JSON file: export, and an import that is previewed first.

The format is documented in ``cshire.training.rules.journey``. An import creates the
journey with the file's code or updates it: stages are matched by code (milestones by
code within their stage), the order is the file's, and a stage or milestone missing from
the file is removed — unless something refers to it, in which case the whole import is
refused naming it. All or nothing: every problem is reported with its JSON path, and
nothing is written until the file is free of them. ``plan_import`` says what an import
would change without changing anything (the preview page and ``--dry-run`` style
output); ``import_journey`` applies it. Services never commit.
"""

import json
from dataclasses import dataclass, field

from cshire.audit import Change, record_changes, record_created, snapshot
from cshire.auth.models import User
from cshire.errors import Problem
from cshire.extensions import db
from cshire.training.messages import References, TrainingError
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from cshire.training.rules.journey import (
    JourneySpec,
    MilestoneSpec,
    StageSpec,
    Texts,
    read_spec,
    spec_as_json,
)
from cshire.training.services.journey import (
    JOURNEY_FIELDS,
    MILESTONE_FIELDS,
    STAGE_FIELDS,
    journey_by_code,
    record_child_changes,
    references,
    touch,
)

MAX_BYTES = 1_000_000
ADDED, CHANGED, REMOVED, SAME = "added", "changed", "removed", "same"


class JourneyImportError(TrainingError):
    """The file was refused; each problem's ``field`` is its JSON path."""


# ---------------------------------------------------------------------- export


def journey_spec(journey: Journey) -> JourneySpec:
    """The journey as the file format describes it."""
    return JourneySpec(
        code=journey.code, name=_texts(journey, "name"),
        description=_texts(journey, "description"),
        stages=tuple(
            StageSpec(
                code=stage.code, name=_texts(stage, "name"),
                description=_texts(stage, "description"), playbook=_texts(stage, "playbook"),
                milestones=tuple(
                    MilestoneSpec(m.code, _texts(m, "name"), _texts(m, "description"),
                                  m.is_handoff)
                    for m in stage.milestones),
            )
            for stage in journey.stages),
    )


def export_json(journey: Journey) -> str:
    """The journey's file: UTF-8 JSON, Japanese left readable, indented for a diff."""
    return json.dumps(spec_as_json(journey_spec(journey)), ensure_ascii=False, indent=2) + "\n"


def _texts(row: object, name: str) -> Texts:
    return Texts(getattr(row, f"{name}_en"), getattr(row, f"{name}_ja"))


# ---------------------------------------------------------------------- reading


def read_journey_json(raw: bytes | str) -> JourneySpec:
    """The journey a file describes; ``JourneyImportError`` with every problem."""
    if len(raw) > MAX_BYTES:
        _refuse([Problem("json_too_large", {"max": MAX_BYTES // 1000}, field="")])
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        data = json.loads(text)
    except UnicodeDecodeError:
        _refuse([Problem("json_unreadable", {"detail": "not UTF-8"}, field="")])
    except json.JSONDecodeError as error:
        detail = f"line {error.lineno}, column {error.colno}: {error.msg}"
        _refuse([Problem("json_unreadable", {"detail": detail}, field="")])
    except RecursionError:
        _refuse([Problem("json_unreadable", {"detail": "nested too deeply"}, field="")])
    spec, problems = read_spec(data)
    if spec is None:
        _refuse([Problem(p.code, p.params, field=p.path) for p in problems])
    return spec


def _refuse(problems: list[Problem]):
    raise JourneyImportError("journey_import_refused", *problems)


def problem_lines(error: TrainingError) -> list[str]:
    """Every problem as "path: reason" (the reason in the current language)."""
    return [f"{p.field}: {error.text_for(p.code, p.params)}" if p.field
            else error.text_for(p.code, p.params) for p in error.problems]


# ---------------------------------------------------------------------- the plan


@dataclass
class RowChange:
    """One stage or milestone: what the import does to it. ``fields``: the columns whose
    value changes (``code`` never: rows are matched by it)."""

    code: str
    status: str
    fields: list[str] = field(default_factory=list)
    moved: bool = False
    milestones: list["RowChange"] = field(default_factory=list)
    name_en: str = ""  # the name it has in the file (or had, when removed)
    name_ja: str = ""

    def named(self, source: object) -> "RowChange":
        """Take the names of ``source``: a spec (``name``) or a row (``name_en``)."""
        names = getattr(source, "name", None)
        self.name_en = names.en if isinstance(names, Texts) else getattr(source, "name_en", "")
        self.name_ja = names.ja if isinstance(names, Texts) else getattr(source, "name_ja", "")
        return self


@dataclass
class ImportPlan:
    code: str
    created: bool
    fields: list[str]
    stages: list[RowChange]

    @property
    def changes_anything(self) -> bool:
        return self.created or bool(self.fields) or any(s.status != SAME for s in self.stages)

    def lines(self) -> list[str]:
        """What changes, one line each, in English: the command line's report."""
        head = f"Journey {self.code} " + ("created" if self.created else "updated")
        if not self.changes_anything:
            return [f"Journey {self.code}: nothing to change."]
        lines = [head + (f" ({', '.join(self.fields)})" if self.fields and not self.created
                         else "") + "."]
        for stage in self.stages:
            if stage.status != SAME:
                lines.append(f"  stage {stage.code}: {_describe(stage)}")
            for milestone in stage.milestones:
                if milestone.status != SAME and stage.status not in (ADDED, REMOVED):
                    lines.append(f"    milestone {stage.code}/{milestone.code}: "
                                 f"{_describe(milestone)}")
        return lines


def _describe(row: RowChange) -> str:
    words = [row.status] if row.status != CHANGED or row.fields else []
    if row.fields and row.status == CHANGED:
        words = [f"changed ({', '.join(row.fields)})"]
    if row.moved:
        words.append("moved")
    if row.status == CHANGED and not words:
        words = ["milestones changed"]
    return ", ".join(words)


def _values(spec: JourneySpec | StageSpec | MilestoneSpec, fields: tuple[str, ...]) -> dict:
    """The column values ``spec`` gives a row (``code``, ``name_en``, … ``is_handoff``)."""
    values: dict[str, object] = {}
    for name in fields:
        if name == "code":
            values[name] = spec.code
        elif name == "is_handoff":
            values[name] = spec.handoff  # type: ignore[union-attr]
        else:
            base, language = name.rsplit("_", 1)
            values[name] = getattr(getattr(spec, base), language)
    return values


def _changed(row: object, values: dict) -> list[str]:
    return [name for name, value in values.items() if getattr(row, name) != value]


def plan_import(spec: JourneySpec) -> ImportPlan:
    """What importing ``spec`` would change; refuses (``JourneyImportError``) when it
    would remove a stage or milestone something refers to. Changes nothing."""
    journey = journey_by_code(spec.code)
    if journey is None:
        return ImportPlan(spec.code, True, [], [_added(s) for s in spec.stages])
    existing = {s.code: s for s in journey.stages}
    old_order = [s.code for s in journey.stages if s.code in {x.code for x in spec.stages}]
    new_order = [s.code for s in spec.stages if s.code in existing]
    stages = [_plan_stage(existing.get(s.code), s, old_order, new_order) for s in spec.stages]
    kept = {s.code for s in spec.stages}
    stages += [RowChange(s.code, REMOVED, milestones=[RowChange(m.code, REMOVED).named(m)
                                                      for m in s.milestones]).named(s)
               for s in journey.stages if s.code not in kept]
    _refuse_removals_in_use(journey, spec)
    return ImportPlan(spec.code, False, _changed(journey, _values(spec, JOURNEY_FIELDS)),
                      stages)


def _plan_stage(stage: JourneyStage | None, spec: StageSpec, old_order: list[str],
                new_order: list[str]) -> RowChange:
    if stage is None:
        return _added(spec)
    existing = {m.code: m for m in stage.milestones}
    kept = {m.code for m in spec.milestones}
    old_m = [m.code for m in stage.milestones if m.code in kept]
    new_m = [m.code for m in spec.milestones if m.code in existing]
    milestones = []
    for m in spec.milestones:
        row = existing.get(m.code)
        if row is None:
            milestones.append(RowChange(m.code, ADDED).named(m))
            continue
        fields = _changed(row, _values(m, MILESTONE_FIELDS))
        moved = old_m.index(m.code) != new_m.index(m.code)
        milestones.append(RowChange(m.code, CHANGED if fields or moved else SAME, fields,
                                    moved).named(m))
    milestones += [RowChange(m.code, REMOVED).named(m) for m in stage.milestones
                   if m.code not in kept]
    fields = _changed(stage, _values(spec, STAGE_FIELDS))
    moved = old_order.index(spec.code) != new_order.index(spec.code)
    touched = fields or moved or any(m.status != SAME for m in milestones)
    return RowChange(spec.code, CHANGED if touched else SAME, fields, moved,
                     milestones).named(spec)


def _added(spec: StageSpec) -> RowChange:
    return RowChange(spec.code, ADDED, milestones=[RowChange(m.code, ADDED).named(m)
                                                   for m in spec.milestones]).named(spec)


def _refuse_removals_in_use(journey: Journey, spec: JourneySpec) -> None:
    problems = []
    in_file = {s.code: (i, s) for i, s in enumerate(spec.stages)}
    for stage in journey.stages:
        if stage.code not in in_file:
            uses = references(stage_ids=[stage.id],
                              milestone_ids=[m.id for m in stage.milestones])
            if uses:
                problems.append(Problem("json_stage_in_use",
                                        {"code": stage.code, "uses": References(uses)},
                                        field="stages"))
            continue
        index, stage_spec = in_file[stage.code]
        kept = {m.code for m in stage_spec.milestones}
        for milestone in stage.milestones:
            if milestone.code not in kept and (uses := references(milestone_ids=[milestone.id])):
                problems.append(Problem("json_milestone_in_use",
                                        {"code": milestone.code, "uses": References(uses)},
                                        field=f"stages[{index}].milestones"))
    if problems:
        _refuse(problems)


# ---------------------------------------------------------------------- applying


def import_journey(spec: JourneySpec, *, actor: User | None) -> ImportPlan:
    """Create or update the journey ``spec`` describes; returns what changed."""
    plan = plan_import(spec)
    journey = journey_by_code(spec.code)
    if journey is None:
        journey = Journey(**_values(spec, JOURNEY_FIELDS))
        db.session.add(journey)
        db.session.flush()
        record_created(journey, actor)
    else:
        before = snapshot(journey, *JOURNEY_FIELDS)
        for name, value in _values(spec, JOURNEY_FIELDS).items():
            setattr(journey, name, value)
        record_changes(journey, before, actor)
    # A new journey's history says "created"; a row per stage and milestone adds nothing.
    _sync_stages(journey, spec, _Recorder(journey, actor, active=not plan.created))
    if plan.changes_anything:
        touch(journey)
    db.session.flush()
    return plan


class _Recorder:
    """The import's audit rows on the journey (none while it is being created)."""

    def __init__(self, journey: Journey, actor: User | None, *, active: bool) -> None:
        self.journey, self.actor, self.active = journey, actor, active

    def change(self, field_name: str, old: str, new: str) -> None:
        if self.active:
            record_changes(self.journey, {field_name: Change(old, new)}, self.actor)

    def child(self, kind: str, label: str, row: object, before: dict) -> None:
        if self.active:
            record_child_changes(self.journey, kind, label, row, before, self.actor)


def _parked(rows: list) -> dict:
    """Code → row of the rows kept, each moved to a free (negative) position first, so
    that taking their new positions never meets another row's old one."""
    for index, row in enumerate(rows, start=1):
        row.position = -index
    db.session.flush()
    return {row.code: row for row in rows}


def _sync_stages(journey: Journey, spec: JourneySpec, record: _Recorder) -> None:
    """Stages in the file's order: removed ones first, then every kept one moved to a
    free position before taking its own (positions are unique, checked row by row)."""
    wanted = {s.code for s in spec.stages}
    kept_before = ", ".join(s.code for s in journey.stages if s.code in wanted)
    for stage in [s for s in journey.stages if s.code not in wanted]:
        journey.stages.remove(stage)
        record.change("stage", stage.code, "")
    db.session.flush()
    existing = _parked(journey.stages)
    ordered = []
    for position, stage_spec in enumerate(spec.stages, start=1):
        stage = existing.get(stage_spec.code)
        if stage is None:
            stage = JourneyStage(**_values(stage_spec, STAGE_FIELDS), position=position)
            record.change("stage", "", stage_spec.code)
        else:
            before = snapshot(stage, *STAGE_FIELDS[1:])
            for name, value in _values(stage_spec, STAGE_FIELDS).items():
                setattr(stage, name, value)
            stage.position = position
            record.child("stage", stage.code, stage, before)
        ordered.append(stage)
    journey.stages[:] = ordered
    db.session.flush()
    kept_after = ", ".join(s.code for s in ordered if s.code in existing)
    if kept_before != kept_after:
        record.change("stage_order", kept_before, kept_after)
    for stage, stage_spec in zip(ordered, spec.stages, strict=True):
        _sync_milestones(stage, stage_spec, record)


def _sync_milestones(stage: JourneyStage, spec: StageSpec, record: _Recorder) -> None:
    wanted = {m.code for m in spec.milestones}
    for milestone in [m for m in stage.milestones if m.code not in wanted]:
        stage.milestones.remove(milestone)
        record.change("milestone", f"{stage.code}/{milestone.code}", "")
    db.session.flush()
    existing = _parked(stage.milestones)
    ordered = []
    for position, m_spec in enumerate(spec.milestones, start=1):
        milestone = existing.get(m_spec.code)
        if milestone is None:
            milestone = Milestone(**_values(m_spec, MILESTONE_FIELDS), position=position)
            record.change("milestone", "", f"{stage.code}/{m_spec.code}")
        else:
            before = snapshot(milestone, *MILESTONE_FIELDS[1:])
            for name, value in _values(m_spec, MILESTONE_FIELDS).items():
                setattr(milestone, name, value)
            milestone.position = position
            record.child("milestone", f"{stage.code}/{milestone.code}", milestone, before)
        ordered.append(milestone)
    old = [m.code for m in stage.milestones]
    stage.milestones[:] = ordered
    new = [m.code for m in ordered if m.code in existing]
    if [c for c in old if c in existing] != new:
        record.change("milestone_order",
                      f"{stage.code}: {', '.join(c for c in old if c in existing)}",
                      f"{stage.code}: {', '.join(new)}")
    db.session.flush()
