"""Double clicks on the candidate pages, with two real database connections at once
(``race_app``: PostgreSQL when TEST_DATABASE_URL is set, a SQLite file otherwise):
exactly one request adds, the other gets a clear message, never a server error."""

import io
import threading

from flask import Flask
from sqlalchemy import func, select

from cshire.extensions import db
from cshire.interviews.models.candidates import Application, Candidate
from tests.conftest import TEST_DATABASE_URL
from tests.interviews import factories_process as make

ROUNDS = 5  # races per test: one interleaving may happen to be harmless
# What the later of two requests may be told: the opening's lock lets it see the first
# one's rows (PostgreSQL), or it loses at the unique constraint (SQLite).
CLEAR_REFUSALS = ("has already applied to this opening",
                  "Someone else saved a change at the same moment")


def _opening(race_app: Flask) -> tuple[int, str]:
    with race_app.app_context():
        opening = make.opening()
        db.session.commit()
        return opening.id, opening.hiring_manager.get_id()


def _at_once(race_app: Flask, user_key: str, post: dict) -> list[tuple[int, str]]:
    """The same POST sent twice at the same moment by one signed-in user: the two
    responses (status, page text)."""
    responses: list[tuple[int, str]] = []
    lock, start = threading.Lock(), threading.Barrier(2)

    def send() -> None:
        http = race_app.test_client()
        with http.session_transaction() as session:
            session["_user_id"], session["_fresh"] = user_key, True
        data = {k: (io.BytesIO(v), "candidates.csv") if isinstance(v, bytes) else v
                for k, v in post["data"].items()}
        start.wait()
        response = http.post(post["url"], data=data, content_type=post["content_type"])
        with lock:
            responses.append((response.status_code, response.get_data(as_text=True)))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def _assert_one_won_and_the_other_was_told(responses: list[tuple[int, str]]) -> None:
    statuses = sorted(status for status, _ in responses)
    assert statuses == [200, 302], statuses  # never a 500
    (refused,) = [body for status, body in responses if status == 200]
    assert any(text in refused for text in CLEAR_REFUSALS), refused
    if TEST_DATABASE_URL:  # the lock on the opening: the exact reason, every time
        assert CLEAR_REFUSALS[0] in refused, refused


def _counts(race_app: Flask, opening_id: int) -> tuple[int, int]:
    """The opening's applications, and the candidate rows of its emails."""
    with race_app.app_context():
        emails = (select(Candidate.email)
                  .join(Application, Application.candidate_id == Candidate.id)
                  .where(Application.opening_id == opening_id))
        return (db.session.scalar(select(func.count(Application.id))
                                  .where(Application.opening_id == opening_id)),
                db.session.scalar(select(func.count(Candidate.id))
                                  .where(Candidate.email.in_(emails))))


def test_adding_the_same_candidate_twice_at_once_adds_them_once(race_app):
    opening_id, manager = _opening(race_app)
    for n in range(ROUNDS):
        responses = _at_once(race_app, manager, {
            "url": f"/hiring/openings/{opening_id}/candidates/new",
            "content_type": "application/x-www-form-urlencoded",
            "data": {"name": "Aiko Tanaka", "email": f"aiko{n}@example.org"},
        })
        _assert_one_won_and_the_other_was_told(responses)
        assert _counts(race_app, opening_id) == (n + 1, n + 1)


def test_importing_the_same_file_twice_at_once_imports_it_once(race_app):
    opening_id, manager = _opening(race_app)
    for n in range(ROUNDS):
        rows = "".join(f"Person {n}-{k},p{n}-{k}@example.org\n" for k in range(20))
        responses = _at_once(race_app, manager, {
            "url": f"/hiring/openings/{opening_id}/candidates/import",
            "content_type": "multipart/form-data",
            "data": {"file": ("name,email\n" + rows).encode()},
        })
        _assert_one_won_and_the_other_was_told(responses)
        assert _counts(race_app, opening_id) == (20 * (n + 1), 20 * (n + 1))
