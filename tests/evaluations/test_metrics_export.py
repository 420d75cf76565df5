"""The CSV export and ``flask cshire metrics``: the same numbers as the page, from the
one ``team_metrics``, on the seeded dataset of tests/evaluations/metrics_world.py."""

import csv
import io

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from tests import factories
from tests.conftest import login
from tests.evaluations.metrics_world import AS_OF, PERIOD, account, query, seed

# Hand-computed in metrics_world.py.
EXPECTED = [
    ["chris@example.org", "A", "B", "2", "2", "1.0000"],
    ["chris@example.org", "B", "C", "3", "0", "0.0000"],
    ["dana@example.org", "A", "B", "2", "1", "0.5000"],
    ["dana@example.org", "B", "C", "1", "0", "0.0000"],
]


@pytest.fixture
def world(app):
    return seed()


def run(app, *args):
    return app.test_cli_runner().invoke(args=["cshire", "metrics", *args])


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_the_command_prints_one_row_per_csm_and_step(app, world):
    result = run(app, "--journey", "core", "--period", PERIOD, "--as-of", AS_OF,
                 "--format", "csv")

    assert result.exit_code == 0, result.output
    header, *body = rows(result.output)
    assert header == ["csm_email", "from_stage", "to_stage", "entered", "converted",
                      "conversion_rate"]
    assert body == EXPECTED


def test_the_page_export_and_the_command_agree(app, client, world):
    login(client, world.manager)
    exported = client.get(url_for("evaluations.metrics_csv", **query(team=world.team.id)))
    assert exported.mimetype == "text/csv"
    header, *body = rows(exported.get_data(as_text=True))
    assert header[6:] == ["median_days", "median_days_n"]
    assert [row[:6] for row in body] == EXPECTED
    assert [row[6:] for row in body] == [["37.5", "2"], ["", "0"], ["16", "1"], ["", "0"]]

    command = rows(run(app, "--journey", "core", "--period", PERIOD, "--as-of", AS_OF,
                       "--team", "Onboarding East").output)
    assert command[1:] == [row[:6] for row in body]
    # …and the page shows the same: Dana's A → B 1 of 2.
    page = client.get(url_for("evaluations.metrics", **query())).get_data(as_text=True)
    assert "50% <small class=\"muted\">1/2</small>" in page


def test_a_step_nobody_entered_has_an_empty_rate_and_a_window_counts(app, world):
    quiet = factories.user(Role.CSM, team=world.team, email="quiet@example.org")
    account(quiet, world.journey, ("A", "2026-01-05"))
    db.session.commit()
    output = run(app, "--journey", "core", "--period", PERIOD, "--as-of", AS_OF,
                 "--window", "30").output
    body = rows(output)[1:]
    assert ["quiet@example.org", "A", "B", "0", "0", ""] in body
    # With a 30-day window Chris's a3 (60 days) no longer counts: 1 of 2.
    assert ["chris@example.org", "A", "B", "2", "1", "0.5000"] in body


def test_the_csm_export_holds_only_their_rows(client, world):
    login(client, world.csm2)
    body = rows(client.get(url_for("evaluations.metrics_csv", **query())).get_data(
        as_text=True))[1:]
    assert {row[0] for row in body} == {"dana@example.org"}


@pytest.mark.parametrize(("args", "message"), [
    (["--journey", "nope", "--period", PERIOD], "no journey with the code 'nope'"),
    (["--journey", "core", "--period", "2026-Q5"], "not a period: '2026-Q5'"),
    (["--journey", "core", "--period", PERIOD, "--team", "Nobody"], "no team named"),
    (["--journey", "core", "--period", PERIOD, "--window", "0"], "Invalid value"),
    (["--journey", "core", "--period", PERIOD, "--as-of", "15/10/2026"], "Invalid value"),
])
def test_bad_options_are_a_clear_message_and_a_failure(app, world, args, message):
    result = run(app, *args)
    assert result.exit_code != 0
    assert message in result.output
