"""Route × role cases for training's journey pages (see tests/access_cases.py).

Everyone signed in reads the journey (and downloads it as JSON); managers and admins
shape it. A journey belongs to the whole team, so there is no object-level rule beyond
"it exists" (tests/training/test_journey_views.py checks the 404s).
"""

from types import SimpleNamespace

from tests.access_cases import MANAGERS, SIGNED_IN, Case
from tests.training import factories as make


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""
    world.success_journey = make.journey(code="access-journey")


def _journey(world: SimpleNamespace) -> dict:
    return {"journey_id": world.success_journey.id}


def _stage(world: SimpleNamespace, **more) -> dict:
    return {"stage_id": world.success_journey.stages[1].id, **more}


def _milestone(world: SimpleNamespace, **more) -> dict:
    return {"milestone_id": world.success_journey.stages[1].milestones[1].id, **more}


CASES = [
    Case("training.journeys", SIGNED_IN),
    Case("training.journey_detail", SIGNED_IN, url_args=_journey),
    Case("training.journey_export", SIGNED_IN, url_args=_journey),
    Case("training.journey_new", MANAGERS),
    Case("training.journey_edit", MANAGERS, url_args=_journey),
    Case("training.journey_import", MANAGERS),
    Case("training.journey_import_confirm", MANAGERS, method="POST"),
    Case("training.stage_new", MANAGERS, url_args=_journey),
    Case("training.stage_edit", MANAGERS, url_args=_stage),
    Case("training.stage_move", MANAGERS, method="POST",
         url_args=lambda world: _stage(world, direction="up")),
    Case("training.stage_delete", MANAGERS, url_args=_stage),
    Case("training.milestone_new", MANAGERS, url_args=_stage),
    Case("training.milestone_edit", MANAGERS, url_args=_milestone),
    Case("training.milestone_move", MANAGERS, method="POST",
         url_args=lambda world: _milestone(world, direction="up")),
    Case("training.milestone_delete", MANAGERS, url_args=_milestone),
]
