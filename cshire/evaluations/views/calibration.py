"""Calibration of a cycle: the managers' ratings side by side, lenient and severe
managers flagged."""

from flask import render_template
from flask_login import current_user

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.evaluations.reports import calibration_chart
from cshire.evaluations.rules.calibration import FAR_POINTS, MIN_RATINGS
from cshire.evaluations.services.calibration import cycle_calibration
from cshire.evaluations.services.cycles import can_see_cycle, load_cycle
from cshire.evaluations.views.blueprint import bp


@bp.route("/cycles/<int:cycle_id>/calibration")
@roles(*MANAGERS)
def calibration(cycle_id: int):
    """Managers who see the cycle see every manager of it side by side (calibrating is
    comparing); admins see every cycle."""
    cycle = ensure_found(load_cycle(cycle_id))
    ensure_allowed(can_see_cycle(current_user, cycle))
    data = cycle_calibration(cycle)
    return render_template("evaluations/calibration_index.html", cycle=cycle, data=data,
                           chart=calibration_chart(data), far=FAR_POINTS, min_n=MIN_RATINGS)
