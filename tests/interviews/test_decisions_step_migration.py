"""The migration that numbers each application's decisions (``hiring_decisions.step``,
unique per application), on a scratch database (SQLite, and PostgreSQL when
TEST_DATABASE_URL is set)."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic import command

from cshire.extensions import db
from tests.interviews.test_scoring_audit_migration import _rows
from tests.migration_rows import insert_row, migrated_to
from tests.test_migrations import scratch_url  # noqa: F401 - the scratch database fixture

BEFORE = "bddd8b1bc939"
MIGRATION = "c50d509a20dd"
T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def test_existing_decisions_are_numbered_in_the_order_they_were_taken(scratch_url):  # noqa: F811
    with migrated_to(scratch_url, BEFORE) as config:
        first, second = _two_applications()
        # (application, minutes after T0, outcome), inserted out of order; two of the
        # first application's decisions were taken at the same instant (ids decide).
        for application, minutes, outcome in [
            (first, 30, "hire"), (second, 5, "reject"), (first, 0, "advance"),
            (first, 10, "advance"), (first, 10, "advance"),
        ]:
            _decision(application, T0 + timedelta(minutes=minutes), outcome)

        command.upgrade(config, MIGRATION)
        assert _rows("SELECT application_id, step, outcome FROM hiring_decisions"
                     " ORDER BY application_id, step") == [
            (first, 1, "advance"), (first, 2, "advance"), (first, 3, "advance"),
            (first, 4, "hire"), (second, 1, "reject")]
        # In insertion order: the tie (the last two) is numbered in id order.
        assert _rows("SELECT application_id, step FROM hiring_decisions ORDER BY id") == [
            (first, 4), (second, 1), (first, 1), (first, 2), (first, 3)]
        with pytest.raises(sa.exc.IntegrityError):  # one decision per step from now on
            _decision(first, T0, "reject", step=4)

        command.downgrade(config, BEFORE)
        assert len(_rows("SELECT id FROM hiring_decisions")) == 5
        db.engine.dispose()


def _two_applications() -> tuple[int, int]:
    with db.engine.begin() as connection:
        user = insert_row("users", connection, email="manager@example.test")
        profile = insert_row("high_performer_profiles", connection)
        opening = insert_row("openings", connection, profile_id=profile,
                          hiring_manager_id=user, fit_threshold=None)
        return tuple(insert_row("applications", connection, opening_id=opening,
                             candidate_id=insert_row("candidates", connection,
                                                  email=f"c{n}@example.test"))
                     for n in range(2))


def _decision(application: int, at: datetime, outcome: str, **values: object) -> None:
    with db.engine.begin() as connection:
        insert_row("hiring_decisions", connection, application_id=application,
                decided_at=at, outcome=outcome, **values)
