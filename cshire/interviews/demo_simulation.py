"""Demo hiring pipeline (the last hiring demo step, ``load_process_demo``): one
opening with 30 candidates over two stages, four interviewers with realistic habits,
drafts, decisions — enough for every analytics figure to show a number.

Runs after the design demo (a published kit per archetype profile, the demo
manager and interviewers). The texts (opening, stages, candidates, notes) come from
``demo_content``; the ratings are simulated here, with numbers chosen so the analytics
page reads like a real trained team's:

- each candidate has a true level per competency: an overall level plus a smaller
  part of its own per competency;
- each interviewer adds their habit: a steady bias (one lenient, one harsh, which the
  calibration table shows) and some question-to-question noise;
- each scorecard adds the interviewer's overall impression of the day, which does not
  average out over the questions. The team has calibrated on the first-interview kit,
  so impressions there are small and the panel agrees ("moderate" to "good" ICC); the
  final-panel kit is new to them, its panels often put the lenient and the harsh
  interviewer together, the manager joins less practised, and its candidates are only
  the strongest (a narrower range), so it agrees visibly less ("poor").

A fixed random seed makes every run produce the same data, and the whole step is
skipped when the demo opening already exists (idempotent).
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import NormalDist

from sqlalchemy import select

from cshire.auth.demo import DEMO_PASSWORD, demo_password_hash
from cshire.auth.models import Role, User
from cshire.auth.services import create_user, set_roles
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.demo_content import CANDIDATES, evidence_notes, hiring_demo
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.kits import (
    InterviewKit,
    InterviewKitVersion,
    KitItem,
    KitStatus,
)
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.models.scoring import Recommendation, Scorecard
from cshire.interviews.services.candidates import CandidateInput, add_candidate
from cshire.interviews.services.decisions import candidate_scorecard, record_decision
from cshire.interviews.services.interviews import schedule_interview
from cshire.interviews.services.kits import KitRequest, build_kit, publish
from cshire.interviews.services.openings import OpeningInput, StageInput, create_opening
from cshire.interviews.services.scoring import (
    AnswerInput,
    ScorecardInput,
    save_draft,
    submit_scorecard,
)

# Over seeds 1–40 these settings give the first-interview kit an ICC(1,1) of 0.58 to
# 0.84 (mean 0.73) and the final panel's −0.33 to 0.56 (mean 0.19); seed 18 gives the
# typical 0.73 and 0.33, so the demo shows what such a team usually sees.
SEED = 18
ARCHETYPE = "careful_support"
THRESHOLD = 60.0
FINALISTS = 12  # the strongest of the first interviews held long enough ago go on

# True levels on the 1–5 scale: overall mean and spread between candidates, and the
# spread of one competency around a candidate's overall level.
LEVEL_MEAN, LEVEL_SD, COMPETENCY_SD = 3.0, 0.9, 0.4


@dataclass(frozen=True)
class Habit:
    bias: float  # steady offset on the 1–5 scale: above 0 lenient, below 0 harsh
    noise: float  # SD of the error from one question to the next


# The four interviewers in order (interviewer@, interviewer2@, then the two of the
# content file): in line, in line, lenient, harsh. The lenient and harsh ones differ
# from their co-raters by more than the report's margin (0.5), so calibration flags them.
HABITS = (Habit(0.0, 0.45), Habit(0.1, 0.45), Habit(0.75, 0.45), Habit(-0.75, 0.45))
MANAGER_HABIT = Habit(0.0, 0.6)  # interviews less often than the team
# SD of a scorecard's overall impression, per stage: calibrated on the first kit,
# not yet on the final panel's.
IMPRESSION_SD = (0.25, 0.6)
# Rotating pairs (positions in HABITS), so everyone shares interviews. First interviews
# pair the lenient and the harsh interviewer each with someone in line; the final panel
# is staffed from whoever is free, which often puts those two together.
FIRST_PAIRS = ((0, 1), (0, 2), (1, 3), (0, 3), (1, 2))
FINAL_PAIRS = ((2, 3), (0, 3), (1, 2), (0, 2))
NOT_ASKED = 0.04  # share of questions an interviewer runs out of time for


def load_process_demo(lang: str) -> list[str]:
    manager = _user("manager@example.com")
    if manager is None:
        return ["hiring process: skipped (run the people demo first)"]
    content = hiring_demo()
    interviewers = [_user("interviewer@example.com"), _user("interviewer2@example.com")]
    interviewers += [_interviewer(person["email"], person["name"][lang], lang)
                     for person in content["interviewers"]]
    titles = list(content["opening"]["title"].values())
    if db.session.scalar(select(Opening.id).where(Opening.title.in_(titles))):
        return ["hiring process: demo opening already present"]
    profile = db.session.scalar(
        select(HighPerformerProfile).where(HighPerformerProfile.archetype == ARCHETYPE)
        .order_by(HighPerformerProfile.id))
    first_kit = _published_version(profile)
    if profile is None or first_kit is None or None in interviewers:
        return ["hiring process: skipped (no published kit for the demo profile)"]
    final_kit = _final_kit(profile, first_kit, manager, lang)
    opening_text = content["opening"]
    first_stage, final_stage = (stage[lang] for stage in opening_text["stages"])
    opening = create_opening(OpeningInput(
        title=opening_text["title"][lang], description=opening_text["description"][lang],
        profile_id=profile.id, hiring_manager_id=manager.id, fit_threshold=THRESHOLD,
        notes_required=False,
        stages=[StageInput(first_stage, first_kit.id), StageInput(final_stage, final_kit.id)],
    ), actor=manager)
    counts = _Simulation(opening, manager, interviewers, lang).run()
    db.session.flush()
    return [f"hiring process: 1 opening, {counts['candidates']} candidates, "
            f"{counts['interviews']} interviews, {counts['submitted']} submitted scorecards, "
            f"{counts['drafts']} open; interviewers: "
            + ", ".join(u.email for u in interviewers)]


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _interviewer(email: str, name: str, lang: str) -> User:
    user = _user(email)
    if user is None:
        return create_user(email=email, display_name=name, password=DEMO_PASSWORD,
                           password_hash=demo_password_hash(),
                           roles={Role.INTERVIEWER, Role.CSM}, locale=lang)
    set_roles(user, user.roles | {Role.INTERVIEWER})
    return user


def _published_version(profile: HighPerformerProfile | None) -> InterviewKitVersion | None:
    if profile is None:
        return None
    return db.session.scalar(
        select(InterviewKitVersion).join(InterviewKit)
        .where(InterviewKit.profile_id == profile.id,
               InterviewKitVersion.status == KitStatus.PUBLISHED.value)
        .order_by(InterviewKitVersion.id))


def _final_kit(profile: HighPerformerProfile, first: InterviewKitVersion, manager: User,
               lang: str) -> InterviewKitVersion:
    """A shorter second kit for the panel stage, built by the kit builder (it picks
    the least used questions, so mostly other ones); the first kit if that fails."""
    label = hiring_demo()["kit_names"]["final_panel"][lang]
    kit = build_kit(KitRequest(
        name=f"{profile.name} · {label}", profile_id=profile.id, language=lang,
        minutes_per_question=8, total_questions=6), actor=manager)
    version = kit.versions[0]
    if not version.items:
        db.session.delete(kit)
        return first
    publish(version, actor=manager)
    return version


class _Simulation:
    """Candidates, interviews and scorecards for the demo opening."""

    def __init__(self, opening: Opening, manager: User, interviewers: list[User], lang: str):
        self.opening, self.manager, self.lang = opening, manager, lang
        self.interviewers = interviewers  # in the order of HABITS
        self.habits = {u.id: habit for u, habit in zip(interviewers, HABITS, strict=True)}
        self.habits[manager.id] = MANAGER_HABIT
        self.notes = evidence_notes(lang)
        self.rng = random.Random(SEED)  # noqa: S311 - simulated demo ratings, not security
        self.now = utcnow().replace(minute=0, second=0, microsecond=0)
        self.counts = {"candidates": 0, "interviews": 0, "submitted": 0, "drafts": 0}

    def run(self) -> dict[str, int]:
        applications = [self._candidate(i) for i in range(CANDIDATES)]
        levels = {a.id: self._levels(overall)
                  for a, overall in zip(applications, self._overall_levels(), strict=True)}
        first, final = self.opening.stages
        for i, application in enumerate(applications[:28]):
            when, panel, drafts = self._first_stage_plan(i)
            self._interview(application, first, when, panel, levels[application.id], drafts)
        ranked = sorted(applications[:24], key=lambda a: -sum(levels[a.id].values()))
        for k, application in enumerate(ranked[:FINALISTS]):
            when = self.now - timedelta(days=12 - k // 2, hours=-14)
            panel = self._pair(FINAL_PAIRS, k) + ([self.manager] if k % 4 == 0 else [])
            self._interview(application, final, when, panel, levels[application.id], {})
        self._decide(ranked)
        for application in applications:
            self._backdate(application)
        return self.counts

    def _backdate(self, application: Application) -> None:
        """Give the history plausible dates: applied ten days before the first
        interview, invited five days before it."""
        times = [i.scheduled_at for i in application.interviews]
        first = min(times) if times else self.now - timedelta(days=3)
        applied = first - timedelta(days=10)
        application.created_at = application.candidate.created_at = applied
        for event in application.events:
            if event.to_status == "applied":
                event.at = applied
            elif event.to_status == "interviewing":
                event.at = first - timedelta(days=5)
        application.status_changed_at = application.events[-1].at

    def _first_stage_plan(self, i: int) -> tuple[datetime, list[User], dict[str, str]]:
        """When, who, and which seats stay drafts ("empty" or "partial")."""
        neutral, second, lenient, harsh = self.interviewers
        if i < 24:  # held; two interviewers forgot their scorecard
            panel = self._pair(FIRST_PAIRS, i)
            drafts = {panel[1].email: "empty"} if i in (9, 17) else {}
            return self.now - timedelta(days=40 - i, hours=-10), panel, drafts
        if i == 24:  # the demo interviewer started, their co-interviewer submitted
            return self.now - timedelta(days=2), [neutral, second], {neutral.email: "partial"}
        if i == 25:  # yesterday: both demo interviewers still have to score
            return (self.now - timedelta(days=1), [neutral, second],
                    {neutral.email: "empty", second.email: "empty"})
        panel = [neutral, lenient] if i == 26 else [second, harsh]
        return self.now + timedelta(days=i - 25, hours=4), panel, {}

    def _candidate(self, i: int) -> Application:
        content = hiring_demo()
        sources = content["sources"]
        self.counts["candidates"] += 1
        return add_candidate(self.opening, CandidateInput(
            name=content["candidates"][i][self.lang], email=f"candidate{i + 1:02d}@example.org",
            phone=f"+81 90 {1000 + i:04d} {2000 + i * 7:04d}",
            source=sources[i % len(sources)][self.lang],
            consent_on=date.today() - timedelta(days=50 - i),
        ), actor=self.manager)

    def _overall_levels(self) -> list[float]:
        """The candidates' overall levels, spread over the normal distribution's
        quantiles and shuffled: thirty random draws can by chance all be alike, and
        a demo whose candidates hardly differ would show agreement as noise."""
        spread = NormalDist(LEVEL_MEAN, LEVEL_SD)
        levels = [spread.inv_cdf((k + 0.5) / CANDIDATES) for k in range(CANDIDATES)]
        self.rng.shuffle(levels)
        return levels

    def _levels(self, overall: float) -> dict[int, float]:
        return {e.competency_id: overall + self.rng.gauss(0, COMPETENCY_SD)
                for e in self.opening.profile.entries}

    def _pair(self, pairs: tuple[tuple[int, int], ...], i: int) -> list[User]:
        a, b = pairs[i % len(pairs)]
        return [self.interviewers[a], self.interviewers[b]]

    def _interview(self, application: Application, stage: OpeningStage, when: datetime,
                   panel: list[User], levels: dict[int, float], drafts: dict[str, str]) -> None:
        interview = schedule_interview(application, stage_id=stage.id, scheduled_at=when,
                                       panel_ids=[u.id for u in panel], actor=self.manager)
        self.counts["interviews"] += 1
        for seat in interview.scorecards:
            draft = drafts.get(seat.interviewer.email)
            if when > self.now or draft:
                self.counts["drafts"] += 1
                if draft == "partial":
                    self._fill(seat, levels, stage, partial=True)
                continue
            self._fill(seat, levels, stage)
            submit_scorecard(seat, actor=seat.interviewer, now=when + timedelta(hours=3))
            self.counts["submitted"] += 1

    def _fill(self, seat: Scorecard, levels: dict[int, float], stage: OpeningStage,
              partial: bool = False) -> None:
        items = seat.interview.stage.kit_version.items
        habit = self.habits.get(seat.interviewer_id, MANAGER_HABIT)
        # A random stream of the scorecard's own: a kit with one more question or one
        # more interview changes that scorecard only, not every rating after it.
        rng = random.Random(f"{SEED}/{seat.interview.application.candidate.email}/"  # noqa: S311
                            f"{stage.position}/{seat.interviewer.email}")
        impression = rng.gauss(0, IMPRESSION_SD[stage.position - 1])
        answers, ratings = [], []
        for item in items[: len(items) // 2] if partial else items:
            if rng.random() < NOT_ASKED:
                answers.append(AnswerInput(item.id, not_asked=True, not_asked_reason=(
                    hiring_demo()["not_asked_reason"][self.lang])))
                continue
            true = levels.get(item.competency_id, LEVEL_MEAN)
            rating = min(5, max(1, round(
                true + habit.bias + impression + rng.gauss(0, habit.noise))))
            ratings.append(rating)
            answers.append(AnswerInput(item.id, rating=rating, note=self._note(rating, item)))
        save_draft(seat, ScorecardInput(seat.version, None if partial else _recommendation(
            ratings), answers), actor=seat.interviewer)

    def _note(self, rating: int, item: KitItem) -> str:
        """One of the notes written for this rating, varied by question and interview
        (not drawn from the random stream, so notes never change the ratings)."""
        options = self.notes[rating]
        return options[(item.position + self.counts["interviews"]) % len(options)]

    def _decide(self, ranked: list[Application]) -> None:
        """Hire the strongest finalist, reject the weakest finalist and the weakest
        first-stage candidates; the others wait for the manager's decision."""
        reasons = {outcome: text[self.lang]
                   for outcome, text in hiring_demo()["decision_rationales"].items()}
        when = self.now - timedelta(days=1)
        decisions = [(ranked[0], "hire"), (ranked[FINALISTS - 1], "reject")]
        decisions += [(a, "reject") for a in ranked[-4:]]
        for application, outcome in decisions:
            fit = candidate_scorecard(application, self.manager).fit.percent
            if outcome == "hire" and fit is not None and fit < THRESHOLD:
                outcome = "advance"
            record_decision(application, actor=self.manager, outcome=outcome,
                            rationale=reasons["hire" if outcome != "reject" else "reject"],
                            departure_reason=reasons["departure"], now=when)


def _recommendation(ratings: list[int]) -> str:
    """What an interviewer whose ratings average this would recommend."""
    average = sum(ratings) / len(ratings) if ratings else 3
    if average >= 4.3:
        return Recommendation.STRONG_YES.value
    if average >= 3.3:
        return Recommendation.YES.value
    return Recommendation.NO.value if average >= 2.3 else Recommendation.STRONG_NO.value
