"""Quizzes: the questions managers write, and the attempts new hires take.

Questions. A question that is part of any attempt's snapshot is never changed in
place: editing it archives it and adds the edited copy at its place, so what a new
hire was asked stays what the records say. (Attempts keep their own snapshot and
score anyway.) Question edits are checked against the quiz module's version and
touch it, so two managers editing one quiz cannot overwrite each other.

Attempts. Starting one takes a snapshot of the live questions in a random order of
their own (questions and choices), with their texts and which choices are right: the
snapshot stays on the server; the page shows prompts and choices only. Submitting
grades it with ``rules.quizzes.grade`` against that snapshot and the pass mark in
force when it started, then moves the new hire's progress on: passed, failed (every
attempt used without passing) or still in progress.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from cshire.audit import Change, ensure_current, record_changes
from cshire.auth.models import User
from cshire.database import utcnow
from cshire.errors import Problem
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import (
    ModuleKind,
    QuizChoice,
    QuizQuestion,
    TrainingModule,
)
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.work import ModuleProgress, ProgressStatus, QuizAttempt
from cshire.training.rules.quizzes import ChoiceDraft, attempts_left, grade, question_problems
from cshire.training.rules.quizzes import shuffled as shuffled_snapshot
from cshire.training.services.progress import ensure_unlocked, open_progress

# ------------------------------------------------------------------ questions


@dataclass(frozen=True)
class ChoiceInput:
    text_en: str
    text_ja: str
    correct: bool
    explanation_en: str = ""
    explanation_ja: str = ""


@dataclass(frozen=True)
class QuestionInput:
    multiple: bool
    prompt_en: str
    prompt_ja: str
    choices: Sequence[ChoiceInput]


def live_questions(module: TrainingModule) -> list[QuizQuestion]:
    """The quiz's questions in order, with their choices (two queries)."""
    return list(db.session.scalars(
        select(QuizQuestion)
        .where(QuizQuestion.module_id == module.id, QuizQuestion.archived_at.is_(None))
        .options(selectinload(QuizQuestion.choices))
        .order_by(QuizQuestion.position, QuizQuestion.id)))


def add_question(module: TrainingModule, data: QuestionInput, *, version: int | None,
                 actor: User | None) -> QuizQuestion:
    """Append a question to the quiz."""
    _ensure_editable_quiz(module, version)
    last = db.session.scalar(select(func.max(QuizQuestion.position))
                             .where(QuizQuestion.module_id == module.id))
    question = _new_question(module, data, (last or 0) + 1)
    _record(module, "question_added", "", question.prompt_en or question.prompt_ja, actor)
    return question


def update_question(question: QuizQuestion, data: QuestionInput, *, version: int | None,
                    actor: User | None) -> QuizQuestion:
    """Change a question: in place while nobody has been asked it, else by archiving
    it and adding the edited copy at its place. Returns the question now live."""
    module = question.module
    _ensure_editable_quiz(module, version)
    if question.archived_at is not None:
        raise TrainingError("question_archived")
    _check(data)
    old_prompt = question.prompt_en or question.prompt_ja
    if was_asked(question):
        question.archived_at = utcnow()
        question = _new_question(module, data, question.position)
    else:
        _fill(question, data)
        db.session.flush()
    _record(module, "question_changed", old_prompt, question.prompt_en or question.prompt_ja,
            actor)
    return question


def archive_question(question: QuizQuestion, *, version: int | None,
                     actor: User | None) -> None:
    """Take the question out of the quiz; attempts keep it in their snapshots."""
    _ensure_editable_quiz(question.module, version)
    if question.archived_at is not None:
        return
    question.archived_at = utcnow()
    _record(question.module, "question_archived", question.prompt_en or question.prompt_ja,
            "", actor)


def was_asked(question: QuizQuestion) -> bool:
    """Is the question in any attempt's snapshot? (Reads the quiz's snapshots: done on
    an edit only, never on a page.)"""
    snapshots = db.session.scalars(
        select(QuizAttempt.questions).where(QuizAttempt.module_id == question.module_id))
    return any(asked.get("id") == question.id for snapshot in snapshots for asked in snapshot)


def _ensure_editable_quiz(module: TrainingModule, version: int | None) -> None:
    if module.kind != ModuleKind.QUIZ:
        raise TrainingError("not_a_quiz")
    ensure_current(module, version)
    if module.is_archived:
        raise TrainingError("module_archived")


