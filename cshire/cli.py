"""``flask --app app cshire …`` commands. Each command owns its transaction."""

import click
from flask import Flask
from sqlalchemy import func, select

from cshire.extensions import db


@click.group("cshire")
def cshire_group() -> None:
    """cshire administration commands."""


@cshire_group.command("demo")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True,
              help="Language of the demo users and content.")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has users.")
def demo_command(lang: str, if_empty: bool) -> None:
    """Load a realistic small CS team (idempotent: running it twice changes nothing)."""
    from cshire.auth.demo import DEMO_PASSWORD, DEMO_USERS
    from cshire.auth.models import User
    from cshire.demo import load_demo

    if if_empty and db.session.scalar(select(func.count(User.id))):
        click.echo("Database already has users; demo data not loaded.")
        return
    summary = load_demo(lang)
    db.session.commit()
    for line in summary:
        click.echo(line)
    click.echo(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
    for email, _name, roles in DEMO_USERS:
        click.echo(f"  {email:<28} {', '.join(sorted(r.value for r in roles))}")


@cshire_group.command("create-user")
@click.option("--email", required=True)
@click.option("--name", "display_name", required=True)
@click.option("--role", "role_names", multiple=True, required=True,
              type=click.Choice(["admin", "manager", "interviewer", "csm", "new_hire"]))
@click.password_option()
def create_user_command(email: str, display_name: str, role_names: tuple[str, ...],
                        password: str) -> None:
    """Create a user, e.g. the first administrator of a production installation."""
    from cshire.auth.messages import AuthError
    from cshire.auth.models import Role
    from cshire.auth.services import create_user

    try:
        create_user(email=email, display_name=display_name, password=password,
                    roles={Role(r) for r in role_names})
    except AuthError as error:
        raise click.ClickException(f"not created: {error.message()}") from error
    db.session.commit()
    click.echo(f"Created {email}.")


def init_app(app: Flask) -> None:
    from cshire.evaluations.cli import register as register_evaluation_commands
    from cshire.evaluations.cli_metrics import register as register_metrics_command
    from cshire.interviews.cli import register as register_hiring_commands
    from cshire.training.cli import register as register_training_commands

    register_hiring_commands(cshire_group)
    register_training_commands(cshire_group)
    register_evaluation_commands(cshire_group)
    register_metrics_command(cshire_group)
    app.cli.add_command(cshire_group)
