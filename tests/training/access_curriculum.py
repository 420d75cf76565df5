"""Route × role cases for training's curriculum pages: curricula, modules, the quiz
editor, and the new hire's lesson and quiz pages (see tests/access_cases.py).

The world's enrolment belongs to a new hire who is not the signed-in user of the
matrix, has no mentor, and was enrolled by nobody: only an admin may read it, and no
one but its new hire may act on it (marking read, starting or submitting an attempt).
Positive cases for the new hire and their mentor are in ``test_curriculum_access.py``.
"""

from datetime import UTC, datetime
from types import SimpleNamespace

from cshire.extensions import db
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.work import QuizAttempt
from tests.access_cases import ADMINS, MANAGERS, Case
from tests.training import factories as make

NOBODY: frozenset[str] = frozenset()


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""
    curriculum = make.curriculum()
    world.curriculum = curriculum
    world.lesson = make.module(curriculum, ModuleKind.LESSON)
    world.quiz = make.module(curriculum, ModuleKind.QUIZ)
    world.question = make.question(world.quiz)
    world.curriculum_enrolment = make.enrolment(curriculum)
    attempt = QuizAttempt(enrolment_id=world.curriculum_enrolment.id,
                          module_id=world.quiz.id, number=1, questions=[], answers={},
                          score=0.0, passed=False, pass_mark=50,
                          submitted_at=datetime.now(UTC))
    db.session.add(attempt)
    db.session.flush()


def _curriculum(world: SimpleNamespace) -> dict:
    return {"curriculum_id": world.curriculum.id}


def _module(world: SimpleNamespace) -> dict:
    return {"module_id": world.quiz.id}


def _question(world: SimpleNamespace) -> dict:
    return {"question_id": world.question.id}


def _lesson_of_plan(world: SimpleNamespace) -> dict:
    return {"enrolment_id": world.curriculum_enrolment.id, "module_id": world.lesson.id}


def _quiz_of_plan(world: SimpleNamespace) -> dict:
    return {"enrolment_id": world.curriculum_enrolment.id, "module_id": world.quiz.id}


def _attempt(world: SimpleNamespace) -> dict:
    return {**_quiz_of_plan(world), "number": 1}


CASES = [
    Case("training.curricula", MANAGERS),
    Case("training.curriculum_new", MANAGERS),
    Case("training.curriculum_edit", MANAGERS, url_args=_curriculum),
    Case("training.curriculum_detail", MANAGERS, url_args=_curriculum),
    Case("training.module_new", MANAGERS, url_args=_curriculum),
    Case("training.module_detail", MANAGERS, url_args=_module),
    Case("training.module_edit", MANAGERS, url_args=_module),
    Case("training.module_archive", MANAGERS, url_args=_module),
    Case("training.module_restore", MANAGERS, method="POST", url_args=_module),
    Case("training.module_move", MANAGERS, method="POST", url_args=_module),
    Case("training.question_new", MANAGERS, url_args=_module),
    Case("training.question_edit", MANAGERS, url_args=_question),
    Case("training.question_archive", MANAGERS, url_args=_question),
    # The new hire's side: object-level (can_view_enrolment); acting is theirs alone.
    Case("training.module", ADMINS, url_args=_lesson_of_plan),
    Case("training.lesson", ADMINS, url_args=_lesson_of_plan),
    Case("training.lesson_read", NOBODY, method="POST", url_args=_lesson_of_plan),
    Case("training.quiz", ADMINS, url_args=_quiz_of_plan),
    Case("training.quiz_start", NOBODY, method="POST", url_args=_quiz_of_plan),
    Case("training.quiz_submit", NOBODY, method="POST", url_args=_attempt),
    Case("training.quiz_result", ADMINS, url_args=_attempt),
]
