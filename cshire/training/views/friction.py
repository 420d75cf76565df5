"""The friction report: per journey milestone, where new hires got stuck in the sandbox
(managers and admins; each sees the new hires they may see — see services/friction.py),
and its CSV export."""

from datetime import date

from flask import Response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from cshire.auth.access import roles
from cshire.auth.models import MANAGERS
from cshire.charts import Series, bar_chart, format_percent
from cshire.csv_import import csv_lines
from cshire.i18n import localized
from cshire.request_input import id_arg
from cshire.timezones import viewer_zone
from cshire.training.services.friction import (
    FrictionFilters,
    FrictionRow,
    filter_options,
    friction_report,
)
from cshire.training.views.blueprint import bp


def _date_arg(name: str) -> date | None:
    """A day from the query string; a malformed one is ignored, never an error."""
    try:
        return date.fromisoformat(request.args.get(name, "").strip())
    except ValueError:
        return None


def _filters() -> FrictionFilters:
    return FrictionFilters(cohort_id=id_arg("cohort"), curriculum_id=id_arg("curriculum"),
                           journey_id=id_arg("journey"), date_from=_date_arg("from"),
                           date_to=_date_arg("to"))


def _chart(rows: list[FrictionRow]) -> Markup:
    """Share stuck per milestone, each label with its n (the new hires who reached it)."""
    labels = [_("%(milestone)s (n = %(n)s)", milestone=localized(r.milestone, "name"),
                n=r.figures.reached) for r in rows]
    svg = bar_chart(labels, [Series(_("Share stuck"), [r.figures.share_stuck for r in rows])],
                    max_value=1, title=_("Share stuck per milestone"),
                    value_format=format_percent, empty_label=_("No data"))
    return Markup(svg)  # noqa: S704 - the chart escapes every label


@bp.route("/friction")
@roles(*MANAGERS)
def friction():
    filters = _filters()
    rows = friction_report(current_user, filters, viewer_zone())
    return render_template("training/friction_report.html", rows=rows, filters=filters,
                           options=filter_options(), chart=_chart(rows) if rows else None)


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


@bp.route("/friction.csv")
@roles(*MANAGERS)
def friction_csv():
    """The report as a spreadsheet; every cell through the formula-safe writer (a stuck
    note starting with "=" stays text)."""
    rows = friction_report(current_user, _filters(), viewer_zone())
    header = [_("Journey"), _("Stage"), _("Milestone"), _("Handoff criterion"),
              _("Recorded"), _("Reached"), _("Done"), _("Stuck"), _("Completion rate"),
              _("Share stuck"), _("Median minutes"), _("Minutes n"), _("Mean difficulty"),
              _("Difficulty n"), _("Where they got stuck")]
    body = ([
        localized(r.milestone.stage.journey, "name"), localized(r.milestone.stage, "name"),
        localized(r.milestone, "name"), _("yes") if r.milestone.is_handoff else "",
        f.recorded, f.reached, f.done, f.stuck, _number(f.completion_rate, 3),
        _number(f.share_stuck, 3), _number(f.median_minutes), f.minutes_n,
        _number(f.mean_difficulty, 2), f.difficulty_n, "\n".join(f.stuck_notes),
    ] for r in rows for f in [r.figures])
    return Response(csv_lines(header, body), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="sandbox-friction.csv"'})
