"""The one domain-error model every package raises, and the messages it carries.

A service that refuses something raises a ``DomainError`` subclass with a *code* and
parameters — never translated text: services run from the CLI and in tests too, and the
words belong to the package's ``messages.py``. Each package subclasses ``DomainError``
once in its ``messages.py`` and points ``messages`` at its code → text table, so any
caller (view, CLI) can turn an error into the user's language with ``error.message()``.

Several problems can travel in one error (every bad row of a form or of a CSV file), so
the user fixes them all in one round trip.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

FALLBACK = _l("Something is not right (%(code)s).")


@dataclass(frozen=True)
class Problem:
    """One reason a submission is refused. ``line`` is 1-based (a CSV line or a row of
    a form), ``field`` the form field it belongs to; both None for the whole submission."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    line: int | None = None
    field: str | None = None


class DomainError(Exception):
    """A domain rule refused the request; nothing was changed by the service."""

    messages: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, code: str, /, *problems: Problem, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        self.problems = list(problems)

    def message(self) -> str:
        """The error's own text in the current language."""
        return self.text_for(self.code, self.params)

    def problem_messages(self) -> list[str]:
        """The text of every problem, in order (line numbers are the caller's to show)."""
        return [self.text_for(p.code, p.params) for p in self.problems]

    @classmethod
    def text_for(cls, code: str, params: Mapping[str, object]) -> str:
        text = str(cls.messages.get(code) or _shared_message(code) or FALLBACK)
        try:
            return text % dict(params, code=code)
        except (KeyError, TypeError, ValueError):
            # A missing parameter must not turn a refusal into a server error.
            return text


def _shared_message(code: str) -> Any:
    return SHARED_MESSAGES.get(code)


# Codes any package may raise (the kernel's edit-conflict check, the CSV reader …).
SHARED_MESSAGES: dict[str, Any] = {}