def _check(data: QuestionInput) -> None:
    """Every problem of the question at once, each under its field."""
    problems = []
    if not (data.prompt_en.strip() or data.prompt_ja.strip()):
        problems.append(Problem("prompt_required", field="prompt_en"))
    drafts = [ChoiceDraft(c.text_en, c.text_ja, c.correct) for c in data.choices]
    problems += [Problem(code) for code in question_problems(data.multiple, drafts)]
    if problems:
        raise TrainingError(problems[0].code, *problems)


def _new_question(module: TrainingModule, data: QuestionInput, position: int) -> QuizQuestion:
    _check(data)
    question = QuizQuestion(module=module, position=position)
    _fill(question, data)
    db.session.add(question)
    db.session.flush()
    return question


def _fill(question: QuizQuestion, data: QuestionInput) -> None:
    question.multiple = data.multiple
    question.prompt_en, question.prompt_ja = data.prompt_en.strip(), data.prompt_ja.strip()
    question.choices = [
        QuizChoice(position=n, text_en=c.text_en.strip(), text_ja=c.text_ja.strip(),
                   correct=c.correct, explanation_en=c.explanation_en.strip(),
                   explanation_ja=c.explanation_ja.strip())
        for n, c in enumerate((c for c in data.choices
                               if c.text_en.strip() or c.text_ja.strip()), start=1)
    ]


def _record(module: TrainingModule, what: str, old: str, new: str, actor: User | None) -> None:
    """One audit row on the quiz module; touching it bumps its version, so a question
    form opened before this save is refused."""
    record_changes(module, {what: Change(old, new)}, actor)
    module.updated_at = utcnow()
    db.session.flush()


# ------------------------------------------------------------------- attempts


def attempts(enrolment: Enrolment, module: TrainingModule) -> list[QuizAttempt]:
    """The new hire's attempts at the quiz, first one first."""
    return list(db.session.scalars(
        select(QuizAttempt)
        .where(QuizAttempt.enrolment_id == enrolment.id, QuizAttempt.module_id == module.id)
        .order_by(QuizAttempt.number)))


def attempts_by_module(enrolment: Enrolment) -> dict[int, list[QuizAttempt]]:
    """Every attempt of the enrolment by quiz (for a mentor's view of the plan; one
    query)."""
    result: dict[int, list[QuizAttempt]] = {}
    for attempt in db.session.scalars(
        select(QuizAttempt).where(QuizAttempt.enrolment_id == enrolment.id)
        .order_by(QuizAttempt.module_id, QuizAttempt.number)):
        result.setdefault(attempt.module_id, []).append(attempt)
    return result


def open_attempt(taken: Sequence[QuizAttempt]) -> QuizAttempt | None:
    return next((a for a in taken if a.submitted_at is None), None)


def remaining(module: TrainingModule, taken: Sequence[QuizAttempt]) -> int | None:
    """Attempts the new hire may still start (None: no limit)."""
    return attempts_left(module.max_attempts, len(taken))


def start_attempt(enrolment: Enrolment, module: TrainingModule, *,
                  rng: random.Random | None = None) -> QuizAttempt:
    """A new attempt on a shuffled snapshot, or the attempt already open (a second
    click, another tab)."""
    _ensure_quiz_open(enrolment, module)
    taken = attempts(enrolment, module)
    if (current := open_attempt(taken)) is not None:
        return current
    progress = open_progress(enrolment, module)
    if progress.status == ProgressStatus.PASSED:
        raise TrainingError("quiz_already_passed")
    if remaining(module, taken) == 0:
        raise TrainingError("quiz_attempts_used")
    questions = [question_snapshot(q) for q in live_questions(module)]
    if not questions:
        raise TrainingError("quiz_empty")
    attempt = QuizAttempt(
        enrolment_id=enrolment.id, module_id=module.id, number=len(taken) + 1,
        questions=shuffled_snapshot(questions, rng or random.SystemRandom()),
        answers={}, pass_mark=module.pass_mark if module.pass_mark is not None else 100)
    db.session.add(attempt)
    db.session.flush()
    return attempt


def question_snapshot(question: QuizQuestion) -> dict:
    """A question as an attempt keeps it (texts, which choices are right, why)."""
    return {
        "id": question.id, "multiple": question.multiple,
        "prompt_en": question.prompt_en, "prompt_ja": question.prompt_ja,
        "choices": [{"id": c.id, "text_en": c.text_en, "text_ja": c.text_ja,
                     "correct": c.correct, "explanation_en": c.explanation_en,
                     "explanation_ja": c.explanation_ja} for c in question.choices],
    }


