"""Curricula and modules as managers shape them: validation, versioned edits with the
audit trail, order, archive — and that no edit ever loses a new hire's progress."""

import pytest

from cshire.audit import history
from cshire.auth.models import Role
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.work import ProgressStatus
from cshire.training.services.curriculum import (
    CurriculumInput,
    ModuleInput,
    create_curriculum,
    create_module,
    mark_read,
    move_module,
    outline,
    set_module_archived,
    update_curriculum,
    update_module,
)
from cshire.training.services.progress import enrolment_steps, plan_modules
from tests import factories
from tests.training import factories as make


def _input(module, **changes) -> ModuleInput:
    names = ("kind", "stage_id", "title_en", "title_ja", "body_en", "body_ja", "due_days",
             "required", "pass_mark", "max_attempts", "sandbox_url")
    values = {name: getattr(module, name) for name in names}
    values["competency_ids"] = tuple(c.id for c in module.competencies)
    return ModuleInput(**{**values, **changes})


def test_a_curriculum_is_created_on_a_journey_and_its_journey_is_kept_once_it_has_modules(app):
    manager = factories.user(Role.MANAGER)
    journey, other = make.journey(), make.journey()
    curriculum = create_curriculum(CurriculumInput("Onboarding CSMs", "", "", "", journey.id),
                                   actor=manager)
    with pytest.raises(TrainingError) as refused:
        create_curriculum(CurriculumInput(" ", "", "", "", journey.id), actor=manager)
    assert refused.value.code == "curriculum_name_required"
    make.module(curriculum)
    with pytest.raises(TrainingError) as refused:
        update_curriculum(curriculum, CurriculumInput("X", "", "", "", other.id),
                          version=curriculum.version, actor=manager)
    assert refused.value.code == "journey_locked"
    assert refused.value.problems[0].field == "journey_id"


def test_a_curriculum_edit_on_an_old_form_is_refused_and_names_the_other_save(app):
    manager, other = factories.user(Role.MANAGER), factories.user(Role.MANAGER)
    curriculum = make.curriculum()
    loaded = curriculum.version
    data = CurriculumInput("Renamed", "改名", "", "", curriculum.journey_id)
    update_curriculum(curriculum, data, version=loaded, actor=other)
    db.session.flush()
    with pytest.raises(EditConflict) as conflict:
        update_curriculum(curriculum, data, version=loaded, actor=manager)
    assert conflict.value.who == other.display_name
    assert {e.field for e in history(curriculum)} >= {"name_en", "name_ja"}


def test_a_module_is_validated_by_kind(app):
    curriculum = make.curriculum()
    stage = curriculum.journey.stages[0]
    base = ModuleInput(kind="quiz", stage_id=stage.id, title_en="Quiz", title_ja="",
                       pass_mark=None)
    for data, code in [
        (base, "pass_mark_required"),
        (ModuleInput(**{**base.__dict__, "pass_mark": 80, "max_attempts": 0}),
         "max_attempts_range"),
        (ModuleInput(**{**base.__dict__, "kind": "sandbox"}), "sandbox_url_required"),
        (ModuleInput(**{**base.__dict__, "kind": "video"}), "module_kind_invalid"),
        (ModuleInput(**{**base.__dict__, "kind": "lesson", "title_en": ""}),
         "module_title_required"),
        (ModuleInput(**{**base.__dict__, "kind": "lesson", "due_days": None}), "due_days_range"),
        (ModuleInput(**{**base.__dict__, "kind": "lesson",
                        "stage_id": make.journey().stages[0].id}), "module_stage_invalid"),
    ]:
        with pytest.raises(TrainingError) as refused:
            create_module(curriculum, data, actor=None)
        assert refused.value.code == code
    quiz = create_module(curriculum, ModuleInput(**{**base.__dict__, "pass_mark": 80}),
                         actor=None)
    assert (quiz.pass_mark, quiz.max_attempts, quiz.sandbox_url) == (80, None, "")


