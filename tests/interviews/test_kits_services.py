"""Building, editing, publishing and versioning interview kits (services, no HTTP)."""

import pytest
from sqlalchemy import select

from cshire.auth.models import Role
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.kits import InterviewKit, KitItem
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.services.kits import (
    KitRequest,
    allocation_rows,
    build_kit,
    get_version,
    kit_history,
    kit_length,
    kit_query,
    move_item,
    new_version,
    publish,
    swap_candidates,
    swap_item,
)
from cshire.interviews.services.profiles import set_archived
from tests import factories
from tests.interviews import factories_design as design


def request(profile, **overrides) -> KitRequest:
    values = {"name": "Stage 1", "profile_id": profile.id, "language": "en",
              "minutes_per_question": 6, "total_questions": 6}
    values.update(overrides)
    return KitRequest(**values)


def codes(version) -> list[str]:
    return [item.competency.code for item in version.items]


@pytest.fixture
def setup(app):
    """Profile A (weight 3) / B (2) / C (1) and a bank of 4 questions each."""
    a, b, c = (factories.competency(code) for code in ("A", "B", "C"))
    profile = design.profile((a, 3.0, 5), (b, 2.0, 4), (c, 1.0, 3))
    design.bank_for(profile, 4)
    return profile


# --- building --------------------------------------------------------------------------


def test_build_allocates_by_weight_in_importance_order(setup):
    manager = factories.user(Role.MANAGER)
    kit = build_kit(request(setup), actor=manager)

    version = kit.versions[0]
    assert (version.number, version.status, version.total_questions) == (1, "draft", 6)
    # 6 questions over weights 3:2:1 -> exact quotas 3, 2, 1.
    assert codes(version) == ["A", "A", "A", "B", "B", "C"]
    assert [item.position for item in version.items] == [1, 2, 3, 4, 5, 6]
    assert version.expected_minutes == 36
    assert kit.created_by_id == manager.id


def test_items_copy_the_question_wording(setup):
    kit = build_kit(request(setup), actor=None)
    item = kit.versions[0].items[0]
    assert item.question is not None
    assert (item.text, item.probes, item.anchor_low, item.anchor_mid, item.anchor_high) == (
        item.question.text, item.question.probes, item.question.anchor_low,
        item.question.anchor_mid, item.question.anchor_high)


def test_picking_prefers_situational_then_least_used(app):
    a = factories.competency("A")
    profile = design.profile((a, 1.0, 3))
    used = design.question(a, times_used=5)
    behavioural = design.question(a, question_type="behavioural")
    fresh = design.question(a, times_used=0)
    design.question(a, active=False)  # retired: never picked
    design.question(a, language="ja")  # other language: never picked

    kit = build_kit(request(profile, total_questions=3), actor=None)

    assert [i.question_id for i in kit.versions[0].items] == [fresh.id, used.id, behavioural.id]


def test_a_short_bank_gives_fewer_questions_and_the_allocation_shows_it(app):
    a, b = factories.competency("A"), factories.competency("B")
    profile = design.profile((a, 3.0, 5), (b, 1.0, 3))
    design.question(a)
    design.question(b)

    kit = build_kit(request(profile, total_questions=4), actor=None)

    rows = {row.competency.code: row for row in allocation_rows(kit.versions[0])}
    assert (rows["A"].allocated, rows["A"].in_kit, rows["A"].shortfall) == (3, 1, 2)
    assert (rows["B"].allocated, rows["B"].in_kit, rows["B"].shortfall) == (1, 1, 0)
    assert rows["A"].share == pytest.approx(0.75)
    assert len(kit.versions[0].items) == 2


def test_length_from_interview_minutes(app):
    assert kit_length(KitRequest("k", 1, "en", 7, interview_minutes=45)) == 6
    assert kit_length(KitRequest("k", 1, "en", 6, total_questions=12)) == 12


@pytest.mark.parametrize(("overrides", "code", "field"), [
    ({"name": " "}, "kit_name_required", "name"),
    ({"language": "de"}, "language_invalid", "language"),
    ({"total_questions": None}, "length_required", "total_questions"),
    ({"total_questions": 0}, "total_range", "total_questions"),
    ({"total_questions": 41}, "total_range", "total_questions"),
    ({"total_questions": None, "interview_minutes": 0}, "minutes_positive", "interview_minutes"),
    ({"total_questions": None, "interview_minutes": 5}, "too_short", "interview_minutes"),
    ({"minutes_per_question": 0}, "minutes_per_question_range", "minutes_per_question"),
    ({"profile_id": None}, "kit_profile_required", "profile"),
])
def test_invalid_kit_requests_are_refused_on_their_form_field(setup, overrides, code, field):
    with pytest.raises(HiringError) as error:
        build_kit(request(setup, **overrides), actor=None)
    assert error.value.code == code
    assert [(p.code, p.field) for p in error.value.problems] == [(code, field)]
    assert db.session.scalars(select(InterviewKit)).all() == []


