"""One CSM's evaluation: the self-review, the manager review, the development plan and
the workflow draft → self_submitted → manager_submitted → shared → acknowledged.

Who does what:

- the CSM writes the *self part* (a level and evidence per competency, a reflection on
  their weakest journey step) while the evaluation is a draft, then submits it;
- their evaluating manager (``Evaluation.manager_id``), the manager of their team now,
  or an admin writes the *manager part* (levels with evidence, a summary, the
  development plan's goals) until they submit it, which needs the self-review submitted
  first; then shares it, and the CSM acknowledges it, optionally with a comment;
- a submitted part changes only when a manager or admin reopens it with a reason: the
  self part goes back to draft, the manager part to self_submitted (undoing any later
  step: sharing, acknowledging).

What each side sees (``self_visible``, ``manager_visible``): the manager sees the CSM's
self-ratings and reflection only once the self-review is submitted (rating
independently first is what makes a self-review worth comparing); the CSM sees the
manager's ratings, summary and plan only once shared. The history shown to each is
filtered the same way.

A level of 1 or 5 needs evidence, checked on every save (drafts too), so the rule is
met before anything is submitted. Every save of a part and every workflow step is in
the audit trail; every form carries the evaluation's version (``ensure_current``).
"""

from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from cshire.audit import AuditEntry, Change, ensure_current, history, record_changes
from cshire.auth.models import Role, User
from cshire.competencies.models import LEVELS, Competency
from cshire.database import utcnow
from cshire.errors import Problem
from cshire.evaluations.messages import EvaluationError
from cshire.evaluations.models.cycles import (
    DevelopmentGoal,
    Evaluation,
    EvaluationCycle,
    EvaluationRating,
    EvaluationStatus,
    Rater,
)
from cshire.evaluations.models.kpis import KpiValue
from cshire.evaluations.rules.periods import parse_period
from cshire.evaluations.services.access import can_manage_member, can_view_member
from cshire.evaluations.services.metrics import CsmMetrics, team_metrics
from cshire.extensions import db

DRAFT = EvaluationStatus.DRAFT.value
SELF_SUBMITTED = EvaluationStatus.SELF_SUBMITTED.value
MANAGER_SUBMITTED = EvaluationStatus.MANAGER_SUBMITTED.value
SHARED = EvaluationStatus.SHARED.value
ACKNOWLEDGED = EvaluationStatus.ACKNOWLEDGED.value
ORDER = [s.value for s in EvaluationStatus]
EVIDENCE_LEVELS = (1, LEVELS[-1])  # the extremes need evidence

# Audit fields private to one side until the other may see it.
SELF_FIELDS = ("self.", "weakest_step")
MANAGER_FIELDS = ("manager.", "manager_summary", "goal.")

# --------------------------------------------------------------------- access


def can_view_evaluation(user: User, evaluation: Evaluation) -> bool:
    """The CSM, their evaluating manager, the manager of their team, an admin."""
    return (user.id == evaluation.manager_id and user.has_role(Role.MANAGER)) \
        or can_view_member(user, evaluation.csm)


def can_manage_evaluation(user: User, evaluation: Evaluation) -> bool:
    """Rate, plan, share, reopen: never the CSM themself."""
    if user.id == evaluation.csm_id:
        return False
    return (user.id == evaluation.manager_id and user.has_role(Role.MANAGER)) \
        or can_manage_member(user, evaluation.csm)


def is_evaluated(user: User, evaluation: Evaluation) -> bool:
    return user.id == evaluation.csm_id


def reached(evaluation: Evaluation, status: str) -> bool:
    return ORDER.index(evaluation.status) >= ORDER.index(status)


def self_visible(viewer: User, evaluation: Evaluation) -> bool:
    return is_evaluated(viewer, evaluation) or reached(evaluation, SELF_SUBMITTED)


def manager_visible(viewer: User, evaluation: Evaluation) -> bool:
    return not is_evaluated(viewer, evaluation) or reached(evaluation, SHARED)


