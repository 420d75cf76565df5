"""Quiz questions and attempts: the snapshot, grading, progress, the attempt limit,
and that changing a quiz never changes an old attempt's score or result."""

import random

import pytest

from cshire.audit import history
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import ModuleKind, QuizQuestion
from cshire.training.models.work import ProgressStatus
from cshire.training.services.curriculum import update_module
from cshire.training.services.progress import progress_by_module
from cshire.training.services.quizzes import (
    ChoiceInput,
    QuestionInput,
    add_question,
    archive_question,
    live_questions,
    shown_questions,
    start_attempt,
    submit_attempt,
    update_question,
)
from tests.training import factories as make
from tests.training.test_curriculum_services import _input


def _quiz(questions: int = 2, **settings):
    curriculum = make.curriculum()
    quiz = make.module(curriculum, ModuleKind.QUIZ, **settings)
    for _ in range(questions):
        make.question(quiz)
    return quiz, make.enrolment(curriculum)


def _answers(attempt, right: bool = True) -> dict[int, list[int]]:
    return {q["id"]: [next(c["id"] for c in q["choices"] if c["correct"] == right)]
            for q in attempt.questions}


def _status(enrolment, quiz) -> str:
    return progress_by_module(enrolment)[quiz.id].status


def test_an_attempt_snapshots_the_questions_in_an_order_of_its_own(app):
    quiz, enrolment = _quiz(questions=6)
    attempt = start_attempt(enrolment, quiz, rng=random.Random(3))
    ids = [q["id"] for q in attempt.questions]
    assert sorted(ids) == sorted(q.id for q in quiz.questions)
    assert ids != sorted(ids)  # this seed shuffles them
    assert all({"correct", "explanation_en"} <= set(q["choices"][0]) for q in attempt.questions)
    # Reloading (a second start) gives the same attempt, in the same order.
    assert start_attempt(enrolment, quiz) is attempt
    assert [q["id"] for q in attempt.questions] == ids


def test_the_page_view_of_an_open_attempt_reveals_nothing(app):
    quiz, enrolment = _quiz()
    attempt = start_attempt(enrolment, quiz)
    for question in shown_questions(attempt, reveal=False):
        assert question.right is None
        assert all(c.correct is None and not c.explanation_en for c in question.choices)


def test_a_passed_attempt_passes_the_module(app):
    quiz, enrolment = _quiz(pass_mark=100)
    attempt = submit_attempt(start_attempt(enrolment, quiz), _answers(
        start_attempt(enrolment, quiz)))
    assert (attempt.score, attempt.passed, attempt.pass_mark) == (100, True, 100)
    assert _status(enrolment, quiz) == ProgressStatus.PASSED
    with pytest.raises(TrainingError) as refused:
        start_attempt(enrolment, quiz)
    assert refused.value.code == "quiz_already_passed"


def test_every_question_must_be_answered_and_a_submitted_attempt_is_closed(app):
    quiz, enrolment = _quiz(questions=3)
    attempt = start_attempt(enrolment, quiz)
    first = attempt.questions[0]
    with pytest.raises(TrainingError) as refused:
        submit_attempt(attempt, {first["id"]: [first["choices"][0]["id"]]})
    assert (refused.value.code, refused.value.params["count"]) == ("quiz_unanswered", 2)
    # A choice of another question, or two choices of a single-choice one, do not count.
    foreign = {q["id"]: [attempt.questions[-1]["choices"][0]["id"] + 1000]
               for q in attempt.questions}
    with pytest.raises(TrainingError):
        submit_attempt(attempt, foreign)
    submit_attempt(attempt, _answers(attempt, right=False))
    assert attempt.score == 0 and not attempt.passed
    with pytest.raises(TrainingError) as refused:
        submit_attempt(attempt, _answers(attempt))
    assert refused.value.code == "attempt_closed"


def test_using_up_the_attempts_without_passing_fails_the_module(app):
    quiz, enrolment = _quiz(max_attempts=2)
    submit_attempt(attempt := start_attempt(enrolment, quiz), _answers(attempt, right=False))
    assert _status(enrolment, quiz) == ProgressStatus.IN_PROGRESS
    submit_attempt(attempt := start_attempt(enrolment, quiz), _answers(attempt, right=False))
    assert attempt.number == 2
    assert _status(enrolment, quiz) == ProgressStatus.FAILED
    with pytest.raises(TrainingError) as refused:
        start_attempt(enrolment, quiz)
    assert refused.value.code == "quiz_attempts_used"