def _ensure_quiz_open(enrolment: Enrolment, module: TrainingModule) -> None:
    if module.kind != ModuleKind.QUIZ:
        raise TrainingError("not_a_quiz")
    if module.is_archived:
        raise TrainingError("module_archived")
    ensure_unlocked(enrolment, module)


def submit_attempt(attempt: QuizAttempt, answers: Mapping[int, Sequence[int]]) -> QuizAttempt:
    """Grade the open attempt. ``answers``: question id → the choice ids ticked; ids
    not in the attempt's snapshot are ignored, and every question must be answered."""
    if attempt.submitted_at is not None:
        raise TrainingError("attempt_closed")
    enrolment, module = attempt.enrolment, attempt.module
    _ensure_quiz_open(enrolment, module)
    kept = _kept_answers(attempt.questions, answers)
    unanswered = sum(1 for q in attempt.questions if not kept.get(str(q["id"])))
    if unanswered:
        raise TrainingError("quiz_unanswered", count=unanswered)
    result = grade(attempt.questions, kept, attempt.pass_mark or 0)
    attempt.answers, attempt.score, attempt.passed = kept, result.score, result.passed
    attempt.submitted_at = utcnow()
    _move_progress(open_progress(enrolment, module), module, attempt)
    db.session.flush()
    return attempt


def _kept_answers(questions: Sequence[Mapping], answers: Mapping[int, Sequence[int]],
                  ) -> dict[str, list[int]]:
    """The answers that name a choice of their question (one only for a single-choice
    question), keyed by the question id as text (JSON keys are text)."""
    kept = {}
    for question in questions:
        ids = {c["id"] for c in question["choices"]}
        ticked = sorted({i for i in answers.get(question["id"], ()) if i in ids})
        if ticked and (question["multiple"] or len(ticked) == 1):
            kept[str(question["id"])] = ticked
    return kept


def _move_progress(progress: ModuleProgress, module: TrainingModule,
                   attempt: QuizAttempt) -> None:
    if progress.status == ProgressStatus.PASSED:
        return  # an earlier pass stands
    if attempt.passed:
        progress.status, progress.passed_at = ProgressStatus.PASSED.value, utcnow()
    elif module.max_attempts is not None and attempt.number >= module.max_attempts:
        progress.status = ProgressStatus.FAILED.value
    else:
        progress.status = ProgressStatus.IN_PROGRESS.value


@dataclass(frozen=True)
class ShownChoice:
    id: int
    text_en: str
    text_ja: str
    correct: bool | None = None  # None: not revealed
    explanation_en: str = ""
    explanation_ja: str = ""


@dataclass(frozen=True)
class ShownQuestion:
    id: int
    multiple: bool
    prompt_en: str
    prompt_ja: str
    choices: list[ShownChoice]
    ticked: frozenset[int] = frozenset()
    right: bool | None = None  # None: not graded yet


def shown_questions(attempt: QuizAttempt, *, reveal: bool,
                    ticked: Mapping[int, Sequence[int]] | None = None) -> list[ShownQuestion]:
    """The attempt's questions as a page shows them, in the attempt's order. Before
    submission (``reveal`` False) they carry prompts and choice texts only: which
    choices are right, and why, never reach the page. ``ticked``: answers to show
    (the stored ones once submitted)."""
    if ticked is None:
        ticked = {int(qid): ids for qid, ids in (attempt.answers or {}).items()}
    right = grade(attempt.questions, attempt.answers or {}, 0).right if reveal else None
    return [
        ShownQuestion(
            id=q["id"], multiple=q["multiple"], prompt_en=q["prompt_en"],
            prompt_ja=q["prompt_ja"], ticked=frozenset(ticked.get(q["id"], ())),
            right=None if right is None else q["id"] in right,
            choices=[ShownChoice(c["id"], c["text_en"], c["text_ja"],
                                 **({"correct": c["correct"],
                                     "explanation_en": c["explanation_en"],
                                     "explanation_ja": c["explanation_ja"]} if reveal else {}))
                     for c in q["choices"]])
        for q in attempt.questions
    ]


def find_attempt(enrolment: Enrolment, module: TrainingModule, number: int,
                 ) -> QuizAttempt | None:
    return db.session.scalar(select(QuizAttempt).where(
        QuizAttempt.enrolment_id == enrolment.id, QuizAttempt.module_id == module.id,
        QuizAttempt.number == number))
