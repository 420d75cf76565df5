"""KPI values by hand: the CSM's manager enters and corrects them, with their n, in
the audit trail; nobody else may."""

from decimal import Decimal

import pytest
from flask import url_for
from sqlalchemy import select

from cshire.audit import AuditEntry
from cshire.evaluations.models.kpis import KpiValue
from cshire.extensions import db
from tests.conftest import login
from tests.evaluations.metrics_world import query, seed


@pytest.fixture
def world(app):
    return seed(with_events=False)


def enter(client, world, **fields):
    data = {"metric": "nps", "period": "2026-Q3", "value": "42", "n": "31", "note": "", **fields}
    return client.post(url_for("evaluations.kpi_new", user_id=world.csm.id), data=data)


def test_a_manager_enters_a_value_shown_with_its_n_on_both_pages(client, world):
    login(client, world.manager)
    form = client.get(url_for("evaluations.kpi_new", user_id=world.csm.id, period="2026-Q3"))
    assert 'value="2026-Q3"' in form.get_data(as_text=True)

    response = enter(client, world, note="Survey of September")
    assert response.status_code == 302
    kpi = db.session.scalar(select(KpiValue))
    assert (kpi.metric, kpi.period, kpi.value, kpi.n) == ("nps", "2026-Q3", Decimal(42), 31)
    assert kpi.entered_by_id == world.manager.id
    assert db.session.scalar(select(AuditEntry.field).where(
        AuditEntry.entity_type == "kpi_values")) == "created"
    for endpoint in ("evaluations.metrics", "evaluations.metrics_member"):
        page = client.get(url_for(endpoint, user_id=world.csm.id, **query())).get_data(
            as_text=True)
        assert "NPS</span> <strong>42</strong>" in page
        assert "n = 31" in page


def test_an_edit_is_in_the_trail_and_unchanged_fields_are_not(client, world):
    login(client, world.manager)
    enter(client, world, value="42.5")
    kpi = db.session.scalar(select(KpiValue))
    response = client.post(url_for("evaluations.kpi_edit", kpi_id=kpi.id),
                           data={"value": "42.50", "n": "35", "note": ""})
    assert response.status_code == 302
    changes = db.session.execute(select(AuditEntry.field, AuditEntry.old_value,
                                        AuditEntry.new_value)
                                 .where(AuditEntry.field != "created")).all()
    assert changes == [("n", "31", "35")]
    page = client.get(url_for("evaluations.kpi_edit", kpi_id=kpi.id)).get_data(as_text=True)
    assert "History" in page and "Maya Manager" in page


@pytest.mark.parametrize(("fields", "message"), [
    ({"period": "2026-Q9"}, "Give a month like 2026-07 or a quarter like 2026-Q3."),
    ({"value": "101"}, "Give a number from -100 to 100."),
    ({"metric": "csat", "value": "-1"}, "Give a number from 0 to 100."),
    ({"value": "4.125"}, "Give the value with at most two decimals."),
    ({"value": "lots"}, "Not a valid decimal value."),
    ({"n": "-3"}, "Number must be between 0 and 10000000."),
    ({"n": "2.5"}, "Not a valid integer value."),
    ({"metric": "revenue"}, "Not a valid choice."),
])
def test_bad_values_are_refused_under_their_field_with_the_input_kept(
        client, world, fields, message):
    login(client, world.manager)
    response = enter(client, world, note="kept note", **fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert "kept note" in page
    assert db.session.scalar(select(KpiValue)) is None


def test_the_same_metric_and_period_twice_is_refused(client, world):
    login(client, world.manager)
    enter(client, world)
    page = enter(client, world, period="2026-q3", value="50").get_data(as_text=True)
    assert "already entered for 2026-Q3: edit it instead" in page
    assert db.session.scalar(select(KpiValue.value)) == Decimal(42)


@pytest.mark.parametrize("who", ["csm", "csm2", "manager2"])
def test_only_the_csms_manager_or_an_admin_enters_or_edits(client, world, who):
    login(client, world.manager)
    enter(client, world)
    kpi_id = db.session.scalar(select(KpiValue.id))
    login(client, getattr(world, who))
    assert enter(client, world, period="2026-Q2").status_code == 403
    assert client.get(url_for("evaluations.kpi_edit", kpi_id=kpi_id)).status_code == 403
    login(client, world.admin)
    assert enter(client, world, period="2026-Q2").status_code == 302
