"""Training's demo data: its ordered ``STEPS`` (see ``cshire/demo.py``).

Two steps, after the people, the competencies and the hiring demo:

- ``training design``: the SaaS success journey (four stages, twelve customer
  milestones, handoff criteria, transition playbooks) and the curriculum on it, with
  both language columns filled (they are bilingual models);
- ``training people``: two earlier cohorts who walked the whole curriculum (their
  sandbox records make the friction report meaningful) and the three demo new hires:
  ``newhire@`` half-way (stuck in the sandbox), ``newhire2@`` just started,
  ``newhire3@`` ready for sign-off and hired through the demo opening. Names, notes and
  comments are written in the demo's language.

The texts are content (``demo_content``); the people's paths through the curriculum
are simulated here with a random stream per person, so every run is the same. Dates
are relative to today, so "overdue" and "due soon" mean something whenever the demo
is loaded. Idempotent: the journey by its code, the curriculum by its name, a user by
email, a cohort by name, an enrolment by (user, curriculum); work is written only for
an enrolment created now.
"""

import random
import struct
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from cshire.auth.demo import DEMO_PASSWORD, demo_password_hash, demo_team
from cshire.auth.models import Role, Team, User
from cshire.auth.services import create_user
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, ApplicationStatus, Candidate
from cshire.training.demo_content import (
    CSM,
    MULTIPLE,
    OPTIONAL,
    markdown,
    training_demo,
)
from cshire.training.models.curriculum import (
    Curriculum,
    ModuleKind,
    QuizChoice,
    QuizQuestion,
    TrainingModule,
)
from cshire.training.models.enrolments import Cohort, Enrolment
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from cshire.training.models.sandbox import MilestoneStatus, SandboxRecord, SandboxReflection
from cshire.training.models.work import (
    ModuleProgress,
    ProgressStatus,
    QuizAttempt,
    ReviewOutcome,
    Submission,
)
from cshire.training.rules.quizzes import grade, right_choice_ids, shuffled
from cshire.training.services.quizzes import question_snapshot
from cshire.training.services.sandbox import exercise_snapshot
from cshire.uploads import CheckedUpload, store

LANGUAGES = ("en", "ja")
SEED = "training-demo"
# Mentors of the earlier cohorts (one per member, in turn) and of the demo new hires.
COHORT_MENTORS = (("haruka@example.com", "sara@example.com"),
                  ("yuki@example.com", "tomo@example.com"))
NEW_HIRE_MENTORS = {"newhire@example.com": "csm@example.com",
                    "newhire2@example.com": "csm@example.com",
                    "newhire3@example.com": "interviewer@example.com"}
NEWHIRE_STARTED_DAYS_AGO = 20  # half-way: the adoption stage's modules fall due now
NEWHIRE2_STARTED_DAYS_AGO = 2  # the first lesson is due today
NEWHIRE3_COHORT = 1  # the second cohort (0-based): hired in the demo opening with it
# How often a member of an earlier cohort needed a second try.
QUIZ_RETRY, REVISE_ROUND = 0.25, 0.3


# --- the journey and the curriculum ------------------------------------------------------


def load_design(lang: str) -> list[str]:
    content = training_demo()
    journey = _journey(content)
    curriculum = _curriculum(content, journey)
    milestones = sum(len(stage.milestones) for stage in journey.stages)
    optional = sum(not m.required for m in curriculum.modules)
    return [f"training: journey {journey.code!r} ({len(journey.stages)} stages, "
            f"{milestones} milestones); curriculum: {len(curriculum.modules)} modules "
            f"({optional} optional)"]


def _journey(content: dict[str, Any]) -> Journey:
    text = content["journey"]
    journey = db.session.scalar(select(Journey).where(Journey.code == text["code"]))
    if journey is not None:
        return journey
    journey = Journey(code=text["code"], **_both("name", text), **_both("description", text))
    for position, stage in enumerate(content["stages"], start=1):
        handoff = set(stage.get("handoff_criteria", ()))
        row = JourneyStage(position=position, code=stage["code"], **_both("name", stage),
                           **_both("description", stage),
                           playbook_en=markdown(stage.get("playbook", ()), "en"),
                           playbook_ja=markdown(stage.get("playbook", ()), "ja"))
        row.milestones = [
            Milestone(position=number, code=m["code"], **_both("name", m),
                      **_both("description", m), is_handoff=m["code"] in handoff)
            for number, m in enumerate(stage["milestones"], start=1)
        ]
        journey.stages.append(row)
    db.session.add(journey)
    db.session.flush()
    return journey


