from types import SimpleNamespace

from tests import factories
from tests.access_cases import MANAGERS, SIGNED_IN, Case


def build_world(world: SimpleNamespace) -> None:
    world.competency = factories.competency()


def _competency(world: SimpleNamespace) -> dict:
    return {"competency_id": world.competency.id}


CASES = [
    Case("competencies.index", SIGNED_IN),
    Case("competencies.detail", SIGNED_IN, url_args=_competency),
    Case("competencies.catalogue_pdf", SIGNED_IN),
    Case("competencies.new", MANAGERS),
    Case("competencies.edit", MANAGERS, url_args=_competency),
    Case("competencies.archive", MANAGERS, url_args=_competency),
    Case("competencies.restore", MANAGERS, method="POST", url_args=_competency),
    Case("competencies.import_starter_set", MANAGERS),
]
