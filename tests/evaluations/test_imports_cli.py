"""``flask cshire import-accounts|import-events|import-kpis``: exit codes and output."""

from sqlalchemy import func, select

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


def _invoke(app, tmp_path, command: str, *lines: str, args: tuple[str, ...] = ()):
    path = tmp_path / f"{command}.csv"
    path.write_bytes(csv_bytes(*lines))
    return app.test_cli_runner().invoke(args=["cshire", command, str(path), *args])


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_import_accounts_then_events_prints_the_counts_and_is_idempotent(app, tmp_path):
    owner("a@example.org")
    journey("main")
    db.session.commit()
    accounts = (ACCOUNTS_HEADER, "C1,Acme,a@example.org,high,1200", "C2,Beta,a@example.org,low,")
    result = _invoke(app, tmp_path, "import-accounts", *accounts)
    assert result.exit_code == 0, result.output
    assert "Imported 2 account row(s): 2 created, 0 updated, 0 unchanged." in result.stdout
    again = _invoke(app, tmp_path, "import-accounts", *accounts)
    assert "0 created, 0 updated, 2 unchanged." in again.stdout

    events = (EVENTS_HEADER, "C1,onboarding,2026-07-01", "C1,onboarding,2026-07-01",
              "C2,churned,2026-07-09")
    result = _invoke(app, tmp_path, "import-events", *events, args=("--journey", "main"))
    assert result.exit_code == 0, result.output
    assert "Imported 3 event row(s): 2 created, 1 duplicates ignored." in result.stdout
    again = _invoke(app, tmp_path, "import-events", *events, args=("--journey", "main"))
    assert "0 created, 3 duplicates ignored." in again.stdout
    assert _count(JourneyEvent) == 2


def test_a_bad_file_prints_every_bad_line_exits_1_and_imports_nothing(app, tmp_path):
    owner("a@example.org")
    db.session.commit()
    result = _invoke(app, tmp_path, "import-accounts", ACCOUNTS_HEADER,
                     "C1,Acme,a@example.org,high,", "C2,Beta,nobody@example.org,low,",
                     "C3,Gamma,a@example.org,mid,")
    assert result.exit_code == 1
    assert "Nothing was imported: 2 problems to fix in the file." in result.stderr
    assert "Line 3: owner_email: no user has the email nobody@example.org." in result.stderr
    assert "Line 4: touch_model:" in result.stderr
    assert _count(CustomerAccount) == 0


def test_an_unknown_journey_exits_1_with_a_clear_message(app, tmp_path):
    result = _invoke(app, tmp_path, "import-events", EVENTS_HEADER, "C1,onboarding,2026-07-01",
                     args=("--journey", "nope"))
    assert result.exit_code == 1
    assert "There is no journey with the code “nope”" in result.stderr


def test_the_journey_option_is_required(app, tmp_path):
    result = _invoke(app, tmp_path, "import-events", EVENTS_HEADER)
    assert result.exit_code == 2 and "--journey" in result.output


def test_import_kpis_and_dry_run(app, tmp_path):
    owner("a@example.org")
    db.session.commit()
    lines = (KPIS_HEADER, "a@example.org,nps,2026-Q3,40,12")
    dry = _invoke(app, tmp_path, "import-kpis", *lines, args=("--dry-run",))
    assert dry.exit_code == 0 and "Would import (dry run) 1 KPI value row(s)" in dry.stdout
    assert _count(KpiValue) == 0
    result = _invoke(app, tmp_path, "import-kpis", *lines)
    assert result.exit_code == 0 and "1 created" in result.stdout
    assert _count(KpiValue) == 1


def test_a_missing_file_is_a_usage_error(app, tmp_path):
    result = app.test_cli_runner().invoke(
        args=["cshire", "import-accounts", str(tmp_path / "missing.csv")])
    assert result.exit_code == 2
