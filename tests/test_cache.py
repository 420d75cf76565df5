"""The data generation: every committed write moves it, once per transaction; reads,
login throttling and rollbacks do not. The page cache is an LRU."""

from flask import url_for
from sqlalchemy import update

from cshire.auth.models import LoginAttempt, Role
from cshire.cache import PageCache, bump, current_generation
from cshire.extensions import db
from cshire.interviews.models.decisions import DebriefNote
from tests import factories
from tests.conftest import login
from tests.interviews import factories_process as make


def test_insert_update_and_delete_each_move_the_generation_once(app):
    assert current_generation() == 0  # no row until the first write
    application = make.application(make.opening())
    note = make.add_debrief(application, application.opening.hiring_manager)
    db.session.commit()  # many rows, one transaction: one step
    assert current_generation() == 1
    application.candidate.name = "Renamed"
    db.session.commit()
    assert current_generation() == 2
    db.session.delete(note)
    db.session.commit()
    assert current_generation() == 3


def test_bulk_statements_and_explicit_bumps_move_it(app):
    application = make.application(make.opening())
    make.add_debrief(application, application.opening.hiring_manager)
    db.session.commit()
    before = current_generation()
    db.session.execute(update(DebriefNote).values(text="")
                       .execution_options(synchronize_session=False))
    db.session.commit()
    assert current_generation() == before + 1
    bump()
    db.session.commit()
    assert current_generation() == before + 2


def test_a_rollback_leaves_the_generation_as_it_was(app):
    make.opening()
    db.session.commit()
    before = current_generation()
    make.application(make.opening())
    db.session.flush()
    db.session.rollback()
    assert current_generation() == before
    make.application(make.opening())  # the next transaction still counts
    db.session.commit()
    assert current_generation() == before + 1


def test_a_rolled_back_savepoint_does_not_hide_a_later_write(app):
    opening = make.opening()
    db.session.commit()
    before = current_generation()
    with db.session.begin_nested() as savepoint:
        make.application(opening)
        savepoint.rollback()
    opening.title = "Changed after the savepoint"
    db.session.commit()
    assert current_generation() == before + 1


def test_reads_unchanged_attributes_and_login_throttling_do_not_move_it(app, client):
    manager = factories.user(Role.MANAGER)
    application = make.application(make.opening(manager))
    db.session.commit()
    before = current_generation()
    application.candidate.name = application.candidate.name  # set, but not changed
    db.session.add(LoginAttempt(key="email:someone@example.test"))
    db.session.commit()
    login(client, manager)
    pages = (("interviews.application_scorecard", {"application_id": application.id}),
             ("interviews.opening_compare", {"opening_id": application.opening_id}),
             ("main.dashboard", {}))
    for endpoint, args in pages:
        assert client.get(url_for(endpoint, **args)).status_code == 200
    assert current_generation() == before


def test_the_page_cache_evicts_the_least_recently_used():
    cache = PageCache(max_entries=2)
    cache.put("a", (b"A", "text/html"))
    cache.put("b", (b"B", "text/html"))
    assert cache.get("a") == (b"A", "text/html")
    cache.put("c", (b"C", "text/html"))
    assert cache.get("b") is None and cache.get("a") and cache.get("c") and len(cache) == 2
