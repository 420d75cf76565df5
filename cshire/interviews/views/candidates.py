"""Candidates: adding one to an opening and importing a CSV file of them."""


from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import roles
from cshire.auth.models import MANAGERS
from cshire.extensions import db
from cshire.interviews.forms.candidates import CandidateForm, CandidateImportForm
from cshire.interviews.messages import message
from cshire.interviews.services.candidates import (
    CSV_COLUMNS,
    CandidateInput,
    ImportRejected,
    add_candidate,
    import_candidates,
)
from cshire.interviews.services.openings import (
    HiringError,
)
from cshire.interviews.views.blueprint import bp
from cshire.interviews.views.openings import _managed_opening


@bp.route("/openings/<int:opening_id>/candidates/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def candidate_new(opening_id: int):
    opening = _managed_opening(opening_id)
    form = CandidateForm()
    if form.validate_on_submit():
        data = CandidateInput(
            name=form.name.data, email=form.email.data, phone=form.phone.data or "",
            source=form.source.data or "", notes=form.notes.data or "",
            consent_on=form.consent_on.data)
        try:
            application = add_candidate(opening, data, actor=current_user)
        except HiringError as error:
            db.session.rollback()
            flash(message(error), "error")
        else:
            db.session.commit()
            flash(_("%(name)s added to the opening.", name=application.candidate.name),
                  "success")
            return redirect(url_for("interviews.opening_detail", opening_id=opening.id))
    return render_template("interviews/candidates_form.html", form=form, opening=opening)


@bp.route("/openings/<int:opening_id>/candidates/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def candidate_import(opening_id: int):
    opening = _managed_opening(opening_id)
    form, errors = CandidateImportForm(), []
    if form.validate_on_submit():
        try:
            result = import_candidates(opening, form.file.data.read(), actor=current_user)
        except ImportRejected as rejected:
            db.session.rollback()
            errors = [(e.line, message(e)) for e in rejected.errors]
            flash(message(rejected), "error")
        else:
            db.session.commit()
            flash(_("%(created)s candidates imported, %(linked)s known candidates added.",
                    created=result.created, linked=result.linked), "success")
            return redirect(url_for("interviews.opening_detail", opening_id=opening.id))
    return render_template("interviews/candidates_import.html", form=form, opening=opening,
                           errors=errors, columns=CSV_COLUMNS)
