"""One way to decide, one decision per step: offers, hires and rejections are
decisions (a rationale, a reason against the opening's rule); the status control makes
only the other moves; a decision or move made from a page that no longer shows the
latest one is refused, naming who came first. (The same under real races:
test_decisions_races.py.)"""

from datetime import UTC, datetime

import pytest
from flask import url_for
from sqlalchemy import update

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.messages import HiringError, StepTaken
from cshire.interviews.models.candidates import Application
from cshire.interviews.services import decisions
from cshire.interviews.services.candidates import allowed_statuses, change_status
from cshire.interviews.services.decisions import record_decision
from tests import factories
from tests.conftest import login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text


@pytest.mark.parametrize(("status", "moves"), [
    ("applied", ["interviewing", "withdrawn"]),
    ("interviewing", ["withdrawn"]),
    ("offer", ["interviewing", "withdrawn"]),
    ("hired", []), ("rejected", []), ("withdrawn", []),
])
def test_the_status_control_offers_only_moves_that_are_not_decisions(app, status, moves):
    application = make.application(make.opening(), status=status)
    assert [s.value for s in allowed_statuses(application)] == moves


@pytest.mark.parametrize("status", ["offer", "hired", "rejected"])
def test_the_status_control_refuses_offers_hires_and_rejections(app, status):
    opening = make.opening(threshold=60)
    application = make.application(opening, status="interviewing")
    with pytest.raises(HiringError) as refused:
        change_status(application, status, actor=opening.hiring_manager)
    assert refused.value.code == "decision_required"
    db.session.expire_all()
    assert application.status == "interviewing" and len(application.events) == 1


def test_back_to_interviewing_from_an_offer_is_a_move_kept_in_the_history(app):
    opening = make.opening()
    application = make.application(opening, status="interviewing")
    record_decision(application, actor=opening.hiring_manager, outcome="offer",
                    rationale="Ready for an offer")
    change_status(application, "interviewing", actor=opening.hiring_manager,
                  note="One more conversation with the team first")
    assert application.status == "interviewing"
    assert [(e.from_status, e.to_status, e.note) for e in application.events][1:] == [
        ("interviewing", "offer", "Ready for an offer"),
        ("offer", "interviewing", "One more conversation with the team first")]


def test_an_offer_below_the_threshold_is_a_decision_against_the_rule(app):
    opening = make.opening(threshold=60)
    application = make.application(opening, status="interviewing")
    make.rate(make.interview(application, [make.interviewer()]).scorecards[0], [2, 2, 2])
    manager = opening.hiring_manager
    with pytest.raises(HiringError) as refused:
        record_decision(application, actor=manager, outcome="offer", rationale="Good fit")
    assert refused.value.code == "departure_reason_required"
    decision = record_decision(application, actor=manager, outcome="offer",
                               rationale="Good fit", departure_reason="References")
    assert decision.departs_from_rule and application.status == "offer"


def test_decisions_are_numbered_one_step_each(app):
    opening = make.opening(stages=2)
    application = make.application(opening, status="interviewing")
    make.interview(application, [make.interviewer()])
    manager = opening.hiring_manager
    first = record_decision(application, actor=manager, outcome="advance", rationale="Next")
    second = record_decision(application, actor=manager, outcome="reject", rationale="No",
                             step=2)
    assert (first.step, second.step) == (1, 2)
    assert [d.outcome for d in application.decisions] == ["advance", "reject"]


def test_a_decision_from_a_page_that_missed_one_names_who_decided_and_when(app):
    opening = make.opening()
    application = make.application(opening, status="interviewing")
    ana = factories.user(Role.ADMIN, name="Ana Admin")
    at = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
    record_decision(application, actor=ana, outcome="offer", rationale="Offer", now=at)
    with pytest.raises(StepTaken) as refused:
        record_decision(application, actor=opening.hiring_manager, outcome="reject",
                        rationale="Not for us", step=1)
    assert refused.value.code == "already_decided"
    assert refused.value.message() == (
        "Already decided by Ana Admin at May 1, 2026 9:30\u202fAM UTC: Make an offer. Nothing was "
        "recorded; reload the page to see that decision.")
    assert [d.outcome for d in application.decisions] == ["offer"]


def test_a_status_move_from_a_page_that_missed_a_decision_is_refused(app):
    opening = make.opening()
    application = make.application(opening, status="interviewing")
    record_decision(application, actor=opening.hiring_manager, outcome="hire",
                    rationale="Hire")
    with pytest.raises(StepTaken) as refused:
        change_status(application, "withdrawn", actor=opening.hiring_manager,
                      seen="interviewing")
    assert refused.value.code == "already_decided"
    assert application.status == "hired"