def is_open(evaluation: Evaluation) -> bool:
    return evaluation.cycle.closed_at is None


def self_open(evaluation: Evaluation) -> bool:
    return is_open(evaluation) and evaluation.status == DRAFT


def manager_open(evaluation: Evaluation) -> bool:
    return is_open(evaluation) and evaluation.status in (DRAFT, SELF_SUBMITTED)


# -------------------------------------------------------------------- reads


def load_evaluation(evaluation_id: int) -> Evaluation | None:
    return db.session.scalar(
        select(Evaluation).where(Evaluation.id == evaluation_id).options(
            selectinload(Evaluation.cycle).selectinload(EvaluationCycle.journey),
            selectinload(Evaluation.csm), selectinload(Evaluation.manager),
            selectinload(Evaluation.ratings),
            selectinload(Evaluation.goals).selectinload(DevelopmentGoal.competency),
        ))


def rated_competencies(evaluation: Evaluation) -> list[Competency]:
    """The competencies to rate: every one in use, and any archived since that this
    evaluation already rated (its ratings keep their meaning), with their levels."""
    rated = select(EvaluationRating.competency_id).where(
        EvaluationRating.evaluation_id == evaluation.id)
    return list(db.session.scalars(
        select(Competency)
        .where(or_(Competency.archived_at.is_(None), Competency.id.in_(rated)))
        .options(selectinload(Competency.levels))
        .order_by(Competency.category, Competency.code)))


def ratings_of(evaluation: Evaluation, rater: Rater) -> dict[int, EvaluationRating]:
    return {r.competency_id: r for r in evaluation.ratings if r.rater == rater.value}


@dataclass
class KpiSection:
    metrics: CsmMetrics | None  # None: the cycle has no journey
    stage_names: dict[str, object]  # stage code → stage (for |localized)
    kpis: list[KpiValue]


def kpi_section(evaluation: Evaluation) -> KpiSection:
    """The CSM's journey metrics and KPI values in the cycle's period — from the same
    ``team_metrics`` as the metrics pages, so the numbers agree."""
    cycle = evaluation.cycle
    kpis = list(db.session.scalars(
        select(KpiValue).where(KpiValue.user_id == evaluation.csm_id,
                               KpiValue.period == cycle.period).order_by(KpiValue.metric)))
    if cycle.journey is None:
        return KpiSection(None, {}, kpis)
    metrics = team_metrics(cycle.journey, parse_period(cycle.period), [evaluation.csm])
    return KpiSection(metrics.members[0], {s.code: s for s in cycle.journey.stages}, kpis)


def step_key(from_stage: str, to_stage: str) -> str:
    return f"{from_stage}→{to_stage}"


def journey_steps(evaluation: Evaluation) -> list[tuple[str, str, str]]:
    """(step key, from stage, to stage) of the cycle's journey, in order."""
    journey = evaluation.cycle.journey
    if journey is None:
        return []
    return [(step_key(a.code, b.code), a, b) for a, b in pairwise(journey.stages)]


def visible_history(evaluation: Evaluation, viewer: User) -> list[AuditEntry]:
    """The evaluation's history without what the viewer may not see yet."""
    hidden: tuple[str, ...] = ()
    if not self_visible(viewer, evaluation):
        hidden += SELF_FIELDS
    if not manager_visible(viewer, evaluation):
        hidden += MANAGER_FIELDS
    return [entry for entry in history(evaluation) if not entry.field.startswith(hidden)]


# ------------------------------------------------------------- the two parts


@dataclass(frozen=True)
class RatingInput:
    competency_id: int | str | None
    level: int | str | None
    evidence: str


@dataclass(frozen=True)
class PartInput:
    """A side's posted part: its ratings and its text (the CSM's reflection on their
    weakest step, or the manager's summary)."""

    version: int | None
    ratings: list[RatingInput]
    text: str


