"""Journey metrics per CSM: the team page, one CSM's page and the CSV export.

A manager measures the teams they manage (an admin any team); a CSM only themself.
Every figure comes from ``services.metrics.team_metrics``, the function the
``cshire metrics`` command calls too.
"""

from dataclasses import dataclass
from datetime import date

from flask import Response, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS, Role, Team, User
from cshire.charts import funnel_chart
from cshire.csv_import import csv_lines
from cshire.evaluations.forms.kpis import KPI_LABELS
from cshire.evaluations.forms.metrics import MetricsFilterForm, filter_args
from cshire.evaluations.rules.metrics import StepMetric, weakest_step
from cshire.evaluations.rules.periods import Period, parse_period, previous
from cshire.evaluations.services.access import (
    can_manage_member,
    can_view_member,
    visible_teams,
)
from cshire.evaluations.services.kpis import kpi_values
from cshire.evaluations.services.metrics import (
    EXPORT_COLUMNS,
    TeamMetrics,
    csv_rows,
    default_period,
    default_team,
    journeys,
    team_csms,
    team_metrics,
)
from cshire.evaluations.views.blueprint import bp
from cshire.extensions import db
from cshire.i18n import localized
from cshire.training.models.journey import Journey

MEASURED = (Role.MANAGER, Role.ADMIN, Role.CSM)
# A CSM sees their team's totals only when these add up enough colleagues that no one
# peer's figures can be read from them.
MIN_TEAM_FOR_PEERS = 3


@dataclass
class Filters:
    form: MetricsFilterForm
    journey: Journey | None
    period: Period | None
    as_of: date
    window: int | None

    @property
    def valid(self) -> bool:
        return self.journey is not None and self.period is not None

    def args(self) -> dict:
        """The query string of these filters, for links and the export."""
        args = {"journey": self.journey.code if self.journey else None,
                "period": self.period.label if self.period else None,
                "as_of": self.as_of.isoformat(), "window": self.window}
        return {key: value for key, value in args.items() if value is not None}


def _filters(teams: list[Team], team: Team | None = None) -> Filters:
    """The filters of the query string, each absent one at its default."""
    every_journey = journeys()
    form = MetricsFilterForm(filter_args(request.args), team=team.id if team else None,
                             journey=every_journey[0].code if every_journey else None,
                             period=default_period().label)
    form.team.choices = [(team.id, team.name) for team in teams]
    form.journey.choices = [(j.code, localized(j, "name") or j.code) for j in every_journey]
    if not teams:
        del form.team
    if not form.validate():
        return Filters(form, None, None, form.as_of.data or date.today(), None)
    journey = next(j for j in every_journey if j.code == form.journey.data)
    return Filters(form, journey, parse_period(form.period.data),
                   form.as_of.data or date.today(), form.window.data)


def _measure(filters: Filters, members: list[User],
             period: Period | None = None) -> TeamMetrics:
    return team_metrics(filters.journey, period or filters.period, members,
                        as_of=filters.as_of, window_days=filters.window)


def _scope() -> tuple[list[Team], Team | None, list[User]]:
    """(teams to pick from, the chosen team, the CSMs measured)."""
    teams = visible_teams(current_user)
    if not teams:
        return [], None, [current_user] if current_user.has_role(Role.CSM) else []
    chosen = request.args.get("team", type=int)
    team = next((t for t in teams if t.id == chosen), None)
    ensure_allowed(chosen is None or team is not None)  # another manager's team
    team = team or default_team(teams)
    return teams, team, team_csms(team)


@bp.route("/metrics")
@roles(*MEASURED)
def metrics():
    teams, team, members = _scope()
    filters = _filters(teams, team)
    if not filters.valid or not members:
        return render_template("evaluations/metrics_index.html", filters=filters,
                               team=team, metrics=None, members=members)
    measured = _measure(filters, members)
    kpis = kpi_values([m.id for m in members], filters.period.label)
    funnels = {row.csm.id: stage_funnel(filters.journey, row.steps)
               for row in measured.members}
    team_funnel = stage_funnel(filters.journey, measured.steps) if team else None
    return render_template(
        "evaluations/metrics_index.html", filters=filters, team=team, metrics=measured,
        members=members, kpis=kpis, kpi_labels=KPI_LABELS, funnels=funnels,
        team_funnel=team_funnel, stage_names=stage_names(filters.journey),
        export_args={**filters.args(), **({"team": team.id} if team else {})},
    )


