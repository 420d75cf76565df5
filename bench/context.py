"""What every generator area shares: the scales, the fixed bench accounts, the tables
left empty on purpose, and ``Context`` (connection, seeded random, ids, batched inserts).

Its own module so the area modules (``foundation``, ``design``, ``process``) and the
runner (``generate``) all import it without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from random import Random
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update

BATCH = 5_000
BENCH_PASSWORD = "bench-pass-1234"  # noqa: S105 - synthetic benchmark accounts only
# Fixed accounts the page benchmark signs in as (all other staff are numbered).
BENCH_ADMIN = "bench-admin@example.com"
BENCH_MANAGER = "bench-manager@example.com"  # manager + interviewer: sees every hiring page
BENCH_INTERVIEWER = "bench-interviewer@example.com"


@dataclass(frozen=True)
class Scale:
    """How much of everything to make. ``large`` is the size named in issue 2."""

    name: str
    staff: int  # users, including the fixed bench accounts
    team_size: int
    generated_competencies: int  # on top of the three archetypes' starter sets
    questions_per_competency: int
    profiles: int
    exemplars_per_profile: int
    kit_versions: int  # per kit; every version but the last is published
    kit_questions: int  # questions per kit version (= ratings per scorecard)
    openings: int
    candidates: int
    scorecards: int
    customer_accounts: int  # evaluations (bench/evaluations.py)
    journey_events: int  # on those accounts
    new_hires_in_training: int  # training enrolments (bench/training.py)

    @property
    def question_ratings(self) -> int:
        return self.scorecards * self.kit_questions


SCALES: dict[str, Scale] = {
    scale.name: scale
    for scale in (
        # tiny: for tests; still more than a page (25) of competencies and questions.
        Scale("tiny", staff=12, team_size=4, generated_competencies=6,
              questions_per_competency=3, profiles=2, exemplars_per_profile=4,
              kit_versions=2, kit_questions=5, openings=2, candidates=6, scorecards=12,
              customer_accounts=10, journey_events=50, new_hires_in_training=3),
        Scale("small", staff=200, team_size=10, generated_competencies=12,
              questions_per_competency=8, profiles=8, exemplars_per_profile=15,
              kit_versions=3, kit_questions=10, openings=20, candidates=1_000,
              scorecards=3_000, customer_accounts=5_000, journey_events=25_000,
              new_hires_in_training=250),
        Scale("large", staff=2_000, team_size=20, generated_competencies=40,
              questions_per_competency=12, profiles=40, exemplars_per_profile=25,
              kit_versions=3, kit_questions=10, openings=200, candidates=20_000,
              scorecards=60_000, customer_accounts=100_000, journey_events=500_000,
              new_hires_in_training=5_000),
    )
}


# Tables the generator leaves empty on purpose, with the reason (tests/test_bench.py
# fails when a table is neither filled nor listed here).
NOT_GENERATED = {
    "login_attempts": "runtime state of sign-in attempts, not data",
    "organisation_settings": "one row an admin saves; UTC applies until then",
    "stored_files": "uploaded evidence (bytes in a deferred column): no page lists them, "
                    "and the sandbox records' evidence is optional",
}


@dataclass
class AreaReport:
    area: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    skipped: str = ""  # why nothing was made, when nothing was

    def line(self) -> str:
        if self.skipped:
            made = f"skipped: {self.skipped}"
        else:
            made = " · ".join(f"{n:,} {table}" for table, n in self.rows.items()) or "nothing"
        return f"{self.area:<13} {self.seconds:7.1f} s  {made}"


class Context:
    """What every area function gets: the connection, the scale, a seeded random
    generator, and ``facts`` — ids and shapes earlier areas made, for later ones."""

    def __init__(self, scale: Scale, seed: int, today: date) -> None:
        from cshire.extensions import db

        self.db = db
        self.scale = scale
        self.rng = Random(seed)
        self.facts: dict[str, Any] = {}
        self.report: AreaReport | None = None
        self._next_id: dict[str, int] = {}
        # Times are relative to the generation day, so "upcoming" interviews are upcoming.
        self.now = datetime.combine(today, datetime.min.time(), tzinfo=UTC)

    @property
    def conn(self) -> Connection:
        return self.db.session.connection()

    def table(self, name: str) -> Table:
        return self.db.metadata.tables[name]

    def has_tables(self, *names: str) -> bool:
        return all(name in self.db.metadata.tables for name in names)

    def ids(self, table: str, n: int) -> range:
        """Reserve ``n`` primary keys after the table's current maximum."""
        if table not in self._next_id:
            current = self.conn.scalar(select(func.max(self.table(table).c.id)))
            self._next_id[table] = (current or 0) + 1
        start = self._next_id[table]
        self._next_id[table] = start + n
        return range(start, start + n)

    def insert(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        """executemany in batches; counts the rows in the current area's report."""
        statement = insert(self.table(table))
        iterator = iter(rows)
        total = 0
        while batch := list(islice(iterator, BATCH)):
            self.conn.execute(statement, batch)
            total += len(batch)
        if self.report is not None:
            self.report.rows[table] = self.report.rows.get(table, 0) + total
        return total

    def update_by_id(self, table: str, values: dict[str, str], rows: list[dict]) -> None:
        """executemany UPDATE … WHERE id = :row_id; ``values`` maps column → bind name."""
        target = self.table(table)
        statement = (
            update(target)
            .where(target.c.id == bindparam("row_id"))
            .values({column: bindparam(name) for column, name in values.items()})
        )
        for start in range(0, len(rows), BATCH):
            self.conn.execute(statement, rows[start:start + BATCH])

    def at(self, days: float) -> datetime:
        """``days`` from the start of the generation day (negative: in the past)."""
        return self.now + timedelta(days=days)
