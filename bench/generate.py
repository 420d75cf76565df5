"""Fill a cshire database with realistic volumes, fast and deterministically.

    python -m bench.generate --scale small|large|tiny --database-url URL [--reset]

One function per area (people, competencies, hiring design, hiring process, training,
evaluations), run in dependency order; each prints what it made and how long it took.
Rows go in with SQLAlchemy Core ``insert(table)`` and lists of dicts (executemany) in
batches, with primary keys chosen here, so no ORM object is built per row and later
areas can refer to earlier rows without reading them back. A seeded ``random.Random``
makes the same scale produce the same data every time.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from random import Random
from typing import Any

from flask import Flask
from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import SAWarning
from werkzeug.security import generate_password_hash

from bench import texts

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
    customer_accounts: int  # evaluations (not modelled yet)
    journey_events: int  # evaluations (not modelled yet)
    new_hires_in_training: int  # training (not modelled yet)

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
    "login_throttles": "runtime state of failed sign-ins, not data",
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


# --- people -----------------------------------------------------------------------------


def generate_people(ctx: Context) -> None:
    """Staff in teams of ``team_size``, each team with a manager; roles: a few admins,
    managers, about a third interviewers, most CSMs, some new hires."""
    scale, rng = ctx.scale, ctx.rng
    password_hash = generate_password_hash(BENCH_PASSWORD)  # hashing is slow: once
    team_count = max(1, scale.staff // scale.team_size)
    team_ids = list(ctx.ids("teams", team_count))
    ctx.insert("teams", (
        {"id": tid, "name": f"{texts.TEAM_AREAS[i % 7]} {texts.TEAM_REGIONS[i // 7 % 7]} {i + 1}",
         "manager_id": None, "created_at": ctx.at(-400)}
        for i, tid in enumerate(team_ids)
    ))
    user_ids = list(ctx.ids("users", scale.staff))
    fixed = {user_ids[0]: BENCH_ADMIN, user_ids[1]: BENCH_MANAGER, user_ids[2]: BENCH_INTERVIEWER}
    users, grants = [], []
    by_role: dict[str, list[int]] = {r: [] for r in ("admin", "manager", "interviewer",
                                                      "csm", "new_hire")}
    team_managers: dict[int, int] = {}
    for n, uid in enumerate(user_ids):
        team_id = team_ids[n % team_count]
        japanese = rng.random() < 0.3
        users.append({
            "id": uid, "email": fixed.get(uid, f"staff{n:05d}@example.com"),
            "display_name": _person_name(rng, japanese), "password_hash": password_hash,
            "locale": "ja" if japanese else "en", "active": rng.random() > 0.02 or uid in fixed,
            "team_id": team_id, "created_at": ctx.at(-rng.uniform(30, 900)),
            "last_login_at": ctx.at(-rng.uniform(0, 30)),
        })
        roles = _roles_for(rng, n, team_id, team_managers, uid)
        for role in sorted(roles):
            grants.append({"user_id": uid, "role": role})
            by_role[role].append(uid)
    ctx.insert("users", users)
    for grant, grant_id in zip(grants, ctx.ids("role_grants", len(grants)), strict=True):
        grant["id"] = grant_id
    ctx.insert("role_grants", grants)
    ctx.update_by_id("teams", {"manager_id": "manager"},
                     [{"row_id": t, "manager": m} for t, m in team_managers.items()])
    ctx.facts.update(by_role=by_role, team_ids=team_ids, bench_manager=user_ids[1],
                     bench_interviewer=user_ids[2], bench_admin=user_ids[0])


def _roles_for(rng: Random, n: int, team_id: int, team_managers: dict[int, int],
               uid: int) -> set[str]:
    if n == 0:
        return {"admin"}
    if n == 1:
        return {"manager", "interviewer"}
    if n == 2:
        return {"interviewer", "csm"}
    if team_id not in team_managers:  # the first member of each team leads it
        team_managers[team_id] = uid
        return {"manager", "interviewer"}
    if rng.random() < 0.005:
        return {"admin"}
    if rng.random() < 0.08:
        return {"new_hire"}
    return {"csm", "interviewer"} if rng.random() < 0.3 else {"csm"}


def _person_name(rng: Random, japanese: bool) -> str:
    if japanese:
        return f"{rng.choice(texts.FAMILY_NAMES_JA)} {rng.choice(texts.GIVEN_NAMES_JA)}"
    return f"{rng.choice(texts.FIRST_NAMES_EN)} {rng.choice(texts.LAST_NAMES_EN)}"


# --- competencies ---------------------------------------------------------------------


def generate_competencies(ctx: Context) -> None:
    """The three archetypes' starter sets through the product's own import service,
    then generated competencies (each with five anchored levels)."""
    from cshire.competencies.models import Competency
    from cshire.competencies.services import import_archetype
    from cshire.competencies.starter_sets import ARCHETYPES

    imported = sum(len(import_archetype(code).created) for code in ARCHETYPES)
    ctx.report.rows.update({"competencies": imported, "competency_levels": 5 * imported})
    comp_ids = list(ctx.ids("competencies", ctx.scale.generated_competencies))
    competencies, levels = [], []
    for n, cid in enumerate(comp_ids):
        name_en, name_ja, category = texts.COMPETENCY_THEMES[n % len(texts.COMPETENCY_THEMES)]
        suffix = n // len(texts.COMPETENCY_THEMES) + 1
        competencies.append({
            "id": cid, "code": f"GEN-{n + 1:03d}", "category": category,
            "name_en": f"{name_en} {suffix}", "name_ja": f"{name_ja}{suffix}",
            "description_en": f"How a CSM practises {name_en.lower()} with customers.",
            "description_ja": f"顧客との関わりにおける{name_ja}の実践。",
            "archetype": None, "archived_at": ctx.at(-10) if ctx.rng.random() < 0.05 else None,
            "created_at": ctx.at(-300), "updated_at": ctx.at(-300), "version": 1,
        })
        for level, (en, ja) in enumerate(zip(texts.LEVEL_WORDS_EN, texts.LEVEL_WORDS_JA,
                                             strict=True), start=1):
            levels.append({"competency_id": cid, "level": level,
                           "description_en": f"{name_en}: {en}.",
                           "description_ja": f"{name_ja}：{ja}。"})
    ctx.insert("competencies", competencies)
    for row, level_id in zip(levels, ctx.ids("competency_levels", len(levels)), strict=True):
        row["id"] = level_id
    ctx.insert("competency_levels", levels)
    rows = ctx.conn.execute(
        select(Competency.id, Competency.code, Competency.archetype)
        .where(Competency.archived_at.is_(None)).order_by(Competency.id)
    ).all()
    ctx.facts["competencies"] = [(row.id, row.code, row.archetype) for row in rows]
    ctx.facts["archetypes"] = list(ARCHETYPES)


# --- areas later issues fill in ---------------------------------------------------------


def generate_training(ctx: Context) -> None:
    """Success journeys, curricula, enrolments: not modelled yet (the training issue
    adds the tables); ``new_hires_in_training`` is the target when it does."""
    ctx.report.skipped = (f"not modelled yet ({ctx.scale.new_hires_in_training:,} "
                          "new hires in training at this scale)")


def generate_evaluations(ctx: Context) -> None:
    """Customer accounts, journey events, evaluation cycles: not modelled yet."""
    ctx.report.skipped = (f"not modelled yet ({ctx.scale.customer_accounts:,} customer "
                          f"accounts, {ctx.scale.journey_events:,} journey events at this scale)")


# --- running ----------------------------------------------------------------------------


def areas() -> list[tuple[str, Callable[[Context], None]]]:
    from bench.design import generate_design
    from bench.process import generate_process

    return [
        ("people", generate_people),
        ("competencies", generate_competencies),
        ("design", generate_design),
        ("process", generate_process),
        ("training", generate_training),
        ("evaluations", generate_evaluations),
    ]


class NotEmptyError(RuntimeError):
    pass


def generate(app: Flask, scale: Scale | str, *, seed: int = 2025, reset: bool = False,
             today: date | None = None,
             echo: Callable[[str], None] = print) -> list[AreaReport]:
    """Create the tables (``db.create_all``) and fill them; commits after each area.

    Refuses a database that already has users unless ``reset`` (drop all tables first).
    The same seed and ``today`` give the same data.
    """
    scale = SCALES[scale] if isinstance(scale, str) else scale
    from cshire.auth.models import User
    from cshire.extensions import db

    reports: list[AreaReport] = []
    with app.app_context():
        if reset:
            with warnings.catch_warnings():
                # users ⇄ teams refer to each other; SQLite drops them unsorted, which works.
                warnings.filterwarnings("ignore", "Can't sort tables", SAWarning)
                db.drop_all()
        db.create_all()
        if db.session.scalar(select(func.count()).select_from(User)):
            raise NotEmptyError("the database already has users; use --reset to start over")
        ctx = Context(scale, seed, today or datetime.now(UTC).date())
        echo(f"generating scale {scale.name!r} into {db.engine.url.render_as_string()}")
        for name, area in areas():
            ctx.report = AreaReport(name)
            started = time.perf_counter()
            area(ctx)
            db.session.commit()
            ctx.report.seconds = time.perf_counter() - started
            reports.append(ctx.report)
            echo(ctx.report.line())
        _advance_sequences(db)
        echo(f"{'total':<13} {sum(r.seconds for r in reports):7.1f} s")
    return reports


def _advance_sequences(db) -> None:
    """Explicit ids leave PostgreSQL sequences behind; move them past the data."""
    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.begin() as conn:
        for table in db.metadata.tables.values():
            if "id" in table.c and table.c.id.primary_key:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608
                    f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"
                )


def create_bench_app(database_url: str) -> Flask:
    from cshire import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": database_url,
                       "SECRET_KEY": "bench-generator-not-secret"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--database-url", required=True,
                        help="SQLAlchemy URL, e.g. sqlite:////tmp/bench.sqlite")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--reset", action="store_true", help="drop every table first")
    args = parser.parse_args(argv)
    try:
        generate(create_bench_app(args.database_url), args.scale, seed=args.seed,
                 reset=args.reset)
    except NotEmptyError as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
