"""The pages ``bench.run`` loads: ``PAGES = {name: page}``, each page a callable
``page(app) -> path`` that finds the ids it needs in the generated data.

All pages are opened as ``BENCH_MANAGER`` (manager + interviewer), who owns about a
third of the profiles and openings and sits on interview panels, so every page below
is one that user may see. A page whose endpoint the app does not have yet is listed
by ``available`` as missing and skipped; add entries here as features land.

An ``AfterWrite`` page is not loaded with wrk: it is timed once right after each of a
few writes (``bench.writes``), what a user sees when the data has just changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, url_for
from sqlalchemy import Integer, func, select

from bench.generate import BENCH_MANAGER
from bench.writes import submit_scorecard

Params = Callable[[], dict[str, Any]]


class Page:
    """``viewer`` returns the email of the user the page is opened as (default: the
    bench manager), e.g. a new hire for the new hire's home."""

    def __init__(self, endpoint: str, params: Params | None = None,
                 viewer: Callable[[], str] | None = None) -> None:
        self.endpoint = endpoint
        self.params = params
        self.viewer = viewer

    def viewer_email(self, app: Flask) -> str:
        if self.viewer is None:
            return BENCH_MANAGER
        with app.app_context():
            return self.viewer()

    def available(self, app: Flask) -> bool:
        return self.endpoint in app.view_functions

    def __call__(self, app: Flask) -> str:
        """The page's path (with query string), ids resolved from the database."""
        with app.app_context():
            values = self.params() if self.params else {}
            with app.test_request_context():
                return url_for(self.endpoint, **values)


class AfterWrite(Page):
    """A page timed right after each ``write(app)`` (which commits one change and
    returns what it did), instead of under load."""

    def __init__(self, endpoint: str, params: Params | None,
                 write: Callable[[Flask], str]) -> None:
        super().__init__(endpoint, params)
        self.write = write


def _t(name: str):
    from cshire.extensions import db

    return db.metadata.tables[name]


def _scalar(statement) -> Any:
    from cshire.extensions import db

    value = db.session.scalar(statement)
    if value is None:
        raise LookupError(f"no data for: {statement}")
    return value


def _manager_id() -> int:
    users = _t("users")
    return _scalar(select(users.c.id).where(users.c.email == BENCH_MANAGER))


def _profile() -> dict[str, Any]:
    """The bench manager's first active profile (it has entries and exemplars)."""
    profiles = _t("high_performer_profiles")
    return {"profile_id": _scalar(
        select(func.min(profiles.c.id))
        .where(profiles.c.created_by_id == _manager_id(), profiles.c.archived_at.is_(None))
    )}


def _kit() -> dict[str, Any]:
    kits = _t("interview_kits")
    return {"kit_id": _scalar(select(func.min(kits.c.id))
                              .where(kits.c.profile_id == _profile()["profile_id"]))}


def _published_version() -> dict[str, Any]:
    versions = _t("interview_kit_versions")
    kit_id = _kit()["kit_id"]
    number = _scalar(select(func.max(versions.c.number))
                     .where(versions.c.kit_id == kit_id, versions.c.status == "published"))
    return {"kit_id": kit_id, "number": number}


def _opening() -> dict[str, Any]:
    """The bench manager's opening with the most applications (the heaviest list)."""
    openings, applications = _t("openings"), _t("applications")
    return {"opening_id": _scalar(
        select(openings.c.id).join(applications)
        .where(openings.c.hiring_manager_id == _manager_id())
        .group_by(openings.c.id).order_by(func.count().desc(), openings.c.id).limit(1)
    )}


def _application() -> dict[str, Any]:
    """An application in the bench manager's openings with the most submitted
    scorecards: the fullest candidate scorecard."""
    openings, applications = _t("openings"), _t("applications")
    interviews, scorecards = _t("interviews"), _t("scorecards")
    return {"application_id": _scalar(
        select(applications.c.id).join(openings).join(interviews).join(scorecards)
        .where(openings.c.hiring_manager_id == _manager_id(),
               scorecards.c.status == "submitted")
        .group_by(applications.c.id).order_by(func.count().desc(), applications.c.id)
        .limit(1)
    )}


def _own_scorecard() -> dict[str, Any]:
    """The bench manager's own scorecard to fill in: a draft for an interview that has
    taken place if there is one, else any draft, else any of theirs."""
    scorecards, interviews = _t("scorecards"), _t("interviews")
    query = (select(scorecards.c.id).join(interviews)
             .where(scorecards.c.interviewer_id == _manager_id())
             .order_by((scorecards.c.status != "draft"), interviews.c.scheduled_at.desc(),
                       scorecards.c.id)
             .limit(1))
    return {"scorecard_id": _scalar(query)}


def _interview() -> dict[str, Any]:
    """An interview the bench manager sat on, with the largest panel."""
    scorecards = _t("scorecards")
    mine = select(scorecards.c.interview_id).where(
        scorecards.c.interviewer_id == _manager_id())
    return {"interview_id": _scalar(
        select(scorecards.c.interview_id).where(scorecards.c.interview_id.in_(mine))
        .group_by(scorecards.c.interview_id)
        .order_by(func.count().desc(), scorecards.c.interview_id).limit(1)
    )}


def _all_openings() -> dict[str, Any]:
    """An empty opening filter: the report over all the manager's openings."""
    return {"opening": ""}