def test_an_empty_quiz_or_a_locked_stage_cannot_be_started(app):
    quiz, enrolment = _quiz(questions=0)
    with pytest.raises(TrainingError) as refused:
        start_attempt(enrolment, quiz)
    assert refused.value.code == "quiz_empty"
    curriculum = enrolment.curriculum
    make.module(curriculum)  # a required lesson in stage 1 keeps stage 2 closed
    later = make.module(curriculum, ModuleKind.QUIZ, stage=2)
    make.question(later)
    with pytest.raises(TrainingError) as refused:
        start_attempt(enrolment, later)
    assert refused.value.code == "stage_locked"


def _question_input(multiple=False, right=(0,), texts=("Yes", "No", "Maybe")) -> QuestionInput:
    return QuestionInput(multiple=multiple, prompt_en="Which?", prompt_ja="どれ？", choices=[
        ChoiceInput(text, "", n in right, f"Why {text}", "") for n, text in enumerate(texts)])


def test_a_question_is_validated_with_every_problem_at_once(app):
    quiz, _enrolment = _quiz(questions=0)
    bad = QuestionInput(multiple=False, prompt_en="", prompt_ja="",
                        choices=[ChoiceInput("A", "", False)])
    with pytest.raises(TrainingError) as refused:
        add_question(quiz, bad, version=quiz.version, actor=None)
    assert [p.code for p in refused.value.problems] == [
        "prompt_required", "choice_count", "single_needs_one_right"]
    question = add_question(quiz, _question_input(multiple=True, right=(0, 1)),
                            version=quiz.version, actor=None)
    assert [c.correct for c in question.choices] == [True, True, False]
    assert "question_added" in {e.field for e in history(quiz)}


def test_question_edits_are_checked_against_the_quiz_version(app):
    quiz, _enrolment = _quiz(questions=1)
    loaded = quiz.version
    question = quiz.questions[0]
    update_question(question, _question_input(), version=loaded, actor=None)
    db.session.flush()
    with pytest.raises(EditConflict):
        archive_question(question, version=loaded, actor=None)


def test_a_question_nobody_was_asked_changes_in_place(app):
    quiz, _enrolment = _quiz(questions=1)
    question = quiz.questions[0]
    saved = update_question(question, _question_input(), version=quiz.version, actor=None)
    assert saved is question and question.prompt_en == "Which?"


def test_changing_a_quiz_keeps_old_attempts_scores_and_results(app):
    quiz, enrolment = _quiz(questions=2, pass_mark=50)
    attempt = start_attempt(enrolment, quiz)
    answers = _answers(attempt)
    first = attempt.questions[0]
    answers[first["id"]] = [next(c["id"] for c in first["choices"] if not c["correct"])]
    submit_attempt(attempt, answers)
    assert (attempt.score, attempt.passed) == (50, True)
    snapshot = [dict(q) for q in attempt.questions]

    # Edit the asked question: it is archived and replaced by a new one at its place.
    asked = db.session.get(QuizQuestion, first["id"])
    replacement = update_question(asked, _question_input(right=(2,)), version=quiz.version,
                                  actor=None)
    assert replacement.id != asked.id and asked.archived_at is not None
    assert replacement.position == asked.position
    assert replacement in live_questions(quiz) and asked not in live_questions(quiz)
    # Raise the pass mark, archive the other question.
    update_module(quiz, _input(quiz, pass_mark=100), version=quiz.version, actor=None)
    other = db.session.get(QuizQuestion, attempt.questions[1]["id"])
    archive_question(other, version=quiz.version, actor=None)
    db.session.flush()
    db.session.expire_all()

    assert (attempt.score, attempt.passed, attempt.pass_mark) == (50, True, 50)
    assert attempt.questions == snapshot
    review = shown_questions(attempt, reveal=True)
    assert [q.right for q in review] == [False, True]
    assert review[0].prompt_en == first["prompt_en"]