def _curriculum(content: dict[str, Any], journey: Journey) -> Curriculum:
    text = content["curriculum"]
    curriculum = db.session.scalar(select(Curriculum).where(
        Curriculum.journey_id == journey.id, Curriculum.name_en == text["name"]["en"]))
    if curriculum is not None:
        return curriculum
    curriculum = Curriculum(journey=journey, **_both("name", text),
                            **_both("description", text))
    db.session.add(curriculum)
    stages = {stage.code: stage for stage in journey.stages}
    competencies = {c.code: c for c in db.session.scalars(select(Competency))}
    # Positions follow the stages (a stage's modules come before the next stage's),
    # required modules first within a stage, in the file's order.
    ordered = sorted(text["modules"], key=lambda m: (stages[m["stage"]].position,
                                                     m["requirement"] == OPTIONAL))
    for position, module in enumerate(ordered, start=1):
        kind = ModuleKind(module["kind"])
        curriculum.modules.append(TrainingModule(
            stage=stages[module["stage"]], position=position, kind=kind.value,
            **_both("title", module),
            body_en=markdown(module["body"], "en"), body_ja=markdown(module["body"], "ja"),
            due_days=module["due_days"], required=module["requirement"] != OPTIONAL,
            pass_mark=module.get("pass_mark"), max_attempts=module.get("max_attempts"),
            sandbox_url=text["sandbox_url"] if kind == ModuleKind.SANDBOX else "",
            competencies=[competencies[code] for code in module["competencies"]
                          if code in competencies],
            questions=[_question(number, q)
                       for number, q in enumerate(module.get("questions", ()), start=1)],
        ))
    db.session.flush()
    return curriculum


def _question(position: int, question: dict[str, Any]) -> QuizQuestion:
    right = set(question["correct"])
    return QuizQuestion(
        position=position, multiple=question["answer"] == MULTIPLE,
        **_both("prompt", question),
        choices=[QuizChoice(position=n, correct=n in right, **_both("text", choice),
                            **_both("explanation", choice))
                 for n, choice in enumerate(question["choices"], start=1)],
    )


def _both(field: str, text: dict[str, Any]) -> dict[str, str]:
    """``name_en``/``name_ja`` from a content entry's ``name``."""
    return {f"{field}_{lang}": text[field][lang] for lang in LANGUAGES}


# --- people and their work ---------------------------------------------------------------


def load_people(lang: str) -> list[str]:
    curriculum = _demo_curriculum()
    manager = _user("manager@example.com")
    if curriculum is None or manager is None:
        return ["training people: skipped (run the people demo and training design first)"]
    content = training_demo()
    today = date.today()
    work = _Work(curriculum, content["work"], lang)
    cohorts = []
    for index, cohort_text in enumerate(content["cohorts"]):
        start = today - timedelta(days=cohort_text["started_days_ago"])
        cohort = _cohort(cohort_text["name"][lang], curriculum, start, manager)
        cohorts.append(cohort)
        mentors = [_user(email) for email in COHORT_MENTORS[index % len(COHORT_MENTORS)]]
        for number, person in enumerate(cohort_text["members"]):
            user = _member(person, lang)
            enrolment = _enrol(user, curriculum, start, mentors[number % len(mentors)],
                               manager, cohort)
            if enrolment is not None:
                work.complete(enrolment, signed_off=person["now"] == CSM)
    _new_hires(work, curriculum, manager, cohorts[NEWHIRE3_COHORT], today)
    db.session.flush()
    members = sum(len(c["members"]) for c in content["cohorts"])
    return [f"training people: {len(cohorts)} earlier cohorts ({members} people), "
            "3 demo new hires: newhire@ half-way (stuck in the sandbox), newhire2@ just "
            "started, newhire3@ ready for sign-off"]


def _new_hires(work: "_Work", curriculum: Curriculum, manager: User, cohort: Cohort,
               today: date) -> None:
    newhire = _enrol(_user("newhire@example.com"), curriculum,
                     today - timedelta(days=NEWHIRE_STARTED_DAYS_AGO),
                     _user(NEW_HIRE_MENTORS["newhire@example.com"]), manager)
    if newhire is not None:
        work.half_way(newhire)
    newhire2 = _enrol(_user("newhire2@example.com"), curriculum,
                      today - timedelta(days=NEWHIRE2_STARTED_DAYS_AGO),
                      _user(NEW_HIRE_MENTORS["newhire2@example.com"]), manager)
    if newhire2 is not None:
        work.just_started(newhire2)
    user3 = _user("newhire3@example.com")
    newhire3 = _enrol(user3, curriculum, cohort.start_date,
                      _user(NEW_HIRE_MENTORS["newhire3@example.com"]), manager, cohort)
    if newhire3 is not None:
        newhire3.application_id = _hired_application_id(user3)
        work.complete(newhire3, signed_off=False)


