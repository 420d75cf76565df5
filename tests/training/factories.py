"""Builders for training test data: a journey, a curriculum on it, an enrolment.
Each flushes, none commits."""

from datetime import date
from itertools import count

from cshire.auth.models import Role, User
from cshire.extensions import db
from cshire.training.models.curriculum import (
    Curriculum,
    ModuleKind,
    QuizChoice,
    QuizQuestion,
    TrainingModule,
)
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from tests import factories

_sequence = count(1)


def journey(stages: tuple[str, ...] = ("onboarding", "adoption", "expansion", "renewal"),
            milestones_per_stage: int = 2, code: str | None = None) -> Journey:
    """A journey with the given stage codes, each with a few milestones."""
    n = next(_sequence)
    created = Journey(code=code or f"journey-{n}", name_en=f"Journey {n}",
                      name_ja=f"ジャーニー{n}")
    for position, stage_code in enumerate(stages, start=1):
        stage = JourneyStage(position=position, code=stage_code,
                             name_en=stage_code.title(), name_ja=f"{stage_code}（日本語）",
                             playbook_en=f"Move from {stage_code}.",
                             playbook_ja=f"{stage_code}から進める。")
        stage.milestones = [
            Milestone(position=m, code=f"{stage_code}-m{m}",
                      name_en=f"{stage_code.title()} milestone {m}",
                      name_ja=f"{stage_code} マイルストーン{m}", is_handoff=(m == 1))
            for m in range(1, milestones_per_stage + 1)
        ]
        created.stages.append(stage)
    db.session.add(created)
    db.session.flush()
    return created


def curriculum(on_journey: Journey | None = None, *, name: str | None = None) -> Curriculum:
    on_journey = on_journey or journey()
    n = next(_sequence)
    created = Curriculum(name_en=name or f"Curriculum {n}", name_ja=f"カリキュラム{n}",
                         journey=on_journey)
    db.session.add(created)
    db.session.flush()
    return created


def module(in_curriculum: Curriculum, kind: ModuleKind = ModuleKind.LESSON, *,
           stage: int = 1, title: str | None = None, due_days: int = 7,
           required: bool = True, body: str = "Read this **carefully**.",
           pass_mark: int | None = None, max_attempts: int | None = None,
           competencies=()) -> TrainingModule:
    """A module in the ``stage``-th stage (1-based) of the curriculum's journey, placed
    after the modules already there."""
    n = next(_sequence)
    stage_row = in_curriculum.journey.stages[stage - 1]
    position = 1 + max((m.position for m in in_curriculum.modules), default=0)
    created = TrainingModule(
        curriculum=in_curriculum, stage=stage_row, position=position, kind=kind.value,
        title_en=title or f"Module {n}", title_ja=f"モジュール{n}", body_en=body,
        body_ja="これを**よく**読んでください。", due_days=due_days, required=required,
        pass_mark=pass_mark,
        max_attempts=max_attempts, competencies=list(competencies),
        sandbox_url="https://sandbox.example.com" if kind == ModuleKind.SANDBOX else "",
    )
    if kind == ModuleKind.QUIZ and created.pass_mark is None:
        created.pass_mark = 50
    db.session.add(created)
    db.session.flush()
    return created


def question(quiz: TrainingModule, *, right: tuple[int, ...] = (1,), choices: int = 3,
             multiple: bool | None = None) -> QuizQuestion:
    """A question whose choices numbered in ``right`` (1-based) are correct."""
    position = 1 + len(quiz.questions)
    created = QuizQuestion(
        module=quiz, position=position,
        multiple=len(right) > 1 if multiple is None else multiple,
        prompt_en=f"Question {position}?", prompt_ja=f"質問{position}？",
        choices=[QuizChoice(position=c, text_en=f"Answer {c}", text_ja=f"答え{c}",
                            correct=c in right, explanation_en=f"Because {c}.",
                            explanation_ja=f"理由{c}。")
                 for c in range(1, choices + 1)],
    )
    db.session.add(created)
    db.session.flush()
    return created


def enrolment(in_curriculum: Curriculum | None = None, *, new_hire: User | None = None,
              mentor: User | None = None, start: date | None = None,
              enrolled_by: User | None = None) -> Enrolment:
    created = Enrolment(
        user=new_hire or factories.user(Role.NEW_HIRE),
        curriculum=in_curriculum or curriculum(),
        mentor=mentor,
        start_date=start or date.today(),
        enrolled_by_id=enrolled_by.id if enrolled_by else None,
    )
    db.session.add(created)
    db.session.flush()
    return created
