"""The calibration view's data: every manager rating of a cycle, grouped by manager and
competency (the rule that flags lenient and severe managers is
``rules/calibration.py``).

Draft manager ratings count too: calibration is done before the reviews are shared,
while the managers can still change them.
"""

from dataclasses import dataclass

from sqlalchemy import select

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.evaluations.models.cycles import Evaluation, EvaluationCycle, EvaluationRating, Rater
from cshire.evaluations.rules.calibration import ManagerCalibration, calibrate
from cshire.extensions import db


@dataclass
class Calibration:
    managers: list[tuple[User, ManagerCalibration]]  # by name
    competencies: list[Competency]  # those rated, by category and code


def cycle_calibration(cycle: EvaluationCycle) -> Calibration:
    rows = db.session.execute(
        select(Evaluation.manager_id, EvaluationRating.competency_id, EvaluationRating.level)
        .join(EvaluationRating, EvaluationRating.evaluation_id == Evaluation.id)
        .where(Evaluation.cycle_id == cycle.id, Evaluation.manager_id.is_not(None),
               EvaluationRating.rater == Rater.MANAGER.value,
               EvaluationRating.level.is_not(None))
        .order_by(Evaluation.manager_id, EvaluationRating.id)).all()
    results = calibrate([tuple(row) for row in rows])
    users = {u.id: u for u in db.session.scalars(
        select(User).where(User.id.in_([r.manager_id for r in results])))}
    competency_ids = {c for _m, c, _level in rows}
    competencies = list(db.session.scalars(
        select(Competency).where(Competency.id.in_(competency_ids))
        .order_by(Competency.category, Competency.code)))
    managers = sorted(((users[r.manager_id], r) for r in results),
                      key=lambda pair: (pair[0].display_name, pair[0].id))
    return Calibration(managers, competencies)
