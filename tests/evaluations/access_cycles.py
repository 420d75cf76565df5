"""Route × role cases for evaluations' cycles pages (see tests/access_cases.py).

The world's cycle is run by a team manager who is not the signed-in user of the
matrix, and its evaluation is of a CSM who is not either: a manager or CSM reaching an
object-level URL is refused, only an admin gets through (and not into the CSM's own
part). Positive cases for the CSM, their manager, and the object-level refusals (a peer,
another team's manager, another CSM) are in ``test_evaluations_access.py``.
"""

from types import SimpleNamespace

from cshire.evaluations.models.cycles import DevelopmentGoal
from cshire.extensions import db
from tests.access_cases import ADMINS, MANAGERS, SIGNED_IN, Case
from tests.evaluations import factories_cycles as make

NOBODY: frozenset[str] = frozenset()


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""
    team = make.team_with_csms()
    world.cycle = make.cycle(team.manager, [team.csm, team.peer])
    world.evaluation = world.cycle.evaluations[0]
    world.removable = world.cycle.evaluations[1]
    world.goal = DevelopmentGoal(position=1, goal="Lead a renewal",
                                 competency_id=team.competencies[0].id)
    world.evaluation.goals.append(world.goal)
    db.session.flush()


def _cycle(world: SimpleNamespace) -> dict:
    return {"cycle_id": world.cycle.id}


def _evaluation(world: SimpleNamespace) -> dict:
    return {"evaluation_id": world.evaluation.id}


def _goal(world: SimpleNamespace) -> dict:
    return {"goal_id": world.goal.id}


CASES = [
    Case("evaluations.cycles", SIGNED_IN),
    Case("evaluations.cycle_new", MANAGERS),
    Case("evaluations.cycle_detail", ADMINS, url_args=_cycle),
    Case("evaluations.cycle_participants", ADMINS, method="POST", url_args=_cycle),
    Case("evaluations.cycle_participant_remove", ADMINS,
         url_args=lambda world: {"evaluation_id": world.removable.id}),
    Case("evaluations.cycle_close", ADMINS, url_args=_cycle),
    Case("evaluations.calibration", ADMINS, url_args=_cycle),
    Case("evaluations.evaluation_detail", ADMINS, url_args=_evaluation),
    # Only the evaluated CSM writes the self part; the matrix user is never them.
    Case("evaluations.evaluation_self", NOBODY, method="POST", url_args=_evaluation),
    Case("evaluations.evaluation_manager", ADMINS, method="POST", url_args=_evaluation),
    Case("evaluations.evaluation_step", ADMINS,
         url_args=lambda world: {"evaluation_id": world.evaluation.id, "action": "share"}),
    Case("evaluations.evaluation_reopen", ADMINS,
         url_args=lambda world: {"evaluation_id": world.evaluation.id, "part": "manager"}),
    Case("evaluations.goal_new", ADMINS, method="POST", url_args=_evaluation),
    Case("evaluations.goal_edit", ADMINS, url_args=_goal),
    Case("evaluations.goal_remove", ADMINS, url_args=_goal),
]
