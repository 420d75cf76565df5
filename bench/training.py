"""Generator area for training (issue 10): success journeys with stages and milestones,
a curriculum per journey (lessons, quizzes with questions and choices, assignments, a
sandbox exercise, optional modules tagged with competencies), cohorts, and
``new_hires_in_training`` enrolments with their progress, quiz attempts, submissions
(some awaiting review, so mentors have a queue), sandbox records and reflections.

Staff at ``large`` (2,000) is fewer than the enrolments (5,000): there is one journey
(a product line) per curriculum, and a person has one enrolment per curriculum they
trained on — CSMs finished theirs long ago, new hires and people cross-training on
another product are in the middle of one. Where someone stands follows from how long
ago they started: the modules due by then are passed, mostly, and the next one is
open, handed in, sent back or failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from bench.context import Context

JOURNEYS = (("saas", "Reporting SaaS", "レポーティングSaaS"),
            ("payments", "Payments platform", "決済プラットフォーム"),
            ("marketing", "Marketing automation", "マーケティングオートメーション"))
STAGES = (("onboarding", "Onboarding", "オンボーディング"), ("adoption", "Adoption", "活用"),
          ("expansion", "Expansion", "拡大"), ("renewal", "Renewal", "更新"))
MILESTONES_PER_STAGE = 3
# Modules of one stage, in order: (kind, required, days after the stage opens).
STAGE_MODULES = (("lesson", True, 2), ("lesson", True, 4), ("quiz", True, 6),
                 ("assignment", True, 9), ("lesson", False, 5))
SANDBOX_STAGE = 2  # the sandbox exercise walks every milestone, in the adoption stage
STAGE_DAYS = 12
QUESTIONS, CHOICES = 4, 4
ACTIVE_SHARE = 0.35  # of staff enrolments: started in the last 60 days
HANDED_IN = 0.7  # of assignments and sandbox exercises being worked on: awaiting review
BODY_EN = ("A customer does not succeed the day they sign. They succeed when the product "
           "has changed how they work and they can point to a result.\n\n"
           "- Agree one measurable goal at the kick-off.\n- Check weekly use.\n"
           "- Review the result in the customer's own numbers.")
BODY_JA = ("お客様は契約した日に成功するわけではありません。製品によって仕事のやり方が変わり、"
           "成果を示せるようになったときに成功します。\n\n"
           "- キックオフで測定可能な目標を1つ合意する。\n- 毎週の利用を確認する。\n"
           "- お客様自身の数字で成果を振り返る。")
STUCK_NOTES = ("The error message did not say which setting was wrong.",
               "Needed an admin permission a normal user does not have.",
               "The recorded lecture shows an older screen layout.",
               "設定画面の用語が画面ごとに異なり、分かりにくかった。")
# What a sandbox round's snapshot keeps of each record (``services.sandbox._record_snapshot``).
SNAPSHOT_KEYS = ("status", "minutes_spent", "difficulty", "stuck_note", "evidence_url")
ANSWER = ("Goal in the customer's words, stakeholders, what was promised in the sale, the "
          "handoff criteria and one risk. ") * 3


@dataclass
class Module:
    id: int
    curriculum_id: int
    stage: int  # 1-based stage position
    kind: str
    required: bool
    due_days: int
    snapshot: list[dict[str, Any]] = field(default_factory=list)  # a quiz as shown
    answers: dict[str, list[int]] = field(default_factory=dict)  # all right
    wrong: dict[str, list[int]] = field(default_factory=dict)  # a wrong answer each


@dataclass
class Curriculum:
    id: int
    journey_id: int
    milestones: list[int]
    modules: list[Module]
    # The stages with their milestones' names, as a sandbox round's snapshot names them
    # (``services.sandbox.exercise_snapshot``).
    stages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def required(self) -> list[Module]:
        return [m for m in self.modules if m.required]


@dataclass
class Rows:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.tables.setdefault(table, []).append(row)


def generate_training(ctx: Context) -> None:
    rows = Rows()
    curricula = [_journey(ctx, rows, n, *names) for n, names in enumerate(JOURNEYS)]
    _enrolments(ctx, rows, curricula)
    for table in ("journeys", "journey_stages", "journey_milestones", "curricula",
                  "training_modules", "training_module_competencies", "quiz_questions",
                  "quiz_choices", "training_cohorts", "training_enrolments",
                  "training_added_modules", "training_progress", "quiz_attempts",
                  "training_submissions", "sandbox_records", "sandbox_reflections"):
        _insert_with_ids(ctx, table, rows.tables.get(table, []))


def _insert_with_ids(ctx: Context, table: str, rows: list[dict[str, Any]]) -> None:
    """Rows that have no id yet get the next ones (association rows have none)."""
    if rows and "id" in ctx.table(table).c and "id" not in rows[0]:
        for row, row_id in zip(rows, ctx.ids(table, len(rows)), strict=True):
            row["id"] = row_id
    ctx.insert(table, rows)


# --- design: journeys, curricula ----------------------------------------------------------


def _journey(ctx: Context, rows: Rows, n: int, code: str, name_en: str,
             name_ja: str) -> Curriculum:
    created = ctx.at(-700 + 30 * n)
    journey_id = ctx.ids("journeys", 1)[0]
    rows.add("journeys", {
        "id": journey_id, "code": code, "name_en": f"{name_en} success journey",
        "name_ja": f"{name_ja} サクセスジャーニー", "description_en": BODY_EN,
        "description_ja": BODY_JA, "created_at": created, "updated_at": created, "version": 1})
    milestones, stage_ids, stages = [], [], []
    for position, (stage_code, stage_en, stage_ja) in enumerate(STAGES, start=1):
        stage_id = ctx.ids("journey_stages", 1)[0]
        stage_ids.append(stage_id)
        rows.add("journey_stages", {
            "id": stage_id, "journey_id": journey_id, "position": position,
            "code": stage_code, "name_en": stage_en, "name_ja": stage_ja,
            "description_en": BODY_EN, "description_ja": BODY_JA,
            "playbook_en": "" if position == len(STAGES) else
            f"See the [{stage_en} playbook](https://docs.example.com/{stage_code}).\n\n{BODY_EN}",
            "playbook_ja": "" if position == len(STAGES) else
            f"[{stage_ja}のプレイブック](https://docs.example.com/{stage_code})を参照。\n\n{BODY_JA}"})
        stages.append({"name_en": stage_en, "name_ja": stage_ja, "milestones": []})
        for m in range(1, MILESTONES_PER_STAGE + 1):
            milestone_id = ctx.ids("journey_milestones", 1)[0]
            milestones.append(milestone_id)
            rows.add("journey_milestones", {
                "id": milestone_id, "stage_id": stage_id, "position": m,
                "code": f"{stage_code}-{m}", "name_en": f"{stage_en} milestone {m}",
                "name_ja": f"{stage_ja} マイルストーン{m}",
                "description_en": "What the customer has reached.",
                "description_ja": "お客様が到達した状態。",
                "is_handoff": position == 1 and m > 1})
            stages[-1]["milestones"].append({
                "milestone_id": milestone_id, "name_en": f"{stage_en} milestone {m}",
                "name_ja": f"{stage_ja} マイルストーン{m}", "is_handoff": position == 1 and m > 1})
    curriculum_id = ctx.ids("curricula", 1)[0]
    rows.add("curricula", {
        "id": curriculum_id, "name_en": f"{name_en} CSM onboarding",
        "name_ja": f"{name_ja} CSM育成プログラム", "description_en": BODY_EN,
        "description_ja": BODY_JA, "journey_id": journey_id, "archived_at": None,
        "created_at": created, "updated_at": created, "version": 1})
    modules = _modules(ctx, rows, curriculum_id, stage_ids, created)
    return Curriculum(curriculum_id, journey_id, milestones, modules, stages)


def _modules(ctx: Context, rows: Rows, curriculum_id: int, stage_ids: list[int],
             created: datetime) -> list[Module]:
    plan = []
    for stage in range(1, len(STAGES) + 1):
        first_day = (stage - 1) * STAGE_DAYS
        plan += [(stage, kind, required, first_day + days)
                 for kind, required, days in STAGE_MODULES if required]
        if stage == SANDBOX_STAGE:
            plan.append((stage, "sandbox", True, first_day + STAGE_DAYS - 1))
        plan += [(stage, kind, required, first_day + days)
                 for kind, required, days in STAGE_MODULES if not required]
    competencies = [cid for cid, _code, _archetype in ctx.facts["competencies"]]
    modules = []
    for position, (stage, kind, required, due) in enumerate(plan, start=1):
        module = Module(ctx.ids("training_modules", 1)[0], curriculum_id, stage, kind,
                        required, due)
        modules.append(module)
        rows.add("training_modules", {
            "id": module.id, "curriculum_id": curriculum_id, "stage_id": stage_ids[stage - 1],
            "position": position, "kind": kind,
            "title_en": f"{STAGES[stage - 1][1]}: {kind} {position}",
            "title_ja": f"{STAGES[stage - 1][2]}：{kind} {position}",
            "body_en": BODY_EN, "body_ja": BODY_JA, "due_days": due, "required": required,
            "pass_mark": 70 if kind == "quiz" else None,
            "max_attempts": 3 if kind == "quiz" else None,
            "sandbox_url": "https://sandbox.example.com" if kind == "sandbox" else "",
            "archived_at": None, "created_at": created, "updated_at": created, "version": 1})
        for cid in sorted(set(ctx.rng.sample(competencies, 2))):
            rows.add("training_module_competencies", {"module_id": module.id,
                                                      "competency_id": cid})
        if kind == "quiz":
            _questions(ctx, rows, module)
    return modules


def _questions(ctx: Context, rows: Rows, module: Module) -> None:
    """Questions with their choices, and the snapshot every attempt at them shows."""
    for number in range(1, QUESTIONS + 1):
        question_id = ctx.ids("quiz_questions", 1)[0]
        multiple = number % 2 == 0
        prompt_en = f"Question {number}: which action moves the customer forward?"
        rows.add("quiz_questions", {
            "id": question_id, "module_id": module.id, "position": number,
            "multiple": multiple, "prompt_en": prompt_en,
            "prompt_ja": f"設問{number}：お客様を前進させる行動はどれですか。",
            "archived_at": None})
        shown = []
        for position in range(1, CHOICES + 1):
            choice_id = ctx.ids("quiz_choices", 1)[0]
            correct = position == 2 or (multiple and position == 3)
            choice = {"id": choice_id, "question_id": question_id, "position": position,
                      "text_en": f"Option {position}", "text_ja": f"選択肢{position}",
                      "correct": correct,
                      "explanation_en": "Because it starts from the customer's goal.",
                      "explanation_ja": "お客様の目的から出発しているため。"}
            rows.add("quiz_choices", choice)
            shown.append({k: v for k, v in choice.items() if k not in ("question_id", "position")})
        module.snapshot.append({"id": question_id, "multiple": multiple,
                                "prompt_en": prompt_en,
                                "prompt_ja": f"設問{number}：お客様を前進させる行動はどれですか。",
                                "choices": shown})
        module.answers[str(question_id)] = [c["id"] for c in shown if c["correct"]]
        module.wrong[str(question_id)] = [next(c["id"] for c in shown if not c["correct"])]


# --- people: cohorts, enrolments and their work -------------------------------------------


def _enrolments(ctx: Context, rows: Rows, curricula: list[Curriculum]) -> None:
    """``new_hires_in_training`` enrolments: current new hires first (on the first
    curriculum, started in the last two months), then staff cross-training or trained
    long ago, one enrolment per person and curriculum."""
    by_role = ctx.facts["by_role"]
    new_hires = list(by_role["new_hire"])
    admins = set(by_role["admin"])
    staff = [uid for role in ("csm", "interviewer", "manager") for uid in by_role[role]]
    staff = sorted(set(staff) - set(new_hires) - admins)
    mentors = sorted(set(by_role["csm"]) - set(new_hires))
    wanted = ctx.scale.new_hires_in_training
    pairs = [(uid, curricula[0], ctx.rng.randint(0, 60)) for uid in new_hires]
    for curriculum in curricula:
        # About a third cross-training now, the others trained in the last two years.
        pairs += [(uid, curriculum, ctx.rng.randint(0, 60) if ctx.rng.random() < ACTIVE_SHARE
                   else ctx.rng.randint(61, 720)) for uid in staff]
    pairs = pairs[:len(new_hires)] + _shuffled(ctx.rng, pairs[len(new_hires):])
    pairs = pairs[:wanted]
    # A few mentors carry many mentees, the bench interviewer most (one in eight): the
    # mentor's review queue is a page worth measuring.
    busy = mentors[:5]
    cohorts: dict[tuple[int, date], int] = {}
    bench_manager = ctx.facts["bench_manager"]
    today = ctx.now.date()
    first: dict[str, int] = {}
    for n, (uid, curriculum, days_ago) in enumerate(pairs):
        if n == 1:  # finished long ago: even the tiny scale fills every table
            days_ago = max(days_ago, 400)
        start = today - timedelta(days=days_ago)
        month = start.replace(day=1)
        key = (curriculum.id, month)
        if key not in cohorts:
            cohorts[key] = ctx.ids("training_cohorts", 1)[0]
            rows.add("training_cohorts", {
                "id": cohorts[key], "curriculum_id": curriculum.id, "start_date": month,
                "name": f"{curriculum.id}-{month:%Y-%m} cohort", "created_by_id": bench_manager,
                "created_at": ctx.at(-(today - month).days - 7)})
        if n % 8 == 0:
            mentor = ctx.facts["bench_interviewer"]
        else:
            mentor = busy[n % len(busy)] if n % 8 == 4 else ctx.rng.choice(mentors)
        if mentor == uid:
            mentor = ctx.facts["bench_interviewer"]
        enrolment = _Enrolment(ctx.ids("training_enrolments", 1)[0], uid, curriculum,
                               mentor, start, days_ago, Random(ctx.rng.random()))
        # The bench manager enrolled a third of everyone, so their lists are long.
        enrolled_by = bench_manager if n % 3 == 0 else None
        rows.add("training_enrolments", _enrolment_row(ctx, enrolment, cohorts[key],
                                                       enrolled_by))
        _work(rows, enrolment, add_module=n == 0 or enrolment.rng.random() < 0.1)
        if n == 0:  # a current new hire when there is one (they come first)
            first = {"new_hire": uid, "enrolment": enrolment.id}
    # What a page benchmark signs in as: a new hire with an enrolment, a mentor with
    # many mentees, a manager who enrolled a third of everyone.
    ctx.facts["training"] = {**first, "mentor": ctx.facts["bench_interviewer"],
                             "manager": bench_manager, "curricula": [c.id for c in curricula]}


def _shuffled(rng: Random, items: list) -> list:
    rng.shuffle(items)
    return items


@dataclass
class _Enrolment:
    id: int
    user_id: int
    curriculum: Curriculum
    mentor_id: int
    start: date
    days_ago: int
    rng: Random

    def __post_init__(self) -> None:
        self._midnight = datetime.combine(self.start, time(), tzinfo=UTC)
        self._latest = self._midnight + timedelta(days=self.days_ago, hours=-1)

    def day(self, days: float, hour: int = 10) -> datetime:
        """A moment ``days`` after the start at ``hour``, never after the evening
        before the generation day."""
        return min(self._midnight + timedelta(days=days, hours=hour), self._latest)


def _enrolment_row(ctx: Context, enrolment: _Enrolment, cohort_id: int,
                   enrolled_by: int | None) -> dict[str, Any]:
    last_due = max(m.due_days for m in enrolment.curriculum.required)
    signed_off = enrolment.days_ago > last_due + 10 and enrolment.rng.random() < 0.9
    signed_on = enrolment.start + timedelta(days=last_due + 5) if signed_off else None
    return {
        "id": enrolment.id, "user_id": enrolment.user_id,
        "curriculum_id": enrolment.curriculum.id, "cohort_id": cohort_id,
        "mentor_id": enrolment.mentor_id, "start_date": enrolment.start,
        "application_id": None, "enrolled_by_id": enrolled_by,
        "created_at": enrolment.day(-3), "updated_at": enrolment.day(-3),
        "signed_off_at": enrolment.day(last_due + 5) if signed_off else None,
        "signed_off_on": signed_on, "signed_off_by_id": enrolment.mentor_id if signed_off else None,
        "sign_off_note": "Ready for the field." if signed_off else "",
        "promoted_to_csm": signed_off, "version": 1,
    }


def _work(rows: Rows, enrolment: _Enrolment, *, add_module: bool) -> None:
    """Modules due by now are passed (a few late ones not yet); the first one not passed
    is open in some state. ``add_module``: an optional module was added for them."""
    required = enrolment.curriculum.required
    optional = [m for m in enrolment.curriculum.modules if not m.required]
    if add_module:
        rows.add("training_added_modules", {
            "enrolment_id": enrolment.id, "module_id": enrolment.rng.choice(optional).id,
            "added_by_id": enrolment.mentor_id, "added_at": enrolment.day(1)})
    pace = enrolment.rng.uniform(0.8, 1.2)
    for module in required:
        finished = round(module.due_days * pace) + enrolment.rng.choice((-1, 0, 0, 1, 2))
        if finished < enrolment.days_ago:
            _passed(rows, enrolment, module, max(0, finished))
        else:
            _current(rows, enrolment, module)
            return


def _progress(rows: Rows, enrolment: _Enrolment, module: Module, status: str, opened: float,
              passed_day: float | None = None) -> None:
    rows.add("training_progress", {
        "enrolment_id": enrolment.id, "module_id": module.id, "status": status,
        "started_at": enrolment.day(opened),
        "passed_at": None if passed_day is None else enrolment.day(passed_day, 15),
        "updated_at": enrolment.day(passed_day if passed_day is not None else opened),
        "version": 1})


def _passed(rows: Rows, enrolment: _Enrolment, module: Module, day: int) -> None:
    opened = max(0, day - 3)
    _progress(rows, enrolment, module, "passed", opened, day)
    if module.kind == "quiz":
        if enrolment.rng.random() < 0.25:
            _attempt(rows, enrolment, module, 1, False, opened + 1)
            _attempt(rows, enrolment, module, 2, True, day)
        else:
            _attempt(rows, enrolment, module, 1, True, day)
    elif module.kind in ("assignment", "sandbox"):
        snapshot = _sandbox(rows, enrolment, module, opened,
                            len(enrolment.curriculum.milestones)) \
            if module.kind == "sandbox" else None
        rounds = 2 if enrolment.rng.random() < 0.3 else 1
        for number in range(1, rounds + 1):
            approved = number == rounds
            _submission(rows, enrolment, module, number, day - (0 if approved else 2),
                        "approved" if approved else "revise", snapshot)


def _current(rows: Rows, enrolment: _Enrolment, module: Module) -> None:
    """The module they are on: opened, handed in and waiting, sent back, or failed."""
    opened = max(0, enrolment.days_ago - enrolment.rng.randint(0, 3))
    draw = enrolment.rng.random()
    if module.kind == "quiz":
        failed = draw < 0.1  # every attempt used
        attempts = 3 if failed else 1 if draw < 0.4 else 0
        for number in range(1, attempts + 1):
            _attempt(rows, enrolment, module, number, False, opened)
        _progress(rows, enrolment, module, "failed" if failed else "in_progress", opened)
    elif module.kind in ("assignment", "sandbox"):
        milestones = len(enrolment.curriculum.milestones)
        done = milestones if draw < HANDED_IN + 0.1 else enrolment.rng.randint(1, milestones - 1)
        snapshot = _sandbox(rows, enrolment, module, opened, done) \
            if module.kind == "sandbox" else None
        if draw < HANDED_IN:  # the mentor's queue
            _submission(rows, enrolment, module, 1, opened, None, snapshot)
            _progress(rows, enrolment, module, "submitted", opened)
        elif draw < HANDED_IN + 0.1:
            _submission(rows, enrolment, module, 1, opened, "revise", snapshot)
            _progress(rows, enrolment, module, "revise", opened)
        else:
            _progress(rows, enrolment, module, "in_progress", opened)
    elif draw < 0.8:
        _progress(rows, enrolment, module, "in_progress", opened)


def _attempt(rows: Rows, enrolment: _Enrolment, module: Module, number: int, passed: bool,
             day: float) -> None:
    # A failed attempt answers the first two questions wrong (50 %, under the mark).
    answers = module.answers if passed else {
        qid: module.wrong[qid] if k < 2 else ids
        for k, (qid, ids) in enumerate(module.answers.items())}
    rows.add("quiz_attempts", {
        "enrolment_id": enrolment.id, "module_id": module.id, "number": number,
        "started_at": enrolment.day(day, 9), "submitted_at": enrolment.day(day, 10),
        "questions": module.snapshot, "answers": answers,
        "score": 100.0 if passed else 100.0 * (QUESTIONS - 2) / QUESTIONS,
        "passed": passed, "pass_mark": 70})


def _submission(rows: Rows, enrolment: _Enrolment, module: Module, number: int, day: float,
                outcome: str | None, snapshot: dict[str, Any] | None = None) -> None:
    reviewed = outcome is not None
    rows.add("training_submissions", {
        "enrolment_id": enrolment.id, "module_id": module.id, "round": number,
        "text": ANSWER if module.kind == "assignment" else "", "file_id": None,
        "snapshot": snapshot,
        "submitted_at": enrolment.day(day, 11),
        "reviewer_id": enrolment.mentor_id if reviewed else None,
        "reviewed_at": enrolment.day(day + 1, 12) if reviewed else None,
        "outcome": outcome, "comment": "Clear and complete." if reviewed else ""})


def _sandbox(rows: Rows, enrolment: _Enrolment, module: Module, opened: float,
             done: int) -> dict[str, Any] | None:
    """Records on the first ``done`` milestones (later ones are harder), and the
    reflection once every milestone has one; returns the snapshot a round handed in
    then keeps (None before every milestone is recorded)."""
    rng = enrolment.rng
    milestones = enrolment.curriculum.milestones
    records = {}
    for k, milestone_id in enumerate(milestones[:done]):
        hardness = 1 + (k * 7) % 5  # a fixed pattern: some milestones clearly harder
        stuck = rng.random() < hardness / 10
        skipped = not stuck and rng.random() < 0.03
        status = "stuck" if stuck else "skipped" if skipped else "done"
        rows.add("sandbox_records", {
            "enrolment_id": enrolment.id, "module_id": module.id, "milestone_id": milestone_id,
            "status": status, "minutes_spent": None if skipped else rng.randint(10, 40) * hardness,
            "difficulty": None if skipped else min(5, hardness + (1 if stuck else 0)),
            "stuck_note": rng.choice(STUCK_NOTES) if stuck else "", "evidence_url": "",
            "evidence_file_id": None, "recorded_at": enrolment.day(opened + k / 4, 16),
            "updated_at": enrolment.day(opened + k / 4, 16), "version": 1})
        records[milestone_id] = rows.tables["sandbox_records"][-1]
    if done < len(milestones):
        return None
    reflection = {"what_was_hard": STUCK_NOTES[0], "where_stuck": STUCK_NOTES[1],
                  "tell_customers": STUCK_NOTES[2], "improvement": STUCK_NOTES[3]}
    rows.add("sandbox_reflections", {
        "enrolment_id": enrolment.id, "module_id": module.id, **reflection,
        "updated_at": enrolment.day(opened + 3, 17), "version": 1})
    return {"kind": "sandbox", "reflection": reflection, "stages": [
        {"name_en": stage["name_en"], "name_ja": stage["name_ja"], "milestones": [
            {**m, **{key: records[m["milestone_id"]][key] for key in SNAPSHOT_KEYS},
             "evidence_file": None} for m in stage["milestones"]]}
        for stage in enrolment.curriculum.stages]}
