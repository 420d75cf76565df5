"""Interviewer agreement: reliability, calibration and question statistics."""

from flask import render_template, request
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.extensions import db
from cshire.interviews.models.openings import Opening
from cshire.interviews.services import analytics as agreement
from cshire.interviews.services.openings import can_manage_opening
from cshire.interviews.views.blueprint import bp
from cshire.request_input import id_arg


def _chosen_opening(openings: list[Opening]) -> int | None:
    """The opening the report covers; None = all the user's openings.

    Without a choice (the navigation link) the most recent opening is shown: it is
    what a hiring manager usually looks at. "All my openings" in the filter (an empty
    value) asks for the overall figures, combined from cached parts, so they stay
    quick after a new submission (``services.analytics_parts``).
    """
    if "opening" not in request.args:
        latest = max(openings, key=lambda o: (o.created_at, o.id), default=None)
        return latest.id if latest else None
    opening_id = id_arg("opening")
    if opening_id:
        ensure_allowed(can_manage_opening(current_user,
                                          ensure_found(db.session.get(Opening, opening_id))))
    return opening_id


@bp.route("/analytics")
@roles(*MANAGERS)
def analytics():
    openings, versions = agreement.reportable_scope(current_user)
    opening_id = _chosen_opening(openings)
    kit_version_id = id_arg("kit_version")
    report = agreement.agreement_report(current_user, opening_id=opening_id,
                                        kit_version_id=kit_version_id)
    return render_template(
        "interviews/analytics_index.html", report=report, openings=openings,
        versions=versions, opening_id=opening_id, kit_version_id=kit_version_id,
        minimums={"interviews": agreement.MIN_INTERVIEWS, "shared": agreement.MIN_SHARED,
                  "ratings": agreement.MIN_ITEM_RATINGS},
        thresholds={"margin": agreement.LENIENCY_MARGIN, "flat": agreement.FLAT_SD,
                    "extreme": agreement.EXTREME_SHARE, "item_rest": agreement.LOW_ITEM_REST},
    )
