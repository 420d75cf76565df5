"""Cycles: creating one with participants from the manager's teams, adding and
removing participants, closing, and the cycle page's fixed query count."""

from datetime import date

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.evaluations.models.cycles import Evaluation, EvaluationCycle, EvaluationStatus
from cshire.extensions import db
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.evaluations import factories_cycles as make
from tests.training.factories import journey


@pytest.fixture
def teams(app):
    first = make.team_with_csms()
    second = make.team_with_csms(first.competencies)
    db.session.commit()
    return first, second


def new_cycle(client, **overrides):
    data = {"name": "2026 Q3 review", "period": "2026-q3", "journey_id": str(journey().id),
            "self_due_on": "2026-10-07", "manager_due_on": "2026-10-14"}
    db.session.commit()
    data.update(overrides)
    return client.post(url_for("evaluations.cycle_new"), data=data)


def test_a_manager_creates_a_cycle_for_their_team(client, teams):
    first, _second = teams
    login(client, first.manager)
    page = client.get(url_for("evaluations.cycle_new")).get_data(as_text=True)
    assert first.csm.display_name in page and _second.csm.display_name not in page
    response = new_cycle(client, participant_ids=[str(first.csm.id), str(first.peer.id)])
    assert response.status_code == 302
    cycle = db.session.query(EvaluationCycle).one()
    assert (cycle.period, cycle.self_due_on) == ("2026-Q3", date(2026, 10, 7))
    assert {(e.csm_id, e.manager_id) for e in cycle.evaluations} == {
        (first.csm.id, first.manager.id), (first.peer.id, first.manager.id)}
    page = client.get(response.location).get_data(as_text=True)
    assert first.peer.display_name in page and "Draft" in page


def test_another_teams_csm_is_refused(client, teams):
    first, second = teams
    login(client, first.manager)
    response = new_cycle(client, participant_ids=[str(second.csm.id)])
    assert response.status_code == 200
    assert "is not a CSM of a team you manage" in response.get_data(as_text=True)
    assert db.session.query(EvaluationCycle).count() == 0


def test_bad_input_is_reported_under_its_fields(client, teams):
    first, _second = teams
    login(client, first.manager)
    response = new_cycle(client, period="Q3", manager_due_on="2026-10-01", journey_id="",
                         participant_ids=[])
    page = response.get_data(as_text=True)
    assert "Give a month like 2026-07 or a quarter like 2026-Q3." in page
    assert "The manager review is due on or after the self-review." in page
    assert "Choose the journey" in page
    assert "Choose at least one participant." in page


def test_an_admin_picks_csms_of_any_team(client, teams):
    first, second = teams
    admin = factories.user(Role.ADMIN)
    db.session.commit()
    login(client, admin)
    new_cycle(client, participant_ids=[str(first.csm.id), str(second.csm.id)])
    cycle = db.session.query(EvaluationCycle).one()
    assert {e.manager_id for e in cycle.evaluations} == {first.manager.id, second.manager.id}
    # The second team's manager sees the cycle they evaluate in, not the first's CSM.
    login(client, second.manager)
    assert client.get(url_for("evaluations.cycle_detail",
                              cycle_id=cycle.id)).status_code == 200


def test_participants_are_added_and_removed_while_nothing_is_submitted(client, teams):
    first, _second = teams
    cycle = make.cycle(first.manager, [first.csm])
    db.session.commit()
    login(client, first.manager)
    client.post(url_for("evaluations.cycle_participants", cycle_id=cycle.id),
                data={"version": cycle.version, "participant_ids": [str(first.peer.id)]})
    db.session.expire_all()
    assert {e.csm_id for e in cycle.evaluations} == {first.csm.id, first.peer.id}
    peer_evaluation = next(e for e in cycle.evaluations if e.csm_id == first.peer.id)
    client.post(url_for("evaluations.cycle_participant_remove",
                        evaluation_id=peer_evaluation.id))
    db.session.expire_all()
    assert {e.csm_id for e in cycle.evaluations} == {first.csm.id}
    # A submitted one stays.
    make.at_status(cycle.evaluations[0], EvaluationStatus.SELF_SUBMITTED)
    db.session.commit()
    response = client.post(url_for("evaluations.cycle_participant_remove",
                                   evaluation_id=cycle.evaluations[0].id),
                           follow_redirects=True)
    assert "has been submitted, so they stay in the cycle" in response.get_data(as_text=True)
    assert db.session.query(Evaluation).count() == 1


def test_a_closed_cycle_changes_no_more(client, teams):
    first, _second = teams
    cycle = make.cycle(first.manager, [first.csm])
    db.session.commit()
    evaluation = cycle.evaluations[0]
    login(client, first.manager)
    assert "Close cycle" in client.get(url_for("evaluations.cycle_close",
                                               cycle_id=cycle.id)).get_data(as_text=True)
    client.post(url_for("evaluations.cycle_close", cycle_id=cycle.id),
                data={"version": cycle.version})
    db.session.expire_all()
    assert cycle.closed_at is not None
    login(client, first.csm)
    response = client.post(url_for("evaluations.evaluation_self", evaluation_id=evaluation.id),
                           data={"version": evaluation.version, "text": "Late."})
    assert "This cycle is closed" in response.get_data(as_text=True)
    db.session.expire_all()
    assert evaluation.weakest_step_reflection == ""


def test_the_cycle_page_issues_a_fixed_number_of_queries(client, teams):
    first, _second = teams
    cycle = make.cycle(first.manager, [])
    db.session.commit()

    def grow(n):
        for _ in range(n):
            member = factories.user(Role.CSM, team=first.team)
            cycle.evaluations.append(Evaluation(csm=member, manager=first.manager))

    login(client, first.manager)
    assert_fixed_query_count(client, url_for("evaluations.cycle_detail", cycle_id=cycle.id),
                             grow)
    assert_fixed_query_count(client, url_for("evaluations.cycles"), grow)
