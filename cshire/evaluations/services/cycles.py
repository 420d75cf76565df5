"""Evaluation cycles: create one for a period and a journey, pick its participants,
follow their evaluations, close it.

Who may do what (views check these with ``ensure_allowed``):

- a cycle is *run* by its creator and by admins: they add and remove participants and
  close it;
- a manager *sees* a cycle they run or in which they evaluate someone; the list shows
  a CSM the cycles they take part in, with their own evaluation only;
- each participant is evaluated by the manager of their team at the time they are
  added (``Evaluation.manager_id``); a manager adds only CSMs of teams they manage.

A participant is removed only while their evaluation is a draft that was never
submitted: a submitted review is work nobody may lose silently. A closed cycle changes
no more (neither its participants nor its evaluations).

Services never commit: the view or CLI command owns the transaction.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import selectinload

from cshire.audit import Change, ensure_current, record_changes, record_created
from cshire.auth.models import Role, Team, User
from cshire.auth.services import members_with_role_query
from cshire.database import utcnow
from cshire.errors import Problem
from cshire.evaluations.messages import EvaluationError
from cshire.evaluations.models.cycles import Evaluation, EvaluationCycle, EvaluationStatus
from cshire.evaluations.rules.periods import parse_period
from cshire.extensions import db
from cshire.training.models.journey import Journey

# --------------------------------------------------------------------- access


def is_admin(user: User) -> bool:
    return user.has_role(Role.ADMIN)


def can_run_cycle(user: User, cycle: EvaluationCycle) -> bool:
    return is_admin(user) or (user.has_role(Role.MANAGER) and cycle.created_by_id == user.id)


def can_see_cycle(user: User, cycle: EvaluationCycle) -> bool:
    """Its runners, and the managers who evaluate someone in it."""
    return can_run_cycle(user, cycle) or (user.has_role(Role.MANAGER) and db.session.scalar(
        select(exists().where(Evaluation.cycle_id == cycle.id,
                              Evaluation.manager_id == user.id))))


def cycles_query(user: User) -> Select:
    """The cycles ``user`` sees in the list, newest first."""
    query = select(EvaluationCycle).options(selectinload(EvaluationCycle.journey))
    if not is_admin(user):
        mine = [Evaluation.csm_id == user.id]
        if user.has_role(Role.MANAGER):
            mine += [Evaluation.manager_id == user.id]
        takes_part = exists().where(Evaluation.cycle_id == EvaluationCycle.id, or_(*mine))
        query = query.where(or_(EvaluationCycle.created_by_id == user.id, takes_part)
                            if user.has_role(Role.MANAGER) else takes_part)
    return query.order_by(EvaluationCycle.created_at.desc(), EvaluationCycle.id.desc())


def own_evaluations(user: User, cycle_ids: Sequence[int]) -> dict[int, Evaluation]:
    """The user's own evaluation in each of these cycles (cycle id → evaluation)."""
    if not cycle_ids:
        return {}
    rows = db.session.scalars(select(Evaluation).where(
        Evaluation.cycle_id.in_(list(cycle_ids)), Evaluation.csm_id == user.id))
    return {evaluation.cycle_id: evaluation for evaluation in rows}