def test_a_decision_from_a_page_that_showed_another_status_names_the_move(app):
    opening = make.opening()
    application = make.application(opening, status="interviewing")
    manager = opening.hiring_manager
    record_decision(application, actor=manager, outcome="offer", rationale="Offer")
    change_status(application, "interviewing", actor=manager, note="One more stage")
    with pytest.raises(StepTaken) as refused:  # the page still showed the offer
        record_decision(application, actor=manager, outcome="hire", rationale="Hire",
                        step=2, seen="offer")
    assert refused.value.code == "already_moved"
    assert refused.value.params["status"] == "interviewing"
    assert application.status == "interviewing"


def test_a_status_move_goes_through_after_an_advance_that_kept_the_status(app):
    """A step is the status: an advance to the next stage keeps it, so the candidate's
    withdrawal from that status is still the next move (and kept after it)."""
    opening = make.opening(stages=2)
    application = make.application(opening, status="interviewing")
    make.interview(application, [make.interviewer()])
    manager = opening.hiring_manager
    record_decision(application, actor=manager, outcome="advance", rationale="Next stage")
    change_status(application, "withdrawn", actor=manager, seen="interviewing")
    assert application.status == "withdrawn"


def test_the_database_refuses_a_move_when_another_request_moved_first(app):
    """The status UPDATE carries WHERE status = <the status read>: even a request that
    passed every check cannot move an application someone else moved meanwhile."""
    opening = make.opening()
    application = make.application(opening, status="interviewing")
    db.session.commit()
    db.session.execute(update(Application).where(Application.id == application.id)
                       .values(status="withdrawn")
                       .execution_options(synchronize_session=False))
    assert application.status == "interviewing"  # what this request read
    with pytest.raises(StepTaken):
        record_decision(application, actor=opening.hiring_manager, outcome="hire",
                        rationale="Hire")
    db.session.rollback()
    assert application.decisions == []


def test_the_database_keeps_one_decision_when_two_take_the_same_number(app, monkeypatch):
    """(application, step) is unique: a decision that counted its number before another
    one was committed with it records nothing and names that one."""
    opening = make.opening(stages=2)
    application = make.application(opening, status="interviewing")
    make.interview(application, [make.interviewer()])
    manager = opening.hiring_manager
    record_decision(application, actor=manager, outcome="advance", rationale="First")
    # As if this request had counted before the first decision was committed.
    monkeypatch.setattr(decisions, "next_step", lambda _application: 1)
    with pytest.raises(StepTaken) as refused:
        record_decision(application, actor=manager, outcome="advance", rationale="Second")
    assert refused.value.code == "already_decided"
    assert [d.rationale for d in application.decisions] == ["First"]


# ------------------------------------------------------------------------ HTTP


def test_the_candidate_page_decides_offers_and_moves_other_statuses_apart(client, app):
    application = make.scored_application()
    login(client, application.opening.hiring_manager)
    body = _text(client.get(url_for("interviews.application_scorecard",
                                    application_id=application.id)))
    status_control = body.split('name="status"')[1].split("</select>")[0]
    assert '<option value="withdrawn">Withdrawn</option>' in status_control
    for decision in ("offer", "hired", "rejected"):
        assert f'value="{decision}"' not in status_control
    assert "Make an offer" in body and 'name="step" type="hidden" value="1"' in body
    assert body.count('id="decision-seen"') == body.count('id="status-seen"') == 1


def test_hiring_through_the_status_control_is_refused_with_a_message(client, app):
    application = make.scored_application(threshold=60)  # fit 33: below the threshold
    login(client, application.opening.hiring_manager)
    response = client.post(url_for("interviews.application_status",
                                   application_id=application.id),
                           data={"status": "hired"}, follow_redirects=True)
    assert "An offer, a hire or a rejection is a decision" in _text(response)
    db.session.expire_all()
    assert application.status == "interviewing" and application.decisions == []


def test_a_decision_on_a_stale_page_names_who_decided_first(client, app):
    application = make.scored_application()
    manager = application.opening.hiring_manager
    record_decision(application, actor=manager, outcome="reject", rationale="Below",
                    departure_reason="")
    db.session.commit()
    login(client, manager)
    refused = client.post(url_for("interviews.application_decide",
                                  application_id=application.id),
                          data={"outcome": "hire", "rationale": "Great", "step": "1",
                                "departure_reason": "References"})
    assert refused.status_code == 422
    assert f"Already decided by {manager.display_name}" in _text(refused)
    assert ": Reject. Nothing was recorded" in _text(refused)
