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
from collections.abc import Callable
from datetime import UTC, date, datetime

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.exc import SAWarning

from bench.context import (
    BENCH_ADMIN,
    BENCH_INTERVIEWER,
    BENCH_MANAGER,
    BENCH_PASSWORD,
    NOT_GENERATED,
    SCALES,
    AreaReport,
    Context,
    Scale,
)
from bench.design import generate_design
from bench.evaluations import generate_evaluations
from bench.foundation import generate_competencies, generate_people
from bench.process import generate_process
from bench.training import generate_training

__all__ = ["BENCH_ADMIN", "BENCH_INTERVIEWER", "BENCH_MANAGER", "BENCH_PASSWORD",
           "NOT_GENERATED", "SCALES", "Scale", "generate"]


# --- running ----------------------------------------------------------------------------


def areas() -> list[tuple[str, Callable[[Context], None]]]:
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
