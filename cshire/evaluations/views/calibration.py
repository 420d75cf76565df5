"""Calibration of a cycle: the managers' ratings side by side, lenient and severe
managers flagged."""

from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS
from cshire.charts import Series, stacked_bar_chart
from cshire.competencies.models import LEVELS
from cshire.evaluations.rules.calibration import FAR_POINTS, MIN_RATINGS
from cshire.evaluations.services.calibration import cycle_calibration
from cshire.evaluations.services.cycles import can_see_cycle, load_cycle
from cshire.evaluations.views.blueprint import bp


@bp.route("/cycles/<int:cycle_id>/calibration")
@roles(*MANAGERS)
def calibration(cycle_id: int):
    cycle = ensure_found(load_cycle(cycle_id))
    ensure_allowed(can_see_cycle(current_user, cycle))
    data = cycle_calibration(cycle)
    chart = stacked_bar_chart(
        [user.display_name for user, _r in data.managers],
        [Series(_("Level %(n)s", n=level), [r.ratings.counts[level - 1]
                                            for _u, r in data.managers])
         for level in LEVELS],
        shares=True, title=_("Manager ratings by level"), empty_label=_("No data"))
    return render_template("evaluations/calibration_index.html", cycle=cycle, data=data,
                           chart=Markup(chart), far=FAR_POINTS, min_n=MIN_RATINGS)