def _metrics_team() -> dict[str, Any]:
    """The journey metrics of the team the bench manager manages, on the journey with
    the most events, over the default period (the last complete quarter).

    The generator's evaluations part must make the bench manager a team's manager and
    give its CSMs accounts with events in that quarter; until then the page opens with
    its defaults (its empty state), which is what the tests load at the tiny scale.
    """
    from cshire.extensions import db

    teams, journeys, events = _t("teams"), _t("journeys"), _t("journey_events")
    team = db.session.scalar(select(func.min(teams.c.id))
                             .where(teams.c.manager_id == _manager_id()))
    journey = db.session.scalar(select(journeys.c.code).join(events)
                                .group_by(journeys.c.id, journeys.c.code)
                                .order_by(func.count().desc(), journeys.c.id).limit(1))
    return {name: value for name, value in (("team", team), ("journey", journey))
            if value is not None}


def _busiest_new_hire() -> str:
    """A new hire in training with the most modules on their plan behind them: the
    fullest home page (progress, due, overdue)."""
    users, enrolments, progress = _t("users"), _t("training_enrolments"), _t("training_progress")
    return _scalar(
        select(users.c.email).join(enrolments, enrolments.c.user_id == users.c.id)
        .outerjoin(progress, progress.c.enrolment_id == enrolments.c.id)
        .group_by(users.c.id, users.c.email)
        # Still in training first (none is at the tiny scale), then the fullest plan.
        .order_by(func.max(enrolments.c.signed_off_at.is_(None).cast(Integer)).desc(),
                  func.count(progress.c.id).desc(), users.c.id).limit(1))


def _busiest_mentor() -> str:
    """The mentor with the most rounds waiting for their review (the longest queue)."""
    users, enrolments, submissions = (_t("users"), _t("training_enrolments"),
                                      _t("training_submissions"))
    return _scalar(
        select(users.c.email).join(enrolments, enrolments.c.mentor_id == users.c.id)
        .outerjoin(submissions, (submissions.c.enrolment_id == enrolments.c.id)
                   & submissions.c.reviewed_at.is_(None))
        .group_by(users.c.id, users.c.email)
        .order_by(func.count(submissions.c.id).desc(), users.c.id).limit(1))


def _evaluation() -> dict[str, Any]:
    """An evaluation of the bench manager's team in the open cycle."""
    evaluations, cycles = _t("evaluations"), _t("evaluation_cycles")
    return {"evaluation_id": _scalar(
        select(func.min(evaluations.c.id)).join(cycles)
        .where(evaluations.c.manager_id == _manager_id(), cycles.c.closed_at.is_(None)))}


def _cycle() -> dict[str, Any]:
    """The open cycle (every CSM in it: the fullest calibration view)."""
    cycles = _t("evaluation_cycles")
    return {"cycle_id": _scalar(select(func.min(cycles.c.id))
                                .where(cycles.c.closed_at.is_(None)))}


PAGES: dict[str, Page] = {
    # issue 2 (foundation)
    "home": Page("main.dashboard"),  # the to-do home page (issue 9)
    "competencies": Page("competencies.index"),
    # issue 3 (profiles, question bank, kits)
    "profiles": Page("interviews.profiles"),
    "profile": Page("interviews.profile", _profile),
    "exemplars": Page("interviews.profile_exemplars", _profile),
    "suggestion": Page("interviews.profile_suggestion", _profile),
    "questions": Page("interviews.questions"),
    "kits": Page("interviews.kits"),
    "kit": Page("interviews.kit", _kit),
    "kit-version": Page("interviews.kit_version", _published_version),
    # issue 4 (openings, interviews, scorecards, analytics)
    "openings": Page("interviews.openings"),
    "opening": Page("interviews.opening_detail", _opening),
    "my-interviews": Page("interviews.my_interviews"),
    "interview": Page("interviews.interview_detail", _interview),
    "scoring-form": Page("interviews.scorecard_form", _own_scorecard),
    "scorecard": Page("interviews.application_scorecard", _application),
    "comparison": Page("interviews.opening_compare", _opening),
    "analytics": Page("interviews.analytics"),
    # issue 8, point 13: the agreement report over all the manager's openings, under
    # load (from its cache) and right after each of a few new scorecards
    "analytics-all": Page("interviews.analytics", _all_openings),
    "analytics-all-after-write": AfterWrite("interviews.analytics", _all_openings,
                                            submit_scorecard),
    # issue 11, point 2: a team's journey metrics, every CSM's funnel (under 1 s at large)
    "metrics": Page("evaluations.metrics", _metrics_team),
    "evaluation": Page("evaluations.evaluation_detail", _evaluation),
    "calibration": Page("evaluations.calibration", _cycle),
    # issue 10: the new hire's home, the mentor's review queue, the friction report
    "training-home": Page("training.home", viewer=_busiest_new_hire),
    "training-home-manager": Page("training.home"),
    "review-queue": Page("training.reviews", viewer=_busiest_mentor),
    "friction": Page("training.friction"),
}

BASELINE = Page("main.healthz")  # one database query: the yardstick of every ratio


def available(app: Flask, names: list[str] | None = None) -> tuple[list[str], list[str]]:
    """(names whose endpoint exists, names whose endpoint does not exist yet)."""
    unknown = sorted(set(names or ()) - set(PAGES))
    if unknown:
        raise KeyError(f"unknown page(s) {', '.join(unknown)}; known: {', '.join(PAGES)}")
    chosen = names or list(PAGES)
    present = [name for name in chosen if PAGES[name].available(app)]
    return present, [name for name in chosen if name not in present]
