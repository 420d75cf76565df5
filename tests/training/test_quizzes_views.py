"""The quiz pages over HTTP: nothing on the page reveals the answers before
submission; the result page explains every choice; the attempt limit; the question
editor's validation and replace-when-asked rule; mentors read attempts."""

import re

from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.curriculum import ModuleKind, QuizQuestion
from cshire.training.models.work import ProgressStatus, QuizAttempt
from cshire.training.services.progress import progress_by_module
from tests import factories
from tests.conftest import login
from tests.training import factories as make


def _text(response) -> str:
    return response.get_data(as_text=True)


def _setup(client, questions: int = 2, **settings):
    curriculum = make.curriculum()
    quiz = make.module(curriculum, ModuleKind.QUIZ, body="Answer **carefully**.", **settings)
    for _ in range(questions):
        make.question(quiz)
    mentor = factories.user(Role.CSM)
    enrolment = make.enrolment(curriculum, mentor=mentor)
    db.session.commit()
    login(client, enrolment.user)
    return enrolment, quiz, {"enrolment_id": enrolment.id, "module_id": quiz.id}


def _choices(page: str) -> dict[str, list[str]]:
    """question field name → the choice values offered on the page."""
    found: dict[str, list[str]] = {}
    for name, value in re.findall(r'name="(question-\d+)" value="(\d+)"', page):
        found.setdefault(name, []).append(value)
    return found


def _right_answers(attempt: QuizAttempt, right: bool = True) -> dict[str, str]:
    return {f"question-{q['id']}": str(next(c["id"] for c in q["choices"]
                                           if c["correct"] == right))
            for q in attempt.questions}


def test_the_open_attempt_page_shows_prompts_and_choices_but_no_answers(app, client):
    _enrolment, _quiz, args = _setup(client)
    page = _text(client.get(url_for("training.quiz", **args)))
    assert "Start attempt" in page and "No attempt submitted yet." in page
    client.post(url_for("training.quiz_start", **args))
    page = _text(client.get(url_for("training.quiz", **args)))
    assert "Question 1?" in page and "Answer 1" in page
    assert "Because" not in page  # no explanation text
    assert "correct" not in page.lower() and "Right answer" not in page
    assert len(_choices(page)) == 2 and all(len(v) == 3 for v in _choices(page).values())
    # Reloading shows the same attempt in the same order.
    assert _choices(page) == _choices(_text(client.get(url_for("training.quiz", **args))))


def test_submitting_grades_the_attempt_and_the_result_explains_each_choice(app, client):
    enrolment, quiz, args = _setup(client, pass_mark=100)
    client.post(url_for("training.quiz_start", **args))
    attempt = db.session.query(QuizAttempt).one()
    response = client.post(url_for("training.quiz_submit", **args, number=1),
                           data=_right_answers(attempt))
    assert response.location.endswith(url_for("training.quiz_result", **args, number=1,
                                              _external=False))
    result = _text(client.get(response.location))
    assert "Attempt 1: 100 %" in result and "Passed" in result
    assert "Because 1." in result and "Because 2." in result and "Because 3." in result
    assert progress_by_module(enrolment)[quiz.id].status == ProgressStatus.PASSED
    assert "You passed this quiz." in _text(client.get(url_for("training.quiz", **args)))


def test_an_unanswered_question_is_refused_with_the_answers_kept(app, client):
    _enrolment, _quiz, args = _setup(client)
    client.post(url_for("training.quiz_start", **args))
    attempt = db.session.query(QuizAttempt).one()
    one = dict(list(_right_answers(attempt).items())[:1])
    response = client.post(url_for("training.quiz_submit", **args, number=1), data=one)
    assert response.status_code == 200
    assert "1 question is not answered yet." in _text(response)
    name, value = next(iter(one.items()))
    assert re.search(rf'name="{name}" value="{value}" checked', _text(response))
    assert attempt.submitted_at is None


def test_using_up_the_attempts_asks_the_new_hire_to_see_their_mentor(app, client):
    enrolment, quiz, args = _setup(client, max_attempts=1)
    client.post(url_for("training.quiz_start", **args))
    attempt = db.session.query(QuizAttempt).one()
    client.post(url_for("training.quiz_submit", **args, number=1),
                data=_right_answers(attempt, right=False))
    page = _text(client.get(url_for("training.quiz", **args)))
    assert "Please ask your mentor how to continue." in page and "Start" not in page
    assert progress_by_module(enrolment)[quiz.id].status == ProgressStatus.FAILED
    refused = client.post(url_for("training.quiz_start", **args), follow_redirects=True)
    assert "Please ask your mentor" in _text(refused)
    assert db.session.query(QuizAttempt).count() == 1


def test_the_mentor_reads_attempts_and_scores_but_cannot_act(app, client):
    enrolment, _quiz, args = _setup(client)
    client.post(url_for("training.quiz_start", **args))
    attempt = db.session.query(QuizAttempt).one()
    client.post(url_for("training.quiz_submit", **args, number=1),
                data=_right_answers(attempt))
    login(client, enrolment.mentor)
    page = _text(client.get(url_for("training.quiz", **args)))
    assert "Attempt 1" in page and "100 %" in page and "read-only" in page
    assert "Start" not in page
    assert client.get(url_for("training.quiz_result", **args, number=1)).status_code == 200
    assert client.post(url_for("training.quiz_start", **args)).status_code == 403
    assert client.post(url_for("training.quiz_submit", **args, number=1)).status_code == 403


def test_the_question_editor_labels_every_field_and_explains_refusals(app, as_role):
    client = as_role(Role.MANAGER)
    quiz = make.module(make.curriculum(), ModuleKind.QUIZ)
    db.session.commit()
    url = url_for("training.question_new", module_id=quiz.id)
    page = _text(client.get(url))
    for name in ("prompt_en", "prompt_ja", "choices-0-text_en", "choices-5-explanation_ja",
                 "choices-0-correct"):
        assert f'for="{name}"' in page, name
    data = {"prompt_en": "Which?", "multiple": "single", "version": str(quiz.version),
            "choices-0-text_en": "A", "choices-0-correct": "y",
            "choices-1-text_en": "B", "choices-1-correct": "y"}
    refused = client.post(url, data=data)
    assert "exactly one right choice" in _text(refused) and "Which?" in _text(refused)
    data.pop("choices-1-correct")
    assert client.post(url, data=data).status_code == 302
    question = db.session.query(QuizQuestion).one()
    assert [c.text_en for c in question.choices] == ["A", "B"]
    detail = _text(client.get(url_for("training.module_detail", module_id=quiz.id)))
    assert "Which?" in detail and "Right answer" in detail


def test_editing_an_asked_question_replaces_it(app, client):
    _enrolment, quiz, args = _setup(client, questions=1)
    client.post(url_for("training.quiz_start", **args))
    question = quiz.questions[0]
    login(client, factories.user(Role.MANAGER))
    db.session.commit()
    client.post(url_for("training.question_edit", question_id=question.id), data={
        "prompt_en": "Reworded?", "multiple": "single", "version": str(quiz.version),
        "choices-0-text_en": "A", "choices-0-correct": "y", "choices-1-text_en": "B"})
    db.session.expire_all()
    live = db.session.query(QuizQuestion).filter(QuizQuestion.archived_at.is_(None)).one()
    assert live.id != question.id and live.prompt_en == "Reworded?"
    assert question.archived_at is not None and question.prompt_en == "Question 1?"
    assert client.get(url_for("training.question_edit",
                              question_id=question.id)).status_code == 404
