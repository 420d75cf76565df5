"""Who reaches an evaluation, and what each side sees of the other's part."""

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.evaluations.models.cycles import DevelopmentGoal, EvaluationStatus, Rater
from cshire.extensions import db
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.evaluations import factories_cycles as make


@pytest.fixture
def world(app):
    team = make.team_with_csms()
    other = make.team_with_csms(team.competencies)
    cycle = make.cycle(team.manager, [team.csm, team.peer])
    evaluation = next(e for e in cycle.evaluations if e.csm_id == team.csm.id)
    make.rate(evaluation, Rater.SELF, dict.fromkeys(team.competencies, 4), "SELF-EVIDENCE")
    make.rate(evaluation, Rater.MANAGER, dict.fromkeys(team.competencies, 3), "MANAGER-EVIDENCE")
    evaluation.manager_summary = "MANAGER-SUMMARY"
    evaluation.weakest_step_reflection = "SELF-REFLECTION"
    evaluation.goals.append(DevelopmentGoal(position=1, goal="PLAN-GOAL",
                                            competency_id=team.competencies[0].id))
    db.session.commit()
    return team, other, cycle, evaluation


def get(client, user, endpoint, **args):
    login(client, user)
    return client.get(url_for(f"evaluations.{endpoint}", **args))


def test_the_csm_their_manager_and_an_admin_open_it(client, world):
    team, _other, _cycle, evaluation = world
    admin = factories.user(Role.ADMIN)
    db.session.commit()
    for user in (team.csm, team.manager, admin):
        assert get(client, user, "evaluation_detail",
                   evaluation_id=evaluation.id).status_code == 200


def test_a_peer_another_csm_and_another_teams_manager_get_nothing(client, world):
    team, other, cycle, evaluation = world
    for user in (team.peer, other.csm, other.manager):
        assert get(client, user, "evaluation_detail",
                   evaluation_id=evaluation.id).status_code == 404
    assert get(client, other.manager, "cycle_detail", cycle_id=cycle.id).status_code == 403
    assert get(client, other.manager, "calibration", cycle_id=cycle.id).status_code == 403
    login(client, team.peer)
    response = client.post(url_for("evaluations.evaluation_self", evaluation_id=evaluation.id))
    assert response.status_code == 404


def test_each_side_writes_only_its_own_part(client, world):
    team, _other, _cycle, evaluation = world
    login(client, team.manager)
    assert client.post(url_for("evaluations.evaluation_self",
                               evaluation_id=evaluation.id)).status_code == 403
    login(client, team.csm)
    assert client.post(url_for("evaluations.evaluation_manager",
                               evaluation_id=evaluation.id)).status_code == 403
    assert client.get(url_for("evaluations.evaluation_step", evaluation_id=evaluation.id,
                              action="share")).status_code == 403


def test_the_csm_list_shows_their_own_evaluation_only(client, world):
    team, _other, cycle, evaluation = world
    page = get(client, team.csm, "cycles").get_data(as_text=True)
    assert cycle.name in page
    assert url_for("evaluations.evaluation_detail", evaluation_id=evaluation.id,
                   _external=False) in page
    peer_evaluation = next(e for e in cycle.evaluations if e.csm_id == team.peer.id)
    assert url_for("evaluations.evaluation_detail", evaluation_id=peer_evaluation.id,
                   _external=False) not in page
    assert url_for("evaluations.cycle_detail", cycle_id=cycle.id, _external=False) not in page


def test_the_manager_sees_the_self_review_only_once_submitted(client, world):
    team, _other, _cycle, evaluation = world
    page = get(client, team.manager, "evaluation_detail",
               evaluation_id=evaluation.id).get_data(as_text=True)
    assert "SELF-EVIDENCE" not in page and "SELF-REFLECTION" not in page
    make.at_status(evaluation, EvaluationStatus.SELF_SUBMITTED)
    db.session.commit()
    page = get(client, team.manager, "evaluation_detail",
               evaluation_id=evaluation.id).get_data(as_text=True)
    assert "SELF-EVIDENCE" in page and "SELF-REFLECTION" in page


def test_the_csm_sees_the_manager_review_only_once_shared(client, world):
    team, _other, _cycle, evaluation = world
    make.at_status(evaluation, EvaluationStatus.MANAGER_SUBMITTED)
    db.session.commit()
    page = get(client, team.csm, "evaluation_detail",
               evaluation_id=evaluation.id).get_data(as_text=True)
    for secret in ("MANAGER-EVIDENCE", "MANAGER-SUMMARY", "PLAN-GOAL"):
        assert secret not in page
    make.at_status(evaluation, EvaluationStatus.SHARED)
    db.session.commit()
    page = get(client, team.csm, "evaluation_detail",
               evaluation_id=evaluation.id).get_data(as_text=True)
    for secret in ("MANAGER-EVIDENCE", "MANAGER-SUMMARY", "PLAN-GOAL"):
        assert secret in page


def test_the_history_hides_what_the_viewer_may_not_see_yet(client, world):
    team, _other, _cycle, evaluation = world
    c1 = sorted(team.competencies, key=lambda c: c.code)[0]
    login(client, team.manager)
    data = {"version": evaluation.version, "text": "DRAFT-SUMMARY", "action": "save",
            "ratings-0-competency_id": c1.id, "ratings-0-level": "2",
            "ratings-0-evidence": "DRAFT-MANAGER-EVIDENCE"}
    client.post(url_for("evaluations.evaluation_manager", evaluation_id=evaluation.id),
                data=data)
    page = get(client, team.csm, "evaluation_detail",
               evaluation_id=evaluation.id).get_data(as_text=True)
    assert "DRAFT-MANAGER-EVIDENCE" not in page and "DRAFT-SUMMARY" not in page
    page = get(client, team.manager, "evaluation_detail",
               evaluation_id=evaluation.id).get_data(as_text=True)
    assert "DRAFT-MANAGER-EVIDENCE" in page  # in the form and in the history


def test_the_evaluation_page_issues_a_fixed_number_of_queries(client, world):
    team, _other, _cycle, evaluation = world
    make.at_status(evaluation, EvaluationStatus.SHARED)
    db.session.commit()

    def grow(n):
        for _ in range(n):
            competency = factories.competency()
            make.rate(evaluation, Rater.SELF, {competency: 3})
            make.rate(evaluation, Rater.MANAGER, {competency: 4})
            evaluation.goals.append(DevelopmentGoal(
                position=len(evaluation.goals) + 1, goal="More", competency_id=competency.id))

    login(client, team.manager)
    assert_fixed_query_count(client, url_for("evaluations.evaluation_detail",
                                             evaluation_id=evaluation.id), grow)
    login(client, team.csm)
    assert_fixed_query_count(client, url_for("evaluations.evaluation_detail",
                                             evaluation_id=evaluation.id), grow)
