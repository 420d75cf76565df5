"""The evaluation workflow through its pages: self-review, manager review, sharing,
acknowledging; the 1/5 evidence rule; locking and reopening with a reason."""

import pytest
from flask import url_for

from cshire.audit import history
from cshire.evaluations.models.cycles import EvaluationStatus, Rater
from cshire.extensions import db
from tests.conftest import login
from tests.evaluations import factories_cycles as make


@pytest.fixture
def world(app):
    team = make.team_with_csms()
    cycle = make.cycle(team.manager, [team.csm, team.peer])
    db.session.commit()
    evaluation = next(e for e in cycle.evaluations if e.csm_id == team.csm.id)
    return team, cycle, evaluation


def part(evaluation, levels, evidence=("", ""), text="", action="save", version=None):
    data = {"version": str(version or evaluation.version), "text": text, "action": action}
    competencies = sorted(set(levels), key=lambda c: c.code)
    for i, competency in enumerate(competencies):
        data[f"ratings-{i}-competency_id"] = str(competency.id)
        data[f"ratings-{i}-level"] = str(levels[competency] or "")
        data[f"ratings-{i}-evidence"] = evidence[i] if i < len(evidence) else ""
    return data


def url(name, evaluation, **kwargs):
    return url_for(f"evaluations.{name}", evaluation_id=evaluation.id, **kwargs)


def test_the_whole_workflow(client, world):
    team, _cycle, evaluation = world
    c1, c2 = sorted(team.competencies, key=lambda c: c.code)
    login(client, team.csm)
    page = client.get(url("evaluation_detail", evaluation)).get_data(as_text=True)
    assert "Level 1 behaviour" in page and "Level 5 behaviour" in page  # the anchors

    # A 5 without evidence is refused, the message under its field, the input kept.
    response = client.post(url("evaluation_self", evaluation),
                           data=part(evaluation, {c1: 5, c2: 3}, text="Churn at renewal."))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "A 1 or a 5 needs evidence" in page
    assert 'id="ratings-0-evidence-error"' not in page  # placed by the row's base id
    assert f'self-{c1.id}-evidence-error' in page
    assert "Churn at renewal." in page
    db.session.expire_all()
    assert evaluation.ratings == []

    # With evidence: saved, then "Save and submit…" goes to the confirmation.
    response = client.post(url("evaluation_self", evaluation), data=part(
        evaluation, {c1: 5, c2: 3}, ("Rescued the Acme renewal.", ""), "Churn at renewal.",
        action="submit"))
    assert response.status_code == 302
    assert response.location.endswith(url("evaluation_step", evaluation, action="submit_self",
                                          _external=False))
    db.session.expire_all()
    client.post(url("evaluation_step", evaluation, action="submit_self"),
                data={"version": evaluation.version})
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.SELF_SUBMITTED.value
    assert evaluation.self_submitted_at is not None

    # The self part is locked now.
    response = client.post(url("evaluation_self", evaluation),
                           data=part(evaluation, {c1: 4, c2: 3}))
    assert "The self-review is submitted and locked" in response.get_data(as_text=True)

    # The manager sees the self-ratings, rates, submits and shares.
    login(client, team.manager)
    page = client.get(url("evaluation_detail", evaluation)).get_data(as_text=True)
    assert "Rescued the Acme renewal." in page
    client.post(url("evaluation_manager", evaluation), data=part(
        evaluation, {c1: 4, c2: 2}, text="Strong renewals.", action="submit"))
    db.session.expire_all()
    client.post(url("evaluation_step", evaluation, action="submit_manager"),
                data={"version": evaluation.version})
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.MANAGER_SUBMITTED.value
    client.post(url("evaluation_step", evaluation, action="share"),
                data={"version": evaluation.version})
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.SHARED.value

    # The CSM sees the manager's review now and acknowledges it with a comment.
    login(client, team.csm)
    page = client.get(url("evaluation_detail", evaluation)).get_data(as_text=True)
    assert "Strong renewals." in page
    client.post(url("evaluation_step", evaluation, action="acknowledge"),
                data={"version": evaluation.version, "comment": "Agreed, thanks."})
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.ACKNOWLEDGED.value
    reasons = [e.reason for e in history(evaluation) if e.field == "status"]
    assert "Agreed, thanks." in reasons
    page = client.get(url("evaluation_detail", evaluation)).get_data(as_text=True)
    assert "Agreed, thanks." in page