def save_self(evaluation: Evaluation, data: PartInput, *, actor: User,
              weakest_step: str = "") -> Evaluation:
    """The CSM saves their self part (a draft until submitted)."""
    if not is_evaluated(actor, evaluation):
        raise EvaluationError("not_your_part")
    _check_open(evaluation, self_open(evaluation), "self_locked")
    ensure_current(evaluation, data.version)
    changes = _save_ratings(evaluation, Rater.SELF, data.ratings)
    changes["weakest_step"] = Change(evaluation.weakest_step, weakest_step)
    changes["weakest_step_reflection"] = Change(evaluation.weakest_step_reflection,
                                                data.text.strip())
    evaluation.weakest_step = weakest_step
    evaluation.weakest_step_reflection = data.text.strip()
    return _saved(evaluation, changes, actor)


def save_manager(evaluation: Evaluation, data: PartInput, *, actor: User) -> Evaluation:
    """The manager saves their part (a draft until submitted)."""
    if not can_manage_evaluation(actor, evaluation):
        raise EvaluationError("not_your_part")
    _check_open(evaluation, manager_open(evaluation), "manager_locked")
    ensure_current(evaluation, data.version)
    changes = _save_ratings(evaluation, Rater.MANAGER, data.ratings)
    changes["manager_summary"] = Change(evaluation.manager_summary, data.text.strip())
    evaluation.manager_summary = data.text.strip()
    return _saved(evaluation, changes, actor)


def _check_open(evaluation: Evaluation, part_open: bool, locked_code: str) -> None:
    if not is_open(evaluation):
        raise EvaluationError("cycle_closed")
    if not part_open:
        raise EvaluationError(locked_code)


def _saved(evaluation: Evaluation, changes: dict, actor: User) -> Evaluation:
    evaluation.updated_at = utcnow()  # an UPDATE of the evaluation bumps its version
    record_changes(evaluation, changes, actor)
    db.session.flush()
    return evaluation


def rating_field(rater: Rater, competency_id: int, name: str) -> str:
    """The audit field of one rating's level or evidence: ``self.12.level``."""
    return f"{rater.value}.{competency_id}.{name}"


def _save_ratings(evaluation: Evaluation, rater: Rater, ratings: list[RatingInput]) -> dict:
    """Check every posted rating, then store them; the audit changes by field. One
    problem per bad row (``line`` = the row on the form), all reported at once."""
    allowed = {c.id for c in rated_competencies(evaluation)}
    checked: dict[int, tuple[int | None, str]] = {}
    problems = []
    for line, entry in enumerate(ratings, start=1):
        competency_id = entry.competency_id
        if not isinstance(competency_id, int) or competency_id not in allowed \
                or competency_id in checked:
            raise EvaluationError("level_invalid")  # a tampered form, not a slip
        level, evidence = entry.level, entry.evidence.strip()
        if level is not None and (not isinstance(level, int) or level not in LEVELS):
            problems.append(Problem("level_invalid", line=line, field="ratings.level"))
            continue
        if level in EVIDENCE_LEVELS and not evidence:
            problems.append(Problem("evidence_required", line=line, field="ratings.evidence"))
        checked[competency_id] = (level, evidence)
    if problems:
        raise EvaluationError(problems[0].code, *problems)
    stored = ratings_of(evaluation, rater)
    changes: dict[str, Change] = {}
    for competency_id, (level, evidence) in checked.items():
        rating = stored.get(competency_id)
        if rating is None:
            rating = EvaluationRating(competency_id=competency_id, rater=rater.value,
                                      level=None, evidence="")
            evaluation.ratings.append(rating)
        changes[rating_field(rater, competency_id, "level")] = Change(rating.level, level)
        changes[rating_field(rater, competency_id, "evidence")] = Change(rating.evidence,
                                                                         evidence)
        rating.level, rating.evidence = level, evidence
    return changes


