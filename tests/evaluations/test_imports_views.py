"""The CRM imports page: upload → preview (nothing written) → confirm → imported."""

import base64
import io
import re

from sqlalchemy import func, select

from cshire.auth.models import Role
from cshire.evaluations.models.accounts import CustomerAccount, JourneyEvent
from cshire.evaluations.models.kpis import KpiValue
from cshire.extensions import db
from tests.evaluations.imports_data import (
    ACCOUNTS_HEADER,
    EVENTS_HEADER,
    KPIS_HEADER,
    csv_bytes,
    journey,
    owner,
)

ACCOUNTS = csv_bytes(ACCOUNTS_HEADER, "C1,Acme,a@example.org,high,1200",
                     "C2,Beta,a@example.org,low,")


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _upload(client, kind: str, data: bytes, **fields):
    form = {f"{kind}-file": (io.BytesIO(data), "export.csv"),
            **{f"{kind}-{name}": value for name, value in fields.items()}}
    return client.post(f"/evaluations/imports/{kind}/preview", data=form,
                        content_type="multipart/form-data")


def _confirm(client, kind: str, page: str):
    carried = re.search(r'name="content" type="hidden" value="([^"]*)"', page)
    journey_code = re.search(r'name="journey" type="hidden" value="([^"]*)"', page)
    return client.post(f"/evaluations/imports/{kind}/confirm", data={
        "content": carried[1], "journey": journey_code[1] if journey_code else ""},
        follow_redirects=True)


def test_the_page_offers_the_three_imports_and_their_templates(as_role):
    journey("main")
    client = as_role(Role.MANAGER)
    page = client.get("/evaluations/imports").get_data(as_text=True)
    for kind in ("accounts", "events", "kpis"):
        assert f"/evaluations/imports/{kind}/preview" in page
        assert f"/evaluations/imports/{kind}/template.csv" in page
    assert '<option value="main">' in page
    template = client.get("/evaluations/imports/events/template.csv")
    assert template.mimetype == "text/csv"
    assert template.data.decode("utf-8-sig").splitlines()[0] == EVENTS_HEADER


def test_without_a_journey_the_events_import_says_to_import_one_first(as_role):
    page = as_role(Role.ADMIN).get("/evaluations/imports").get_data(as_text=True)
    assert "There is no journey yet" in page
    assert "/evaluations/imports/events/preview" not in page


def test_preview_writes_nothing_then_confirm_imports_and_flashes_the_counts(as_role):
    owner("a@example.org")
    client = as_role(Role.MANAGER)
    preview = _upload(client, "accounts", ACCOUNTS)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "What the import will do" in page and "Acme" in page and "New" in page
    assert _count(CustomerAccount) == 0
    done = _confirm(client, "accounts", page)
    assert "Accounts imported — created: 2, updated: 0, unchanged: 0." in done.get_data(
        as_text=True)
    assert _count(CustomerAccount) == 2
    again = _upload(client, "accounts", ACCOUNTS).get_data(as_text=True)
    assert "Nothing to import: every row is already up to date." in again
    assert 'name="content"' not in again


def test_a_bad_file_shows_every_problem_with_its_line_and_no_confirm_button(as_role):
    owner("a@example.org")
    owner("gone@example.org", active=False)
    client = as_role(Role.MANAGER)
    page = _upload(client, "accounts", csv_bytes(
        ACCOUNTS_HEADER, "C1,Acme,gone@example.org,high,", "C2,Beta,a@example.org,mid,"),
    ).get_data(as_text=True)
    assert "Line 2: owner_email: gone@example.org is deactivated" in page
    assert "Line 3: touch_model:" in page
    assert 'name="content"' not in page
    assert _count(CustomerAccount) == 0


def test_events_through_the_page_with_the_journey_carried_to_the_confirmation(as_role):
    owner("a@example.org")
    journey("main")
    client = as_role(Role.MANAGER)
    _confirm(client, "accounts", _upload(client, "accounts", ACCOUNTS).get_data(as_text=True))
    events = csv_bytes(EVENTS_HEADER, "C1,onboarding,2026-07-01", "C1,onboarding,2026-07-01")
    page = _upload(client, "events", events, journey="main").get_data(as_text=True)
    assert "Duplicate (ignored)" in page and _count(JourneyEvent) == 0
    done = _confirm(client, "events", page).get_data(as_text=True)
    assert "Journey events imported — added: 1, duplicates ignored: 1." in done
    assert _count(JourneyEvent) == 1


def test_a_shift_jis_file_round_trips_through_the_hidden_field(as_role):
    owner("a@example.org")
    client = as_role(Role.MANAGER)
    data = csv_bytes(ACCOUNTS_HEADER, "C1,株式会社サンプル,a@example.org,high,", encoding="cp932")
    page = _upload(client, "accounts", data).get_data(as_text=True)
    assert "株式会社サンプル" in page
    carried = re.search(r'name="content" type="hidden" value="([^"]*)"', page)[1]
    assert base64.b64decode(carried) == data
    done = _confirm(client, "accounts", page).get_data(as_text=True)
    assert "Accounts imported — created: 1" in done
    assert db.session.scalar(select(CustomerAccount.name)) == "株式会社サンプル"


def test_kpi_values_through_the_page(as_role):
    owner("a@example.org")
    client = as_role(Role.MANAGER)
    page = _upload(client, "kpis", csv_bytes(KPIS_HEADER, "a@example.org,nps,2026-07,40,"))
    done = _confirm(client, "kpis", page.get_data(as_text=True)).get_data(as_text=True)
    assert "KPI values imported — created: 1, updated: 0, unchanged: 0." in done
    assert _count(KpiValue) == 1


def test_a_confirmation_whose_file_is_not_intact_imports_nothing(as_role):
    client = as_role(Role.MANAGER)
    response = client.post("/evaluations/imports/accounts/confirm", data={"content": "%%%"},
                           follow_redirects=True)
    assert "was not received intact" in response.get_data(as_text=True)
    assert _count(CustomerAccount) == 0


def test_confirming_after_the_data_changed_checks_again_and_lists_the_problems(as_role):
    person = owner("a@example.org")
    client = as_role(Role.MANAGER)
    page = _upload(client, "accounts", ACCOUNTS).get_data(as_text=True)
    person.active = False
    db.session.commit()
    refused = _confirm(client, "accounts", page).get_data(as_text=True)
    assert "Line 2: owner_email: a@example.org is deactivated" in refused
    assert _count(CustomerAccount) == 0


def test_an_upload_without_a_file_keeps_the_page_with_the_error(as_role):
    client = as_role(Role.MANAGER)
    response = client.post("/evaluations/imports/kpis/preview", data={})
    assert response.status_code == 200
    assert "Import from the CRM" in response.get_data(as_text=True)


def test_a_file_too_large_for_the_page_is_refused(as_role, monkeypatch):
    from cshire.evaluations.views import imports

    monkeypatch.setattr(imports, "IMPORT_MAX_BYTES", 30)
    client = as_role(Role.MANAGER)
    page = _upload(client, "accounts", ACCOUNTS).get_data(as_text=True)
    assert "is larger than" in page


def test_an_unknown_kind_is_not_found(as_role):
    client = as_role(Role.MANAGER)
    assert client.get("/evaluations/imports/people/template.csv").status_code == 404
    assert client.post("/evaluations/imports/people/preview").status_code == 404
