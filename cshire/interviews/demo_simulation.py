"""Demo hiring pipeline (the last hiring demo step, ``load_process_demo``): one
opening with 30 candidates over two stages, four interviewers with realistic habits,
drafts, decisions — enough for every analytics figure to show a number.

Runs after the design demo (a published kit per archetype profile, the demo
manager and interviewers). Ratings are simulated: each candidate has a true level
per competency; each interviewer adds their own bias (one lenient, one harsh) and
some noise. A fixed random seed makes every run produce the same data, and the
whole step is skipped when the demo opening already exists (idempotent).
"""

import random
from datetime import date, datetime, timedelta

from sqlalchemy import select

from cshire.auth.demo import DEMO_PASSWORD, demo_password_hash
from cshire.auth.models import Role, User
from cshire.auth.services import create_user, set_roles
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.models.kits import InterviewKit, InterviewKitVersion, KitStatus
from cshire.interviews.models.openings import Opening
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

SEED = 20260401
ARCHETYPE = "careful_support"
TITLE = {"en": "Customer Success Manager — high touch",
         "ja": "カスタマーサクセスマネージャー（ハイタッチ）"}
STAGES = {"en": ("First interview", "Panel interview"), "ja": ("一次面接", "パネル面接")}
FINAL_KIT = {"en": "final panel", "ja": "最終パネル"}
THRESHOLD = 60.0
# Two more interviewers of the demo team, so four interviewers with distinct habits.
EXTRA_INTERVIEWERS = (
    ("interviewer3@example.com", {"en": "Kai Kimura", "ja": "木村 海"}),
    ("interviewer4@example.com", {"en": "Hanna Berg", "ja": "ハンナ・ベリ"}),
)
# Systematic offset each interviewer adds to the true level (points on the 1–5 scale).
BIAS = {"interviewer@example.com": 0.0, "interviewer2@example.com": 0.15,
        "interviewer3@example.com": 0.7, "interviewer4@example.com": -0.7,
        "manager@example.com": 0.0}
NOISE = 0.5
FIRST = {"en": ("Aiko", "Ben", "Chloe", "Daichi", "Elena", "Farid", "Grace", "Hiro", "Ines",
                "Jun", "Kara", "Liam", "Mei", "Noah", "Olga"),
         "ja": ("愛子", "大翔", "結衣", "大地", "恵美", "拓海", "美咲", "浩", "彩", "純",
                "香", "蓮", "芽依", "陽太", "七海")}
LAST = {"en": ("Sato", "Miller", "Okoye", "Yamada"),
        "ja": ("佐藤", "山田", "小林", "渡辺")}
SOURCES = ("referral", "job board", "LinkedIn", "meetup")
NOTES = {
    "en": {1: "No concrete example; answer stayed general.",
           2: "Example given, but the customer's side was missing.",
           3: "Sound example with a clear outcome.",
           4: "Specific situation, clear actions, measured result.",
           5: "Vivid example; anticipated the customer's next worry."},
    "ja": {1: "具体例がなく、一般論にとどまった。",
           2: "例はあったが、顧客側の視点が欠けていた。",
           3: "結果まで明確な、妥当な例だった。",
           4: "状況・行動・結果が具体的だった。",
           5: "顧客の次の不安まで先回りした、鮮明な例だった。"},
}
NOT_ASKED_REASON = {"en": "Ran out of time.", "ja": "時間切れのため。"}


