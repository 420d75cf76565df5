"""Pure rules of the candidate comparison: noise tiers and the column sort.

**Tiers.** Two candidates' fits can be told apart only when they differ by more than
the noise: 1.96 × the standard error of their difference, √(SEM_a² + SEM_b²). Marking
each pair of neighbours that cannot be told apart marks nearly every row of a long
ranking and says nothing about who is ahead of whom. Tiers say it: walk down the
ranking by fit; the first candidate opens tier 1; each next candidate joins the
current tier while their fit is within the noise of the tier's *first* candidate,
and opens the next tier otherwise. Anchoring on the tier's first candidate (rather
than on the neighbour) keeps a long chain of small steps from making one tier of
everyone: within a tier, everyone is within the noise of its leader.

A candidate without a fit, or without a band (a kit's reliability not known yet), has
no tier: nothing can be said about their distance from anyone.

No Flask, no database: services pass (fit, SEM) pairs in and get tier numbers back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

Z95 = 1.96

T = TypeVar("T")


def within_noise(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Are two (fit, SEM) pairs closer than 1.96 × the SE of their difference?"""
    (fit_a, sem_a), (fit_b, sem_b) = a, b
    return abs(fit_a - fit_b) < Z95 * (sem_a ** 2 + sem_b ** 2) ** 0.5


def noise_tiers(ranked: Sequence[tuple[float | None, float | None]]) -> list[int | None]:
    """The tier of each (fit, SEM) pair, given in ranking order (fit descending):
    1 for the first tier, None for a candidate without a fit or an SEM."""
    tiers: list[int | None] = []
    leader: tuple[float, float] | None = None
    tier = 0
    for fit, sem in ranked:
        if fit is None or sem is None:
            tiers.append(None)
            continue
        if leader is None or not within_noise(leader, (fit, sem)):
            leader, tier = (fit, sem), tier + 1
        tiers.append(tier)
    return tiers


# -------------------------------------------------------------------- sorting


def parse_sort(value: str | None, allowed: Iterable[str], default: str) -> tuple[str, bool]:
    """``?sort=`` → (key, descending): ``"name"`` ascending, ``"-name"`` descending.
    A key not in ``allowed`` (an old link, a typo) gives ``default``."""
    allowed = set(allowed)
    value = value or ""
    key = value.removeprefix("-")
    if key not in allowed:
        value, key = default, default.removeprefix("-")
    return key, value.startswith("-")


def sort_by(items: Iterable[T], value_of: Callable[[T], object],
            descending: bool = False) -> list[T]:
    """``items`` ordered by ``value_of``, empty values (None) last in both directions.
    Stable: items with equal values keep their order (the ranking)."""
    items = list(items)
    present = [i for i in items if value_of(i) is not None]
    missing = [i for i in items if value_of(i) is None]
    return sorted(present, key=value_of, reverse=descending) + missing
