"""Pure rules for building a structured-interview kit.

A kit asks *more questions about more important competencies* (DOMAIN.md, Hiring).
This module turns a profile's importance weights into question counts, picks the
questions from the bank and puts them in the default interview order. It knows no
Flask, SQLAlchemy or models: services pass plain values in and get plain values back,
which keeps the arithmetic easy to test and to explain.

Quotas are computed with :class:`fractions.Fraction`, not floats. Float sums depend on
the order of the terms, so the same profile listed in another order could otherwise
get a different kit; exact fractions make the result depend on the weights alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Real

SITUATIONAL = "situational"
BEHAVIOURAL = "behavioural"
QUESTION_TYPES = frozenset({SITUATIONAL, BEHAVIOURAL})


# --- apportionment --------------------------------------------------------------------


def allocate_questions(weights: Mapping[str, float], total: int) -> dict[str, int]:
    """Apportion ``total`` questions to competencies in proportion to their weights.

    Largest-remainder (Hamilton) method: each competency's exact quota is
    ``total * weight / sum(weights)``; everyone gets the whole part of their quota and
    the questions left over go to the largest fractional parts. Hamilton is used
    because a hiring manager can check it by hand and every count stays within one
    question of the exact quota.

    Every weighted competency must be asked about at least once when
    ``total >= len(weights)``. This is done *after* Hamilton: while a competency has no
    question, one is moved to it from the largest holder (among equal holders, the one
    with the lowest weight, then the highest code). The alternative — one question each
    first, Hamilton on the rest — is also monotone, but it moves every count towards
    the average even when no minimum is needed ({A: 8, B: 1, C: 1} with 20 questions
    gives 14/3/3 instead of the exact quotas 16/2/2). The fix-up leaves textbook
    Hamilton untouched whenever Hamilton already covers every competency, and only
    takes questions from the largest holders when it does not.

    With fewer questions than competencies (``total < len(weights)``) the same fix-up
    spreads them one each over the most important competencies; the rest get 0.

    Ties between equal remainders go to the higher weight, then to the code in
    ascending order, so the result is deterministic and monotone: a competency with a
    strictly higher weight never gets fewer questions. Hamilton is not monotone in
    ``total`` though: adding a question to the kit can take one from a competency (the
    "Alabama paradox"); kits are built for a fixed length, so that is accepted.

    Returns the codes in the order given. Raises ``ValueError`` for a weight that is
    not finite and > 0, for ``total < 0``, and for questions with no competencies;
    ``TypeError`` for a weight that is not a real number or a ``total`` that is not an int.
    """
    exact = _exact_weights(weights)
    total = _check_total(total, has_competencies=bool(exact))
    if total == 0:
        return dict.fromkeys(exact, 0)
    counts = _hamilton(exact, total)
    _cover_every_competency(counts, competencies_by_importance(exact))
    return {code: counts[code] for code in exact}


def competencies_by_importance(weights: Mapping[str, float]) -> list[str]:
    """Codes by weight descending, then code ascending: the kit's default order."""
    return sorted(weights, key=lambda code: (-weights[code], code))


def _exact_weights(weights: Mapping[str, float]) -> dict[str, Fraction]:
    exact = {}
    for code, weight in weights.items():
        if isinstance(weight, bool) or not isinstance(weight, Real):
            raise TypeError(f"weight of {code!r} must be a number, got {weight!r}")
        if not math.isfinite(weight) or weight <= 0:
            raise ValueError(f"weight of {code!r} must be finite and > 0, got {weight!r}")
        exact[code] = Fraction(weight)
    return exact


def _check_total(total: int, *, has_competencies: bool) -> int:
    _check_whole("total", total)
    if total < 0:
        raise ValueError(f"total must be >= 0, got {total}")
    if total > 0 and not has_competencies:
        raise ValueError(f"cannot allocate {total} questions to no competencies")
    return total


def _hamilton(weights: Mapping[str, Fraction], total: int) -> dict[str, int]:
    """Textbook largest-remainder apportionment with the module's tie rules."""
    weight_sum = sum(weights.values())
    quotas = {code: total * weight / weight_sum for code, weight in weights.items()}
    counts = {code: math.floor(quota) for code, quota in quotas.items()}
    left_over = total - sum(counts.values())
    by_remainder = sorted(
        weights, key=lambda code: (counts[code] - quotas[code], -weights[code], code)
    )
    for code in by_remainder[:left_over]:
        counts[code] += 1
    return counts


