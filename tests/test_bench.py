"""Smoke tests of the benchmark harness (bench/): the generator fills every table at the
``tiny`` scale with the counts it promises, and every registered bench page answers 200
for the user it is opened as (the bench manager unless the page names another). The
throughput run itself is ``make bench``."""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.pool import StaticPool

from bench import pages
from bench.generate import BENCH_MANAGER, NOT_GENERATED, SCALES, generate
from bench.load import parse_wrk
from cshire import create_app
from cshire.auth.models import User
from cshire.extensions import db
from tests.conftest import app_config, login

TINY = SCALES["tiny"]


def _count(table: str) -> int:
    return db.session.scalar(select(func.count()).select_from(db.metadata.tables[table]))


@pytest.fixture
def generated(app):
    reports = generate(app, "tiny", today=date(2026, 1, 5), echo=lambda _line: None)
    db.session.expire_all()
    return {table: n for report in reports for table, n in report.rows.items()}


def test_generator_fills_every_table_with_the_counts_it_reports(generated):
    for table, reported in generated.items():
        assert _count(table) == reported, table
    empty = {t for t in db.metadata.tables if _count(t) == 0} - set(NOT_GENERATED)
    assert not empty, (f"tables the bench generator does not fill: {sorted(empty)}; add "
                       "them to an area in bench/ or to NOT_GENERATED with a reason")


def test_generator_makes_the_scale_it_names(generated):
    assert _count("users") == TINY.staff
    assert _count("candidates") == _count("applications") == TINY.candidates
    assert _count("scorecards") == TINY.scorecards
    assert _count("high_performer_profiles") == TINY.profiles
    assert _count("training_enrolments") == TINY.new_hires_in_training
    # Every past scorecard answers each kit question; upcoming interviews have none yet.
    assert 0.5 * TINY.question_ratings <= _count("scorecard_answers") <= TINY.question_ratings


def _fingerprint_of_fresh_database() -> tuple:
    """Generate ``tiny`` into a new in-memory database; return its counts and a sample."""
    fresh = create_app(app_config(
        SQLALCHEMY_DATABASE_URI="sqlite://",
        SQLALCHEMY_ENGINE_OPTIONS={"poolclass": StaticPool,
                                   "connect_args": {"check_same_thread": False}},
    ))
    reports = generate(fresh, "tiny", today=date(2026, 1, 5), echo=lambda _line: None)
    with fresh.app_context():
        answers = db.metadata.tables["scorecard_answers"]
        sample = (
            db.session.scalars(select(User.display_name).order_by(User.id)).all(),
            db.session.execute(select(answers.c.scorecard_id, answers.c.rating)
                               .order_by(answers.c.id)).all(),
        )
        db.session.remove()
        db.engine.dispose()
    return [r.rows for r in reports], sample


def test_generator_is_deterministic():
    assert _fingerprint_of_fresh_database() == _fingerprint_of_fresh_database()


def test_bench_pages_answer_200_for_their_viewer(app, generated):
    present, missing = pages.available(app)
    assert missing == []
    for name in present:
        page = pages.PAGES[name]
        path, email = page(app), page.viewer_email(app)
        assert page.viewer is not None or email == BENCH_MANAGER
        client = login(app.test_client(),
                       db.session.scalar(select(User).where(User.email == email)))
        assert client.get(path).status_code == 200, (name, path, email)
    assert pages.BASELINE(app) == "/healthz"


def test_unknown_page_names_are_refused(app):
    with pytest.raises(KeyError, match="unknown page"):
        pages.available(app, ["no-such-page"])


def test_wrk_report_is_parsed():
    output = """Running 3s test @ http://127.0.0.1:8000/healthz
  Latency Distribution
     50%    4.62ms
     75%    5.01ms
     90%    5.50ms
     99%    1.20s
  6000 requests in 3.00s, 1.1MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 5
Requests/sec:   1999.50
"""
    assert parse_wrk(output) == (1999.5, 4.62, 1200.0, 8)


def test_the_bench_write_submits_one_more_scorecard_in_the_bench_managers_openings(
        app, generated):
    from bench.writes import submit_scorecard
    from cshire.interviews.models.scoring import Scorecard

    def submitted():
        return db.session.scalar(select(func.count()).select_from(Scorecard)
                                 .where(Scorecard.status == "submitted"))

    before = submitted()
    done = submit_scorecard(app)
    scorecard = db.session.get(Scorecard, int(done.split()[-1]))
    assert submitted() == before + 1 and scorecard.is_submitted
    assert scorecard.interview.application.opening.hiring_manager.email == BENCH_MANAGER
