"""The home page's to-dos: one registry every package adds to.

A package lists its to-do *sources* in ``<package>/todos.py`` as ``TODOS``; each source
takes the signed-in user and returns the ``Todo`` items that concern them (none when the
user's roles do not call for it), each with a count and a link. A source issues a fixed
number of queries whatever the data (aggregates, not a query per row), so the home page
does too. ``cshire/home.py`` names the sources in the order of the package arrows.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

OVERDUE, DUE, UPCOMING = "overdue", "due", "upcoming"
URGENCY_ORDER = {OVERDUE: 0, DUE: 1, UPCOMING: 2}


@dataclass(frozen=True)
class Todo:
    """One line of the home page: "3 scorecards waiting for you" → a page that lists them."""

    text: str  # translated, with the count in it (ngettext)
    count: int
    url: str
    urgency: str = DUE
    area: str = ""  # a short label of where it comes from ("Hiring", "Admin")


TodoSource = Callable[[Any], list[Todo]]


def collect(user: Any, sources: Iterable[TodoSource]) -> list[Todo]:
    """The user's to-dos with something to do, overdue first, then due, then upcoming;
    within one urgency in the order of the sources."""
    todos = [todo for source in sources for todo in source(user) if todo.count]
    return sorted(todos, key=lambda todo: URGENCY_ORDER.get(todo.urgency, 9))
