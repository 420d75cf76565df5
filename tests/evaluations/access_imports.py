"""Route × role cases for evaluations' imports pages (see tests/access_cases.py).

The CRM imports belong to the organisation, not to one person: managers and admins
reach every endpoint, nobody else (csm, new_hire, interviewer → 403)."""

from types import SimpleNamespace

from tests.access_cases import MANAGERS, Case


def build_world(world: SimpleNamespace) -> None:
    """The import pages need no object of their own."""


def _kind(world: SimpleNamespace) -> dict:
    return {"kind": "accounts"}


CASES = [
    Case("evaluations.imports", MANAGERS),
    Case("evaluations.import_template", MANAGERS, url_args=_kind),
    Case("evaluations.import_preview", MANAGERS, method="POST", url_args=_kind),
    Case("evaluations.import_confirm", MANAGERS, method="POST", url_args=_kind),
]
