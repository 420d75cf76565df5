"""The development plan: goals tied to a competency or a journey step, changed only
while the manager part is open, every change in the history."""

import pytest
from flask import url_for

from cshire.audit import history
from cshire.evaluations.models.cycles import DevelopmentGoal, EvaluationStatus
from cshire.extensions import db
from tests.conftest import login
from tests.evaluations import factories_cycles as make


@pytest.fixture
def world(app, client):
    team = make.team_with_csms()
    cycle = make.cycle(team.manager, [team.csm])
    db.session.commit()
    login(client, team.manager)
    return team, cycle.evaluations[0]


def goal_data(evaluation, **overrides):
    data = {"version": evaluation.version, "competency_id": "", "journey_step": "",
            "goal": "Run renewal calls alone", "actions": "Shadow two renewals",
            "due_on": "2026-12-01"}
    data.update(overrides)
    return data


def test_goals_are_added_edited_and_removed(client, world):
    team, evaluation = world
    competency = team.competencies[0]
    response = client.post(url_for("evaluations.goal_new", evaluation_id=evaluation.id),
                           data=goal_data(evaluation, competency_id=str(competency.id)))
    assert response.status_code == 302
    db.session.expire_all()
    goal = evaluation.goals[0]
    assert (goal.competency_id, goal.goal) == (competency.id, "Run renewal calls alone")

    step = "adoption→expansion"
    client.post(url_for("evaluations.goal_edit", goal_id=goal.id),
                data=goal_data(evaluation, journey_step=step, goal="Lift adoption"))
    db.session.expire_all()
    assert (goal.competency_id, goal.journey_step, goal.goal) == (None, step, "Lift adoption")
    page = client.get(url_for("evaluations.evaluation_detail",
                              evaluation_id=evaluation.id)).get_data(as_text=True)
    assert "Adoption → Expansion" in page

    client.post(url_for("evaluations.goal_remove", goal_id=goal.id),
                data={"version": evaluation.version})
    db.session.expire_all()
    assert evaluation.goals == []
    fields = {entry.field for entry in history(evaluation)}
    assert f"goal.{goal.id}.goal" in fields and f"goal.{goal.id}.journey_step" in fields


def test_a_goal_is_tied_to_something(client, world):
    _team, evaluation = world
    response = client.post(url_for("evaluations.goal_new", evaluation_id=evaluation.id),
                           data=goal_data(evaluation))
    assert "Tie the goal to a competency or to a journey step." in response.get_data(
        as_text=True)
    response = client.post(url_for("evaluations.goal_new", evaluation_id=evaluation.id),
                           data=goal_data(evaluation, journey_step="nowhere→else"))
    assert "Choose a competency or a journey step from the lists." in response.get_data(
        as_text=True)
    assert db.session.query(DevelopmentGoal).count() == 0


def test_the_plan_is_locked_once_the_manager_review_is_submitted(client, world):
    team, evaluation = world
    evaluation.goals.append(DevelopmentGoal(position=1, goal="Keep",
                                            competency_id=team.competencies[0].id))
    make.at_status(evaluation, EvaluationStatus.MANAGER_SUBMITTED)
    db.session.commit()
    goal = evaluation.goals[0]
    response = client.post(url_for("evaluations.goal_edit", goal_id=goal.id),
                           data=goal_data(evaluation, competency_id=str(
                               team.competencies[0].id), goal="Changed"))
    assert "The manager review is submitted and locked" in response.get_data(as_text=True)
    client.post(url_for("evaluations.goal_remove", goal_id=goal.id),
                data={"version": evaluation.version})
    db.session.expire_all()
    assert [g.goal for g in evaluation.goals] == ["Keep"]


def test_the_csm_cannot_change_the_plan(client, world):
    team, evaluation = world
    login(client, team.csm)
    response = client.post(url_for("evaluations.goal_new", evaluation_id=evaluation.id),
                           data=goal_data(evaluation, competency_id=str(
                               team.competencies[0].id)))
    assert response.status_code == 403
