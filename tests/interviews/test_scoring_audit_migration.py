"""The migration that moves the scorecard audit trail (``scorecard_changes``) into the
one audit trail (``audit_entries``), and back, on a scratch database (SQLite, and
PostgreSQL when TEST_DATABASE_URL is set)."""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command

from cshire.extensions import db
from tests.migration_rows import insert_row, migrated_to
from tests.test_migrations import scratch_url  # noqa: F401 - the scratch database fixture

BEFORE = "c37dbdd6dbb4"
MIGRATION = "bddd8b1bc939"
AT = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
# actor (the first or second user), field, on a kit item?, old, new, reason — as the
# scoring service used to write them
CHANGES = [
    (0, "status", False, "submitted", "draft", "Rated the wrong answer"),
    (1, "rating", True, "3", "5", ""),
    (1, "not_asked", True, "", "yes", ""),
    (1, "note", True, "Named the goal", "", ""),
    (1, "recommendation", False, "yes", "strong_yes", ""),
]


def test_scorecard_changes_move_into_the_audit_trail_and_back(scratch_url):  # noqa: F811
    with migrated_to(scratch_url, BEFORE) as config:
        scorecard_id, item_id, (manager, interviewer) = _old_trail()

        command.upgrade(config, MIGRATION)
        moved = _rows("SELECT entity_type, entity_id, field, old_value, new_value, actor_id,"
                      " reason FROM audit_entries ORDER BY id")
        question = f"q{item_id}"
        assert moved == [
            ("scorecards", scorecard_id, "status", "submitted", "draft", manager,
             "Rated the wrong answer"),
            ("scorecards", scorecard_id, f"{question}.rating", "3", "5", interviewer, ""),
            ("scorecards", scorecard_id, f"{question}.not_asked", "false", "true",
             interviewer, ""),
            ("scorecards", scorecard_id, f"{question}.note", "Named the goal", "",
             interviewer, ""),
            ("scorecards", scorecard_id, "recommendation", "yes", "strong_yes",
             interviewer, ""),
        ]
        assert "scorecard_changes" not in sa.inspect(db.engine).get_table_names()

        command.downgrade(config, BEFORE)
        restored = _rows("SELECT actor_id, field, kit_item_id, old_value, new_value, reason"
                         " FROM scorecard_changes ORDER BY id")
        actors = (manager, interviewer)
        assert restored == [
            (actors[actor], field, item_id if on_item else None, old, new, reason)
            for actor, field, on_item, old, new, reason in CHANGES]
        assert _rows("SELECT id FROM audit_entries") == []
        db.engine.dispose()


def _old_trail() -> tuple[int, int, tuple[int, int]]:
    """A scorecard, a kit item, two users and the scorecard's old trail. The parents of
    the scorecard and the item are left out (foreign keys off for this transaction):
    only these rows matter here."""
    with db.engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if not postgres:  # a PRAGMA of the connection, outside any transaction
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        with connection.begin():
            if postgres:
                connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            scorecard_id = insert_row("scorecards", connection)
            item_id = insert_row("kit_items", connection)
            actors = tuple(insert_row("users", connection, email=f"user{n}@example.test")
                           for n in range(2))
            changes = _table(connection, "scorecard_changes")
            connection.execute(changes.insert(), [
                {"scorecard_id": scorecard_id, "actor_id": actors[actor], "at": AT,
                 "field": field,
                 "kit_item_id": item_id if on_item else None, "old_value": old,
                 "new_value": new, "reason": reason}
                for actor, field, on_item, old, new, reason in CHANGES
            ])
        if not postgres:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
    return scorecard_id, item_id, actors


def _table(connection, name: str) -> sa.Table:
    return sa.Table(name, sa.MetaData(), autoload_with=connection)






def _rows(sql: str) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]
