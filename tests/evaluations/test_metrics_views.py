"""The metrics pages: who sees whose figures, the figures with their n, the funnels,
bad input and empty states, and a fixed number of queries."""

import re

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from tests import factories
from tests.charts.svg_checks import NS as SVG
from tests.charts.svg_checks import parse
from tests.conftest import assert_fixed_query_count, login
from tests.evaluations.metrics_world import account, query, seed
from tests.training import factories as training

TEAM_COLUMN = "Team's conversion"


@pytest.fixture
def world(app):
    return seed()


def get(client, user, endpoint, **args):
    login(client, user)
    return client.get(url_for(endpoint, **args))


def test_a_manager_sees_each_csm_and_the_team_total_with_every_n(client, world):
    page = get(client, world.manager, "evaluations.metrics", **query()).get_data(as_text=True)

    assert "Chris One" in page and "Dana Two" in page
    assert "Team total: Onboarding East" in page
    # Chris A→B 2/2, B→C 0/3; Dana 1/2 and 0/1; the team 3/4 (75%) and 0/4.
    for figure in ("2/2", "0/3", "1/2", "0/1", "3/4", "0/4", "75%"):
        assert figure in page, figure
    assert "37.5 <small class=\"muted\">n = 2</small>" in page  # Chris: 15 and 60 days
    # Dana's a5 was first seen on 1 July: not active at the start, nothing churned.
    assert "Weakest step: B → C, 0% (0 of 4)." in page
    assert 'id="team"' in page  # the team picker


def test_a_csm_sees_only_their_own_row_and_funnel(client, world):
    page = get(client, world.csm, "evaluations.metrics", **query()).get_data(as_text=True)

    assert "Chris One" in page
    assert "Dana Two" not in page
    assert 'id="team"' not in page
    assert "Team total" not in page


def test_an_admin_picks_any_team_and_another_manager_none_but_theirs(client, world):
    assert get(client, world.admin, "evaluations.metrics",
               **query(team=world.team2.id)).status_code == 200
    assert get(client, world.manager2, "evaluations.metrics",
               **query(team=world.team.id)).status_code == 403
    assert get(client, world.manager2, "evaluations.metrics_csv",
               **query(team=world.team.id)).status_code == 403
    own = get(client, world.manager2, "evaluations.metrics", **query()).get_data(as_text=True)
    assert "Chris One" not in own and "This team has no active CSM to measure." in own


@pytest.mark.parametrize("who", ["csm", "manager", "admin"])
def test_a_csms_page_is_open_to_them_their_manager_and_admins(client, world, who):
    response = get(client, getattr(world, who), "evaluations.metrics_member",
                   user_id=world.csm.id, **query())
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "Journey metrics of Chris One" in page
    assert "Conversion in 2026-Q2" in page  # the previous period beside this one


@pytest.mark.parametrize("who", ["csm2", "manager2"])
def test_a_peer_or_another_teams_manager_cannot_open_a_csms_page(client, world, who):
    assert get(client, getattr(world, who), "evaluations.metrics_member",
               user_id=world.csm.id, **query()).status_code == 403


def test_a_csm_sees_the_team_only_when_it_hides_any_one_peer(client, world):
    small = get(client, world.csm, "evaluations.metrics_member", user_id=world.csm.id,
                **query()).get_data(as_text=True)
    assert TEAM_COLUMN not in small  # two CSMs: the total gives Dana away
    factories.user(Role.CSM, team=world.team)
    db.session.commit()
    larger = get(client, world.csm, "evaluations.metrics_member", user_id=world.csm.id,
                 **query()).get_data(as_text=True)
    assert TEAM_COLUMN in larger
    managed = get(client, world.manager, "evaluations.metrics_member", user_id=world.csm.id,
                  **query()).get_data(as_text=True)
    assert TEAM_COLUMN in managed


@pytest.mark.parametrize(("args", "message"), [
    ({"period": "2026-Q5"}, "Give a month like 2026-07 or a quarter like 2026-Q3."),
    ({"period": "July"}, "Give a month like 2026-07 or a quarter like 2026-Q3."),
    ({"window": "0"}, "Number must be between 1 and 3650."),
    ({"window": "many"}, "Not a valid integer value."),
    ({"as_of": "2026-13-01"}, "Not a valid date value."),
    ({"journey": "nope"}, "Not a valid choice."),
])
def test_bad_filters_are_a_message_under_their_field(client, world, args, message):
    for endpoint in ("evaluations.metrics", "evaluations.metrics_member"):
        response = get(client, world.manager, endpoint, user_id=world.csm.id,
                       **query(**args))
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert message in page
        assert "Chris One" not in page.split("</form>")[-1]  # no figures
    csv = get(client, world.manager, "evaluations.metrics_csv", **query(**args))
    assert csv.status_code == 302


def test_the_default_period_is_the_last_complete_quarter(client, world):
    page = get(client, world.manager, "evaluations.metrics").get_data(as_text=True)
    assert re.search(r'id="period"[^>]*value="\d{4}-Q[1-4]"', page)


def test_no_journey_and_no_events_are_empty_states(app, client):
    manager = factories.user(Role.MANAGER)
    team = factories.team(manager=manager)
    csm = factories.user(Role.CSM, team=team)
    db.session.commit()
    page = get(client, manager, "evaluations.metrics").get_data(as_text=True)
    assert "No customer journey is defined yet" in page

    training.journey(("A", "B", "C"), code="core")
    db.session.commit()
    page = get(client, manager, "evaluations.metrics", **query()).get_data(as_text=True)
    assert "No account entered a stage" in page  # the empty funnel
    assert "0%" not in page  # a rate of nothing is blank, never 0%
    assert get(client, csm, "evaluations.metrics_member", user_id=csm.id,
               **query()).status_code == 200


def _funnels(page: str) -> list:
    charts = [parse(svg) for svg in re.findall(r"<svg.*?</svg>", page, re.S)]
    return [chart for chart in charts if "funnel" in (chart.get("class") or "")]


def test_the_weakest_step_is_hatched_in_each_funnel(client, world):
    page = get(client, world.manager, "evaluations.metrics", **query()).get_data(as_text=True)
    team, chris, dana = _funnels(page)

    for funnel in (team, chris, dana):
        steps = {g.get("class"): g for g in funnel.iter(f"{SVG}g")
                 if (g.get("class") or "").startswith("step-")}
        # B → C (step 1) converts 0% for everyone: it is the highlighted one.
        assert steps["step-1"].find(f"{SVG}polygon").get("fill").startswith("url(#")
        assert steps["step-0"].find(f"{SVG}polygon").get("fill").startswith("#")
    # The rates printed are the measured ones, not the ratio of the bars (Chris: 2 entered
    # A, 3 entered B, and both A accounts moved on: 100%).
    assert "A 2, B 3 (100%), C 0 (0%)" in chris.find(f"{SVG}desc").text


def test_the_team_page_issues_a_fixed_number_of_queries(client, world):
    login(client, world.manager)

    def grow(n):
        for _ in range(n):
            csm = factories.user(Role.CSM, team=world.team)
            account(csm, world.journey, ("A", "2026-07-02"), ("B", "2026-07-09"))

    url = url_for("evaluations.metrics", **query())
    assert assert_fixed_query_count(client, url, grow) <= 15


def test_the_nav_has_one_evaluations_entry_for_managers_and_csms(client, world):
    for user in (world.manager, world.csm, world.admin):
        page = get(client, user, "main.dashboard").get_data(as_text=True)
        assert page.count('href="/evaluations/metrics"') >= 1
