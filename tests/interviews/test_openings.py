"""Openings and their stages: who may create and see them, and what a stage needs."""

import pytest

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.kits import KitStatus
from cshire.interviews.services.openings import (
    HiringError,
    OpeningInput,
    StageInput,
    add_stage,
    can_manage_opening,
    create_opening,
    openings_query,
    status_counts,
    update_opening,
)
from tests import factories
from tests.interviews import factories_process as make


def _input(profile_id, manager_id, *stages, threshold=None) -> OpeningInput:
    return OpeningInput(title="CSM — high touch", description="", profile_id=profile_id,
                        hiring_manager_id=manager_id, fit_threshold=threshold,
                        notes_required=True, stages=list(stages))


def test_a_manager_creates_an_opening_with_numbered_stages(app):
    manager = factories.user(Role.MANAGER)
    first, second = make.kit_version(), make.kit_version()
    opening = create_opening(_input(first.kit.profile_id, manager.id,
                                    StageInput("Screening", first.id),
                                    StageInput("Panel", second.id), threshold=65),
                             actor=manager)
    assert [(s.position, s.name, s.kit_version) for s in opening.stages] == [
        (1, "Screening", first), (2, "Panel", second)]
    assert opening.hiring_manager is manager
    assert opening.fit_threshold == 65
    assert opening.notes_required is True


def test_an_opening_needs_a_stage_with_a_published_kit(app):
    manager = factories.user(Role.MANAGER)
    version = make.kit_version()
    with pytest.raises(HiringError) as empty:
        create_opening(_input(version.kit.profile_id, manager.id, StageInput("", None)),
                       actor=manager)
    assert empty.value.code == "stage_required"
    version.status = KitStatus.DRAFT.value
    with pytest.raises(HiringError) as draft:
        create_opening(_input(version.kit.profile_id, manager.id,
                              StageInput("Screening", version.id)), actor=manager)
    assert draft.value.code == "kit_not_published"


def test_a_manager_cannot_create_an_opening_for_another_manager_but_an_admin_can(app):
    manager, other = factories.user(Role.MANAGER), factories.user(Role.MANAGER)
    admin = factories.user(Role.ADMIN)
    version = make.kit_version()
    data = _input(version.kit.profile_id, other.id, StageInput("Screening", version.id))
    with pytest.raises(HiringError) as error:
        create_opening(data, actor=manager)
    assert error.value.code == "own_openings_only"
    assert create_opening(data, actor=admin).hiring_manager is other


def test_the_hiring_manager_must_hold_a_manager_role(app):
    manager = factories.user(Role.MANAGER)
    interviewer = make.interviewer()
    admin = factories.user(Role.ADMIN)
    version = make.kit_version()
    with pytest.raises(HiringError) as error:
        create_opening(_input(version.kit.profile_id, interviewer.id,
                              StageInput("Screening", version.id)), actor=admin)
    assert error.value.code == "hiring_manager_invalid"
    assert manager  # the valid case is covered above


@pytest.mark.parametrize("threshold", [-1, 100.5])
def test_the_fit_threshold_is_on_the_0_to_100_scale(app, threshold):
    opening = make.opening()
    data = _input(opening.profile_id, opening.hiring_manager_id, threshold=threshold)
    with pytest.raises(HiringError) as error:
        update_opening(opening, data, actor=opening.hiring_manager)
    assert error.value.code == "threshold_range"


def test_stages_are_appended_in_order(app):
    opening = make.opening(stages=1)
    stage = add_stage(opening, StageInput("Final", make.kit_version().id))
    assert stage.position == 2
    assert [s.name for s in opening.stages] == ["Stage 1", "Final"]


def test_managers_see_their_own_openings_and_admins_see_all(app):
    mine, theirs = make.opening(), make.opening()
    admin = factories.user(Role.ADMIN)
    assert list(db.session.scalars(openings_query(mine.hiring_manager))) == [mine]
    assert set(db.session.scalars(openings_query(admin))) == {mine, theirs}
    assert can_manage_opening(mine.hiring_manager, mine)
    assert not can_manage_opening(mine.hiring_manager, theirs)
    assert can_manage_opening(admin, theirs)


def test_status_counts_group_the_applications(app):
    opening = make.opening()
    make.application(opening)
    make.application(opening)
    make.application(opening, status="rejected")
    assert status_counts(opening) == {"applied": 2, "rejected": 1}
