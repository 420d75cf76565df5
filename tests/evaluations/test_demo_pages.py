"""Every evaluations page opens on the demo data, for each of the demo's people: the
managers of the two teams, two CSMs of different teams, a CSM who also interviews, and
the admin. What one may not open answers 403 or 404 as designed (a peer's evaluation is
404: its existence is not told; another team's metrics are 403)."""

from datetime import date

import pytest
from flask import url_for
from sqlalchemy import select

from cshire.auth.models import User
from cshire.demo import load_demo
from cshire.evaluations.demo import quarters
from cshire.evaluations.models.cycles import EvaluationCycle
from cshire.evaluations.models.kpis import KpiValue
from cshire.extensions import db
from tests.conftest import login

PEOPLE = ("manager", "manager2", "csm", "csm2", "interviewer", "admin")
FIRST_TEAM = {"manager", "csm", "interviewer"}  # manager@'s Success team
SECOND_TEAM = {"manager2", "csm2"}


def _users() -> dict[str, User]:
    return {u.email.split("@")[0]: u for u in db.session.scalars(
        select(User).where(User.email.in_([f"{p}@example.com" for p in PEOPLE])))}


def _cycles() -> tuple[EvaluationCycle, EvaluationCycle]:
    earlier, last, _current = quarters(date.today())
    by_period = {c.period: c for c in db.session.scalars(select(EvaluationCycle))}
    return by_period[earlier.label], by_period[last.label]


def _team_pages(users: dict[str, User], finished, open_cycle) -> dict[str, set[str]]:
    """Page → who may open it, for the pages that are not one person's."""
    managers = {"manager", "manager2", "admin"}
    kpi = db.session.scalar(select(KpiValue).where(KpiValue.user_id == users["csm"].id))
    return {
        url_for("evaluations.metrics"): set(PEOPLE),
        url_for("evaluations.metrics_csv"): set(PEOPLE),
        url_for("evaluations.cycles"): set(PEOPLE),
        url_for("evaluations.imports"): managers,
        url_for("evaluations.import_template", kind="events"): managers,
        url_for("evaluations.cycle_new"): managers,
        url_for("evaluations.cycle_detail", cycle_id=open_cycle.id): managers,
        url_for("evaluations.cycle_detail", cycle_id=finished.id): managers,
        url_for("evaluations.calibration", cycle_id=open_cycle.id): managers,
        url_for("evaluations.calibration", cycle_id=finished.id): managers,
        url_for("evaluations.kpi_new", user_id=users["csm"].id): {"manager", "admin"},
        url_for("evaluations.kpi_edit", kpi_id=kpi.id): {"manager", "admin"},
        url_for("evaluations.kpi_new", user_id=users["csm2"].id): {"manager2", "admin"},
        url_for("training.journey_import"): managers,
    }


def _expected_for_person_page(viewer: str, owner: str) -> set[int]:
    if viewer in ("admin", owner):
        return {200}
    manages = (viewer == "manager" and owner in FIRST_TEAM) or (
        viewer == "manager2" and owner in SECOND_TEAM)
    return {200} if manages else {403, 404}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_evaluations_page_opens_for_the_demo_people(app, client, language):
    load_demo(language)
    db.session.commit()
    users = _users()
    finished, open_cycle = _cycles()
    team_pages = _team_pages(users, finished, open_cycle)
    evaluations = [*open_cycle.evaluations, *finished.evaluations]
    owners = {u.id: name for name, u in users.items()}
    failures = []
    for viewer in PEOPLE:
        login(client, users[viewer])
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language  # unless the person chose

        def check(url: str, allowed: set[int], viewer=viewer) -> str:
            response = client.get(url)
            if response.status_code not in allowed:
                failures.append(f"{viewer} {url}: {response.status_code} not in {allowed}")
            return response.get_data(as_text=True)

        for url, who in team_pages.items():
            check(url, {200} if viewer in who else {403, 404})
        for owner in ("csm", "csm2", "interviewer"):
            check(url_for("evaluations.metrics_member", user_id=users[owner].id),
                  _expected_for_person_page(viewer, owner))
        for evaluation in evaluations:
            owner = owners.get(evaluation.csm_id)
            if owner is None:  # someone else of the teams: their manager and the admin
                manager = owners.get(evaluation.manager_id)
                allowed = {200} if viewer in ("admin", manager) else {404}
            else:
                allowed = {200} if 200 in _expected_for_person_page(viewer, owner) else {404}
            check(url_for("evaluations.evaluation_detail", evaluation_id=evaluation.id),
                  allowed)
        home = check(url_for("main.dashboard"), {200})
        if viewer in ("manager", "manager2", "csm2", "interviewer"):
            # Each has evaluation work waiting in the open cycle of the demo.
            assert 'href="/evaluations/cycles"' in home, viewer
    assert not failures, "\n".join(failures)
