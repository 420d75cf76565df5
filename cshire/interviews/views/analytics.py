"""Interviewer agreement: reliability, calibration and question statistics."""

from flask import render_template, request
from flask_login import current_user

from cshire.auth.access import MANAGERS, ensure_allowed, ensure_found, roles
from cshire.extensions import db
from cshire.interviews import bp
from cshire.interviews.models import Opening
from cshire.interviews.services import agreement
from cshire.interviews.services.openings import can_manage_opening


@bp.route("/analytics")
@roles(*MANAGERS)
def analytics():
    opening_id = request.args.get("opening", type=int)
    kit_version_id = request.args.get("kit_version", type=int)
    if opening_id:
        ensure_allowed(can_manage_opening(current_user,
                                          ensure_found(db.session.get(Opening, opening_id))))
    openings, versions = agreement.reportable_scope(current_user)
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
