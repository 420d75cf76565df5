"""``flask --app app cshire import-journey FILE.json`` and ``export-journey CODE``: the
success journey as a JSON file (format: ``cshire.training.rules.journey``).

``register(group)`` adds them to the ``cshire`` command group (see ``cshire/cli.py``).
"""

import click

from cshire.extensions import db
from cshire.training.services.journey import journey_by_code
from cshire.training.services.journey_json import (
    JourneyImportError,
    export_json,
    import_journey,
    problem_lines,
    read_journey_json,
)


def register(group: click.Group) -> None:
    group.add_command(import_journey_command)
    group.add_command(export_journey_command)


@click.command("import-journey")
@click.argument("file", type=click.File("rb"))
def import_journey_command(file) -> None:
    """Create or update the success journey a JSON file describes (all or nothing).

    Stages and milestones are matched by code and ordered as in the file; those missing
    from it are removed unless something refers to them (then nothing is imported).
    """
    try:
        plan = import_journey(read_journey_json(file.read()), actor=None)
    except JourneyImportError as error:
        db.session.rollback()
        click.echo(error.message(), err=True)
        for line in problem_lines(error):
            click.echo(f"  {line}", err=True)
        raise SystemExit(1) from error
    db.session.commit()
    for line in plan.lines():
        click.echo(line)


@click.command("export-journey")
@click.argument("code")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write to this file instead of the standard output.")
def export_journey_command(code: str, output) -> None:
    """Write the success journey with this code as JSON (both languages)."""
    journey = journey_by_code(code)
    if journey is None:
        raise click.ClickException(f"there is no journey with the code {code.strip()!r}")
    output.write(export_json(journey))
