"""The view's submit flow, written once: run one service call in the request's
transaction; on success commit, flash and redirect (post/redirect/get); on a refusal
roll back and show why, so the view re-renders its form with the user's input kept.

    if form.validate_on_submit() and (done := submit(
        lambda: create_competency(competency_input(form), actor=current_user),
        success=lambda c: _("Competency %(code)s created.", code=c.code),
        redirect_to=lambda c: url_for("competencies.detail", competency_id=c.id),
        form=form,
    )):
        return done
    return render_template("competencies/form.html", form=form)

What counts as a refusal:

- a ``DomainError`` from the service;
- SQLAlchemy's ``StaleDataError``: a save of a ``Versioned`` record raced this one,
  shown as the same ``EditConflict`` that ``ensure_current`` raises;
- an ``IntegrityError`` from a unique or foreign-key constraint, at the service's flush
  or at the commit. Services check those rules themselves (``code_taken``…), so when
  the database still refuses, another request saved the same thing at the same moment:
  the user gets the shared ``saved_concurrently`` message and can save again. Naming
  the constraint is not possible portably (SQLite's errors carry no constraint name),
  and a different message would only repeat the service's own check. Any other
  integrity error (NOT NULL, CHECK) is a bug: it propagates and is logged as a 500.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from flask import flash, redirect
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response
from wtforms import Field, FieldList, FormField

from cshire.csv_import import format_problems
from cshire.errors import DomainError, EditConflict, Problem
from cshire.extensions import db
from cshire.forms import VersionedForm

T = TypeVar("T")
Text = str | LazyString | Callable[[T], str]

log = logging.getLogger(__name__)

# SQLSTATE unique_violation and foreign_key_violation (PostgreSQL), and SQLite's names.
RACE_SQLSTATES = {"23505", "23503"}
RACE_SQLITE_ERRORS = {
    "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_FOREIGNKEY",
}


def submit(action: Callable[[], T], *, redirect_to: Text[T], success: Text[T] | None = None,
           form: FlaskForm | None = None, keep_on_error: bool = False,
           problems: list[str] | None = None) -> Response | None:
    """Run ``action`` (one service call, the acting user passed in) and commit.

    On success: flash ``success`` and return the redirect to ``redirect_to``; either may
    be a callable of the action's result (``redirect_to`` is called first, so it may
    start a fresh session, as signing in does, without losing the flash).

    On a refusal: roll back, show the error and return None — the view then renders its
    page again (or, for a POST-only button, redirects back anyway). The error's problems
    that name a field of ``form`` are shown under that field; the rest, and the error's
    own message unless every problem found its field, are flashed. A problem with a
    ``line`` may name ``"<list>.<field>"``: that field of row ``line`` of the form's list
    of sub-forms (a profile's competency rows). After an edit conflict the form's version
    becomes the stored one, so saving the kept input again replaces the other save
    knowingly.

    ``problems``: a page that lists a refusal in full above its form (a CSV upload, with
    hundreds of bad lines) passes a list; the refusal's lines go into it instead of
    being flashed — every problem as “Line n: …”, or the error's own message when it
    has none.

    ``keep_on_error`` commits what the service wrote before it refused (a failed sign-in
    still counts towards the lock-out).
    """
    try:
        try:
            result = action()
        except DomainError:
            if keep_on_error:
                db.session.commit()
            raise
        db.session.commit()
    except (DomainError, StaleDataError, IntegrityError) as error:
        db.session.rollback()
        refusal = _refusal(error)
        if problems is not None:
            problems.extend(format_problems(refusal) or [refusal.message()])
        else:
            _show(refusal, form)
        return None
    target = _text(redirect_to, result)
    if success is not None:
        flash(_text(success, result), "success")
    return redirect(target)


def _text(value: Text[T], result: T) -> str:
    return str(value) if isinstance(value, str | LazyString) else value(result)


def _refusal(error: Exception) -> DomainError:
    if isinstance(error, DomainError):
        return error
    if isinstance(error, StaleDataError):
        return EditConflict()
    if isinstance(error, IntegrityError) and _is_race(error):
        log.warning("a save lost a race: %s", error.orig)
        return DomainError("saved_concurrently")
    raise error


def _is_race(error: IntegrityError) -> bool:
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate in RACE_SQLSTATES
    return getattr(error.orig, "sqlite_errorname", "") in RACE_SQLITE_ERRORS


def _show(error: DomainError, form: FlaskForm | None) -> None:
    if isinstance(error, EditConflict) and isinstance(form, VersionedForm) \
            and error.current_version is not None:
        form.version.data = error.current_version
    unplaced = [p for p in error.problems if not _place(error, p, form)]
    if unplaced or not error.problems:
        flash(error.message(), "error")
    for problem in unplaced:
        if problem.code != error.code:  # the message just flashed says it already
            flash(_problem_text(error, problem), "error")


def _place(error: DomainError, problem: Problem, form: FlaskForm | None) -> bool:
    """Put the problem under its form field; False when it names none of ``form``."""
    field = _field_of(problem, form)
    if field is None:
        return False
    # Within a row the row is plain to see: its field shows the text without "Line n:".
    in_row = "." in str(problem.field)
    text = error.text_for(problem.code, problem.params) if in_row \
        else _problem_text(error, problem)
    field.errors = [*field.errors, text]
    return True


def _field_of(problem: Problem, form: FlaskForm | None) -> Field | None:
    """The field ``problem.field`` names: a field of ``form``, or ``list.field`` — that
    field in row ``problem.line`` of the list of sub-forms ``list``."""
    if form is None or problem.field is None:
        return None
    name, _dot, inner = problem.field.partition(".")
    if name not in form:
        return None
    field = form[name]
    if not inner:
        return field
    rows = field.entries if isinstance(field, FieldList) else []
    if problem.line is None or not 1 <= problem.line <= len(rows):
        return None
    row = rows[problem.line - 1]
    return row.form[inner] if isinstance(row, FormField) and inner in row.form else None


def _problem_text(error: DomainError, problem: Problem) -> str:
    text = error.text_for(problem.code, problem.params)
    if problem.line is None:
        return text
    return _("Line %(line)s: %(message)s", line=problem.line, message=text)
