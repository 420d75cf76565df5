"""Speed of ``flask cshire import-events``: a generated CRM export of N journey events
imported from the CLI into a scratch database, as rows per second and as a ratio of the
kernel CSV reader alone over the same file, measured in the same run (the reader is the
part no import can avoid; the ratio is how many times its time the whole import takes).

    .venv/bin/python -m bench.import_events                       # 500,000 events, SQLite
    .venv/bin/python -m bench.import_events --events 100000
    .venv/bin/python -m bench.import_events --database-url \\
        postgresql+psycopg://postgres@127.0.0.1:5432/cshire_bench_events --reset

The scratch database gets one CSM, one journey of five stages and one account per ten
events, the accounts created through ``import-accounts`` (timed too). The events file
is then imported twice: the first run creates every event, the second finds them all
already imported (the cost of re-importing an export). ``make bench`` runs it after the
pages (``bench/run.py --import-events N``). Requirement: 500,000 events in under 60 s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from flask import Flask
from sqlalchemy import func, select

from bench.generate import create_bench_app
from cshire.csv_import import CsvImport

STAGES = ("onboarding", "adoption", "value", "expansion", "renewal")
JOURNEY = "bench-journey"
OWNER = "bench-import-csm@example.com"
EVENTS_PER_ACCOUNT = 10
TARGET_SECONDS = 60.0
BENCH_PASSWORD = "bench-import-not-secret"  # noqa: S105 - a scratch database's only user


@dataclass
class ImportTiming:
    events: int
    accounts: int
    database: str
    reader_s: float
    accounts_s: float
    import_s: float
    reimport_s: float
    # CPU time of this process (the machine is shared: wall time also counts waiting
    # for a core, CPU time is what the import itself costs).
    reader_cpu_s: float = 0.0
    import_cpu_s: float = 0.0
    reimport_cpu_s: float = 0.0

    @property
    def rows_per_s(self) -> float:
        return self.events / self.import_s

    @property
    def ratio(self) -> float:
        """The import's time over the reader's alone on the same file."""
        return self.import_s / self.reader_s

    @property
    def cpu_ratio(self) -> float:
        return self.import_cpu_s / self.reader_cpu_s if self.reader_cpu_s else 0.0

    def within_target(self) -> bool:
        """Under a minute for 500,000 events (pro rata; no verdict on a small file,
        whose time is mostly the app's start)."""
        return self.events < 100_000 or self.import_s < TARGET_SECONDS * self.events / 500_000

    def lines(self) -> list[str]:
        ok = "OK" if self.within_target() else "TOO SLOW"
        return [
            f"import-events · {self.events:,} events over {self.accounts:,} accounts · "
            f"{self.database}",
            f"  CSV reader alone (baseline)  {self.reader_s:7.2f} s  "
            f"{self.events / self.reader_s:>9,.0f} rows/s  (CPU {self.reader_cpu_s:.2f} s)",
            f"  import-accounts              {self.accounts_s:7.2f} s  "
            f"{self.accounts / self.accounts_s:>9,.0f} rows/s",
            f"  import-events (new)          {self.import_s:7.2f} s  "
            f"{self.rows_per_s:>9,.0f} rows/s  ratio {self.ratio:.2f} × the reader  [{ok}]",
            f"      CPU {self.import_cpu_s:.2f} s: {self.events / self.import_cpu_s:,.0f} rows/s,"
            f" ratio {self.cpu_ratio:.2f} × the reader's CPU",
            f"  import-events (again: all duplicates) {self.reimport_s:7.2f} s  "
            f"{self.events / self.reimport_s:>9,.0f} rows/s  (CPU {self.reimport_cpu_s:.2f} s)",
        ]

    def as_dict(self) -> dict:
        return {**asdict(self), "rows_per_s": round(self.rows_per_s), "ratio": self.ratio,
            "cpu_ratio": self.cpu_ratio}


def write_files(folder: Path, events: int) -> tuple[Path, Path, int]:
    """An accounts file and an events file: each account walks the stages in order, a
    week apart, then starts again a year later (so every event is distinct)."""
    accounts = max(1, events // EVENTS_PER_ACCOUNT)
    accounts_path, events_path = folder / "accounts.csv", folder / "events.csv"
    with accounts_path.open("w", encoding="utf-8", newline="") as out:
        out.write("external_id,name,owner_email,touch_model,arr\r\n")
        for n in range(accounts):
            out.write(f"ACC-{n:07d},顧客 {n},{OWNER},{('high', 'low', 'tech')[n % 3]},"
                      f"{(n % 97) * 10000}\r\n")
    start = date(2024, 1, 1)
    with events_path.open("w", encoding="utf-8", newline="") as out:
        out.write("account_external_id,stage,entered_at\r\n")
        for n in range(events):
            account, step = n % accounts, n // accounts
            day = start + timedelta(days=account % 300 + 7 * step + 365 * (step // 5))
            out.write(f"ACC-{account:07d},{STAGES[step % len(STAGES)]},{day.isoformat()}\r\n")
    return accounts_path, events_path, accounts


def prepare(app: Flask, reset: bool) -> None:
    """The schema, the CSM who owns the accounts and the journey."""
    from cshire.auth.models import Role, User
    from cshire.auth.services import create_user
    from cshire.extensions import db
    from cshire.training.models.journey import Journey, JourneyStage

    with app.app_context():
        if reset:
            db.drop_all()
        db.create_all()
        if db.session.scalar(select(func.count(User.id))):
            raise SystemExit("bench.import_events: the database has users; give --reset "
                             "or an empty database")
        create_user(email=OWNER, display_name="Bench CSM", password=BENCH_PASSWORD,
                    roles={Role.CSM})
        db.session.add(Journey(code=JOURNEY, name_en="Bench journey", stages=[
            JourneyStage(position=i, code=code, name_en=code.title())
            for i, code in enumerate(STAGES, start=1)]))
        db.session.commit()


def time_reader(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of the kernel reader alone over ``path``."""
    from cshire.evaluations.services.imports import EVENT_COLUMNS

    with path.open("rb") as source:
        started, cpu = time.perf_counter(), time.process_time()
        reader = CsvImport(source, EVENT_COLUMNS, max_rows=None)
        count = sum(1 for _row in reader)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert count and not reader.problems, reader.problems.kept()[:3]
    return elapsed, cpu


def time_command(app: Flask, *args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of ``flask cshire ARGS`` run in this process."""
    runner = app.test_cli_runner()
    with app.app_context():  # as ``flask`` itself runs a command
        started, cpu = time.perf_counter(), time.process_time()
        result = runner.invoke(args=["cshire", *args])
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if result.exit_code != 0:
        stderr = result.stderr_bytes.decode() if result.stderr_bytes else ""
        raise SystemExit(f"bench.import_events: {' '.join(args)} failed:\n"
                         f"{result.output}{stderr}{result.exception!r}")
    return elapsed, cpu


def measure(events: int, database_url: str | None = None, *, reset: bool = False,
            echo=print) -> ImportTiming:
    """Generate the files, import them, and return the timings (a scratch SQLite file
    in a temporary folder unless ``database_url`` is given)."""
    with tempfile.TemporaryDirectory() as folder:
        url = database_url or f"sqlite:///{Path(folder) / 'import-events.sqlite'}"
        app = create_bench_app(url)
        prepare(app, reset)
        echo(f"import-events: generating {events:,} events …")
        accounts_path, events_path, accounts = write_files(Path(folder), events)
        reader_s, reader_cpu = time_reader(events_path)
        echo("import-events: importing the accounts, then the events twice …")
        accounts_s, _cpu = time_command(app, "import-accounts", str(accounts_path))
        command = ("import-events", str(events_path), "--journey", JOURNEY)
        import_s, import_cpu = time_command(app, *command)
        reimport_s, reimport_cpu = time_command(app, *command)
        _check_count(app, events)
        if database_url is not None and reset:
            with app.app_context():
                from cshire.extensions import db

                db.drop_all()
        return ImportTiming(events, accounts, "PostgreSQL" if url.startswith("postgres")
                            else "SQLite", reader_s, accounts_s, import_s, reimport_s,
                            reader_cpu, import_cpu, reimport_cpu)


def _check_count(app: Flask, events: int) -> None:
    from cshire.evaluations.models.accounts import JourneyEvent
    from cshire.extensions import db

    with app.app_context():
        stored = db.session.scalar(select(func.count(JourneyEvent.id)))
    if stored != events:
        raise SystemExit(f"bench.import_events: {stored:,} events stored, {events:,} expected")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500_000)
    parser.add_argument("--database-url", help="default: a scratch SQLite file")
    parser.add_argument("--reset", action="store_true",
                        help="drop every table of --database-url first (and after)")
    args = parser.parse_args(argv)
    if args.events < 1:
        parser.error("--events must be at least 1")
    timing = measure(args.events, args.database_url, reset=args.reset)
    print("\n".join(timing.lines()))
    return 0 if timing.within_target() else 1


if __name__ == "__main__":
    raise SystemExit(main())
