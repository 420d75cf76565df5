"""The calibration page: each manager's distribution and the lenient/severe flag with
how far and n, as computed in test_calibration_rules.py."""

from flask import url_for

from cshire.auth.models import Role
from cshire.evaluations.models.cycles import Evaluation, Rater
from cshire.extensions import db
from tests import factories
from tests.conftest import login
from tests.evaluations import factories_cycles as make


def test_managers_side_by_side_with_the_lenient_one_flagged(client, app):
    # Two managers, ten manager ratings each over two competencies:
    # lenient: 5×4 + 5×5 → mean 4.5; strict: 10×3 → mean 3.0.
    # lenient vs the other: 4.5 − 3.0 = +1.50 (n = 10); strict: −1.50.
    first = make.team_with_csms()
    second = make.team_with_csms(first.competencies)
    c1, c2 = first.competencies
    cycle = make.cycle(first.manager, [])
    for team, levels in ((first, [4, 5]), (second, [3, 3])):
        for _ in range(5):
            member = factories.user(Role.CSM, team=team.team)
            evaluation = Evaluation(csm=member, manager=team.manager)
            cycle.evaluations.append(evaluation)
            db.session.flush()
            make.rate(evaluation, Rater.MANAGER, {c1: levels[0], c2: levels[1]})
            make.rate(evaluation, Rater.SELF, {c1: 1, c2: 1})  # self-ratings never count
    db.session.commit()
    login(client, first.manager)
    page = client.get(url_for("evaluations.calibration", cycle_id=cycle.id)).get_data(
        as_text=True)
    assert "Lenient" in page and "Severe" in page
    assert "+1.50 points vs the others (3.00), n = 10" in page
    assert "−1.50 points vs the others (4.50), n = 10" in page
    assert first.manager.display_name in page and second.manager.display_name in page
    assert "<svg" in page


def test_an_empty_cycle_says_so(client, app):
    team = make.team_with_csms()
    cycle = make.cycle(team.manager, [team.csm])
    db.session.commit()
    login(client, team.manager)
    page = client.get(url_for("evaluations.calibration", cycle_id=cycle.id)).get_data(
        as_text=True)
    assert "No manager has rated anyone in this cycle yet." in page
