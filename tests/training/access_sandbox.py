"""Route × role cases for training's sandbox pages (see tests/access_cases.py).

The world's enrolment belongs to a new hire who is not the matrix's signed-in user, with
a mentor who is not them either, and no manager manages it: only an admin reads the
exercise and its evidence, and nobody but the new hire writes (their positive cases
are in test_sandbox_views.py and test_sandbox_evidence.py). The friction report is for
managers and admins.
"""

from types import SimpleNamespace

from tests.access_cases import ADMINS, MANAGERS, Case
from tests.training import sandbox_factories as sb

NOBODY: frozenset[str] = frozenset()


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""
    world.sandbox = sb.exercise()
    world.sandbox_file = sb.stored(owner=world.sandbox.enrolment.user)
    sb.record(world.sandbox.enrolment, world.sandbox.module, world.sandbox.milestones[0],
              file=world.sandbox_file)


def _exercise(world: SimpleNamespace) -> dict:
    return {"enrolment_id": world.sandbox.enrolment.id, "module_id": world.sandbox.module.id}


def _milestone(world: SimpleNamespace) -> dict:
    return {**_exercise(world), "milestone_id": world.sandbox.milestones[0].id}


def _evidence(world: SimpleNamespace) -> dict:
    return {"enrolment_id": world.sandbox.enrolment.id, "file_id": world.sandbox_file.id}


CASES = [
    Case("training.sandbox", ADMINS, url_args=_exercise),
    Case("training.sandbox_record", NOBODY, method="POST", url_args=_milestone),
    Case("training.sandbox_reflection", NOBODY, method="POST", url_args=_exercise),
    Case("training.sandbox_hand_in", NOBODY, method="POST", url_args=_exercise),
    Case("training.evidence", ADMINS, url_args=_evidence),
    Case("training.friction", MANAGERS),
    Case("training.friction_csv", MANAGERS),
]