def load_process_demo(lang: str) -> list[str]:
    manager = _user("manager@example.com")
    if manager is None:
        return ["hiring process: skipped (run the people demo first)"]
    interviewers = [_user("interviewer@example.com"), _user("interviewer2@example.com")]
    interviewers += [_interviewer(email, names[lang], lang) for email, names in EXTRA_INTERVIEWERS]
    if db.session.scalar(select(Opening.id).where(Opening.title.in_(TITLE.values()))):
        return ["hiring process: demo opening already present"]
    profile = db.session.scalar(
        select(HighPerformerProfile).where(HighPerformerProfile.archetype == ARCHETYPE)
        .order_by(HighPerformerProfile.id))
    first_kit = _published_version(profile)
    if profile is None or first_kit is None or None in interviewers:
        return ["hiring process: skipped (no published kit for the demo profile)"]
    final_kit = _final_kit(profile, first_kit, manager, lang)
    opening = create_opening(OpeningInput(
        title=TITLE[lang], description="", profile_id=profile.id,
        hiring_manager_id=manager.id, fit_threshold=THRESHOLD, notes_required=False,
        stages=[StageInput(STAGES[lang][0], first_kit.id),
                StageInput(STAGES[lang][1], final_kit.id)],
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
    kit = build_kit(KitRequest(
        name=f"{profile.name} · {FINAL_KIT[lang]}", profile_id=profile.id, language=lang,
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
        self.interviewers = interviewers  # neutral, slightly lenient, lenient, harsh
        self.rng = random.Random(SEED)  # noqa: S311 - simulated demo ratings, not security
        self.now = utcnow().replace(minute=0, second=0, microsecond=0)
        self.counts = {"candidates": 0, "interviews": 0, "submitted": 0, "drafts": 0}

    def run(self) -> dict[str, int]:
        applications = [self._candidate(i) for i in range(30)]
        levels = {a.id: self._levels() for a in applications}
        first, final = self.opening.stages
        for i, application in enumerate(applications[:28]):
            when, panel, drafts = self._first_stage_plan(i)
            self._interview(application, first, when, panel, levels[application.id], drafts)
        # The twelve strongest of the 24 first interviews held long enough ago go on.
        ranked = sorted(applications[:24], key=lambda a: -sum(levels[a.id].values()))
        for k, application in enumerate(ranked[:12]):
            when = self.now - timedelta(days=12 - k // 2, hours=-14)
            panel = [*self._pair(k + 1), self.manager] if k % 3 == 0 else self._pair(k + 2)
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
            panel = self._pair(i)
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
        first, last = FIRST[self.lang][i % 15], LAST[self.lang][i // 15 + (i % 2) * 2]
        name = f"{last} {first}" if self.lang == "ja" else f"{first} {last}"
        self.counts["candidates"] += 1
        return add_candidate(self.opening, CandidateInput(
            name=name, email=f"candidate{i + 1:02d}@example.org",
            phone=f"+81 90 {1000 + i:04d} {2000 + i * 7:04d}", source=SOURCES[i % 4],
            consent_on=date.today() - timedelta(days=50 - i),
        ), actor=self.manager)

    def _levels(self) -> dict[int, float]:
        base = self.rng.gauss(3.0, 0.9)
        return {e.competency_id: base + self.rng.gauss(0, 0.45)
                for e in self.opening.profile.entries}

    def _pair(self, i: int) -> list[User]:
        """Rotating pairs of the four interviewers, so everyone shares interviews."""
        pairs = ((0, 1), (2, 3), (0, 2), (1, 3), (0, 3), (1, 2))
        a, b = pairs[i % len(pairs)]
        return [self.interviewers[a], self.interviewers[b]]

    def _interview(self, application: Application, stage, when: datetime, panel: list[User],
                   levels: dict[int, float], drafts: dict[str, str]) -> None:
        interview = schedule_interview(application, stage_id=stage.id, scheduled_at=when,
                                       panel_ids=[u.id for u in panel], actor=self.manager)
        self.counts["interviews"] += 1
        for seat in interview.scorecards:
            draft = drafts.get(seat.interviewer.email)
            if when > self.now or draft:
                self.counts["drafts"] += 1
                if draft == "partial":
                    self._fill(seat, levels, partial=True)
                continue
            self._fill(seat, levels)
            submit_scorecard(seat, actor=seat.interviewer, now=when + timedelta(hours=3))
            self.counts["submitted"] += 1

    def _fill(self, seat: Scorecard, levels: dict[int, float], partial: bool = False) -> None:
        items = seat.interview.stage.kit_version.items
        bias = BIAS.get(seat.interviewer.email, 0.0)
        answers, ratings = [], []
        for item in items[: len(items) // 2] if partial else items:
            if self.rng.random() < 0.04:
                answers.append(AnswerInput(item.id, not_asked=True,
                                           not_asked_reason=NOT_ASKED_REASON[self.lang]))
                continue
            true = levels.get(item.competency_id, 3.0)
            rating = min(5, max(1, round(true + bias + self.rng.gauss(0, NOISE))))
            ratings.append(rating)
            answers.append(AnswerInput(item.id, rating=rating, note=NOTES[self.lang][rating]))
        average = sum(ratings) / len(ratings) if ratings else 3
        recommendation = (None if partial else Recommendation.STRONG_YES if average >= 4.3
                          else Recommendation.YES if average >= 3.3
                          else Recommendation.NO if average >= 2.3 else Recommendation.STRONG_NO)
        save_draft(seat, ScorecardInput(seat.version, recommendation and recommendation.value,
                                        answers), actor=seat.interviewer)

    def _decide(self, ranked: list[Application]) -> None:
        """Hire the strongest finalist, reject the weakest finalist and the weakest
        first-stage candidates; the others wait for the manager's decision."""
        reasons = {"en": ("Consistently strong evidence across the panel.",
                          "Evidence fell short of the profile on the key competencies.",
                          "Recorded for the demo."),
                   "ja": ("パネル全体で一貫して強い根拠があった。",
                          "主要なコンピテンシーで根拠がプロファイルに届かなかった。",
                          "デモ用の記録。")}[self.lang]
        when = self.now - timedelta(days=1)
        decisions = [(ranked[0], "hire", reasons[0]), (ranked[11], "reject", reasons[1])]
        decisions += [(a, "reject", reasons[1]) for a in ranked[-4:]]
        for application, outcome, rationale in decisions:
            fit = candidate_scorecard(application, self.manager).fit.percent
            if outcome == "hire" and fit is not None and fit < THRESHOLD:
                outcome = "advance"
            record_decision(application, actor=self.manager, outcome=outcome,
                            rationale=rationale, departure_reason=reasons[2], now=when)
