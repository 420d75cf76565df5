"""Rows for migration tests: written with plain SQL against the schema of a revision
(app models describe only the newest schema), every required column given a plain value."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from cshire import create_app
from cshire.extensions import db
from tests.conftest import app_config

AT = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)


def insert_row(table_name: str, /, connection=None, **values: object) -> int:
    """Insert a row with ``values`` (and a plain value in every other required column)
    into the table as it is now; returns its id."""
    if connection is None:
        with db.engine.begin() as own:
            return insert_row(table_name, own, **values)
    table = sa.Table(table_name, sa.MetaData(), autoload_with=connection)
    row = {column.name: plain_value(column.type) for column in table.columns
           if not column.nullable and not column.primary_key}
    row.update(values)
    return connection.execute(table.insert().values(row)).inserted_primary_key[0]


def plain_value(column_type) -> object:
    for kind, value in ((sa.Boolean, False), (sa.DateTime, AT), (sa.Date, date(2026, 5, 1)),
                        (sa.Integer, 1), (sa.Float, 1.0), (sa.Numeric, 1)):
        if isinstance(column_type, kind):
            return value
    return "x"


@contextmanager
def migrated_to(database_url: str, revision: str) -> Iterator[Config]:
    """An app on ``database_url`` upgraded to ``revision``; inside its app context,
    yields Alembic's config for further upgrades and downgrades."""
    app = create_app(app_config(SQLALCHEMY_DATABASE_URI=database_url,
                                SQLALCHEMY_ENGINE_OPTIONS={}))
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
        command.upgrade(config, revision)
        yield config
