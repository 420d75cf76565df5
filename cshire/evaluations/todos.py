"""Evaluations' to-dos on the home page (see ``cshire/todos.py``).

A CSM: self-reviews to write (overdue after the cycle's self-review due date) and
shared evaluations to acknowledge. A manager: manager reviews to write (overdue after
the cycle's manager-review due date) and, among them, self-reviews submitted and
waiting for their review. Only open cycles count. Each source is one aggregate query.
"""

from datetime import date

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select

from cshire.auth.models import Role, User
from cshire.evaluations.models.cycles import Evaluation, EvaluationCycle, EvaluationStatus
from cshire.extensions import db
from cshire.todos import DUE, OVERDUE, UPCOMING, Todo, TodoSource

EVALUATIONS = _l("Evaluations")
DRAFT = EvaluationStatus.DRAFT.value
SELF_SUBMITTED = EvaluationStatus.SELF_SUBMITTED.value
SHARED = EvaluationStatus.SHARED.value


def _open_evaluations():
    return (select().select_from(Evaluation)
            .join(EvaluationCycle, EvaluationCycle.id == Evaluation.cycle_id)
            .where(EvaluationCycle.closed_at.is_(None)))


def csm_todos(user: User) -> list[Todo]:
    today = date.today()
    draft = Evaluation.status == DRAFT
    late = EvaluationCycle.self_due_on < today
    overdue, due, to_acknowledge = db.session.execute(_open_evaluations().add_columns(
        func.count().filter(draft, late),
        func.count().filter(draft, ~late | EvaluationCycle.self_due_on.is_(None)),
        func.count().filter(Evaluation.status == SHARED),
    ).where(Evaluation.csm_id == user.id)).one()
    url = url_for("evaluations.cycles")
    area = str(EVALUATIONS)
    return [
        Todo(ngettext("%(num)d self-review overdue", "%(num)d self-reviews overdue", overdue),
             overdue, url, OVERDUE, area),
        Todo(ngettext("%(num)d self-review to write", "%(num)d self-reviews to write", due),
             due, url, DUE, area),
        Todo(ngettext("%(num)d evaluation shared with you to acknowledge",
                      "%(num)d evaluations shared with you to acknowledge", to_acknowledge),
             to_acknowledge, url, DUE, area),
    ]


def manager_todos(user: User) -> list[Todo]:
    if not user.has_role(Role.MANAGER):
        return []
    today = date.today()
    open_part = Evaluation.status.in_((DRAFT, SELF_SUBMITTED))
    late = EvaluationCycle.manager_due_on < today
    overdue, waiting, drafts = db.session.execute(_open_evaluations().add_columns(
        func.count().filter(open_part, late),
        func.count().filter(Evaluation.status == SELF_SUBMITTED,
                            ~late | EvaluationCycle.manager_due_on.is_(None)),
        func.count().filter(Evaluation.status == DRAFT,
                            ~late | EvaluationCycle.manager_due_on.is_(None)),
    ).where(Evaluation.manager_id == user.id)).one()
    url = url_for("evaluations.cycles")
    area = str(EVALUATIONS)
    return [
        Todo(ngettext("%(num)d manager review overdue", "%(num)d manager reviews overdue",
                      overdue), overdue, url, OVERDUE, area),
        Todo(ngettext("%(num)d self-review submitted, waiting for your review",
                      "%(num)d self-reviews submitted, waiting for your review", waiting),
             waiting, url, DUE, area),
        Todo(ngettext("%(num)d manager review to write (self-review not submitted yet)",
                      "%(num)d manager reviews to write (self-reviews not submitted yet)",
                      drafts), drafts, url, UPCOMING, area),
    ]


TODOS: tuple[TodoSource, ...] = (csm_todos, manager_todos)
