"""The migration that gives every application a candidate row of its own, and back, on
a scratch database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic import command

from cshire.extensions import db
from tests.migration_rows import insert_row, migrated_to
from tests.test_migrations import scratch_url  # noqa: F401 - the scratch database fixture

BEFORE = "bddd8b1bc939"
MIGRATION = "66a17e6b6745"
AT = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
AIKO = {"name": "Aiko Tanaka", "email": "aiko@example.org", "phone": "+81 90 1111 2222",
        "source": "referral", "notes": "Strong on renewals", "consent_on": date(2026, 4, 1)}
EVENTS = "SELECT application_id FROM application_events"
CANDIDATE = "SELECT name, email, phone, source, notes, consent_on FROM candidates WHERE id = :id"


def test_shared_candidates_split_into_one_row_per_application_and_back(scratch_url):  # noqa: F811
    with migrated_to(scratch_url, BEFORE) as config:
        ids = _shared_candidate()

        command.upgrade(config, MIGRATION)
        rows = _rows("SELECT id, opening_id, candidate_id FROM applications ORDER BY id")
        owners = {application: (opening, candidate) for application, opening, candidate in rows}
        first, copy = owners[ids["first"]][1], owners[ids["second"]][1]
        assert first == ids["aiko"] and copy not in (ids["aiko"], ids["ken"])
        assert owners[ids["ken_application"]][1] == ids["ken"]
        assert _rows(CANDIDATE, id=first) == _rows(CANDIDATE, id=copy)
        assert [_rows("SELECT opening_id FROM candidates WHERE id = :id", id=row)
                for row in (first, copy)] == [[(opening,)] for opening in ids["openings"]]
        assert _rows("SELECT id FROM candidates WHERE email = 'nobody@example.org'") == []
        assert _rows(EVENTS) == [(ids["first"],)]  # SQLite's table rebuild cascaded nothing
        with pytest.raises(sa.exc.IntegrityError):  # one email per opening, now
            insert_row("candidates", opening_id=ids["openings"][0], **AIKO)

        command.downgrade(config, BEFORE)
        assert _rows("SELECT id, candidate_id FROM applications ORDER BY id") == sorted([
            (ids["first"], ids["aiko"]), (ids["second"], ids["aiko"]),
            (ids["ken_application"], ids["ken"])])
        assert _rows("SELECT id FROM candidates ORDER BY id") == [(ids["aiko"],), (ids["ken"],)]
        assert _rows(EVENTS) == [(ids["first"],)]
        db.engine.dispose()


def _shared_candidate() -> dict:
    """Aiko applied to two openings through one candidate row; Ken to one; a third
    candidate row has no application."""
    manager = insert_row("users", email="manager@example.test")
    profile = insert_row("high_performer_profiles", created_by_id=manager)
    openings = [insert_row("openings", profile_id=profile, hiring_manager_id=manager)
                for _ in range(2)]
    aiko = insert_row("candidates", **AIKO)
    ken = insert_row("candidates", name="Ken", email="ken@example.org")
    insert_row("candidates", name="Nobody", email="nobody@example.org")
    first = insert_row("applications", opening_id=openings[0], candidate_id=aiko)
    insert_row("application_events", application_id=first, to_status="applied")
    return {
        "openings": openings, "aiko": aiko, "ken": ken, "first": first,
        "ken_application": insert_row("applications", opening_id=openings[0], candidate_id=ken),
        "second": insert_row("applications", opening_id=openings[1], candidate_id=aiko),
    }






def _rows(sql: str, **params: object) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.text(sql), params)]
