"""``flask --app app cshire metrics``: the journey conversion per CSM and step as CSV,
the same numbers as the metrics page (both call ``team_metrics``).

``register(group)`` adds it to the ``cshire`` command group (see ``cshire/cli.py``).
"""

import click
from sqlalchemy import select

from cshire.auth.models import Team
from cshire.csv_import import csv_lines
from cshire.evaluations.rules.periods import parse_period
from cshire.evaluations.services.metrics import (
    CSV_COLUMNS,
    csms_with_accounts,
    csv_rows,
    journey_by_code,
    team_csms,
    team_metrics,
)
from cshire.extensions import db


def register(group: click.Group) -> None:
    group.add_command(metrics_command)

@click.command("metrics")
@click.option("--journey", "journey_code", required=True, metavar="CODE",
              help="The journey's code.")
@click.option("--period", "period_label", required=True, metavar="PERIOD",
              help="A month (2026-07) or a quarter (2026-Q3).")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Count conversions known on this day (default: today).")
@click.option("--window", type=click.IntRange(min=1), metavar="DAYS",
              help="Count a conversion only within DAYS days of the first entry.")
@click.option("--team", "team_name", metavar="NAME",
              help="Only this team's CSMs (default: every active CSM with accounts).")
@click.option("--format", "output_format", type=click.Choice(["csv"]), default="csv",
              show_default=True)
def metrics_command(journey_code: str, period_label: str, as_of, window: int | None,
                    team_name: str | None, output_format: str) -> None:
    """Print one row per CSM and journey step: entered, converted, conversion rate."""
    journey = journey_by_code(journey_code)
    if journey is None:
        raise click.ClickException(f"no journey with the code {journey_code!r}.")
    try:
        period = parse_period(period_label)
    except ValueError:
        raise click.ClickException(
            f"not a period: {period_label!r}; give a month like 2026-07 or a quarter "
            "like 2026-Q3.") from None
    if team_name is not None:
        team = db.session.scalar(select(Team).where(Team.name == team_name.strip()))
        if team is None:
            raise click.ClickException(f"no team named {team_name!r}.")
        members = team_csms(team)
    else:
        members = csms_with_accounts()
    measured = team_metrics(journey, period, members, as_of=as_of.date() if as_of else None,
                            window_days=window)
    for line in csv_lines(CSV_COLUMNS, csv_rows(measured), bom=False):
        click.echo(line, nl=False)
