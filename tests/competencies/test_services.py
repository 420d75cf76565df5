import pytest

from cshire.audit import history
from cshire.auth.models import Role
from cshire.competencies.models import Competency, CompetencyCategory
from cshire.competencies.services import (
    CompetencyError,
    CompetencyInput,
    active_competencies,
    competency_query,
    create_competency,
    import_archetype,
    set_archived,
    update_competency,
)
from cshire.competencies.starter_sets import ARCHETYPES, competencies_for
from cshire.errors import EditConflict
from cshire.extensions import db
from tests import factories


def _input(**overrides) -> CompetencyInput:
    values = {
        "code": "listening", "category": CompetencyCategory.SKILL,
        "name_en": "Active listening", "name_ja": "傾聴",
        "description_en": "Hears what is meant.", "description_ja": "意図を聴く。",
        "levels_en": [f"L{n}" for n in range(1, 6)],
        "levels_ja": [f"レベル{n}" for n in range(1, 6)],
    }
    values.update(overrides)
    return CompetencyInput(**values)


def test_create_competency_normalises_the_code_and_stores_five_anchors(app):
    competency = create_competency(_input(code=" active listening "))
    assert competency.code == "ACTIVE-LISTENING"
    assert [lvl.level for lvl in competency.levels] == [1, 2, 3, 4, 5]
    assert competency.level(3).description_ja == "レベル3"


@pytest.mark.parametrize(("overrides", "code"), [
    ({"name_en": "", "name_ja": ""}, "name_required"),
    ({"levels_en": ["a"] * 4, "levels_ja": ["b"] * 4}, "five_levels"),
    ({"levels_en": ["a", "", "c", "d", "e"], "levels_ja": ["a", "", "c", "d", "e"]},
     "anchor_required"),
    ({"code": "  "}, "code_required"),
])
def test_create_competency_rejects_incomplete_input(app, overrides, code):
    with pytest.raises(CompetencyError) as error:
        create_competency(_input(**overrides))
    assert error.value.code == code


def test_one_language_is_enough(app):
    competency = create_competency(_input(name_ja="", levels_ja=[""] * 5))
    assert competency.name_ja == "" and competency.level(1).description_en == "L1"


def test_codes_are_unique(app):
    factories.competency("LISTENING")
    with pytest.raises(CompetencyError, match="code_taken"):
        create_competency(_input(code="listening"))


def test_update_refuses_a_stale_form_instead_of_overwriting(app):
    competency = create_competency(_input())
    db.session.commit()
    loaded_at = competency.version
    update_competency(competency, _input(name_en="First save"), version=loaded_at)
    db.session.commit()
    with pytest.raises(EditConflict, match="edit_conflict"):
        update_competency(competency, _input(name_en="Second save"), version=loaded_at)
    assert competency.name_en == "First save"


def test_editing_only_an_anchor_bumps_the_version_so_older_forms_are_refused(app):
    competency = create_competency(_input())
    db.session.commit()
    loaded_at = competency.version
    anchors = [f"L{n}" for n in range(1, 5)] + ["A sharper level 5"]
    update_competency(competency, _input(levels_en=anchors), version=loaded_at)
    db.session.commit()
    assert competency.version == loaded_at + 1
    with pytest.raises(EditConflict):
        update_competency(competency, _input(), version=loaded_at)


def test_every_change_to_a_competency_is_in_its_history(app):
    manager = factories.user(Role.MANAGER)
    competency = create_competency(_input(), actor=manager)
    update_competency(competency, _input(name_en="Listening", levels_ja=["あ"] * 5),
                      version=competency.version, actor=manager)
    set_archived(competency, True, actor=manager)
    set_archived(competency, True, actor=manager)  # already archived: nothing to record
    set_archived(competency, False, actor=None)
    db.session.flush()
    rows = [(r.field, r.old_value, r.new_value) for r in reversed(history(competency))]
    assert rows[0] == ("created", "", "")
    assert rows[1] == ("name_en", "Active listening", "Listening")
    assert [r[0] for r in rows[2:7]] == [f"level{n}_ja" for n in range(1, 6)]
    assert rows[7:] == [("archived", "false", "true"), ("archived", "true", "false")]
    assert history(competency)[0].actor is None


def test_saving_a_competency_unchanged_records_nothing_and_keeps_its_version(app):
    competency = create_competency(_input())
    db.session.commit()
    version = competency.version
    update_competency(competency, _input(), version=version)
    db.session.commit()
    assert competency.version == version and len(history(competency)) == 1


def test_archived_competencies_leave_the_active_list_but_stay_readable(app):
    kept = factories.competency("KEPT")
    gone = factories.competency("GONE")
    set_archived(gone, True)
    assert [c.code for c in active_competencies()] == ["KEPT"]
    everything = db.session.scalars(competency_query(include_archived=True)).all()
    assert {c.code for c in everything} == {"KEPT", "GONE"}
    set_archived(gone, False)
    assert gone.archived_at is None and kept.archived_at is None


def test_search_and_category_filters(app):
    factories.competency("EMPATHY", name_en="Customer empathy", name_ja="顧客への共感",
                         category="mindset")
    factories.competency("LOGIC", name_en="Logical thinking", category="thinking")
    assert [c.code for c in db.session.scalars(competency_query(search="empathy"))] == ["EMPATHY"]
    assert [c.code for c in db.session.scalars(competency_query(search="共感"))] == ["EMPATHY"]
    assert [c.code for c in db.session.scalars(competency_query(category="thinking"))] == ["LOGIC"]


@pytest.mark.parametrize("archetype", list(ARCHETYPES))
def test_import_archetype_adds_its_starter_set_with_both_languages(app, archetype):
    result = import_archetype(archetype)
    starters = competencies_for(archetype)
    assert sorted(result.created) == sorted(s.code for s in starters)
    assert 6 <= len(starters) <= 8
    imported = db.session.scalar(db.select(Competency).where(Competency.code == starters[0].code))
    assert imported.name_ja and imported.name_en and len(imported.levels) == 5
    assert all(lvl.description_ja and lvl.description_en for lvl in imported.levels)


def test_import_is_idempotent_and_keeps_edited_competencies(app):
    import_archetype("careful_support")
    edited = db.session.scalar(db.select(Competency).where(Competency.code == "EMPATHY"))
    edited.name_en = "Our own wording"
    again = import_archetype("careful_support")
    assert again.created == [] and "EMPATHY" in again.already_present
    assert edited.name_en == "Our own wording"


def test_shared_competency_is_imported_once_across_archetypes(app):
    import_archetype("careful_support")
    result = import_archetype("consulting")
    assert "CLEAR-EXPLANATION" in result.already_present


def test_unknown_archetype(app):
    with pytest.raises(CompetencyError, match="unknown_archetype"):
        import_archetype("nope")
