"""One decision per step, under real races: two requests decide (or move) the same
application at the same moment, each on its own thread and database connection (the
``race_app`` fixture: PostgreSQL when TEST_DATABASE_URL is set, a SQLite file
otherwise). Exactly one is recorded; the other is told who decided, and when."""

import threading
from collections import Counter

import pytest
from flask import url_for
from sqlalchemy import func, select

from cshire.extensions import db
from cshire.interviews.models.candidates import Application, ApplicationEvent
from cshire.interviews.models.decisions import HiringDecision
from tests.interviews import factories_process as make

# What each request posts, as the candidate page's forms post it (with the decision
# number and the status the page showed): a decision, or a move of the status control.
PAGE = {"seen": "interviewing"}
HIRE = ("decision", {**PAGE, "step": "1", "outcome": "hire", "rationale": "Strong"})
REJECT = ("decision", {**PAGE, "step": "1", "outcome": "reject", "rationale": "Below"})
ADVANCE = ("decision", {**PAGE, "step": "1", "outcome": "advance", "rationale": "Next"})
WITHDRAW = ("status", {**PAGE, "status": "withdrawn", "note": "Took another offer"})


def _world(race_app) -> dict:
    """An interviewing application of a two-stage opening (no fit threshold, so no
    decision needs a departure reason), its first stage held: an "advance" keeps the
    status. Returns the plain values the threads need."""
    with race_app.app_context():
        opening = make.opening(stages=2)
        application = make.application(opening, name="Sato Aiko", status="interviewing")
        make.interview(application, [make.interviewer()])
        db.session.commit()
        return {
            "user_id": opening.hiring_manager.get_id(),
            "application_id": application.id,
            "decision": url_for("interviews.application_decide", application_id=application.id),
            "status": url_for("interviews.application_status", application_id=application.id),
            "page": url_for("interviews.application_scorecard", application_id=application.id),
        }


def _at_once(race_app, world: dict, requests: list[tuple[str, dict]]) -> Counter:
    """Post every request at the same moment, each from its own client; count what
    each one answered."""
    results: Counter = Counter()
    lock = threading.Lock()
    start = threading.Barrier(len(requests))

    def post(kind: str, data: dict) -> None:
        http = race_app.test_client()
        with http.session_transaction() as session:
            session["_user_id"] = world["user_id"]
            session["_fresh"] = True
        start.wait()
        response = http.post(world[kind], data=data, follow_redirects=True)
        body = response.get_data(as_text=True)
        outcome = ("refused" if "Already decided by" in body or "Already moved to" in body
                   else "recorded" if response.status_code == 200 and (
                       "Decision recorded." in body or "Status changed to" in body)
                   else f"HTTP {response.status_code}")
        with lock:
            results[outcome] += 1

    threads = [threading.Thread(target=post, args=request) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _stored(race_app, application_id: int) -> tuple[str, list[str], list[str]]:
    """The application's status, its decisions and its status moves after the race."""
    with race_app.app_context():
        status = db.session.get_one(Application, application_id).status
        decisions = list(db.session.scalars(
            select(HiringDecision.outcome).where(HiringDecision.application_id == application_id)
            .order_by(HiringDecision.id)))
        moves = list(db.session.scalars(
            select(ApplicationEvent.to_status)
            .where(ApplicationEvent.application_id == application_id)
            .order_by(ApplicationEvent.id)))
        return status, decisions, moves


@pytest.mark.parametrize(("first", "second"), [
    (HIRE, REJECT), (HIRE, HIRE), (REJECT, REJECT), (ADVANCE, ADVANCE), (ADVANCE, REJECT),
], ids=["hire-reject", "hire-hire", "reject-reject", "advance-advance", "advance-reject"])
def test_two_simultaneous_decisions_record_exactly_one(race_app, first, second):
    world = _world(race_app)
    results = _at_once(race_app, world, [first, second])
    assert results == Counter({"recorded": 1, "refused": 1})
    status, decisions, moves = _stored(race_app, world["application_id"])
    assert len(decisions) == 1
    expected = {"hire": "hired", "reject": "rejected", "advance": "interviewing"}[decisions[0]]
    assert status == expected
    # The history holds the creation and at most the winner's move: never a move after
    # a closing one.
    assert moves == ["interviewing"] + ([expected] if expected != "interviewing" else [])


@pytest.mark.parametrize("decision", [HIRE, REJECT], ids=["hire", "reject"])
def test_a_decision_and_a_status_move_at_the_same_moment_record_exactly_one(race_app,
                                                                            decision):
    world = _world(race_app)
    results = _at_once(race_app, world, [decision, WITHDRAW])
    assert results == Counter({"recorded": 1, "refused": 1})
    status, decisions, moves = _stored(race_app, world["application_id"])
    if status == "withdrawn":
        assert decisions == [] and moves == ["interviewing", "withdrawn"]
    else:
        assert len(decisions) == 1 and "withdrawn" not in moves


def test_the_second_decision_names_who_decided_first_and_when(race_app):
    world = _world(race_app)
    first, second = race_app.test_client(), race_app.test_client()
    for http in (first, second):
        with http.session_transaction() as session:
            session["_user_id"] = world["user_id"]
            session["_fresh"] = True
    # Both pages are loaded before either decides: the second decision is stale.
    for http in (first, second):
        assert http.get(world["page"]).status_code == 200
    assert first.post(world["decision"], data=HIRE[1]).status_code == 302
    refused = second.post(world["decision"], data=REJECT[1])
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Already decided by" in body and ": Hire. Nothing was recorded" in body
    with race_app.app_context():
        assert db.session.scalar(select(func.count(HiringDecision.id))) == 1
