"""The migration that allows one draft per kit, on a scratch database (SQLite, and
PostgreSQL when TEST_DATABASE_URL is set): extra drafts nobody edited go, the index
then refuses a second draft, and an edited extra draft stops the upgrade."""

from datetime import UTC, datetime
from itertools import count

import pytest
import sqlalchemy as sa
from alembic import command

from cshire.extensions import db
from tests.migration_rows import insert_row, migrated_to
from tests.test_migrations import scratch_url  # noqa: F401 - the scratch database fixture

BEFORE = "c50d509a20dd"
MIGRATION = "58387c1364ea"
AT = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
_sequence = count(1)
VERSIONS = "SELECT number, status FROM interview_kit_versions WHERE kit_id = :kit ORDER BY number"


@pytest.fixture
def migrations(scratch_url):  # noqa: F811
    with migrated_to(scratch_url, BEFORE) as config:
        yield config
        db.engine.dispose()


def test_unedited_extra_drafts_go_and_the_index_refuses_a_second_draft(migrations):
    kit = _kit()
    _version(kit, 1, "published")
    kept = _version(kit, 2, "draft", counter=2)  # edited once: the one to keep
    _version(kit, 3, "draft")  # a double click's untouched copy
    other = _kit()
    _version(other, 1, "published")
    _version(other, 2, "draft")
    _version(other, 3, "draft")

    command.upgrade(migrations, MIGRATION)

    assert _rows(VERSIONS, kit=kit) == [(1, "published"), (2, "draft")]
    assert _rows(VERSIONS, kit=other) == [(1, "published"), (2, "draft")]
    items = _rows("SELECT kit_version_id FROM kit_items ORDER BY kit_version_id")
    assert len(items) == 4 and (kept,) in items  # the deleted drafts' items went with them
    with pytest.raises(sa.exc.IntegrityError):
        _version(kit, 4, "draft")
    _version(kit, 4, "published")  # published versions are not limited

    command.downgrade(migrations, BEFORE)
    _version(kit, 5, "draft")  # a second draft, as before
    assert _rows(VERSIONS, kit=kit) == [(1, "published"), (2, "draft"), (4, "published"),
                                        (5, "draft")]


def test_an_edited_extra_draft_stops_the_upgrade_and_is_kept(migrations):
    kit = _kit()
    _version(kit, 1, "draft", counter=3)
    _version(kit, 2, "draft", counter=2)

    with pytest.raises(RuntimeError, match=f"kit {kit} version 2"):
        command.upgrade(migrations, MIGRATION)

    assert _rows(VERSIONS, kit=kit) == [(1, "draft"), (2, "draft")]


def _kit() -> int:
    user = insert_row("users", email=f"manager{next(_sequence)}@example.test")
    profile = insert_row("high_performer_profiles", created_by_id=user)
    return insert_row("interview_kits", profile_id=profile, created_by_id=user)


def _version(kit: int, number: int, status: str, *, counter: int = 1) -> int:
    """A version with one item; ``counter`` is its version counter (1: never changed)."""
    version = insert_row("interview_kit_versions", kit_id=kit, number=number, status=status,
                      version=counter, published_by_id=None)
    competency = insert_row("competencies", code=f"C{kit}-{number}")
    insert_row("kit_items", kit_version_id=version, competency_id=competency,
            question_id=None, position=1)
    return version






def _rows(sql: str, **params: object) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.text(sql), params)]
