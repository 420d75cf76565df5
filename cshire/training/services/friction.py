"""The friction report: where new hires, walking the customer journey in the sandbox,
got stuck — per milestone, across new hires, without names (it is the new customer's
voice, for the CS team and the product team).

Scope: the records of the enrolments the viewer may see (``visible_enrolments_query``):
an admin sees every new hire, a manager those of the teams they manage and those they
enrolled. The figures are aggregates, but a stuck note is free text and a small cohort
is easy to recognise, so a manager sees no further than they could person by person.

The page issues a fixed number of queries whatever the data: one aggregate per
milestone (GROUP BY), one for the minutes (medians need the values), one for the stuck
notes, one for the milestones' names; the arithmetic is in ``rules/friction.py``.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import joinedload

from cshire.auth.models import User
from cshire.extensions import db
from cshire.training.models.curriculum import Curriculum
from cshire.training.models.enrolments import Cohort, Enrolment
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from cshire.training.models.sandbox import MilestoneStatus, SandboxRecord
from cshire.training.rules.friction import (
    MilestoneCounts,
    MilestoneFriction,
    by_friction,
    friction,
)
from cshire.training.services.access import visible_enrolments_query

REACHED = (MilestoneStatus.DONE.value, MilestoneStatus.STUCK.value)


@dataclass(frozen=True)
class FrictionFilters:
    cohort_id: int | None = None
    curriculum_id: int | None = None
    journey_id: int | None = None
    date_from: date | None = None  # records made on or after this day (viewer's zone)
    date_to: date | None = None  # … and on or before this day

    @property
    def active(self) -> bool:
        return any(v is not None for v in vars(self).values())


@dataclass(frozen=True)
class FrictionRow:
    """One milestone's figures with its names, ready for the page and the CSV."""

    figures: MilestoneFriction
    milestone: Milestone


def _conditions(viewer: User, filters: FrictionFilters, zone: ZoneInfo) -> list:
    visible = visible_enrolments_query(viewer).with_only_columns(Enrolment.id)
    conditions = [SandboxRecord.enrolment_id.in_(visible)]
    if filters.cohort_id is not None or filters.curriculum_id is not None:
        enrolments = select(Enrolment.id)
        if filters.cohort_id is not None:
            enrolments = enrolments.where(Enrolment.cohort_id == filters.cohort_id)
        if filters.curriculum_id is not None:
            enrolments = enrolments.where(Enrolment.curriculum_id == filters.curriculum_id)
        conditions.append(SandboxRecord.enrolment_id.in_(enrolments))
    if filters.journey_id is not None:
        conditions.append(SandboxRecord.milestone_id.in_(
            select(Milestone.id).join(JourneyStage)
            .where(JourneyStage.journey_id == filters.journey_id)))
    if filters.date_from is not None:
        conditions.append(SandboxRecord.recorded_at >= _start_of(filters.date_from, zone))
    if filters.date_to is not None:
        conditions.append(
            SandboxRecord.recorded_at < _start_of(filters.date_to + timedelta(days=1), zone))
    return conditions


def _start_of(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def friction_report(viewer: User, filters: FrictionFilters, zone: ZoneInfo) -> list[FrictionRow]:
    """Per milestone with at least one record in scope, top friction first."""
    where = and_(*_conditions(viewer, filters, zone))
    reached = SandboxRecord.status.in_(REACHED)
    counted = db.session.execute(
        select(SandboxRecord.milestone_id, func.count(),
               func.sum(case((SandboxRecord.status == MilestoneStatus.DONE.value, 1), else_=0)),
               func.sum(case((SandboxRecord.status == MilestoneStatus.STUCK.value, 1), else_=0)),
               func.sum(case((reached, SandboxRecord.difficulty), else_=None)),
               func.count(case((reached, SandboxRecord.difficulty), else_=None)))
        .where(where).group_by(SandboxRecord.milestone_id)).all()
    if not counted:
        return []
    minutes = defaultdict(list)
    for milestone_id, value in db.session.execute(
            select(SandboxRecord.milestone_id, SandboxRecord.minutes_spent)
            .where(where, reached, SandboxRecord.minutes_spent.is_not(None))):
        minutes[milestone_id].append(value)
    notes = defaultdict(list)
    # In the order of their text, not of who wrote them or when.
    for milestone_id, note in db.session.execute(
            select(SandboxRecord.milestone_id, SandboxRecord.stuck_note)
            .where(where, SandboxRecord.status == MilestoneStatus.STUCK.value,
                   SandboxRecord.stuck_note != "")
            .order_by(SandboxRecord.stuck_note)):
        notes[milestone_id].append(note)
    milestones = {m.id: m for m in db.session.scalars(
        select(Milestone).options(joinedload(Milestone.stage).joinedload(JourneyStage.journey))
        .where(Milestone.id.in_([row[0] for row in counted])))}
    figures = [
        friction(MilestoneCounts(
            milestone_id=mid, journey_order=_order(milestones[mid]), recorded=n,
            done=int(done or 0), stuck=int(stuck or 0), difficulty_sum=int(dsum or 0),
            difficulty_n=int(dn or 0)), minutes[mid], notes[mid])
        for mid, n, done, stuck, dsum, dn in counted
    ]
    return [FrictionRow(f, milestones[f.milestone_id]) for f in by_friction(figures)]


def _order(milestone: Milestone) -> tuple[int, ...]:
    return (milestone.stage.journey_id, milestone.stage.position, milestone.position)


def filter_options() -> dict[str, list]:
    """The choices of the report's filters."""
    return {
        "cohorts": list(db.session.scalars(select(Cohort).order_by(Cohort.start_date.desc(),
                                                                   Cohort.name))),
        "curricula": list(db.session.scalars(
            select(Curriculum).order_by(Curriculum.archived_at.is_not(None), Curriculum.id))),
        "journeys": list(db.session.scalars(select(Journey).order_by(Journey.code))),
    }
