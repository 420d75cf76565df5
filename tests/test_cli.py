"""The `flask cshire …` commands."""

from sqlalchemy import func, select

from cshire.auth.models import Role, User
from cshire.competencies.models import Competency
from cshire.database import Base
from cshire.extensions import db


def _row_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in Base.metadata.sorted_tables
    }


def test_demo_creates_the_demo_team_and_is_idempotent(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["cshire", "demo"])
    assert first.exit_code == 0, first.output
    assert "manager@example.com" in first.output and "demo-pass-1234" in first.output
    manager = db.session.scalar(select(User).where(User.email == "manager@example.com"))
    assert manager.has_role(Role.MANAGER)
    assert db.session.scalar(select(func.count(Competency.id))) >= 18
    counts = _row_counts()
    again = runner.invoke(args=["cshire", "demo"])
    assert again.exit_code == 0, again.output
    db.session.expire_all()
    assert _row_counts() == counts


def test_demo_in_japanese_uses_japanese_names_and_is_idempotent(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["cshire", "demo", "--lang", "ja"])
    assert result.exit_code == 0, result.output
    manager = db.session.scalar(select(User).where(User.email == "manager@example.com"))
    assert manager.display_name == "佐藤 美咲" and manager.locale == "ja"
    from cshire.auth.models import OrganisationSettings

    assert db.session.scalar(select(OrganisationSettings.default_timezone)) == "Asia/Tokyo"
    counts = _row_counts()
    again = runner.invoke(args=["cshire", "demo", "--lang", "ja"])
    assert again.exit_code == 0, again.output
    db.session.expire_all()
    assert _row_counts() == counts


def test_demo_if_empty_leaves_an_existing_database_alone(app):
    from tests import factories

    factories.user(Role.ADMIN)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["cshire", "demo", "--if-empty"])
    assert "not loaded" in result.output
    assert db.session.scalar(select(func.count(User.id))) == 1


def test_create_user_command(app):
    result = app.test_cli_runner().invoke(args=[
        "cshire", "create-user", "--email", "Boss@Example.com", "--name", "Boss",
        "--role", "admin", "--password", "a-long-password"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User).where(User.email == "boss@example.com")).has_role(
        Role.ADMIN)


def test_create_user_command_explains_a_short_password(app):
    result = app.test_cli_runner().invoke(args=[
        "cshire", "create-user", "--email", "a@example.com", "--name", "A",
        "--role", "csm", "--password", "short"])
    assert result.exit_code != 0 and "at least 10 characters" in result.output
