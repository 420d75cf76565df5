"""Quizzes: the managers' question editor, and the new hire's attempts (start, answer,
result). Mentors and managers who may see the enrolment read the attempts."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.request_input import MAX_ID
from cshire.submit import submit
from cshire.training.forms.quizzes import QuestionForm, QuizVersionForm
from cshire.training.models.curriculum import ModuleKind, QuizQuestion, TrainingModule
from cshire.training.services.curriculum import load_module, stage_is_open
from cshire.training.services.quizzes import (
    ChoiceInput,
    QuestionInput,
    add_question,
    archive_question,
    attempts,
    find_attempt,
    open_attempt,
    remaining,
    shown_questions,
    start_attempt,
    submit_attempt,
    update_question,
)
from cshire.training.views.blueprint import bp
from cshire.training.views.curriculum import (
    enrolment_module,
    is_new_hire,
    locked_page,
    module_context,
)

# ------------------------------------------------------------ question editor


def _quiz(module_id: int) -> TrainingModule:
    module = ensure_found(load_module(module_id))
    if module.kind != ModuleKind.QUIZ:
        abort(404)
    return module


def _question_form(module: TrainingModule, question: QuizQuestion | None = None):
    form = QuestionForm()
    if request.method == "GET":
        form.version.data = module.version
        if question is not None:
            form.prompt_en.data, form.prompt_ja.data = question.prompt_en, question.prompt_ja
            form.multiple.data = "multiple" if question.multiple else "single"
            for row, choice in zip(form.choices.entries, question.choices, strict=False):
                for name in ("text_en", "text_ja", "correct", "explanation_en",
                             "explanation_ja"):
                    row.form[name].data = getattr(choice, name)
    return form


def _question_input(form: QuestionForm) -> QuestionInput:
    return QuestionInput(
        multiple=form.multiple.data == "multiple", prompt_en=form.prompt_en.data or "",
        prompt_ja=form.prompt_ja.data or "",
        choices=[ChoiceInput(text_en=row.text_en.data or "", text_ja=row.text_ja.data or "",
                             correct=bool(row.correct.data),
                             explanation_en=row.explanation_en.data or "",
                             explanation_ja=row.explanation_ja.data or "")
                 for row in form.choices.entries])


def _module_url(module: TrainingModule) -> str:
    return url_for("training.module_detail", module_id=module.id) + "#questions"


@bp.route("/modules/<int:module_id>/questions/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def question_new(module_id: int):
    module = _quiz(module_id)
    form = _question_form(module)
    if form.validate_on_submit() and (done := submit(
        lambda: add_question(module, _question_input(form), version=form.loaded_version,
                             actor=current_user),
        success=_("Question added."), redirect_to=_module_url(module), form=form,
    )):
        return done
    return render_template("training/quizzes_question_form.html", form=form, module=module,
                           question=None)


def _question(question_id: int) -> QuizQuestion:
    question = ensure_found(db.session.get(QuizQuestion, question_id))
    if question.archived_at is not None:
        abort(404)
    return question


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def question_edit(question_id: int):
    question = _question(question_id)
    module = question.module
    form = _question_form(module, question)
    if form.validate_on_submit() and (done := submit(
        lambda: update_question(question, _question_input(form),
                                version=form.loaded_version, actor=current_user),
        success=_("Question saved."), redirect_to=_module_url(module), form=form,
    )):
        return done
    return render_template("training/quizzes_question_form.html", form=form, module=module,
                           question=question)


@bp.route("/questions/<int:question_id>/archive", methods=["GET", "POST"])
@roles(*MANAGERS)
def question_archive(question_id: int):
    """GET asks for confirmation; POST takes the question out of the quiz."""
    question = _question(question_id)
    module = question.module
    form = QuizVersionForm()
    if request.method == "GET":
        form.version.data = module.version
    if form.validate_on_submit():
        return submit(
            lambda: archive_question(question, version=form.loaded_version,
                                     actor=current_user),
            success=_("Question archived; attempts that asked it keep it."),
            redirect_to=_module_url(module),
        ) or redirect(_module_url(module))
    return render_template("training/quizzes_confirm_archive.html", form=form,
                           question=question, module=module)


# ------------------------------------------------------------ the new hire


def _quiz_of_plan(enrolment_id: int, module_id: int):
    enrolment, module = enrolment_module(enrolment_id, module_id)
    if module.kind != ModuleKind.QUIZ:
        abort(404)
    return enrolment, module


def _quiz_url(enrolment, module) -> str:
    return url_for("training.quiz", enrolment_id=enrolment.id, module_id=module.id)


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>/quiz")
@signed_in
def quiz(enrolment_id: int, module_id: int):
    """The quiz: its instructions and attempts; the open attempt's questions for the
    new hire (prompts and choices only: nothing on the page tells the answers)."""
    enrolment, module = _quiz_of_plan(enrolment_id, module_id)
    if is_new_hire(enrolment) and not stage_is_open(enrolment, module):
        return locked_page(enrolment, module)
    taken = attempts(enrolment, module)
    current = open_attempt(taken)
    return render_template(
        "training/quizzes_quiz.html", **module_context(enrolment, module), attempts=taken,
        current=current, left=remaining(module, taken),
        questions=shown_questions(current, reveal=False) if current else [])


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>/quiz/start",
          methods=["POST"])
@signed_in
def quiz_start(enrolment_id: int, module_id: int):
    enrolment, module = _quiz_of_plan(enrolment_id, module_id)
    ensure_allowed(is_new_hire(enrolment))
    if ConfirmForm().validate_on_submit():
        submit(lambda: start_attempt(enrolment, module), redirect_to=_quiz_url(enrolment, module))
    return redirect(_quiz_url(enrolment, module))


def _answers_from_form(questions: list[dict]) -> dict[int, list[int]]:
    """question id → the choice ids ticked (``question-<id>`` fields); anything that is
    not a plain id is dropped."""
    answers = {}
    for question in questions:
        values = request.form.getlist(f"question-{question['id']}")
        answers[question["id"]] = [int(v) for v in values
                                   if v.isascii() and v.isdigit() and int(v) <= MAX_ID]
    return answers


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>/quiz/attempts/<int:number>",
          methods=["POST"])
@signed_in
def quiz_submit(enrolment_id: int, module_id: int, number: int):
    enrolment, module = _quiz_of_plan(enrolment_id, module_id)
    ensure_allowed(is_new_hire(enrolment))
    attempt = ensure_found(find_attempt(enrolment, module, number))
    answers = _answers_from_form(attempt.questions)
    if ConfirmForm().validate_on_submit() and (done := submit(
        lambda: submit_attempt(attempt, answers),
        success=lambda a: _("Attempt %(number)s submitted.", number=a.number),
        redirect_to=lambda a: url_for("training.quiz_result", enrolment_id=enrolment.id,
                                      module_id=module.id, number=a.number),
    )):
        return done
    db.session.refresh(attempt)
    if attempt.submitted_at is not None or not stage_is_open(enrolment, module):
        return redirect(_quiz_url(enrolment, module))
    taken = attempts(enrolment, module)
    return render_template(
        "training/quizzes_quiz.html", **module_context(enrolment, module), attempts=taken,
        current=attempt, left=remaining(module, taken),
        questions=shown_questions(attempt, reveal=False, ticked=answers))


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>/quiz/attempts/<int:number>")
@signed_in
def quiz_result(enrolment_id: int, module_id: int, number: int):
    """A submitted attempt: each answer right or wrong, with every choice's
    explanation (as the snapshot holds them)."""
    enrolment, module = _quiz_of_plan(enrolment_id, module_id)
    attempt = ensure_found(find_attempt(enrolment, module, number))
    if attempt.submitted_at is None:
        return redirect(_quiz_url(enrolment, module))
    taken = attempts(enrolment, module)
    return render_template(
        "training/quizzes_result.html", **module_context(enrolment, module), attempt=attempt,
        attempts=taken, left=remaining(module, taken),
        questions=shown_questions(attempt, reveal=True))
