"""Route × role cases for evaluations' cycles pages (see tests/access_cases.py)."""

from types import SimpleNamespace

from tests.access_cases import Case  # noqa: F401 - used as the area's routes are added


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""


CASES: list = []
