"""Route × role cases for this hiring area (see tests/access_cases.py)."""

from types import SimpleNamespace

from tests.access_cases import Case


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""


CASES: list[Case] = []
