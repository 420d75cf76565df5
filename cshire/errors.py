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
from datetime import datetime
from typing import Any, ClassVar, Self

from flask_babel import format_datetime, get_translations
from flask_babel import gettext as _
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

    @classmethod
    def on_field(cls, form_field: str, code: str, /, **params: object) -> Self:
        """A refusal that belongs to one form field: the submit helper shows it there."""
        return cls(code, Problem(code, params, field=form_field), **params)

    def message(self) -> str:
        """The error's own text in the current language."""
        return self.text_for(self.code, self.params)

    def problem_messages(self) -> list[str]:
        """The text of every problem, in order (line numbers are the caller's to show)."""
        return [self.text_for(p.code, p.params) for p in self.problems]

    @classmethod
    def text_for(cls, code: str, params: Mapping[str, object]) -> str:
        entry = cls.messages.get(code) or _shared_message(code) or FALLBACK
        text = entry.text(params) if isinstance(entry, PluralText) else str(entry)
        try:
            return text % {"code": code, **params}  # a "code" parameter wins
        except (KeyError, TypeError, ValueError):
            # A missing parameter must not turn a refusal into a server error.
            return text


@dataclass(frozen=True)
class PluralText:
    """A message whose wording follows a count ("1 problem" / "3 problems"); the count
    is the error's parameter named ``count_param``. Made by ``plural_l``."""

    singular: str
    plural: str
    count_param: str = "count"

    def text(self, params: Mapping[str, object]) -> str:
        count = params.get(self.count_param, 0)
        number = count if isinstance(count, int) else 0
        return get_translations().ngettext(self.singular, self.plural, number)


def plural_l(singular: str, plural: str, count_param: str = "count") -> PluralText:
    """A plural message in an error table (extracted like ``ngettext``; see
    tools/catalogs.py)."""
    return PluralText(singular, plural, count_param)


def _shared_message(code: str) -> Any:
    return SHARED_MESSAGES.get(code)


class EditConflict(DomainError):
    """Someone else saved the record after this form was loaded, or while this request
    ran. ``who`` and ``when`` name that save when the audit trail knows them;
    ``current_version`` is the version now stored: the submit helper puts it into the
    re-rendered form, so saving the kept input again replaces the other save knowingly.
    Raised by ``cshire.audit.ensure_current``; the submit helper turns SQLAlchemy's
    ``StaleDataError`` (a save that raced this one) into it too."""

    def __init__(self, *, who: str | None = None, when: datetime | None = None,
                 current_version: int | None = None) -> None:
        super().__init__("edit_conflict")
        self.who, self.when, self.current_version = who, when, current_version

    def message(self) -> str:
        text = super().message()
        if self.when is None:
            return text
        code = "edit_conflict_by" if self.who else "edit_conflict_at"
        last = self.text_for(code, {"who": self.who, "when": format_datetime(self.when, "short")})
        # Sentences are joined with a space in English, without one in Japanese.
        return _("%(message)s %(detail)s", message=text, detail=last)


# Codes any package may raise (the kernel's edit-conflict check, the CSV reader …).
SHARED_MESSAGES: dict[str, Any] = {
    "edit_conflict": _l(
        "Someone else saved this while you were editing, so your changes were not saved. "
        "Your input is still here: compare it with the saved version, then save again."
    ),
    "edit_conflict_by": _l("Last saved by %(who)s at %(when)s."),
    "edit_conflict_at": _l("Last saved at %(when)s."),
    "saved_concurrently": _l(
        "Someone else saved a change at the same moment, so yours was not saved. "
        "Your input is still here: check it and save again."
    ),
}