def test_no_kit_from_an_archived_or_empty_profile(setup):
    set_archived(setup, True)
    with pytest.raises(HiringError) as error:
        build_kit(request(setup), actor=None)
    assert error.value.code == "kit_profile_required"

    empty = HighPerformerProfile(name="Empty")
    db.session.add(empty)
    db.session.flush()
    with pytest.raises(HiringError) as error:
        build_kit(request(empty), actor=None)
    assert error.value.code == "profile_empty"


# --- editing a draft -------------------------------------------------------------------


def test_swap_replaces_the_question_with_another_of_the_same_competency(setup):
    version = build_kit(request(setup), actor=None).versions[0]
    item = version.items[0]
    candidates = swap_candidates(version)[item.competency_id]
    assert len(candidates) == 1  # 4 in the bank, 3 already in the kit
    replacement = candidates[0]

    swap_item(version, item.id, replacement.id)

    assert (item.question_id, item.text, item.position) == (replacement.id, replacement.text, 1)


def test_swap_refuses_questions_that_do_not_fit(setup):
    version = build_kit(request(setup), actor=None).versions[0]
    item = version.items[0]  # competency A
    b_question = next(i.question for i in version.items if i.competency.code == "B")
    a = item.competency
    cases = {
        "question_unavailable": design.question(a, active=False).id,
        "question_other_competency": b_question.id,
        "question_other_language": design.question(a, language="ja").id,
        "question_already_in_kit": version.items[1].question_id,
        "item_unknown": None,
    }
    for code, question_id in cases.items():
        with pytest.raises(HiringError) as error:
            swap_item(version, 999_999 if code == "item_unknown" else item.id,
                      question_id or design.question(a).id)
        assert error.value.code == code
    with pytest.raises(HiringError) as error:
        swap_item(version, item.id, None)
    assert error.value.code == "question_unavailable"


def test_move_swaps_neighbours_and_stops_at_the_ends(setup):
    version = build_kit(request(setup), actor=None).versions[0]
    first, second, last = version.items[0], version.items[1], version.items[-1]

    move_item(version, second.id, "up")
    db.session.commit()
    assert (first.position, second.position) == (2, 1)

    move_item(version, second.id, "up")  # already first: nothing happens
    move_item(version, last.id, "down")
    db.session.commit()
    assert second.position == 1 and last.position == 6
    reloaded = get_version(version.kit_id, 1)
    assert [i.id for i in reloaded.items][:2] == [second.id, first.id]

    with pytest.raises(HiringError) as error:
        move_item(version, first.id, "sideways")
    assert error.value.code == "direction_invalid"


# --- publishing and versions -----------------------------------------------------------


def test_publish_freezes_the_version_and_counts_uses(setup):
    manager = factories.user(Role.MANAGER)
    version = build_kit(request(setup), actor=None).versions[0]
    questions = [item.question for item in version.items]

    publish(version, actor=manager)
    db.session.commit()

    assert version.is_published and version.published_by_id == manager.id
    assert version.published_at is not None
    assert all(q.times_used == 1 for q in questions)


def test_a_published_version_cannot_be_modified(setup):
    version = build_kit(request(setup), actor=None).versions[0]
    publish(version, actor=None)
    item = version.items[0]
    spare = design.question(item.competency)
    before = [(i.position, i.question_id, i.text) for i in version.items]

    for change in (
        lambda: swap_item(version, item.id, spare.id),
        lambda: move_item(version, version.items[1].id, "up"),
        lambda: publish(version, actor=None),
    ):
        with pytest.raises(HiringError) as error:
            change()
        assert error.value.code == "published_immutable"
    assert [(i.position, i.question_id, i.text) for i in version.items] == before
    assert item.question.times_used == 1  # publishing twice did not count twice


def test_an_empty_draft_cannot_be_published(app):
    a = factories.competency()
    profile = design.profile((a, 1.0, 3))
    version = build_kit(request(profile, total_questions=2), actor=None).versions[0]
    with pytest.raises(HiringError) as error:
        publish(version, actor=None)
    assert error.value.code == "empty_kit"