def _demo_curriculum() -> Curriculum | None:
    content = training_demo()
    return db.session.scalar(
        select(Curriculum).join(Journey)
        .where(Journey.code == content["journey"]["code"],
               Curriculum.name_en == content["curriculum"]["name"]["en"]))


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _member(person: dict[str, Any], lang: str) -> User:
    """A member of an earlier cohort: a CSM in the success team now, or still a new
    hire in the onboarding team."""
    user = _user(person["email"])
    if user is not None:
        return user
    is_csm = person["now"] == CSM
    return create_user(email=person["email"], display_name=person["name"][lang],
                       password=DEMO_PASSWORD, password_hash=demo_password_hash(),
                       roles={Role.CSM if is_csm else Role.NEW_HIRE}, locale=lang,
                       team=_team("success" if is_csm else "onboarding", lang))


def _team(code: str, lang: str) -> Team | None:
    names = {t["code"]: t["name"][lang] for t in demo_team()["teams"]}
    return db.session.scalar(select(Team).where(Team.name == names[code]))


def _cohort(name: str, curriculum: Curriculum, start: date, manager: User) -> Cohort:
    cohort = db.session.scalar(select(Cohort).where(Cohort.name == name))
    if cohort is None:
        cohort = Cohort(name=name, curriculum=curriculum, start_date=start,
                        created_by_id=manager.id, created_at=_at(start, -7))
        db.session.add(cohort)
        db.session.flush()
    return cohort


def _enrol(user: User | None, curriculum: Curriculum, start: date, mentor: User | None,
           manager: User, cohort: Cohort | None = None) -> Enrolment | None:
    """A new enrolment, or None when the user is missing or already enrolled."""
    if user is None or db.session.scalar(select(Enrolment.id).where(
            Enrolment.user_id == user.id, Enrolment.curriculum_id == curriculum.id)):
        return None
    enrolment = Enrolment(user=user, curriculum=curriculum, cohort=cohort, mentor=mentor,
                          start_date=start, enrolled_by_id=manager.id,
                          created_at=_at(start, -3), updated_at=_at(start, -3))
    db.session.add(enrolment)
    db.session.flush()
    return enrolment


def _hired_application_id(user: User | None) -> int | None:
    """The hired application of the demo opening whose candidate is this new hire (the
    demo gives newhire3@ the hired candidate's name); None without one."""
    if user is None:
        return None
    return db.session.scalar(
        select(Application.id).join(Candidate)
        .where(Application.status == ApplicationStatus.HIRED.value,
               Candidate.name == user.display_name)
        .order_by(Application.id))


def _at(day: date, days: float = 0, hour: int = 10) -> datetime:
    """``days`` after ``day`` at ``hour`` UTC, never later than now."""
    when = datetime.combine(day, time(hour), tzinfo=utcnow().tzinfo) + timedelta(days=days)
    return min(when, utcnow())


@dataclass
class _Person:
    """One enrolment being simulated, with a random stream of its own (one person's
    path does not change when another's does)."""

    enrolment: Enrolment
    rng: random.Random

    @property
    def start(self) -> date:
        return self.enrolment.start_date