def test_competencies_come_from_the_shared_model_and_archived_ones_are_refused(app):
    curriculum = make.curriculum()
    live, archived = factories.competency(), factories.competency()
    archived.archived_at = archived.created_at
    stage = curriculum.journey.stages[0]
    data = ModuleInput(kind="lesson", stage_id=stage.id, title_en="L", title_ja="",
                       competency_ids=(live.id,))
    assert create_module(curriculum, data, actor=None).competencies == [live]
    with pytest.raises(TrainingError) as refused:
        create_module(curriculum, ModuleInput(**{**data.__dict__,
                                                 "competency_ids": (archived.id,)}), actor=None)
    assert refused.value.code == "competency_unknown"


def test_a_module_edit_is_audited_and_its_kind_is_kept_once_someone_worked_on_it(app):
    manager = factories.user(Role.MANAGER)
    curriculum = make.curriculum()
    lesson = make.module(curriculum)
    enrolment = make.enrolment(curriculum)
    update_module(lesson, _input(lesson, title_en="New title", required=False),
                  version=lesson.version, actor=manager)
    fields = {e.field for e in history(lesson)}
    assert {"title_en", "required"} <= fields
    mark_read(enrolment, lesson)
    with pytest.raises(TrainingError) as refused:
        update_module(lesson, _input(lesson, kind="quiz", pass_mark=50),
                      version=lesson.version, actor=manager)
    assert refused.value.code == "module_kind_locked"


def test_archiving_a_module_keeps_the_new_hires_result_on_their_plan(app):
    curriculum = make.curriculum()
    lesson, other = make.module(curriculum), make.module(curriculum)
    enrolment = make.enrolment(curriculum)
    mark_read(enrolment, lesson)
    set_module_archived(lesson, True, actor=None)
    set_module_archived(other, True, actor=None)
    plan = dict(plan_modules(enrolment))
    assert lesson in plan and plan[lesson] is False  # kept, no longer required
    assert other not in plan  # never worked on: off the plan
    step = next(s for s in enrolment_steps(enrolment) if s.module_id == lesson.id)
    assert step.status == ProgressStatus.PASSED
    shown = outline(curriculum)
    assert shown.archived == [lesson, other]
    assert all(not s.modules for s in shown.stages)
    set_module_archived(lesson, False, actor=None)
    assert outline(curriculum).stages[0].modules == [lesson]


def test_moving_modules_keeps_progress_and_stays_within_the_stage(app):
    curriculum = make.curriculum()
    first, second = make.module(curriculum), make.module(curriculum)
    later = make.module(curriculum, stage=2)
    enrolment = make.enrolment(curriculum)
    mark_read(enrolment, second)
    move_module(second, True, actor=None)
    assert outline(curriculum).stages[0].modules == [second, first]
    move_module(second, True, actor=None)  # already first: nothing happens
    move_module(first, False, actor=None)  # already last of its stage
    assert outline(curriculum).stages[1].modules == [later]
    assert outline(curriculum).stages[0].modules == [second, first]
    statuses = {s.module_id: s.status for s in enrolment_steps(enrolment)}
    assert statuses[second.id] == ProgressStatus.PASSED


def test_marking_a_lesson_read_passes_it_once_and_needs_an_open_stage(app):
    curriculum = make.curriculum()
    first = make.module(curriculum)
    locked = make.module(curriculum, stage=2)
    enrolment = make.enrolment(curriculum)
    with pytest.raises(TrainingError) as refused:
        mark_read(enrolment, locked)
    assert refused.value.code == "stage_locked"
    progress = mark_read(enrolment, first)
    passed_at = progress.passed_at
    assert mark_read(enrolment, first).passed_at == passed_at
    assert mark_read(enrolment, locked).status == ProgressStatus.PASSED
    quiz = make.module(curriculum, ModuleKind.QUIZ)
    with pytest.raises(TrainingError):
        mark_read(enrolment, quiz)
