"""The journey's editing services: stages and milestones, order, refusals, audit."""

import pytest

from cshire.audit import history
from cshire.auth.models import Role
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.journey import JourneyStage, Milestone
from cshire.training.models.sandbox import MilestoneStatus, SandboxRecord
from cshire.training.services.journey import (
    JourneyInput,
    MilestoneInput,
    StageInput,
    add_milestone,
    add_stage,
    create_journey,
    default_journey,
    delete_milestone,
    delete_stage,
    journey_by_code,
    move_milestone,
    move_stage,
    references,
    stage_by_code,
    update_journey,
    update_milestone,
    update_stage,
)
from tests import factories
from tests.training import factories as make


def _codes(journey):
    return [s.code for s in journey.stages]


def test_a_manager_creates_a_journey_and_finds_it_by_code(app):
    manager = factories.user(Role.MANAGER)
    journey = create_journey(JourneyInput(" saas ", "SaaS journey", "SaaSジャーニー"),
                             actor=manager)
    assert journey_by_code("saas") is journey
    assert default_journey() is journey
    assert [e.field for e in history(journey)] == ["created"]


def test_default_journey_is_the_first_and_none_without_any(app):
    assert default_journey() is None
    first = make.journey()
    make.journey()
    assert default_journey() is first
    assert stage_by_code(first, "adoption").position == 2
    assert stage_by_code(first, "nope") is None


@pytest.mark.parametrize(("code", "name", "expected"), [
    ("", "Name", "journey_code_required"),
    ("has space", "Name", "journey_code_invalid"),
    ("ok", "", "journey_name_required"),
])
def test_a_journey_needs_a_valid_code_and_a_name(app, code, name, expected):
    with pytest.raises(TrainingError) as refused:
        create_journey(JourneyInput(code, name, ""), actor=None)
    assert refused.value.code == expected


def test_a_journey_code_is_unique(app):
    make.journey(code="taken")
    with pytest.raises(TrainingError) as refused:
        create_journey(JourneyInput("taken", "Again", ""), actor=None)
    assert refused.value.problems[0].field == "code"


def test_editing_on_a_stale_form_is_an_edit_conflict(app):
    journey = make.journey()
    loaded = journey.version
    update_journey(journey, JourneyInput(journey.code, "New name", "新しい名前"),
                   version=loaded, actor=None)
    db.session.flush()
    with pytest.raises(EditConflict):
        update_journey(journey, JourneyInput(journey.code, "Other", ""), version=loaded,
                       actor=None)
    assert {e.field for e in history(journey)} == {"name_en", "name_ja"}


def test_editing_a_stage_moves_the_journeys_version_and_is_audited(app):
    journey = make.journey()
    stage = journey.stages[0]
    loaded = journey.version
    update_stage(stage, StageInput("setup", "Set-up", "セットアップ",
                                   playbook_en="Call [the customer](https://example.com)."),
                 version=loaded, actor=None)
    db.session.flush()
    assert journey.version == loaded + 1
    fields = {e.field: (e.old_value, e.new_value) for e in history(journey)}
    assert fields["stage.code"] == ("onboarding", "setup")
    assert fields["stage.name_en"] == ("onboarding: Onboarding", "onboarding: Set-up")
    with pytest.raises(EditConflict):
        update_stage(stage, StageInput("setup", "Again", ""), version=loaded, actor=None)


def test_stage_codes_are_unique_within_a_journey_only(app):
    journey, other = make.journey(), make.journey(stages=("elsewhere",))
    with pytest.raises(TrainingError) as refused:
        add_stage(journey, StageInput("adoption", "Again", ""), version=journey.version,
                  actor=None)
    assert refused.value.code == "stage_code_taken"
    added = add_stage(other, StageInput("adoption", "Adoption", ""), version=other.version,
                      actor=None)
    assert added.position == 2 and _codes(other) == ["elsewhere", "adoption"]


def test_stages_move_up_and_down_but_not_past_the_ends(app):
    journey = make.journey()
    assert move_stage(journey.stages[1], -1, actor=None)
    assert _codes(journey) == ["adoption", "onboarding", "expansion", "renewal"]
    assert not move_stage(journey.stages[0], -1, actor=None)
    assert not move_stage(journey.stages[-1], +1, actor=None)
    db.session.expire_all()
    assert _codes(journey) == ["adoption", "onboarding", "expansion", "renewal"]
    assert [s.position for s in journey.stages] == [1, 2, 3, 4]


def test_milestones_are_added_edited_moved_and_deleted(app):
    journey = make.journey(milestones_per_stage=2)
    stage = journey.stages[0]
    added = add_milestone(stage, MilestoneInput("first-use", "First use", "初回利用",
                                                is_handoff=True),
                          version=journey.version, actor=None)
    assert added.position == 3
    with pytest.raises(TrainingError) as refused:
        add_milestone(stage, MilestoneInput("first-use", "Again", ""),
                      version=journey.version, actor=None)
    assert refused.value.code == "milestone_code_taken"
    update_milestone(added, MilestoneInput("first-use", "First real use", "", is_handoff=False),
                     version=journey.version, actor=None)
    assert move_milestone(added, -1, actor=None)
    assert [m.code for m in stage.milestones] == ["onboarding-m1", "first-use", "onboarding-m2"]
    delete_milestone(stage.milestones[0], actor=None)
    db.session.expire_all()
    assert [(m.code, m.position) for m in stage.milestones] == [
        ("first-use", 1), ("onboarding-m2", 2)]
    fields = [e.field for e in history(journey)]
    assert {"milestone", "milestone.is_handoff", "milestone_order"} <= set(fields)


def test_a_stage_without_references_is_deleted_with_its_milestones(app):
    journey = make.journey()
    delete_stage(journey.stages[1], actor=None)
    db.session.expire_all()
    assert _codes(journey) == ["onboarding", "expansion", "renewal"]
    assert [s.position for s in journey.stages] == [1, 2, 3]
    assert db.session.query(Milestone).count() == 6


def test_a_stage_a_training_module_uses_cannot_be_deleted(app):
    curriculum = make.curriculum()
    make.module(curriculum, stage=2)
    stage = curriculum.journey.stages[1]
    with pytest.raises(TrainingError) as refused:
        delete_stage(stage, actor=None)
    assert refused.value.code == "stage_in_use"
    assert "1 training module" in refused.value.message()
    assert db.session.get(JourneyStage, stage.id) is not None


def test_a_milestone_a_sandbox_record_uses_cannot_be_deleted(app):
    curriculum = make.curriculum()
    exercise = make.module(curriculum, ModuleKind.SANDBOX, stage=1)
    enrolment = make.enrolment(curriculum)
    milestone = curriculum.journey.stages[0].milestones[0]
    db.session.add(SandboxRecord(enrolment=enrolment, module=exercise, milestone=milestone,
                                 status=MilestoneStatus.DONE.value))
    db.session.flush()
    assert references(milestone_ids=[milestone.id]) == {"sandbox_records": 1}
    with pytest.raises(TrainingError) as refused:
        delete_milestone(milestone, actor=None)
    assert "1 sandbox record" in refused.value.message()
    # The stage holds the milestone, so it is in use as well (and by the module).
    with pytest.raises(TrainingError) as refused:
        delete_stage(milestone.stage, actor=None)
    assert "1 training module, 1 sandbox record" in refused.value.message()
