"""``flask --app app cshire import-accounts|import-events|import-kpis FILE.csv``: CRM
exports of any size (no row cap), with progress bars on the terminal.

All or nothing, like the upload page: every bad line is printed with its reason, nothing
is imported and the command exits with status 1. ``--dry-run`` checks and counts only.
``register(group)`` adds the commands to the ``cshire`` group (see ``cshire/cli.py``).
"""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from cshire.csv_import import format_problems
from cshire.extensions import db

FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
DRY_RUN = click.option("--dry-run", is_flag=True, help="Check and count; import nothing.")


def register(group: click.Group) -> None:
    for command in (import_accounts_command, import_events_command, import_kpis_command):
        group.add_command(command)


@click.command("import-accounts")
@click.argument("path", metavar="FILE.csv", type=FILE)
@DRY_RUN
def import_accounts_command(path: Path, dry_run: bool) -> None:
    """Create or update customer accounts: columns external_id, name, owner_email (an
    active user), touch_model (high, low or tech), arr (may be empty)."""
    from cshire.evaluations.services.imports import import_accounts

    _run(path, dry_run, lambda source, progress: import_accounts(
        source, max_rows=None, dry_run=dry_run, progress=progress), "account")


@click.command("import-events")
@click.argument("path", metavar="FILE.csv", type=FILE)
@click.option("--journey", "journey_code", required=True, metavar="CODE",
              help="The code of the journey whose stages the file names.")
@DRY_RUN
def import_events_command(path: Path, journey_code: str, dry_run: bool) -> None:
    """Add journey events: columns account_external_id (an imported account), stage (a
    stage code of the journey, or churned), entered_at (YYYY-MM-DD; a date and time
    counts as its date). Events already imported or repeated in the file are ignored."""
    from cshire.evaluations.services.imports import import_events

    _run(path, dry_run, lambda source, progress: import_events(
        journey_code, source, max_rows=None, dry_run=dry_run, progress=progress), "event")


@click.command("import-kpis")
@click.argument("path", metavar="FILE.csv", type=FILE)
@DRY_RUN
def import_kpis_command(path: Path, dry_run: bool) -> None:
    """Create or update KPI values: columns email, metric (nps, csat…), period (2026-07
    or 2026-Q3), value, n (optional: how many responses)."""
    from cshire.evaluations.services.imports import import_kpis

    _run(path, dry_run, lambda source, progress: import_kpis(
        source, actor=None, max_rows=None, dry_run=dry_run, progress=progress), "KPI value")


def _run(path: Path, dry_run: bool, action: Callable, noun: str) -> None:
    from cshire.evaluations.messages import EvaluationImportError

    try:
        with path.open("rb") as source, _progress_bars() as progress:
            summary = action(source, progress)
    except EvaluationImportError as error:
        db.session.rollback()
        click.echo(error.message(), err=True)
        for line in format_problems(error):
            click.echo(f"  {line}", err=True)
        raise SystemExit(1) from error
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    parts = [f"{summary.created} created"]
    if noun == "event":
        parts.append(f"{summary.duplicates} duplicates ignored")
    else:
        parts += [f"{summary.updated} updated", f"{summary.unchanged} unchanged"]
    verb = "Would import (dry run)" if dry_run else "Imported"
    click.echo(f"{verb} {summary.rows} {noun} row(s): {', '.join(parts)}.")


@contextmanager
def _progress_bars() -> Iterator[Callable[[str, int, int], None]]:
    """A ``Progress`` drawing one bar per phase on stderr (click draws nothing when
    stderr is not a terminal)."""
    bars: dict[str, Any] = {}
    labels = {"check": "Checking rows", "write": "Writing"}

    def progress(phase: str, done: int, total: int) -> None:
        bar = bars.get(phase)
        if bar is None:
            for other in bars.values():
                other.render_finish()
            bar = bars[phase] = click.progressbar(length=max(total, 1), label=labels[phase],
                                                  file=sys.stderr)
        bar.update(done - bar.pos)

    try:
        yield progress
    finally:
        for bar in bars.values():
            bar.render_finish()
