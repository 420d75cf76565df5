"""One way to sort a list from its query string: ``?sort=name`` ascending, ``?sort=-name``
descending.

A list declares the keys it may be sorted by (``SortKeys``), each naming the SQL
expressions it orders by. The URL only chooses among those keys, so nothing from it
reaches SQL, and an unknown or malformed key falls back to the list's default: links
outlive the columns they sorted. Every order ends with a tiebreaker (the id), so no row
appears on two pages or on none, and puts empty values last in both directions on every
database (SQLite and PostgreSQL disagree on where NULL goes otherwise).

The table header links come from ``data_table`` in ``templates/_page.html``: a column
dict with ``"sort": "name"`` (or ``"-name"`` for a column read newest or largest first)
becomes a link that keeps the page's other query parameters, and the sorted column
carries ``aria-sort``.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, asc, desc, func

SORT_ARG = "sort"


@dataclass(frozen=True)
class Sort:
    """The order a list is shown in: one of its keys and a direction."""

    key: str
    descending: bool = False

    @classmethod
    def parse(cls, value: str) -> "Sort":
        """``"-fit"`` → fit, descending. Does not check the key against any list."""
        return cls(value.removeprefix("-"), value.startswith("-"))

    @property
    def param(self) -> str:
        """The value of ``?sort=`` that asks for this order."""
        return f"-{self.key}" if self.descending else self.key


class SortKeys:
    """The keys one list may be sorted by.

    ``SortKeys("-applied", Application.id, applied=Application.created_at, name=(…, …))``:
    the default order (a parameter as in the URL), the tiebreaker, then each key with the
    expression, or tuple of expressions, it orders by.
    """

    def __init__(self, default: str, tiebreaker: ColumnElement, /,
                 **keys: ColumnElement | tuple[ColumnElement, ...]) -> None:
        self.keys = {key: value if isinstance(value, tuple) else (value,)
                     for key, value in keys.items()}
        self.default = Sort.parse(default)
        self.tiebreaker = tiebreaker
        if self.default.key not in self.keys:
            raise ValueError(f"the default sort {default!r} is not one of the keys")

    def read(self, args: Mapping[str, str]) -> Sort:
        """The order the query string asks for, or the default when it asks for none
        or for a key this list does not have."""
        sort = Sort.parse(str(args.get(SORT_ARG) or ""))
        return sort if sort.key in self.keys else self.default

    def apply(self, query: Select, sort: Sort) -> Select:
        """``query`` ordered by ``sort`` (its own order replaced)."""
        if sort.key not in self.keys:
            sort = self.default
        direction = desc if sort.descending else asc
        terms = [direction(expression).nulls_last() for expression in self.keys[sort.key]]
        return query.order_by(None).order_by(*terms, direction(self.tiebreaker))


def localized_column(model: type, field: str, language: str) -> ColumnElement:
    """The SQL twin of ``i18n.localized``: ``<field>_<language>``, or the other
    language's text when it is empty — so a list sorts by the name it shows."""
    other = "ja" if language == "en" else "en"
    return func.coalesce(func.nullif(getattr(model, f"{field}_{language}"), ""),
                         getattr(model, f"{field}_{other}"))