def unrated(evaluation: Evaluation, rater: Rater) -> list[Competency]:
    """The competencies this side has not rated yet (what blocks submitting)."""
    stored = ratings_of(evaluation, rater)
    return [c for c in rated_competencies(evaluation)
            if c.archived_at is None and (c.id not in stored or stored[c.id].level is None)]


def check_complete(evaluation: Evaluation, rater: Rater, competencies: list[Competency]
                   ) -> None:
    """Refuse submitting while a competency is unrated: one problem per unrated row
    of the form (``competencies``, in the form's order)."""
    missing = {c.id for c in unrated(evaluation, rater)}
    if missing:
        problems = [Problem("rating_missing", line=line, field="ratings.level")
                    for line, c in enumerate(competencies, start=1) if c.id in missing]
        raise EvaluationError("ratings_incomplete", *problems, num=len(missing))


# ----------------------------------------------------------------- workflow

# action → (who: "csm" or "manager", from status, to status, timestamp set)
STEPS = {
    "submit_self": ("csm", DRAFT, SELF_SUBMITTED, "self_submitted_at"),
    "submit_manager": ("manager", SELF_SUBMITTED, MANAGER_SUBMITTED, "manager_submitted_at"),
    "share": ("manager", MANAGER_SUBMITTED, SHARED, "shared_at"),
    "acknowledge": ("csm", SHARED, ACKNOWLEDGED, "acknowledged_at"),
}


def may_take_step(user: User, evaluation: Evaluation, action: str) -> bool:
    """Whether ``user`` is the side that takes this step (not whether it is its turn)."""
    who = STEPS[action][0]
    return is_evaluated(user, evaluation) if who == "csm" \
        else can_manage_evaluation(user, evaluation)


def take_step(evaluation: Evaluation, action: str, *, actor: User, version: int | None,
              comment: str = "", now: datetime | None = None) -> Evaluation:
    """Move the evaluation one step on. ``comment``: the CSM's words on acknowledging,
    kept as the reason of that step in the history."""
    _who, source, target, stamp = STEPS[action]
    if not may_take_step(actor, evaluation, action):
        raise EvaluationError("not_your_part")
    if not is_open(evaluation):
        raise EvaluationError("cycle_closed")
    ensure_current(evaluation, version)
    if evaluation.status != source:
        if action == "submit_manager" and evaluation.status == DRAFT:
            raise EvaluationError("self_review_first")
        raise EvaluationError("wrong_step")
    if action in ("submit_self", "submit_manager"):
        check_complete(evaluation, Rater.SELF if action == "submit_self" else Rater.MANAGER,
                       [])
    now = now or utcnow()
    before = {"status": evaluation.status}
    evaluation.status = target
    setattr(evaluation, stamp, now)
    evaluation.updated_at = now
    record_changes(evaluation, before, actor, comment if action == "acknowledge" else None,
                   at=now)
    db.session.flush()
    return evaluation


# part → (the status it returns to, the statuses from which it can be reopened,
# the timestamps undone)
REOPEN = {
    "self": (DRAFT, (SELF_SUBMITTED, MANAGER_SUBMITTED, SHARED, ACKNOWLEDGED),
             ("self_submitted_at", "manager_submitted_at", "shared_at", "acknowledged_at")),
    "manager": (SELF_SUBMITTED, (MANAGER_SUBMITTED, SHARED, ACKNOWLEDGED),
                ("manager_submitted_at", "shared_at", "acknowledged_at")),
}


def can_reopen(user: User, evaluation: Evaluation, part: str) -> bool:
    return (can_manage_evaluation(user, evaluation) and is_open(evaluation)
            and evaluation.status in REOPEN[part][1])


