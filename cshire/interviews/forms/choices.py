"""Choice lists and coercions shared by the hiring forms."""

from collections.abc import Iterable

from cshire.competencies.models import Competency
from cshire.i18n import LANGUAGE_NAMES, localized


def optional_int(value: object) -> int | None:
    """``coerce`` for selects whose first option ("choose…") is empty."""
    if value in (None, ""):
        return None
    return int(value)  # type: ignore[arg-type]


def competency_choices(competencies: Iterable[Competency], prompt: str) -> list[tuple[str, str]]:
    return [("", prompt)] + [
        (str(c.id), f"{localized(c, 'name')} ({c.code})") for c in competencies
    ]


def language_choices() -> list[tuple[str, str]]:
    return [(code, name) for code, name in LANGUAGE_NAMES.items()]


def _int_or_none(value):
    return int(value) if value not in (None, "", "None") else None
