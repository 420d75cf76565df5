"""The CRM imports' rules: every bad row reported with its line, all or nothing,
idempotent re-imports, duplicate events ignored and counted."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from cshire.evaluations.messages import EvaluationImportError
from cshire.evaluations.models.accounts import CustomerAccount, JourneyEvent
from cshire.evaluations.models.kpis import KpiValue
from cshire.evaluations.services.imports import (
    import_accounts,
    import_events,
    import_kpis,
)
from cshire.extensions import db
from tests.evaluations.imports_data import (
    ACCOUNTS_HEADER,
    EVENTS_HEADER,
    KPIS_HEADER,
    csv_bytes,
    journey,
    owner,
)


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _problems(error: EvaluationImportError) -> list[tuple[int | None, str]]:
    return [(p.line, p.code) for p in error.problems]


def _accounts(*rows: str, **kwargs):
    return import_accounts(csv_bytes(ACCOUNTS_HEADER, *rows), max_rows=None, **kwargs)


def _events(*rows: str, code: str = "main", **kwargs):
    return import_events(code, csv_bytes(EVENTS_HEADER, *rows), max_rows=None, **kwargs)


# --- accounts ---------------------------------------------------------------------------


def test_accounts_are_created_then_updated_by_external_id_and_a_second_run_changes_nothing(app):
    first, second = owner("a@example.org"), owner("b@example.org")
    result = _accounts("C1,Acme,A@Example.org,high,1200", "C2,Beta,a@example.org,TECH,")
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    acme = db.session.scalar(select(CustomerAccount).where(CustomerAccount.external_id == "C1"))
    assert (acme.name, acme.owner_id, acme.touch_model, acme.arr) == (
        "Acme", first.id, "high", Decimal("1200"))
    beta = db.session.scalar(select(CustomerAccount).where(CustomerAccount.external_id == "C2"))
    assert beta.touch_model == "tech" and beta.arr is None

    changed = _accounts("C1,Acme Corp,b@example.org,low,1300.50", "C2,Beta,a@example.org,tech,")
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 1)
    db.session.expire_all()
    acme = db.session.get(CustomerAccount, acme.id)
    assert (acme.name, acme.owner_id, acme.touch_model, acme.arr) == (
        "Acme Corp", second.id, "low", Decimal("1300.50"))

    again = _accounts("C1,Acme Corp,b@example.org,low,1300.5", "C2,Beta,a@example.org,tech,")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert _count(CustomerAccount) == 2


@pytest.mark.parametrize(("row", "code"), [
    ("C1,Acme,nobody@example.org,high,", "owner_unknown"),
    ("C1,Acme,gone@example.org,high,", "owner_inactive"),
    ("C1,Acme,a@example.org,medium,", "csv_choice"),
    ("C1,Acme,a@example.org,high,-5", "csv_below_minimum"),
    ("C1,Acme,a@example.org,high,12k", "csv_decimal"),
    ("C1,Acme,a@example.org,high,1.234", "csv_decimal_places"),
    (",Acme,a@example.org,high,", "csv_required"),
    ("C1,Acme,not-an-email,high,", "csv_email"),
])
def test_each_bad_account_row_is_reported_with_its_line_and_nothing_is_imported(app, row, code):
    owner("a@example.org")
    owner("gone@example.org", active=False)
    with pytest.raises(EvaluationImportError) as refused:
        _accounts("C0,Good,a@example.org,low,10", row)
    assert _problems(refused.value) == [(3, code)]
    assert _count(CustomerAccount) == 0


def test_an_external_id_twice_in_the_file_is_an_error_naming_the_first_line(app):
    owner("a@example.org")
    with pytest.raises(EvaluationImportError) as refused:
        _accounts("C1,Acme,a@example.org,high,", "C2,Beta,a@example.org,low,",
                  "C1,Acme again,a@example.org,high,")
    [problem] = refused.value.problems
    assert (problem.line, problem.code, problem.params["first"]) == (4, "account_duplicate", 2)


def test_every_bad_row_is_listed_not_only_the_first(app):
    owner("a@example.org")
    with pytest.raises(EvaluationImportError) as refused:
        _accounts("C1,Acme,x@example.org,high,", "C2,Beta,a@example.org,mid,",
                  "C3,Gamma,a@example.org,low,1")
    assert _problems(refused.value) == [(2, "owner_unknown"), (3, "csv_choice")]


def test_a_dry_run_counts_and_writes_nothing(app):
    owner("a@example.org")
    result = _accounts("C1,Acme,a@example.org,high,", dry_run=True)
    assert result.created == 1 and result.sample[0].outcome == "create"
    assert _count(CustomerAccount) == 0


def test_a_shift_jis_file_is_read(app):
    owner("a@example.org")
    data = csv_bytes(ACCOUNTS_HEADER, "C1,株式会社サンプル,a@example.org,high,100",
                     encoding="cp932")
    assert import_accounts(data, max_rows=None).created == 1
    assert db.session.scalar(select(CustomerAccount.name)) == "株式会社サンプル"


# --- events -----------------------------------------------------------------------------


@pytest.fixture
def accounts(app):
    owner("a@example.org")
    journey("main")
    _accounts("C1,Acme,a@example.org,high,", "C2,Beta,a@example.org,low,")


def test_events_are_added_and_duplicates_ignored_and_counted(accounts):
    result = _events("C1,onboarding,2026-07-01", "C1,adoption,2026-07-05T10:00:00",
                     "C1,adoption,2026-07-05", "C2,churned,2026/7/9", "C2,ONBOARDING,2026-06-01")
    assert (result.rows, result.created, result.duplicates) == (5, 4, 1)
    stored = set(db.session.execute(
        select(CustomerAccount.external_id, JourneyEvent.stage_code, JourneyEvent.entered_on)
        .join(JourneyEvent.account)).all())
    assert stored == {("C1", "onboarding", date(2026, 7, 1)), ("C1", "adoption", date(2026, 7, 5)),
                      ("C2", "churned", date(2026, 7, 9)), ("C2", "onboarding", date(2026, 6, 1))}
    assert [s.outcome for s in result.sample] == ["create", "create", "duplicate", "create",
                                                  "create"]


def test_the_same_event_file_twice_adds_nothing_the_second_time(accounts):
    rows = ("C1,onboarding,2026-07-01", "C2,adoption,2026-07-02")
    assert _events(*rows).created == 2
    again = _events(*rows, "C2,renewal,2026-08-01")
    assert (again.created, again.duplicates) == (1, 2)
    assert [s.outcome for s in again.sample] == ["duplicate", "duplicate", "create"]
    assert _count(JourneyEvent) == 3


@pytest.mark.parametrize(("row", "code"), [
    ("C9,onboarding,2026-07-01", "account_unknown"),
    ("C1,kickoff,2026-07-01", "stage_unknown"),
    ("C1,onboarding,07/01/2026", "import_entered_at"),
    ("C1,onboarding,2026-02-30", "import_entered_at"),
    ("C1,onboarding,2026-07-01T25", "import_entered_at"),
    ("C1,onboarding,", "csv_required"),
])
def test_each_bad_event_row_is_reported_and_nothing_is_imported(accounts, row, code):
    with pytest.raises(EvaluationImportError) as refused:
        _events("C2,onboarding,2026-07-01", row)
    assert _problems(refused.value) == [(3, code)]
    assert _count(JourneyEvent) == 0


def test_a_datetime_counts_as_the_date_written_in_it(accounts):
    _events("C1,onboarding,2026-07-05T23:30:00+09:00", "C1,adoption,2026-07-06 08:00",
            "C1,renewal,2026-07-07T00:00:00.5Z")
    assert sorted(db.session.scalars(select(JourneyEvent.entered_on))) == [
        date(2026, 7, 5), date(2026, 7, 6), date(2026, 7, 7)]


def test_an_unknown_journey_is_refused_before_the_file_is_read(accounts):
    with pytest.raises(EvaluationImportError) as refused:
        _events("C1,onboarding,2026-07-01", code="nope")
    assert refused.value.code == "unknown_journey"
    assert "nope" in refused.value.message()


def test_a_stage_of_another_journey_is_refused(accounts):
    from tests.training import factories as training

    training.journey(("trial",), code="other")
    with pytest.raises(EvaluationImportError) as refused:
        _events("C1,trial,2026-07-01")
    assert _problems(refused.value) == [(2, "stage_unknown")]
    assert "onboarding, adoption, renewal" in refused.value.text_for(
        "stage_unknown", refused.value.problems[0].params)


def test_events_are_checked_with_a_fixed_number_of_queries(accounts):
    from tests.conftest import count_queries

    rows = [f"C{1 + n % 2},onboarding,2026-07-{1 + n % 28:02d}" for n in range(200)]
    with count_queries() as few:
        _events(*rows[:10], dry_run=True)
    with count_queries() as many:
        _events(*rows, dry_run=True)
    assert few.count == many.count


def test_progress_is_reported_while_checking_and_writing(accounts, monkeypatch):
    from cshire.evaluations.services import imports

    monkeypatch.setattr(imports, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(imports, "WRITE_BATCH", 2)
    seen = []
    _events("C1,onboarding,2026-07-01", "C1,adoption,2026-07-02", "C2,onboarding,2026-07-03",
            progress=lambda phase, done, total: seen.append((phase, done, total)))
    assert seen[-1] == ("write", 3, 3) and ("write", 2, 3) in seen
    checks = [s for s in seen if s[0] == "check"]
    assert checks[-1][1] == checks[-1][2] and len(checks) == 2


# --- KPI values -------------------------------------------------------------------------


def _kpis(*rows: str, **kwargs):
    return import_kpis(csv_bytes(KPIS_HEADER, *rows), actor=None, max_rows=None, **kwargs)


def test_kpi_values_are_upserted_per_person_metric_and_period(app):
    person = owner("a@example.org")
    former = owner("left@example.org", active=False)
    result = _kpis("a@example.org,NPS,2026-q3,42.5,18", "a@example.org,csat,2026-07,4.2,",
                   "left@example.org,nps,2026-Q1,-10,3")
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    nps = db.session.scalar(select(KpiValue).where(KpiValue.user_id == person.id,
                                                   KpiValue.metric == "nps"))
    assert (nps.period, nps.value, nps.n) == ("2026-Q3", Decimal("42.5"), 18)
    assert db.session.scalar(select(KpiValue.value).where(KpiValue.user_id == former.id)) \
        == Decimal("-10")
    again = _kpis("a@example.org,nps,2026-Q3,42.50,18", "a@example.org,csat,2026-07,4.5,20",
                  "left@example.org,nps,2026-Q1,-10,3")
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    db.session.expire_all()
    csat = db.session.scalar(select(KpiValue).where(KpiValue.metric == "csat"))
    assert (csat.value, csat.n) == (Decimal("4.5"), 20)
    assert _count(KpiValue) == 3


@pytest.mark.parametrize(("row", "code"), [
    ("x@example.org,nps,2026-07,1,", "kpi_user_unknown"),
    ("a@example.org,n p s,2026-07,1,", "import_metric"),
    ("a@example.org,nps,2026-13,1,", "import_period"),
    ("a@example.org,nps,Q3 2026,1,", "import_period"),
    ("a@example.org,nps,2026-07,high,", "csv_decimal"),
    ("a@example.org,nps,2026-07,1,-2", "csv_below_minimum"),
    ("a@example.org,csat,2026-07,1,", "kpi_duplicate"),
])
def test_each_bad_kpi_row_is_reported_and_nothing_is_imported(app, row, code):
    owner("a@example.org")
    with pytest.raises(EvaluationImportError) as refused:
        _kpis("a@example.org,csat,2026-07,4,", row)
    assert _problems(refused.value) == [(3, code)]
    assert _count(KpiValue) == 0