def reopen(evaluation: Evaluation, part: str, *, actor: User, reason: str,
           version: int | None) -> Evaluation:
    """Unlock a submitted part, with the reason kept in the history. Reopening the
    self part also reopens the manager's (it rests on the self-review)."""
    target, sources, stamps = REOPEN[part]
    if not can_manage_evaluation(actor, evaluation):
        raise EvaluationError("not_your_part")
    if not is_open(evaluation):
        raise EvaluationError("cycle_closed")
    ensure_current(evaluation, version)
    if evaluation.status not in sources:
        raise EvaluationError("nothing_to_reopen")
    if not reason.strip():
        raise EvaluationError.on_field("reason", "reason_required")
    before = {"status": evaluation.status}
    evaluation.status = target
    for stamp in stamps:
        setattr(evaluation, stamp, None)
    evaluation.updated_at = utcnow()
    record_changes(evaluation, before, actor, reason)
    db.session.flush()
    return evaluation


# ---------------------------------------------------------- development plan


@dataclass(frozen=True)
class GoalInput:
    version: int | None
    competency_id: int | None
    journey_step: str
    goal: str
    actions: str
    due_on: date | None


GOAL_FIELDS = ("competency_id", "journey_step", "goal", "actions", "due_on")


def goal_field(goal: DevelopmentGoal, name: str) -> str:
    return f"goal.{goal.id}.{name}"


def add_goal(evaluation: Evaluation, data: GoalInput, *, actor: User) -> DevelopmentGoal:
    _check_plan_open(evaluation, actor, data.version)
    goal = DevelopmentGoal(position=1 + max((g.position for g in evaluation.goals), default=0))
    before = _apply_goal(goal, evaluation, data)
    evaluation.goals.append(goal)
    db.session.flush()
    _saved(evaluation, _goal_changes(goal, before), actor)
    return goal


def _goal_changes(goal: DevelopmentGoal, before: dict) -> dict[str, Change]:
    return {goal_field(goal, name): Change(old, getattr(goal, name))
            for name, old in before.items()}


def update_goal(goal: DevelopmentGoal, data: GoalInput, *, actor: User) -> DevelopmentGoal:
    evaluation = goal.evaluation
    _check_plan_open(evaluation, actor, data.version)
    before = _apply_goal(goal, evaluation, data)
    _saved(evaluation, _goal_changes(goal, before), actor)
    return goal


def remove_goal(goal: DevelopmentGoal, *, actor: User, version: int | None) -> Evaluation:
    evaluation = goal.evaluation
    _check_plan_open(evaluation, actor, version)
    changes = {goal_field(goal, "goal"): Change(goal.goal, "")}
    evaluation.goals.remove(goal)
    return _saved(evaluation, changes, actor)


def _check_plan_open(evaluation: Evaluation, actor: User, version: int | None) -> None:
    if not can_manage_evaluation(actor, evaluation):
        raise EvaluationError("not_your_part")
    _check_open(evaluation, manager_open(evaluation), "manager_locked")
    ensure_current(evaluation, version)


def _apply_goal(goal: DevelopmentGoal, evaluation: Evaluation, data: GoalInput) -> dict:
    """Check and set the goal's fields; their values before (for the audit)."""
    problems = []
    if not data.goal.strip():
        problems.append(Problem("goal_required", field="goal"))
    competency = None
    if data.competency_id is not None:
        competency = db.session.get(Competency, data.competency_id)
        if competency is None or (competency.archived_at is not None
                                  and competency.id != goal.competency_id):
            problems.append(Problem("goal_target_invalid", field="competency_id"))
    steps = {key for key, _a, _b in journey_steps(evaluation)}
    if data.journey_step and data.journey_step not in steps:
        problems.append(Problem("goal_target_invalid", field="journey_step"))
    if data.competency_id is None and not data.journey_step:
        problems.append(Problem("goal_target_required", field="competency_id"))
    if problems:
        raise EvaluationError(problems[0].code, *problems)
    before = {name: getattr(goal, name) for name in GOAL_FIELDS}
    goal.competency = competency
    goal.competency_id = competency.id if competency else None
    goal.journey_step = data.journey_step
    goal.goal = data.goal.strip()
    goal.actions = data.actions.strip()
    goal.due_on = data.due_on
    return before
