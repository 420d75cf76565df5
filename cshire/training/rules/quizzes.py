"""Quizzes from plain values: checking a question's choices, the shuffled snapshot an
attempt is taken on, and grading.

**The grading rule.** Each question is all-or-nothing: it counts as right only when the
set of choices ticked is exactly the set of right choices (for a multiple-choice
question every right choice and no wrong one; a question left blank is wrong). The
score is the percentage of questions right, ``100 × right / questions``, kept
unrounded; the attempt passes when ``score ≥ pass_mark`` (the mark in force when the
attempt started). A quiz of 3 questions with 2 right scores 66.67 %: it passes a mark
of 66 and fails a mark of 67.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MIN_CHOICES = 2
MAX_CHOICES = 6


@dataclass(frozen=True)
class ChoiceDraft:
    """A choice as a manager typed it: it counts when it has text in either language."""

    text_en: str
    text_ja: str
    correct: bool

    @property
    def filled(self) -> bool:
        return bool(self.text_en.strip() or self.text_ja.strip())


def question_problems(multiple: bool, choices: Sequence[ChoiceDraft]) -> list[str]:
    """The codes of what is wrong with a question's choices (empty: it is fine).
    Rows left blank are ignored; a tick on a blank row is a mistake worth saying."""
    problems = []
    filled = [c for c in choices if c.filled]
    if not MIN_CHOICES <= len(filled) <= MAX_CHOICES:
        problems.append("choice_count")
    if any(c.correct and not c.filled for c in choices):
        problems.append("correct_without_text")
    right = sum(c.correct for c in filled)
    if multiple and right < 1:
        problems.append("multiple_needs_right")
    if not multiple and right != 1:
        problems.append("single_needs_one_right")
    return problems


def shuffled(questions: Sequence[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """The snapshot of an attempt: the questions, and each question's choices, in an
    order of their own (a copy; ``questions`` is not changed)."""
    result = []
    for question in rng.sample(list(questions), len(questions)):
        choices = list(question["choices"])
        result.append({**question, "choices": rng.sample(choices, len(choices))})
    return result


@dataclass(frozen=True)
class Grade:
    score: float  # percent, 0–100
    passed: bool
    right: frozenset[int]  # ids of the questions answered right


def right_choice_ids(question: Mapping[str, Any]) -> frozenset[int]:
    return frozenset(c["id"] for c in question["choices"] if c["correct"])


def grade(questions: Sequence[Mapping[str, Any]], answers: Mapping[str, Sequence[int]],
          pass_mark: int) -> Grade:
    """Grade ``answers`` (question id as text → the choice ids ticked) against the
    snapshot ``questions`` (see the module docstring for the rule)."""
    right = frozenset(
        q["id"] for q in questions
        if frozenset(answers.get(str(q["id"]), ())) == right_choice_ids(q)
    )
    score = 100 * len(right) / len(questions) if questions else 0.0
    return Grade(score=score, passed=score >= pass_mark, right=right)


def attempts_left(max_attempts: int | None, used: int) -> int | None:
    """How many attempts remain (None: no limit)."""
    return None if max_attempts is None else max(max_attempts - used, 0)