def _cover_every_competency(counts: dict[str, int], order: Sequence[str]) -> None:
    """Move questions from the largest holders to uncovered competencies, in place.

    ``order`` is by importance. Hamilton's counts never increase along it, and this
    keeps it so: the donor is the *last* of the largest holders and the recipient the
    *first* uncovered competency. That is what makes the result monotone in weight.
    """
    while True:
        uncovered = [code for code in order if counts[code] == 0]
        largest = max(counts[code] for code in order)
        if not uncovered or largest < 2:
            return
        donor = [code for code in order if counts[code] == largest][-1]
        counts[donor] -= 1
        counts[uncovered[0]] += 1


# --- kit length ------------------------------------------------------------------------


def questions_for_minutes(minutes: int, minutes_per_question: int) -> int:
    """How many whole questions fit in an interview slot (rounded down: never overrun)."""
    _check_positive("minutes", minutes)
    _check_positive("minutes_per_question", minutes_per_question)
    return minutes // minutes_per_question


def expected_minutes(question_count: int, minutes_per_question: int) -> int:
    """Planned length of a kit, shown to the interviewer and the candidate."""
    _check_whole("question_count", question_count)
    if question_count < 0:
        raise ValueError(f"question_count must be >= 0, got {question_count}")
    _check_positive("minutes_per_question", minutes_per_question)
    return question_count * minutes_per_question


def _check_whole(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number, got {value!r}")


def _check_positive(name: str, value: int) -> None:
    _check_whole(name, value)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")


# --- picking and ordering --------------------------------------------------------------


@dataclass(frozen=True)
class BankQuestion:
    """The facts about a question-bank row that picking needs.

    Callers pass only *active* questions; retired ones are filtered out before.
    """

    id: int
    competency_code: str
    question_type: str  # SITUATIONAL | BEHAVIOURAL
    times_used: int

    def __post_init__(self) -> None:
        if self.question_type not in QUESTION_TYPES:
            raise ValueError(f"unknown question type {self.question_type!r}")
        if self.times_used < 0:
            raise ValueError(f"times_used must be >= 0, got {self.times_used}")


def pick_questions(
    allocation: Mapping[str, int], bank: Iterable[BankQuestion]
) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Choose each competency's questions from the bank.

    Preference within a competency: situational questions first (they put the
    candidate into a real CS scene, which shows best how they would serve customers),
    then the least used (so questions do not leak through overuse), then the lowest
    id, which makes the choice independent of the order the bank is passed in.

    Returns ``(chosen, shortfall)``: ``chosen`` has every allocated competency in the
    allocation's order, with its question ids in preference order; ``shortfall`` lists
    only competencies whose bank has fewer questions than allocated, with how many are
    missing, so the hiring manager can write more. Bank rows of other competencies are
    ignored. Raises ``ValueError`` for a negative count or a question id seen twice.
    """
    candidates = _bank_by_competency(allocation, bank)
    chosen: dict[str, list[int]] = {}
    shortfall: dict[str, int] = {}
    for code, wanted in allocation.items():
        if wanted < 0:
            raise ValueError(f"allocation of {code!r} must be >= 0, got {wanted}")
        ranked = sorted(candidates[code], key=_preference)
        chosen[code] = [question.id for question in ranked[:wanted]]
        if len(ranked) < wanted:
            shortfall[code] = wanted - len(ranked)
    return chosen, shortfall


def _bank_by_competency(
    allocation: Mapping[str, int], bank: Iterable[BankQuestion]
) -> dict[str, list[BankQuestion]]:
    grouped: dict[str, list[BankQuestion]] = {code: [] for code in allocation}
    seen: set[int] = set()
    for question in bank:
        if question.id in seen:
            raise ValueError(f"question {question.id} appears twice in the bank")
        seen.add(question.id)
        if question.competency_code in grouped:
            grouped[question.competency_code].append(question)
    return grouped


def _preference(question: BankQuestion) -> tuple[bool, int, int]:
    return (question.question_type != SITUATIONAL, question.times_used, question.id)


def order_kit(chosen: Mapping[str, list[int]], competency_order: Sequence[str]) -> list[int]:
    """The default interview order: competency by competency, questions kept together.

    Every candidate gets the same questions in the same order, so this order is
    stored with the kit. Callers pass ``competency_order`` from
    :func:`competencies_by_importance` (weight descending, then code). A competency in
    ``chosen`` but missing from the order raises ``ValueError`` rather than silently
    dropping its questions; one in the order but not in ``chosen`` simply adds none.
    """
    ordered = set(competency_order)
    if len(ordered) != len(competency_order):
        raise ValueError("competency_order lists a competency twice")
    missing = [code for code in chosen if code not in ordered]
    if missing:
        raise ValueError(f"competencies missing from competency_order: {missing}")
    return [qid for code in competency_order for qid in chosen.get(code, [])]
