"""The quiz rules from plain values: checking a question's choices, the shuffled
snapshot and the grading rule (per question all-or-nothing; score = % right)."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cshire.training.rules.quizzes import (
    ChoiceDraft,
    attempts_left,
    grade,
    question_problems,
    shuffled,
)


def _question(qid: int, right: tuple[int, ...], choices: int = 3) -> dict:
    return {"id": qid, "multiple": len(right) > 1, "prompt_en": f"Q{qid}", "prompt_ja": "",
            "choices": [{"id": qid * 10 + c, "correct": c in right} for c in range(1, choices + 1)]}


def test_a_question_counts_only_when_exactly_the_right_choices_are_ticked():
    questions = [_question(1, (1,)), _question(2, (1, 2)), _question(3, (3,))]
    answers = {"1": [11], "2": [21], "3": [33, 31]}  # 2: one right missing; 3: one wrong extra
    result = grade(questions, answers, pass_mark=50)
    assert result.right == {1}
    assert result.score == pytest.approx(100 / 3)
    assert not result.passed


def test_the_worked_example_two_of_three_passes_66_and_fails_67():
    # The rule's example in rules/quizzes.py: 2 of 3 right = 66.67 %.
    questions = [_question(1, (1,)), _question(2, (2,)), _question(3, (3,))]
    answers = {"1": [11], "2": [22], "3": [31]}
    assert grade(questions, answers, 66).passed
    assert not grade(questions, answers, 67).passed
    assert grade(questions, answers, 67).score == pytest.approx(66.667, abs=0.001)


def test_a_blank_answer_is_wrong_and_a_full_pass_mark_needs_every_question():
    questions = [_question(1, (1,)), _question(2, (2,))]
    assert grade(questions, {"1": [11]}, 100).score == 50
    assert grade(questions, {"1": [11], "2": [22]}, 100).passed


@given(st.lists(st.booleans(), min_size=1, max_size=30), st.integers(0, 100))
def test_score_is_the_share_of_questions_right_and_passes_at_the_mark(rights, mark):
    questions = [_question(i, (1,)) for i in range(1, len(rights) + 1)]
    answers = {str(i): [i * 10 + (1 if ok else 2)] for i, ok in enumerate(rights, start=1)}
    result = grade(questions, answers, mark)
    assert result.score == pytest.approx(100 * sum(rights) / len(rights))
    assert result.passed == (result.score >= mark)


def test_choice_checks_name_each_mistake():
    two = [ChoiceDraft("a", "", True), ChoiceDraft("b", "", False)]
    assert question_problems(False, two) == []
    assert question_problems(False, [ChoiceDraft("a", "", True)]) == ["choice_count"]
    assert question_problems(False, [ChoiceDraft("a", "", True), ChoiceDraft("", "び", True)]) \
        == ["single_needs_one_right"]
    assert question_problems(True, [ChoiceDraft("a", "", False), ChoiceDraft("b", "", False)]) \
        == ["multiple_needs_right"]
    assert "correct_without_text" in question_problems(False, [*two, ChoiceDraft("", "", True)])
    seven = [ChoiceDraft(str(n), "", n == 1) for n in range(7)]
    assert question_problems(False, seven) == ["choice_count"]
    blank_rows = [*two, ChoiceDraft(" ", "", False), ChoiceDraft("", "", False)]
    assert question_problems(False, blank_rows) == []


def test_shuffling_keeps_every_question_and_choice_and_follows_the_seed():
    questions = [_question(q, (1,), choices=4) for q in range(1, 9)]
    first = shuffled(questions, random.Random(7))
    assert sorted(q["id"] for q in first) == list(range(1, 9))
    assert all(sorted(c["id"] for c in q["choices"]) == [q["id"] * 10 + c for c in range(1, 5)]
               for q in first)
    assert first == shuffled(questions, random.Random(7))
    assert [q["id"] for q in first] != [q["id"] for q in questions] or \
        first != shuffled(questions, random.Random(8))
    assert [q["id"] for q in questions] == list(range(1, 9))  # the input is untouched


def test_attempts_left():
    assert attempts_left(None, 5) is None
    assert attempts_left(3, 1) == 2
    assert attempts_left(3, 4) == 0
