"""The question bank: search, add, edit, retire and reactivate questions."""

from collections.abc import Mapping

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func

from cshire.auth.access import ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.competencies.models import Competency
from cshire.competencies.services import active_competencies
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.i18n import LANGUAGE_NAMES, current_language
from cshire.interviews.forms.choices import competency_choices
from cshire.interviews.forms.questions import QuestionForm
from cshire.interviews.messages import QUESTION_STATUS_LABELS, QUESTION_TYPE_LABELS
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.services.questions import (
    QuestionFilters,
    QuestionInput,
    bank_is_empty,
    create_question,
    question_query,
    set_active,
    update_question,
)
from cshire.interviews.views.blueprint import bp
from cshire.pagination import paginate
from cshire.request_input import MAX_ID
from cshire.sorting import SortKeys, localized_column
from cshire.submit import submit


def _id_or_none(text: str) -> int | None:
    """ASCII digits within the id range (``"²".isdigit()`` is true, ``int("²")`` fails)."""
    return int(text) if text.isascii() and text.isdigit() and int(text) <= MAX_ID else None


def question_filters(args: Mapping[str, str], default_language: str = "") -> QuestionFilters:
    """The bank list's filters from the query string; unknown values are ignored.
    Without a ``language`` parameter the list shows ``default_language`` (the viewer's);
    an empty one (the filter's "All languages") shows every language."""
    competency = args.get("competency", "")
    language = args.get("language", default_language)
    return QuestionFilters(
        search=args.get("q", "").strip()[:200],
        competency_id=_id_or_none(competency),
        question_type=args.get("type", "") if args.get("type") in QUESTION_TYPE_LABELS else "",
        language=language if language in LANGUAGE_NAMES else "",
        status=args.get("status", "") if args.get("status") in QUESTION_STATUS_LABELS else "",
    )


def _sorts(language: str) -> SortKeys:
    """The bank's orders (cshire/sorting.py); ``question_query`` joins the competency,
    whose name sorts in the language it is shown in."""
    competency = (localized_column(Competency, "name", language), Competency.code)
    return SortKeys(
        "competency", InterviewQuestion.id, text=func.lower(InterviewQuestion.text),
        competency=(*competency, InterviewQuestion.language),
        type=InterviewQuestion.question_type, language=InterviewQuestion.language,
        used=InterviewQuestion.times_used,
    )


def _input_from(form: QuestionForm) -> QuestionInput:
    return QuestionInput(
        competency_id=form.competency.data, question_type=form.question_type.data or "",
        language=form.language.data or "", text=form.text.data or "",
        probes=form.probes.data or "", anchor_low=form.anchor_low.data or "",
        anchor_mid=form.anchor_mid.data or "", anchor_high=form.anchor_high.data or "",
    )


def _form_page(form: QuestionForm, question: InterviewQuestion | None):
    competencies = active_competencies()
    if question is not None and question.competency.archived_at is not None:
        competencies.append(question.competency)
    form.competency.choices = competency_choices(competencies, _("— choose a competency —"))
    return render_template("interviews/questions_form.html", form=form, question=question)


def _bank_url(question: InterviewQuestion) -> str:
    """The bank where the question just saved is listed (in its own language)."""
    return url_for("interviews.questions", competency=question.competency_id,
                   language=question.language)


@bp.route("/questions")
@roles(*MANAGERS)
def questions():
    language = current_language()
    filters = question_filters(request.args, default_language=language)
    sorts = _sorts(language)
    sort = sorts.read(request.args)
    page = paginate(sorts.apply(question_query(filters), sort))
    return render_template(
        "interviews/questions_index.html", page=page, filters=filters, sort=sort,
        competencies=active_competencies(), types=QUESTION_TYPE_LABELS,
        statuses=QUESTION_STATUS_LABELS, languages=LANGUAGE_NAMES,
        bank_empty=not page.total and bank_is_empty(),
    )


@bp.route("/questions/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def question_new():
    form = QuestionForm()
    if request.method == "GET":
        form.language.data = current_language()
        form.competency.data = request.args.get("competency", type=int)
    if form.validate_on_submit() and (done := submit(
        lambda: create_question(_input_from(form)),
        success=_("Question added to the bank."), redirect_to=_bank_url, form=form,
    )):
        return done
    return _form_page(form, None)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def question_edit(question_id: int):
    question = ensure_found(db.session.get(InterviewQuestion, question_id))
    form = QuestionForm(obj=question)
    if request.method == "GET":
        form.competency.data = question.competency_id
    if form.validate_on_submit() and (done := submit(
        lambda: update_question(question, _input_from(form)),
        success=_("Question saved. Kits already built keep the wording they copied."),
        redirect_to=_bank_url, form=form,
    )):
        return done
    return _form_page(form, question)


@bp.route("/questions/<int:question_id>/retire", methods=["GET", "POST"])
@roles(*MANAGERS)
def question_retire(question_id: int):
    return _confirm_status(question_id, active=False)


@bp.route("/questions/<int:question_id>/reactivate", methods=["GET", "POST"])
@roles(*MANAGERS)
def question_reactivate(question_id: int):
    return _confirm_status(question_id, active=True)


def _confirm_status(question_id: int, *, active: bool):
    """GET asks for confirmation, POST retires or reactivates."""
    question = ensure_found(db.session.get(InterviewQuestion, question_id))
    form = ConfirmForm()
    bank = url_for("interviews.questions", language=question.language)
    if form.validate_on_submit():
        return submit(
            lambda: set_active(question, active),
            success=_("The question is active again.") if active else
            _("The question is retired: new kits no longer use it."),
            redirect_to=bank,
        ) or redirect(bank)
    return render_template("interviews/questions_confirm.html", form=form, question=question,
                           activate=active)
