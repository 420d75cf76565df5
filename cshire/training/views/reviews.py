"""The mentor's review queue and the review of one round."""

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import Role
from cshire.i18n import localized
from cshire.pagination import paginate
from cshire.submit import submit
from cshire.training.forms.reviews import ReviewForm
from cshire.training.models.work import ReviewOutcome
from cshire.training.services.access import can_supervise_enrolment
from cshire.training.services.enrolments import MENTOR_ROLES
from cshire.training.services.reviews import (
    ReviewInput,
    load_submission,
    review,
    review_queue_query,
    rounds_of,
)
from cshire.training.views.blueprint import bp
from cshire.training.views.enrolments import page_helpers

REVIEWERS = (*MENTOR_ROLES, Role.ADMIN)


@bp.route("/reviews")
@roles(*REVIEWERS)
def reviews():
    """Rounds awaiting review from the new hires the user may supervise, oldest first."""
    page = paginate(review_queue_query(current_user))
    return render_template("training/reviews_index.html", page=page, **page_helpers())


def _reviewed(submission) -> str:
    if submission.outcome == ReviewOutcome.APPROVED:
        return _("Approved: “%(title)s” is passed.",
                 title=localized(submission.module, "title"))
    return _("Changes requested; %(name)s will hand in a new round.",
             name=submission.enrolment.user.display_name)


@bp.route("/submissions/<int:submission_id>", methods=["GET", "POST"])
@roles(*REVIEWERS)
def submission_review(submission_id: int):
    submission = ensure_found(load_submission(submission_id))
    ensure_allowed(can_supervise_enrolment(current_user, submission.enrolment))
    form = ReviewForm()
    if form.validate_on_submit() and (done := submit(
        lambda: review(submission, ReviewInput(form.outcome.data, form.comment.data or ""),
                       actor=current_user),
        success=_reviewed, redirect_to=url_for("training.reviews"), form=form,
    )):
        return done
    return render_template("training/reviews_detail.html", submission=submission,
                           rounds=rounds_of(submission), form=form, **page_helpers())
