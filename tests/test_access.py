"""Every endpoint declares who may reach it, and the route × role matrix holds."""

import importlib
from types import SimpleNamespace

import pytest
from flask import url_for

from cshire.auth.access import rule_of
from cshire.auth.models import Role
from cshire.extensions import db
from tests import factories
from tests.access_cases import ANONYMOUS, Case
from tests.conftest import login

# One module per area; each has CASES and build_world(world).
CASE_MODULES = [
    "tests.auth.access_cases",
    "tests.competencies.access_cases",
    "tests.interviews.access_design",
    "tests.interviews.access_process",
    "tests.training.access_journey",
    "tests.training.access_curriculum",
    "tests.training.access_enrolments",
    "tests.training.access_sandbox",
    "tests.evaluations.access_imports",
    "tests.evaluations.access_metrics",
    "tests.evaluations.access_cycles",
]


def _modules():
    for name in CASE_MODULES:
        yield importlib.import_module(name)


def all_cases() -> list[Case]:
    return [case for module in _modules() for case in module.CASES]


def build_world() -> SimpleNamespace:
    world = SimpleNamespace()
    for module in _modules():
        module.build_world(world)
    db.session.commit()
    return world


def test_every_endpoint_declares_an_access_rule(app):
    missing = [
        endpoint for endpoint, view in app.view_functions.items() if rule_of(view) is None
    ]
    assert missing == [], f"endpoints without an access rule: {missing}"


def test_every_endpoint_is_in_the_access_matrix(app):
    in_matrix = {case.endpoint for case in all_cases()}
    assert set(app.view_functions) - in_matrix == set()
    assert in_matrix - set(app.view_functions) == set(), "matrix names unknown endpoints"


def _outcome(response, login_path: str) -> str:
    if response.status_code in (401, 403, 404):
        return "denied"
    # Flask-Login's redirect carries ?next=; a plain redirect to /login (sign-out) does not.
    if response.status_code in (301, 302, 303) and response.location.startswith(
        login_path + "?next="
    ):
        return "login"
    return "allowed"


@pytest.mark.parametrize("who", [ANONYMOUS, *(r.value for r in Role)])
def test_route_role_matrix(app, who):
    world = build_world()
    user = None if who == ANONYMOUS else factories.user(Role(who))
    db.session.commit()
    login_path = url_for("auth.login", _external=False)
    wrong = []
    for case in all_cases():
        client = app.test_client()  # a fresh cookie jar: an earlier case may sign out
        if user is not None:
            login(client, user)
        url = url_for(case.endpoint, **case.url_args(world), _external=False)
        with client.open(url, method=case.method) as response:
            outcome = _outcome(response, login_path)
        if who in case.allowed:
            expected = {"allowed"}
        elif who == ANONYMOUS:
            expected = {"login"}
        else:
            expected = {"denied"}
        if outcome not in expected:
            wrong.append(f"{case.method} {case.endpoint}: {outcome} ({response.status_code})")
    assert wrong == [], f"{who}: " + "; ".join(wrong)
