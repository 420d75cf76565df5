"""Builders for evaluation-cycle test data. Each flushes, none commits."""

from dataclasses import dataclass
from datetime import date
from itertools import count

from cshire.auth.models import Role, Team, User
from cshire.competencies.models import Competency
from cshire.evaluations.models.cycles import (
    Evaluation,
    EvaluationCycle,
    EvaluationRating,
    EvaluationStatus,
    Rater,
)
from cshire.extensions import db
from tests import factories
from tests.training.factories import journey

_sequence = count(1)


@dataclass
class Team1:
    """A team: its manager, two CSMs, and the competencies they are rated on."""

    team: Team
    manager: User
    csm: User
    peer: User
    competencies: list[Competency]


def team_with_csms(competencies: list[Competency] | None = None) -> Team1:
    manager = factories.user(Role.MANAGER)
    team = factories.team(manager=manager)
    csm = factories.user(Role.CSM, team=team)
    peer = factories.user(Role.CSM, team=team)
    return Team1(team, manager, csm, peer,
                 competencies if competencies is not None
                 else [factories.competency(), factories.competency()])


def cycle(creator: User | None = None, members: list[User] = (), *, period: str = "2026-Q3",
          with_journey: bool = True, self_due_on: date | None = None,
          manager_due_on: date | None = None) -> EvaluationCycle:
    created = EvaluationCycle(
        name=f"Cycle {next(_sequence)}", period=period,
        journey=journey() if with_journey else None, self_due_on=self_due_on,
        manager_due_on=manager_due_on, created_by_id=creator.id if creator else None)
    for member in members:
        created.evaluations.append(Evaluation(csm=member, manager=member.team.manager))
    db.session.add(created)
    db.session.flush()
    return created


def rate(evaluation: Evaluation, rater: Rater, levels: dict[Competency, int],
         evidence: str = "Seen on a customer call.") -> None:
    for competency, level in levels.items():
        evaluation.ratings.append(EvaluationRating(
            competency_id=competency.id, rater=rater.value, level=level, evidence=evidence))
    db.session.flush()


def at_status(evaluation: Evaluation, status: EvaluationStatus) -> Evaluation:
    evaluation.status = status.value
    db.session.flush()
    return evaluation