def participant_counts(cycle_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """Cycle id → status → how many evaluations (one grouped query)."""
    counts: dict[int, dict[str, int]] = {}
    if cycle_ids:
        rows = db.session.execute(
            select(Evaluation.cycle_id, Evaluation.status, func.count(Evaluation.id))
            .where(Evaluation.cycle_id.in_(list(cycle_ids)))
            .group_by(Evaluation.cycle_id, Evaluation.status))
        for cycle_id, status, count in rows:
            counts.setdefault(cycle_id, {})[status] = count
    return counts


# ------------------------------------------------------------------ choices


def eligible_participants(actor: User) -> list[User]:
    """Active CSMs the actor may add: of the teams they manage (an admin: of every team
    with a manager), by name, with their team."""
    teams = select(Team.id).where(Team.manager_id.is_not(None))
    if not is_admin(actor):
        teams = teams.where(Team.manager_id == actor.id)
    return list(db.session.scalars(
        members_with_role_query(Role.CSM).where(User.team_id.in_(teams))
        .options(selectinload(User.team).selectinload(Team.manager))))


def journeys() -> list[Journey]:
    return list(db.session.scalars(select(Journey).order_by(Journey.code)))


# ------------------------------------------------------------------- writes


@dataclass(frozen=True)
class CycleInput:
    name: str
    period: str
    journey_id: int | None
    self_due_on: date | None
    manager_due_on: date | None
    participant_ids: list[int] = field(default_factory=list)


def create_cycle(data: CycleInput, *, actor: User) -> EvaluationCycle:
    """A new cycle with one draft evaluation per participant."""
    name = data.name.strip()
    problems = []
    if not name:
        problems.append(Problem("cycle_name_required", field="name"))
    elif db.session.scalar(select(EvaluationCycle.id).where(EvaluationCycle.name == name)):
        problems.append(Problem("cycle_name_taken", field="name"))
    try:
        period = parse_period(data.period).label
    except ValueError:
        problems.append(Problem("bad_period", field="period"))
    journey = db.session.get(Journey, data.journey_id or 0)
    if journey is None:
        problems.append(Problem("cycle_journey_invalid", field="journey_id"))
    if data.self_due_on and data.manager_due_on and data.manager_due_on < data.self_due_on:
        problems.append(Problem("due_order", field="manager_due_on"))
    if not data.participant_ids:
        problems.append(Problem("participants_required", field="participant_ids"))
    if problems:
        raise EvaluationError(problems[0].code, *problems)
    cycle = EvaluationCycle(name=name, period=period, journey=journey,
                            self_due_on=data.self_due_on, manager_due_on=data.manager_due_on,
                            created_by_id=actor.id)
    db.session.add(cycle)
    _add(cycle, data.participant_ids, actor)
    record_created(cycle, actor)
    db.session.flush()
    return cycle


def add_participants(cycle: EvaluationCycle, user_ids: list[int], *, actor: User,
                     version: int | None) -> list[Evaluation]:
    _check_runnable(cycle, actor)
    ensure_current(cycle, version)
    if not user_ids:
        raise EvaluationError.on_field("participant_ids", "participants_required")
    taken = {e.csm_id for e in cycle.evaluations}
    added = _add(cycle, [i for i in user_ids if i not in taken], actor)
    cycle.updated_at = utcnow()  # the participants changed: the next form must reload
    db.session.flush()
    return added


def _add(cycle: EvaluationCycle, user_ids: list[int], actor: User) -> list[Evaluation]:
    eligible = {user.id: user for user in eligible_participants(actor)}
    added = []
    for user_id in dict.fromkeys(user_ids):
        member = eligible.get(user_id)
        if member is None:
            other = db.session.get(User, user_id)
            name = other.display_name if other else str(user_id)
            raise EvaluationError.on_field("participant_ids", "participant_not_allowed",
                                           name=name)
        manager = member.team.manager if member.team else None
        if manager is None or manager.id == member.id:
            raise EvaluationError.on_field("participant_ids", "participant_no_manager",
                                           name=member.display_name)
        evaluation = Evaluation(csm=member, manager=manager)
        cycle.evaluations.append(evaluation)
        added.append(evaluation)
    db.session.flush()
    for evaluation in added:
        record_created(evaluation, actor)
        record_changes(cycle, {"participant": Change("", evaluation.csm.display_name)}, actor)
    return added


def remove_participant(evaluation: Evaluation, *, actor: User) -> EvaluationCycle:
    cycle = evaluation.cycle
    _check_runnable(cycle, actor)
    if evaluation.status != EvaluationStatus.DRAFT.value or evaluation.self_submitted_at \
            or evaluation.manager_submitted_at:
        raise EvaluationError("participant_started", name=evaluation.csm.display_name)
    record_changes(cycle, {"participant": Change(evaluation.csm.display_name, "")}, actor)
    db.session.delete(evaluation)
    cycle.updated_at = utcnow()
    db.session.flush()
    return cycle


def close_cycle(cycle: EvaluationCycle, *, actor: User, version: int | None) -> EvaluationCycle:
    _check_runnable(cycle, actor)
    ensure_current(cycle, version)
    before = {"closed_at": cycle.closed_at}
    cycle.closed_at = utcnow()
    record_changes(cycle, before, actor)
    db.session.flush()
    return cycle


def _check_runnable(cycle: EvaluationCycle, actor: User) -> None:
    if cycle.closed_at is not None:
        raise EvaluationError("cycle_closed")
    if not can_run_cycle(actor, cycle):
        raise EvaluationError("cycle_not_yours")


# -------------------------------------------------------------------- reads


def load_cycle(cycle_id: int) -> EvaluationCycle | None:
    return db.session.scalar(
        select(EvaluationCycle).where(EvaluationCycle.id == cycle_id)
        .options(selectinload(EvaluationCycle.journey)))


def cycle_evaluations(cycle: EvaluationCycle) -> list[Evaluation]:
    """The cycle's evaluations with their CSM and manager, by the CSM's name."""
    return list(db.session.scalars(
        select(Evaluation).join(User, User.id == Evaluation.csm_id)
        .where(Evaluation.cycle_id == cycle.id)
        .options(selectinload(Evaluation.csm), selectinload(Evaluation.manager))
        .order_by(User.display_name, Evaluation.id)))