def test_editing_a_published_kit_makes_the_next_version_and_keeps_the_old_one(setup):
    kit = build_kit(request(setup), actor=None)
    v1 = kit.versions[0]
    publish(v1, actor=None)
    db.session.commit()
    frozen = [(i.position, i.question_id, i.text) for i in v1.items]

    v2 = new_version(kit, actor=None)
    assert (v2.number, v2.status) == (2, "draft")
    assert [(i.position, i.question_id, i.text) for i in v2.items] == frozen
    assert new_version(kit, actor=None) is v2  # one draft at a time

    spare = swap_candidates(v2)[v2.items[0].competency_id][0]
    swap_item(v2, v2.items[0].id, spare.id)
    move_item(v2, v2.items[3].id, "up")
    publish(v2, actor=None)
    db.session.commit()
    db.session.expire_all()

    old = get_version(kit.id, 1)
    assert [(i.position, i.question_id, i.text) for i in old.items] == frozen
    assert old.is_published
    assert get_version(kit.id, 2).items[0].question_id == spare.id
    assert new_version(kit, actor=None).number == 3


def test_bank_edits_never_reach_a_published_version(setup):
    version = build_kit(request(setup), actor=None).versions[0]
    publish(version, actor=None)
    item = version.items[0]
    original = item.text
    item.question.text = "Reworded in the bank"
    db.session.commit()
    assert db.session.get(KitItem, item.id).text == original


def test_a_new_version_needs_a_published_one(setup):
    kit = build_kit(request(setup), actor=None)
    assert new_version(kit, actor=None) is kit.versions[0]  # the draft itself
    kit.versions[0].items.clear()
    db.session.delete(kit.versions[0])
    db.session.flush()
    db.session.refresh(kit)
    with pytest.raises(HiringError) as error:
        new_version(kit, actor=None)
    assert error.value.code == "nothing_published"


def test_interviewers_list_only_kits_with_a_published_version(setup):
    draft_only = build_kit(request(setup, name="Draft only"), actor=None)
    published = build_kit(request(setup, name="Published"), actor=None)
    publish(published.versions[0], actor=None)

    assert db.session.scalars(kit_query(published_only=True)).all() == [published]
    assert set(db.session.scalars(kit_query())) == {draft_only, published}


# --- edit conflicts and the audit trail ------------------------------------------------


def test_every_version_event_is_in_the_kit_history_with_who_did_it(setup):
    manager = factories.user(Role.MANAGER, name="Mia")
    kit = build_kit(request(setup), actor=manager)
    v1 = kit.versions[0]
    first, second = v1.items[0], v1.items[1]
    first_text, second_text = first.text, second.text
    spare = swap_candidates(v1)[first.competency_id][0]

    swap_item(v1, first.id, spare.id, actor=manager)
    move_item(v1, second.id, "up", actor=manager)
    publish(v1, actor=manager)
    new_version(kit, actor=manager)
    db.session.commit()

    rows = [(row.field, row.old_value, row.new_value) for row in reversed(kit_history(kit))]
    assert rows == [
        ("v1.status", "", "draft"),
        ("v1.question_1", first_text, spare.text),
        ("v1.question_1", spare.text, second_text),
        ("v1.question_2", second_text, spare.text),
        ("v1.status", "draft", "published"),
        ("v2.status", "", "draft"),
    ]
    assert {row.actor for row in kit_history(kit)} == {manager}


def test_a_change_on_a_draft_page_loaded_before_another_save_is_refused(setup):
    manager = factories.user(Role.MANAGER, name="Mia")
    version = build_kit(request(setup), actor=None).versions[0]
    db.session.commit()
    loaded = version.version
    item = version.items[0]
    spare = swap_candidates(version)[item.competency_id][0]

    swap_item(version, item.id, spare.id, loaded_version=loaded, actor=manager)
    db.session.commit()
    assert version.version == loaded + 1  # a change of items alone still counts

    order = [i.id for i in version.items]
    for late_change in (
        lambda: move_item(version, version.items[1].id, "up", loaded_version=loaded),
        lambda: publish(version, actor=None, loaded_version=loaded),
        lambda: swap_item(version, item.id, spare.id, loaded_version=None),
    ):
        with pytest.raises(EditConflict) as conflict:
            late_change()
        assert conflict.value.who == "Mia"
    assert [i.id for i in version.items] == order and not version.is_published
    publish(version, actor=None, loaded_version=version.version)
    assert version.is_published
