"""The friction report on a small hand-computed dataset: numbers, order, chart, CSV
(formula-safe), filters, scope, fixed query count and the empty state."""

import csv
import io
from datetime import UTC, datetime

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.enrolments import Cohort
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.training import factories as make
from tests.training import sandbox_factories as sb

FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def data(app):
    """Four milestones M1–M4 (two stages × two), four new hires; hand-computed:

    M1: done 10/d2, done 20/d3, stuck 40/d5 (note FORMULA), skipped
        → recorded 4, reached 3, completion 2/4 = 50%, stuck 1/3 = 33%,
          median minutes of 10, 20, 40 = 20 (odd n = 3), mean difficulty 10/3 = 3.3
    M2: stuck 30/d4 "Could not find the API key", stuck 50/d4 "API key page hidden",
        done 10/d2, done 20/d3
        → recorded 4, reached 4, completion 2/4 = 50%, stuck 2/4 = 50%,
          median of 10, 20, 30, 50 = (20 + 30) / 2 = 25 (even n = 4), mean 13/4 = 3.25
    M3: done 5/d1 → completion 100%, stuck 0%, median 5, mean 1.0
    M4: skipped → recorded 1, reached 0: no share stuck, last.
    Order: M2 (50% stuck), M1 (33%), M3 (0%), M4 (nobody reached it).
    """
    journey = make.journey(stages=("onboarding", "adoption"), milestones_per_stage=2)
    curriculum = make.curriculum(journey)
    module = make.module(curriculum, ModuleKind.SANDBOX)
    cohort = Cohort(name="April", curriculum=curriculum, start_date=datetime(2026, 4, 1))
    db.session.add(cohort)
    hires = [make.enrolment(curriculum) for _ in range(4)]
    for hire in hires[:3]:
        hire.cohort = cohort
    m1, m2, m3, m4 = [m for s in journey.stages for m in s.milestones]
    rows = [
        (0, m1, "done", 10, 2, ""), (1, m1, "done", 20, 3, ""),
        (2, m1, "stuck", 40, 5, FORMULA), (3, m1, "skipped", None, None, ""),
        (0, m2, "stuck", 30, 4, "Could not find the API key"),
        (1, m2, "stuck", 50, 4, "API key page hidden"),
        (2, m2, "done", 10, 2, ""), (3, m2, "done", 20, 3, ""),
        (0, m3, "done", 5, 1, ""), (0, m4, "skipped", None, None, ""),
    ]
    for hire, milestone, status, minutes, difficulty, note in rows:
        sb.record(hires[hire], module, milestone, status, minutes=minutes,
                  difficulty=difficulty, note=note)
    db.session.commit()
    return {"milestones": (m1, m2, m3, m4), "hires": hires, "cohort": cohort,
            "module": module, "journey": journey}


def _csv(client, **args) -> list[list[str]]:
    response = client.get(url_for("training.friction_csv", **args))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_figures_and_order_match_the_hand_computed_example(as_role, data):
    client = as_role(Role.ADMIN)
    rows = _csv(client)
    header, body = rows[0], rows[1:]
    m1, m2, m3, m4 = data["milestones"]
    assert [r[2] for r in body] == [m2.name_en, m1.name_en, m3.name_en, m4.name_en]
    col = {name: header.index(name) for name in header}
    figures = {r[2]: r for r in body}

    def pick(name, *columns):
        return tuple(figures[name][col[c]] for c in columns)

    wanted = ("Recorded", "Reached", "Completion rate", "Share stuck", "Median minutes",
              "Minutes n", "Mean difficulty", "Difficulty n")
    assert pick(m1.name_en, *wanted) == ("4", "3", "0.500", "0.333", "20.0", "3", "3.33", "3")
    assert pick(m2.name_en, *wanted) == ("4", "4", "0.500", "0.500", "25.0", "4", "3.25", "4")
    assert pick(m3.name_en, *wanted) == ("1", "1", "1.000", "0.000", "5.0", "1", "1.00", "1")
    assert pick(m4.name_en, *wanted) == ("1", "0", "0.000", "", "", "0", "", "0")
    # Notes in the order of their text, not of who wrote them.
    assert figures[m2.name_en][col["Where they got stuck"]] == \
        "API key page hidden\nCould not find the API key"


def test_a_note_starting_with_equals_stays_text_in_the_csv(as_role, data):
    rows = _csv(as_role(Role.ADMIN))
    cell = next(r[-1] for r in rows if r[2] == data["milestones"][0].name_en)
    assert cell == "'" + FORMULA


def test_page_shows_figures_with_their_n_chart_and_notes_without_names(as_role, data):
    client = as_role(Role.MANAGER)
    manager_sees_nothing = client.get(url_for("training.friction")).get_data(as_text=True)
    assert "No new hire has recorded" in manager_sees_nothing  # not their people
    client = as_role(Role.ADMIN)
    html = client.get(url_for("training.friction")).get_data(as_text=True)
    assert "<svg" in html and "Share stuck per milestone" in html
    assert "n = 4" in html and "n = 3" in html
    assert "Could not find the API key" in html
    for hire in data["hires"]:
        assert hire.user.display_name not in html
    assert html.index(data["milestones"][1].name_en) < html.index(data["milestones"][0].name_en)


def test_cohort_and_date_filters(as_role, data):
    client = as_role(Role.ADMIN)
    in_cohort = _csv(client, cohort=data["cohort"].id)
    m1 = next(r for r in in_cohort if r[2] == data["milestones"][0].name_en)
    assert (m1[4], m1[5]) == ("3", "3")  # the skipped one was the hire outside the cohort
    assert len(_csv(client, to="2000-01-01")) == 1  # the header alone
    today = datetime.now(UTC).date().isoformat()
    assert len(_csv(client, **{"from": today, "journey": data["journey"].id})) == 5
    html = client.get(url_for("training.friction", to="2000-01-01")).get_data(as_text=True)
    assert "No sandbox records match these filters" in html
    # A malformed date or id is ignored, never an error.
    assert client.get(url_for("training.friction", to="31/12", cohort="x")).status_code == 200


def test_a_manager_sees_the_new_hires_of_their_team(as_role, data, client):
    manager = factories.user(Role.MANAGER)
    team = factories.team(manager=manager)
    data["hires"][0].user.team = team
    db.session.commit()
    login(client, manager)
    rows = _csv(client)
    m1 = next(r for r in rows if r[2] == data["milestones"][0].name_en)
    assert (m1[4], m1[5], m1[6]) == ("1", "1", "1")  # hire 0's one record only


def test_new_hires_and_csms_are_refused(as_role, data):
    for role in (Role.NEW_HIRE, Role.CSM, Role.INTERVIEWER):
        assert as_role(role).get(url_for("training.friction")).status_code == 403


def test_empty_state(as_role, app):
    html = as_role(Role.ADMIN).get(url_for("training.friction")).get_data(as_text=True)
    assert "No new hire has recorded a sandbox milestone yet" in html
    assert "Download CSV" not in html


def test_fixed_number_of_queries(as_role, data):
    client = as_role(Role.ADMIN)
    module, milestones = data["module"], data["milestones"]

    def grow(n):
        for i in range(n):
            hire = make.enrolment(module.curriculum)
            for m in milestones:
                sb.record(hire, module, m, "stuck", minutes=i, difficulty=3, note=f"n{i}")

    assert_fixed_query_count(client, url_for("training.friction"), grow)
