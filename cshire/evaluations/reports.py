"""Charts of evaluations' pages."""

from flask_babel import gettext as _
from markupsafe import Markup

from cshire.charts import Series, stacked_bar_chart
from cshire.competencies.models import LEVELS
from cshire.evaluations.services.calibration import Calibration


def calibration_chart(data: Calibration) -> Markup:
    """One bar per manager: the share of their ratings at each level 1–5."""
    chart = stacked_bar_chart(
        [user.display_name for user, _r in data.managers],
        [Series(_("Level %(n)s", n=level),
                [r.ratings.counts[level - 1] for _u, r in data.managers]) for level in LEVELS],
        shares=True, title=_("Manager ratings by level"), empty_label=_("No data"))
    return Markup(chart)  # noqa: S704 - charts.py escapes every label
