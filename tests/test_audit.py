"""The audit trail (cshire.audit): one row per changed field, nothing for no change,
history newest first with its actors in a fixed number of queries."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from cshire.audit import (
    CREATED,
    AuditEntry,
    Change,
    diff,
    history,
    record_changes,
    record_created,
    snapshot,
)
from cshire.auth.models import Role, Team
from cshire.extensions import db
from tests import factories
from tests.conftest import count_queries


def _rows() -> int:
    return db.session.scalar(select(func.count(AuditEntry.id)))


def test_snapshot_apply_record_writes_one_row_per_changed_field(app):
    competency = factories.competency("LISTEN", name_en="Listening")
    actor = factories.user(Role.MANAGER)
    before = snapshot(competency, "code", "name_en", "category")
    competency.name_en = "Deep listening"
    competency.category = "mindset"
    rows = record_changes(competency, before, actor, reason="  clearer name ")
    db.session.flush()
    assert [(r.field, r.old_value, r.new_value) for r in rows] == [
        ("name_en", "Listening", "Deep listening"), ("category", "skill", "mindset")]
    row = rows[0]
    assert (row.entity_type, row.entity_id) == ("competencies", competency.id)
    assert row.actor_id == actor.id and row.reason == "clearer name"
    assert row.at.tzinfo is not None


def test_nothing_is_written_when_nothing_changed(app):
    competency = factories.competency()
    before = snapshot(competency, "code", "name_en")
    competency.name_en = competency.name_en  # saved unchanged
    assert record_changes(competency, before, None) == []
    assert record_changes(competency, {"archived": Change(False, False)}, None) == []
    db.session.flush()
    assert _rows() == 0


def test_diff_compares_stored_text_and_keeps_both_sides(app):
    before = {"active": True, "team": None, "level1_en": "Asks"}
    after = {"active": False, "team": "", "level1_en": "Asks", "role_admin": True}
    assert diff(before, after) == {
        "active": Change(True, False), "role_admin": Change(None, True)}


def test_values_are_stored_as_text_booleans_times_and_nothing(app):
    competency = factories.competency()
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    rows = record_changes(competency, {
        "archived": Change(False, True), "archived_at": Change(None, when)}, None)
    assert [(r.old_value, r.new_value) for r in rows] == [
        ("false", "true"), ("", "2026-01-02T03:04:05+00:00")]


def test_a_command_line_change_has_no_actor(app):
    competency = factories.competency()
    [row] = record_changes(competency, {"code": Change("OLD", "NEW")}, None)
    db.session.flush()
    assert row.actor_id is None and history(competency)[0].actor is None


def test_creation_is_one_row_and_a_new_record_gets_its_id_first(app):
    team = Team(name="Unflushed")
    db.session.add(team)  # not flushed yet: no id
    row = record_created(team, None)
    assert team.id is not None and row.entity_id == team.id and row.field == CREATED


def test_history_is_newest_first_and_only_of_that_record(app):
    competency, other = factories.competency(), factories.competency()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    record_created(competency, None, at=start)
    for hours, field in [(2, "name_en"), (1, "code")]:
        record_changes(competency, {field: Change("a", "b")}, None,
                       at=start + timedelta(hours=hours))
    record_changes(other, {"code": Change("x", "y")}, None)
    db.session.flush()
    assert [row.field for row in history(competency)] == ["name_en", "code", CREATED]


def test_history_loads_its_actors_in_a_fixed_number_of_queries(app):
    competency = factories.competency()
    counts = []
    for size in (1, 6):
        for n in range(size):
            actor = factories.user(Role.MANAGER, name=f"Actor {size}-{n}")
            record_changes(competency, {"name_en": Change(f"{n}", f"{n + 1}")}, actor)
        db.session.commit()
        db.session.expire_all()
        with count_queries() as counter:
            names = [row.actor.display_name for row in history(competency)]
        assert len(names) == _rows()
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