def test_manager_cannot_submit_before_the_self_review(client, world):
    team, _cycle, evaluation = world
    make.rate(evaluation, Rater.MANAGER, dict.fromkeys(team.competencies, 3))
    db.session.commit()
    login(client, team.manager)
    client.post(url("evaluation_step", evaluation, action="submit_manager"),
                data={"version": evaluation.version})
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.DRAFT.value


def test_submitting_an_incomplete_part_marks_the_unrated_rows(client, world):
    team, _cycle, evaluation = world
    c1, c2 = sorted(team.competencies, key=lambda c: c.code)
    login(client, team.csm)
    response = client.post(url("evaluation_self", evaluation),
                           data=part(evaluation, {c1: 3, c2: None}, action="submit"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Rate this competency before submitting." in page
    assert f"self-{c2.id}-level-error" in page and f"self-{c1.id}-level-error" not in page
    db.session.expire_all()
    # The draft was kept; submitting from the confirmation is refused too.
    assert {r.level for r in evaluation.ratings} == {3, None}
    assert evaluation.status == EvaluationStatus.DRAFT.value
    page = client.get(url("evaluation_step", evaluation, action="submit_self")).get_data(
        as_text=True)
    assert "1 is not rated yet" in page


def test_reopen_needs_a_reason_and_returns_to_the_right_state(client, world):
    team, _cycle, evaluation = world
    make.at_status(evaluation, EvaluationStatus.SHARED)
    db.session.commit()
    login(client, team.manager)
    response = client.post(url("evaluation_reopen", evaluation, part="manager"),
                           data={"version": evaluation.version, "reason": ""})
    assert response.status_code == 200
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.SHARED.value
    client.post(url("evaluation_reopen", evaluation, part="manager"),
                data={"version": evaluation.version, "reason": "Missed the Q3 upsell."})
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.SELF_SUBMITTED.value
    assert evaluation.shared_at is None
    client.post(url("evaluation_reopen", evaluation, part="self"),
                data={"version": evaluation.version, "reason": "Wrong period."})
    db.session.expire_all()
    assert evaluation.status == EvaluationStatus.DRAFT.value
    reasons = [e.reason for e in history(evaluation) if e.field == "status"]
    assert reasons == ["Wrong period.", "Missed the Q3 upsell."]


def test_the_csm_cannot_reopen_their_own(client, world):
    team, _cycle, evaluation = world
    make.at_status(evaluation, EvaluationStatus.SELF_SUBMITTED)
    db.session.commit()
    login(client, team.csm)
    response = client.post(url("evaluation_reopen", evaluation, part="self"),
                           data={"version": evaluation.version, "reason": "Oops."})
    assert response.status_code == 403


def test_an_edit_conflict_keeps_the_input(client, world):
    team, _cycle, evaluation = world
    c1, c2 = sorted(team.competencies, key=lambda c: c.code)
    login(client, team.csm)
    stale = evaluation.version
    client.post(url("evaluation_self", evaluation), data=part(evaluation, {c1: 3, c2: 3}))
    response = client.post(url("evaluation_self", evaluation), data=part(
        evaluation, {c1: 2, c2: 2}, text="My second tab.", version=stale))
    page = response.get_data(as_text=True)
    assert "Someone else saved this while you were editing" in page
    assert "My second tab." in page
    db.session.expire_all()
    assert {r.level for r in evaluation.ratings} == {3}
