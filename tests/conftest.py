"""Shared fixtures: a function-scoped app on in-memory SQLite (or on PostgreSQL when
TEST_DATABASE_URL is set), a client, fast sign-in, and query counting."""

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask, g
from flask.testing import FlaskClient
from hypothesis import settings
from sqlalchemy import event
from sqlalchemy.pool import StaticPool

from cshire import create_app
from cshire.auth.models import Role, User
from cshire.extensions import db
from tests import factories

# A busy machine (CI, parallel builds) must not turn a slow example into a failure:
# hypothesis checks correctness here, not speed.
settings.register_profile("cshire", deadline=None)
settings.load_profile("cshire")

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


def app_config(**overrides) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": "localhost",
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL or "sqlite://",
    }
    if not TEST_DATABASE_URL:
        # One shared in-memory connection so every session sees the same tables.
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            "poolclass": StaticPool, "connect_args": {"check_same_thread": False}
        }
    config.update(overrides)
    return config


class RequestIsolatingClient(FlaskClient):
    """Tests hold an app context open, and Flask reuses it for every request, so ``g``
    (where Flask-Login caches the signed-in user) would leak from one request into the
    next. Production has a fresh ``g`` per request; so does this client."""

    def open(self, *args, **kwargs):
        for name in list(vars(g)):
            delattr(g, name)
        return super().open(*args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogs() -> None:
    """Tests see the current translations even when run without `make`."""
    from tools.catalogs import compile_catalogs

    compile_catalogs()


@pytest.fixture(scope="session")
def _postgres_schema() -> Iterator[None]:
    """On PostgreSQL the schema is created once per run and emptied after each test."""
    if not TEST_DATABASE_URL:
        yield
        return
    app = create_app(app_config())
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


_sqlite_template: sqlite3.Connection | None = None


def _sqlite_with_schema() -> sqlite3.Connection:
    """A new in-memory SQLite database holding the whole schema, copied (SQLite's
    backup API, well under a millisecond) from one built once per run by
    ``db.create_all``."""
    global _sqlite_template
    if _sqlite_template is None:
        schema_app = create_app(app_config())
        with schema_app.app_context():
            db.create_all()
            _sqlite_template = sqlite3.connect(":memory:", check_same_thread=False)
            db.engine.raw_connection().driver_connection.backup(_sqlite_template)
            db.engine.dispose()
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _sqlite_template.backup(connection)
    return connection


def _new_app() -> Flask:
    if TEST_DATABASE_URL:
        app = create_app(app_config())
    else:
        app = create_app(app_config(SQLALCHEMY_ENGINE_OPTIONS={
            "poolclass": StaticPool, "creator": _sqlite_with_schema}))
    app.test_client_class = RequestIsolatingClient
    return app


@pytest.fixture(scope="session")
def _shared_app() -> tuple[Flask, dict]:
    """Building an app compiles every URL rule (tens of milliseconds, growing with the
    routes), so tests share one app and each gets a fresh database, config and caches
    instead. A test that changes the app itself (adds a route) uses ``own_app``."""
    app = _new_app()
    return app, dict(app.config)


def _reset_app_state(app: Flask, config: dict) -> None:
    app.config.clear()
    app.config.update(config)
    # Per-process caches are keyed by data generations and fingerprints that restart
    # with every fresh database: an entry from an earlier test must never be served.
    app.extensions["cshire.page_cache"].clear()
    app.extensions.pop("cshire.memos", None)


@pytest.fixture
def app(_shared_app, _postgres_schema) -> Iterator[Flask]:
    app, config = _shared_app
    _reset_app_state(app, config)
    with app.app_context():
        yield app
        _end_test_database()


@pytest.fixture
def own_app(_postgres_schema) -> Iterator[Flask]:
    """An app of the test's own, for a test that changes the app (e.g. adds a route)."""
    app = _new_app()
    with app.app_context():
        yield app
        _end_test_database()


@pytest.fixture
def race_app(_postgres_schema, tmp_path) -> Iterator[Flask]:
    """An app whose requests can run at the same time on their own threads and
    database connections: the test database on PostgreSQL, a file on SQLite (whose
    in-memory test database is one shared connection). No app context is pushed."""
    if TEST_DATABASE_URL:
        app = create_app(app_config())
    else:
        app = create_app(app_config(
            SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'race.sqlite'}",
            SQLALCHEMY_ENGINE_OPTIONS={"connect_args": {"timeout": 30}}))
        with app.app_context():
            db.create_all()
    yield app
    with app.app_context():
        if TEST_DATABASE_URL:
            _truncate_all()
        db.engine.dispose()


def _end_test_database() -> None:
    db.session.remove()
    if TEST_DATABASE_URL:
        _truncate_all()
    # SQLite: closes the in-memory database; the next test's first query gets a new one.
    db.engine.dispose()


def _truncate_all() -> None:
    tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def login(client: FlaskClient, user: User) -> FlaskClient:
    """Sign in without the login form (fast); one test goes through the real form."""
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
    return client


@pytest.fixture
def as_role(app: Flask, client: FlaskClient):
    """``as_role(Role.MANAGER)`` → a client signed in as a new user with that role."""

    def sign_in(*roles: Role, **kwargs) -> FlaskClient:
        user = factories.user(*roles, **kwargs)
        db.session.commit()
        return login(client, user)

    return sign_in


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn, _cursor, statement, *_args) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "PRAGMA")):
            self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextmanager
def count_queries() -> Iterator[QueryCounter]:
    """Count the SQL statements issued inside the block (for no-query-per-row tests)."""
    counter = QueryCounter()
    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)


def assert_fixed_query_count(client: FlaskClient, url: str, grow, *, sizes=(1, 6)) -> int:
    """Load ``url`` after ``grow(n)`` made n rows, for each n in ``sizes``, and assert the
    page issues the same number of queries every time: no query per row."""
    counts = []
    for size in sizes:
        grow(size)
        db.session.commit()
        db.session.expire_all()
        with count_queries() as counter:
            response = client.get(url)
        assert response.status_code == 200, response.status_code
        counts.append(counter.count)
    assert len(set(counts)) == 1, f"query count grows with rows: {counts}"
    return counts[0]


@pytest.fixture
def weasyprint_warnings() -> Iterator[list[str]]:
    """Collects the ``weasyprint`` logger's warnings: a missing font or glyph only shows
    there (the PDF is written anyway), so PDF tests assert this list stays clean."""
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


ALL_ROLES = tuple(Role)


def pytest_sessionfinish(session, exitstatus):
    """In CI nothing may be skipped: a skipped test there is a failure."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(f"CI=true: {skipped} skipped test(s) count as failures.", red=True)
        session.exitstatus = 1
