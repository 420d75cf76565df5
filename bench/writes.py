"""Writes for the bench's "right after a write" measurements (``bench.pages.AfterWrite``):
each makes one change a user makes, through the app's own services, and commits it,
so the app's caches see it exactly as they see a change made over HTTP.

The run serves a copy of the generated database (``bench.run``): writes never change
the generated data, and every run starts from the same state.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from bench.generate import BENCH_MANAGER


def submit_scorecard(app: Flask) -> str:
    """Submit one more scorecard in the bench manager's openings: the draft of the most
    recent interview that has taken place, every question rated (a note with each, as
    some openings require), through the scoring service as the form does. Raises
    LookupError when no such draft is left."""
    from cshire.auth.models import User
    from cshire.database import utcnow
    from cshire.extensions import db
    from cshire.interviews.models.candidates import Application
    from cshire.interviews.models.interviews import Interview
    from cshire.interviews.models.openings import Opening
    from cshire.interviews.models.scoring import Scorecard, ScorecardStatus
    from cshire.interviews.services import scoring

    with app.app_context():
        scorecard = db.session.scalar(
            select(Scorecard)
            .join(Interview, Scorecard.interview_id == Interview.id)
            .join(Application, Interview.application_id == Application.id)
            .join(Opening, Application.opening_id == Opening.id)
            .join(User, Opening.hiring_manager_id == User.id)
            .where(User.email == BENCH_MANAGER, Interview.scheduled_at < utcnow(),
                   Scorecard.status == ScorecardStatus.DRAFT.value)
            .order_by(Interview.scheduled_at.desc(), Scorecard.id).limit(1)
        )
        if scorecard is None:
            raise LookupError("no draft scorecard of a past interview left to submit")
        author = db.session.get(User, scorecard.interviewer_id)
        answers = [scoring.AnswerInput(item.id, rating=1 + (scorecard.id + item.position) % 5,
                               note="Bench: submitted during the run.")
                   for item in scoring.kit_items(scorecard)]
        scoring.save_draft(scorecard, scoring.ScorecardInput(scorecard.version, "yes", answers),
                           actor=author)
        scoring.submit_scorecard(scorecard, actor=author)
        db.session.commit()
        return f"scorecard {scorecard.id}"