@bp.route("/metrics.csv")
@roles(*MEASURED)
def metrics_csv():
    """The page's table as CSV (the same filters): one row per CSM and step."""
    teams, team, members = _scope()
    filters = _filters(teams, team)
    if not filters.valid:
        return redirect(url_for("evaluations.metrics", **request.args))
    rows = csv_rows(_measure(filters, members), with_median=True)
    name = f"metrics-{filters.journey.code}-{filters.period.label}.csv"
    return Response(csv_lines(EXPORT_COLUMNS, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/metrics/<int:user_id>")
@roles(*MEASURED)
def metrics_member(user_id: int):
    """One CSM's funnel against their team's, this period and the one before."""
    member = ensure_found(db.session.get(User, user_id))
    ensure_allowed(can_view_member(current_user, member))
    filters = _filters([])
    if not filters.valid:
        return render_template("evaluations/metrics_member.html", member=member,
                               filters=filters, now=None)
    team = team_csms(member.team) if member.team else []
    peers = team if member in team else [*team, member]
    now, before = _measure(filters, peers), _measure(filters, peers, previous(filters.period))
    mine = next(row for row in now.members if row.csm.id == member.id)
    earlier = next(row for row in before.members if row.csm.id == member.id)
    show_team = len(now.members) > 1 and (current_user.id != member.id
                                          or len(now.members) >= MIN_TEAM_FOR_PEERS)
    kpis = kpi_values([member.id], filters.period.label).get(member.id, [])
    kpis_before = kpi_values([member.id], before.period.label).get(member.id, [])
    return render_template(
        "evaluations/metrics_member.html", member=member, filters=filters, now=now,
        before=before, mine=mine, earlier=earlier, show_team=show_team,
        funnel=stage_funnel(filters.journey, mine.steps),
        team_funnel=stage_funnel(filters.journey, now.steps)
        if show_team else None,
        kpis=kpis, kpis_before=kpis_before, kpi_labels=KPI_LABELS,
        stage_names=stage_names(filters.journey),
        can_manage=can_manage_member(current_user, member),
    )


def stage_names(journey: Journey) -> dict[str, str]:
    return {stage.code: localized(stage, "name") or stage.code for stage in journey.stages}


FUNNEL_WIDTH = 340  # about a card's width, so that its labels stay legible


def stage_funnel(journey: Journey, steps: list[StepMetric]) -> Markup:
    """The journey as a funnel: each bar the accounts that entered the stage in the
    period (the last one: those of the step before that reached it), each step's
    conversion between them, the weakest step hatched and named in the legend. No
    title: the card around it names whose funnel it is."""
    names = stage_names(journey)
    if not any(step.entered for step in steps):
        return Markup(funnel_chart([], width=FUNNEL_WIDTH,  # noqa: S704 - escaped
                                   empty_label=_("No account entered a stage")))
    bars = [(names[s.from_stage], s.entered) for s in steps]
    bars.append((names[steps[-1].to_stage], steps[-1].converted))
    weakest = weakest_step(steps)
    svg = funnel_chart(
        bars, rates=[s.rate for s in steps], width=FUNNEL_WIDTH,
        highlight=steps.index(weakest) if weakest else None,
        highlight_label=_("Weakest step"),
    )
    return Markup(svg)  # noqa: S704 - charts.py escapes every label


@bp.context_processor
def _evaluation_tabs() -> dict:
    """The tab bar of the evaluations pages: each tab once its page exists."""
    manages = current_user.is_authenticated and current_user.has_role(*MANAGERS)
    tabs = [("evaluations.metrics", _("Metrics") if manages else _("My metrics"), MEASURED),
            ("evaluations.cycles", _("Cycles") if manages else _("My evaluations"),
             tuple(Role)),
            ("evaluations.imports", _("Imports"), tuple(MANAGERS))]
    return {"evaluation_tabs": [
        (endpoint, label) for endpoint, label, allowed in tabs
        if endpoint in current_app.view_functions and current_user.is_authenticated
        and current_user.has_role(*allowed)], "evaluation_tab": _current_tab()}


def _current_tab() -> str:
    """The tab a page belongs to: a CSM's metrics and KPI values under Metrics, the
    imports under Imports, and a cycle's evaluations, goals and calibration under
    Cycles."""
    page = (request.endpoint or "").removeprefix("evaluations.")
    if page.startswith(("metrics", "kpi")):
        return "evaluations.metrics"
    return "evaluations.imports" if page.startswith("import") else "evaluations.cycles"