class _Work:
    """Writes a new hire's progress, attempts, submissions and sandbox records."""

    def __init__(self, curriculum: Curriculum, texts: dict[str, Any], lang: str) -> None:
        self.lang = lang
        self.texts = texts
        self.modules = [m for m in curriculum.modules if m.required]
        self.assignments = [m for m in self.modules if m.kind == ModuleKind.ASSIGNMENT]
        self.stages = list(curriculum.journey.stages)
        self.milestones = [m for stage in self.stages for m in stage.milestones]
        self.friction = {m["code"]: m for stage in training_demo()["stages"]
                         for m in stage["milestones"]}
        self.evidence_png = _evidence_png()

    def _person(self, enrolment: Enrolment) -> _Person:
        return _Person(enrolment, random.Random(f"{SEED}/{enrolment.user.email}"))  # noqa: S311 - demo data

    # The three paths through the curriculum.

    def complete(self, enrolment: Enrolment, *, signed_off: bool) -> None:
        """Every required module passed, mostly on time; signed off (now a CSM) or
        waiting for the sign-off."""
        person = self._person(enrolment)
        for module in self.modules:
            self._pass(person, module)
        if signed_off:
            last = max(m.due_days for m in self.modules)
            enrolment.signed_off_on = min(person.start + timedelta(days=last + 3), date.today())
            enrolment.signed_off_at = _at(enrolment.signed_off_on)
            enrolment.signed_off_by_id = enrolment.mentor_id
            enrolment.sign_off_note = self.texts["sign_off"][self.lang]
            enrolment.promoted_to_csm = True

    def half_way(self, enrolment: Enrolment) -> None:
        """The first stage passed; in the second, the first lesson passed, the second
        opened, the assignment awaiting the mentor's review, the sandbox exercise
        started and stuck on setup (with a screenshot)."""
        person = self._person(enrolment)
        first_stage = min(m.stage.position for m in self.modules)
        second = [m for m in self.modules if m.stage.position == first_stage + 1]
        for module in self.modules:
            if module.stage.position == first_stage:
                self._pass(person, module)
        lessons = [m for m in second if m.kind == ModuleKind.LESSON]
        self._pass(person, lessons[0])
        for lesson in lessons[1:]:
            self._progress(person, lesson, ProgressStatus.IN_PROGRESS, opened=lesson.due_days - 3)
        sandbox = next(m for m in second if m.kind == ModuleKind.SANDBOX)
        self._progress(person, sandbox, ProgressStatus.IN_PROGRESS, opened=14)
        kickoff, setup = self.milestones[:2]
        self._record(person, sandbox, kickoff, MilestoneStatus.DONE, day=15)
        stuck = self._record(person, sandbox, setup, MilestoneStatus.STUCK, day=17)
        stuck.evidence_file = store(self.evidence_png, enrolment.user_id)
        # The stage's assignment handed in yesterday: the mentor has something to review.
        assignment = next(m for m in second if m.kind == ModuleKind.ASSIGNMENT)
        self._progress(person, assignment, ProgressStatus.SUBMITTED, opened=17)
        db.session.add(Submission(
            enrolment_id=enrolment.id, module_id=assignment.id, round=1,
            text=self._answer(assignment),
            submitted_at=_at(person.start, NEWHIRE_STARTED_DAYS_AGO - 1)))

    def just_started(self, enrolment: Enrolment) -> None:
        """Only the first lesson opened."""
        self._progress(self._person(enrolment), self.modules[0], ProgressStatus.IN_PROGRESS,
                       opened=0)

    # One module.

    def _pass(self, person: _Person, module: TrainingModule) -> None:
        """Pass ``module`` around its due day (a few days early or late)."""
        opened = max(0, module.due_days - person.rng.randint(3, 6))
        finished = module.due_days + person.rng.choice((-2, -1, -1, 0, 0, 1, 3))
        row = self._progress(person, module, ProgressStatus.PASSED, opened=opened)
        if module.kind == ModuleKind.QUIZ:
            self._attempts(person, module, opened, finished)
        elif module.kind == ModuleKind.ASSIGNMENT:
            self._rounds(person, module, self._answer(module), None, opened, finished)
        elif module.kind == ModuleKind.SANDBOX:
            snapshot = self._walk(person, module, opened)
            self._rounds(person, module, "", snapshot, opened, finished)
        row.passed_at = _at(person.start, finished, hour=15)

    def _progress(self, person: _Person, module: TrainingModule, status: ProgressStatus,
                  *, opened: int) -> ModuleProgress:
        row = ModuleProgress(enrolment_id=person.enrolment.id, module_id=module.id,
                             status=status.value, started_at=_at(person.start, opened),
                             updated_at=_at(person.start, opened))
        db.session.add(row)
        return row

    def _attempts(self, person: _Person, module: TrainingModule, opened: int,
                  finished: int) -> None:
        """A passing attempt, after a failed one now and then."""
        tries = 2 if person.rng.random() < QUIZ_RETRY else 1
        for number in range(1, tries + 1):
            passed = number == tries
            day = finished if passed else (opened + finished) // 2
            db.session.add(_attempt(person, module, number, passed, _at(person.start, day)))

    def _rounds(self, person: _Person, module: TrainingModule, text: str,
                snapshot: dict | None, opened: int, finished: int) -> None:
        """Handed in and approved, sometimes after one round of changes asked."""
        rounds = 2 if person.rng.random() < REVISE_ROUND else 1
        for number in range(1, rounds + 1):
            approved = number == rounds
            handed_in = finished - 1 if approved else max(opened, finished - 4)
            comments = self.texts["approved" if approved else "revise"]
            db.session.add(Submission(
                enrolment_id=person.enrolment.id, module_id=module.id, round=number,
                text=text, snapshot=snapshot, submitted_at=_at(person.start, handed_in),
                reviewer_id=person.enrolment.mentor_id,
                reviewed_at=_at(person.start, handed_in + 1 if not approved else finished),
                outcome=(ReviewOutcome.APPROVED if approved else ReviewOutcome.REVISE).value,
                comment=person.rng.choice(comments)[self.lang]))

    def _answer(self, module: TrainingModule) -> str:
        answers = self.texts["answers"]
        return answers[self.assignments.index(module) % len(answers)][self.lang]

    # The sandbox exercise.

    def _walk(self, person: _Person, module: TrainingModule, opened: int) -> dict[str, Any]:
        """A record on every milestone, and the reflection; returns the snapshot handed
        in for review."""
        records = [self._record(person, module, milestone, self._status(person, milestone),
                                day=opened + k // 4)
                   for k, milestone in enumerate(self.milestones)]
        reflection_text = person.rng.choice(self.texts["reflections"])
        reflection = SandboxReflection(
            enrolment_id=person.enrolment.id, module_id=module.id,
            **{field: text[self.lang] for field, text in reflection_text.items()},
            updated_at=_at(person.start, opened + 3))
        db.session.add(reflection)
        # The snapshot exactly as handing in takes it, so a round reads the same on
        # the review page whether the demo or a new hire wrote it.
        return exercise_snapshot(self.stages, {r.milestone_id: r for r in records},
                                 reflection)

    def _status(self, person: _Person, milestone: Milestone) -> MilestoneStatus:
        """Harder milestones are more often where people get stuck; easy ones are now
        and then skipped."""
        difficulty = self.friction[milestone.code]["difficulty"]
        draw = person.rng.random()
        if draw < (difficulty - 1) / 7:
            return MilestoneStatus.STUCK
        if difficulty <= 2 and draw > 0.93:
            return MilestoneStatus.SKIPPED
        return MilestoneStatus.DONE

    def _record(self, person: _Person, module: TrainingModule, milestone: Milestone,
                status: MilestoneStatus, *, day: int) -> SandboxRecord:
        friction = self.friction[milestone.code]
        stuck = status == MilestoneStatus.STUCK
        skipped = status == MilestoneStatus.SKIPPED
        # Being stuck costs time and makes the milestone feel harder.
        minutes = round(friction["minutes"] * person.rng.uniform(0.6, 1.5)
                        * (1.6 if stuck else 1))
        difficulty = round(friction["difficulty"] + person.rng.gauss(0, 0.6)
                           + (0.8 if stuck else 0))
        notes = friction["stuck_notes"]
        record = SandboxRecord(
            enrolment_id=person.enrolment.id, module_id=module.id, milestone_id=milestone.id,
            status=status.value, minutes_spent=None if skipped else minutes,
            difficulty=None if skipped else min(5, max(1, difficulty)),
            stuck_note=person.rng.choice(notes)[self.lang] if stuck else "",
            recorded_at=_at(person.start, day, hour=16), updated_at=_at(person.start, day, hour=16))
        db.session.add(record)
        return record


def _attempt(person: _Person, module: TrainingModule, number: int, passed: bool,
             when: datetime) -> QuizAttempt:
    """An attempt as the quiz page takes one (its snapshot, shuffled; graded by the
    quiz rules): all right when passed; otherwise the last questions wrong, as many as
    it takes to miss the pass mark."""
    pass_mark = module.pass_mark if module.pass_mark is not None else 100
    questions = shuffled([question_snapshot(q) for q in module.questions
                          if q.archived_at is None], person.rng)
    answers = {str(q["id"]): sorted(right_choice_ids(q)) for q in questions}
    for question in reversed(questions):
        if passed or not grade(questions, answers, pass_mark).passed:
            break
        answers[str(question["id"])] = [next(c["id"] for c in question["choices"]
                                             if not c["correct"])]
    result = grade(questions, answers, pass_mark)
    return QuizAttempt(enrolment_id=person.enrolment.id, module_id=module.id, number=number,
                       started_at=when - timedelta(minutes=12), submitted_at=when,
                       questions=questions, answers=answers, score=result.score,
                       passed=result.passed, pass_mark=pass_mark)


def _evidence_png(width: int = 48, height: int = 32) -> CheckedUpload:
    """A small screenshot stand-in, made here so the demo ships no binary file: a grey
    window with a red error bar, as valid PNG bytes."""
    rows = b""
    for y in range(height):
        colour = b"\xd9\x3b\x3b" if 10 <= y < 16 else b"\xee\xee\xee"
        rows += b"\x00" + colour * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    data = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(rows)) + _png_chunk(b"IEND", b""))
    return CheckedUpload(filename="data-source-error.png", content_type="image/png", data=data)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


STEPS = (
    ("training design", load_design),
    ("training people", load_people),
)
