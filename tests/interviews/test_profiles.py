"""High-performer profiles, exemplar ratings and the suggestion built from them."""

import tempfile

import pytest
from sqlalchemy import select

from cshire.audit import history
from cshire.auth.models import Role
from cshire.competencies.models import Competency
from cshire.competencies.starter_sets import ARCHETYPES
from cshire.database import utcnow
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.interviews.messages import HiringCsvError, HiringError
from cshire.interviews.models.exemplars import ExemplarMember, ExemplarRating
from cshire.interviews.rules.exemplars import DIFFERENTIATING, INSUFFICIENT, THRESHOLD
from cshire.interviews.services.exemplars import (
    ExemplarInput,
    accept_suggestion,
    exemplar_csv_template,
    exemplars_of,
    import_exemplar_csv,
    parse_exemplar_csv,
    save_exemplars,
    suggested_entries,
    suggestion_for,
    team_members,
)
from cshire.interviews.services.profiles import (
    EntryInput,
    ProfileInput,
    active_profiles,
    create_from_archetype,
    create_profile,
    set_archived,
    update_profile,
)
from tests import factories
from tests.interviews import factories_design as design


def entries_of(profile) -> dict[str, tuple[float, int]]:
    return {e.competency.code: (e.weight, e.target_level) for e in profile.entries}


def codes(error) -> list[str]:
    return [p.code for p in error.problems] or [error.code]


# --- creating and validating -----------------------------------------------------------


def test_create_profile_orders_entries_by_weight(app):
    low, high = factories.competency("LOW"), factories.competency("HIGH")
    manager = factories.user(Role.MANAGER)

    profile = create_profile(ProfileInput("CSM", entries=[
        EntryInput(low.id, 1.0, 3), EntryInput(high.id, 2.5, 5),
    ]), actor=manager)

    assert [e.competency.code for e in profile.entries] == ["HIGH", "LOW"]
    assert entries_of(profile) == {"HIGH": (2.5, 5), "LOW": (1.0, 3)}
    assert profile.created_by is manager and profile.version == 1


def test_blank_rows_are_ignored(app):
    competency = factories.competency()
    profile = create_profile(ProfileInput("CSM", entries=[
        EntryInput(None, None, None), EntryInput(competency.id, 1.0, 3),
        EntryInput(None, None, None),
    ]), actor=None)
    assert len(profile.entries) == 1


def test_a_profile_needs_at_least_one_competency(app):
    with pytest.raises(HiringError) as error:
        create_profile(ProfileInput("CSM", entries=[EntryInput(None, None, None)]), actor=None)
    assert codes(error.value) == ["no_competency"]


@pytest.mark.parametrize(("weight", "level", "expected"), [
    (0.0, 3, ["weight_positive"]),
    (-1.0, 3, ["weight_positive"]),
    (None, 3, ["weight_positive"]),
    (float("inf"), 3, ["weight_positive"]),
    (1.0, 0, ["level_range"]),
    (1.0, 6, ["level_range"]),
    (1.0, None, ["level_range"]),
    (0.0, 9, ["weight_positive", "level_range"]),
])
def test_weight_must_be_positive_and_level_within_1_to_5(app, weight, level, expected):
    competency = factories.competency()
    with pytest.raises(HiringError) as error:
        create_profile(ProfileInput("CSM", entries=[EntryInput(competency.id, weight, level)]),
                       actor=None)
    assert codes(error.value) == expected
    assert {p.line for p in error.value.problems} == {1}
    assert {p.params["row"] for p in error.value.problems} == {1}


def test_every_problem_is_reported_with_its_row(app):
    a, b = factories.competency("A"), factories.competency("B")
    data = ProfileInput("", entries=[
        EntryInput(a.id, 2.0, 4),
        EntryInput(None, 1.0, 3),  # weight and level but no competency
        EntryInput(a.id, 1.0, 3),  # A again
        EntryInput(b.id, 0, 7),
        EntryInput(999_999, 1.0, 3),
    ])
    with pytest.raises(HiringError) as error:
        create_profile(data, actor=None)
    found = [(p.code, p.line, p.field) for p in error.value.problems]
    assert found == [
        ("profile_name_required", None, "name"),
        ("row_competency_required", 2, "entries.competency"),
        ("duplicate_competency", 3, "entries.competency"),
        ("weight_positive", 4, "entries.weight"), ("level_range", 4, "entries.target_level"),
        ("unknown_competency", 5, "entries.competency"),
    ]
    duplicate = error.value.problems[2]
    assert duplicate.params == {"row": 3, "code": "A", "first": 1}
    assert error.value.params == {"count": 6}
    assert db.session.scalars(select(ExemplarMember)).all() == []


def test_create_from_archetype_copies_the_starter_profile(app):
    archetype = ARCHETYPES["careful_support"]

    profile = create_from_archetype("careful_support", actor=None, language="ja")

    assert profile.name == archetype.profile_name.ja
    assert profile.archetype == "careful_support"
    assert entries_of(profile) == {
        e.code: (e.weight, e.target_level) for e in archetype.profile
    }
    # The starter competencies were imported on the way.
    assert db.session.scalar(select(Competency).where(Competency.code == "EMPATHY"))


def test_create_from_archetype_keeps_edited_competencies_and_skips_archived_ones(app):
    edited = factories.competency("EMPATHY", name_en="Our own empathy")
    factories.competency("REASSURANCE", archived=True)

    profile = create_from_archetype("careful_support", actor=None, name="Mine")

    codes = [e.competency.code for e in profile.entries]
    assert "REASSURANCE" not in codes
    assert profile.entries[0].competency is edited
    assert profile.name == "Mine"


def test_unknown_archetype_is_refused(app):
    with pytest.raises(HiringError) as error:
        create_from_archetype("nope", actor=None)
    assert codes(error.value) == ["unknown_archetype"]


# --- editing ---------------------------------------------------------------------------


def test_update_adds_changes_and_removes_entries(app):
    a, b, c = (factories.competency(code) for code in ("A", "B", "C"))
    profile = design.profile((a, 1.0, 3), (b, 2.0, 4))
    kept_row = next(e for e in profile.entries if e.competency is a)

    update_profile(profile, ProfileInput("Renamed", entries=[
        EntryInput(a.id, 3.0, 5), EntryInput(c.id, 1.5, 2),
    ]), version=profile.version)
    db.session.commit()

    assert profile.name == "Renamed"
    assert entries_of(profile) == {"A": (3.0, 5), "C": (1.5, 2)}
    assert next(e for e in profile.entries if e.competency is a) is kept_row


def test_changing_only_entries_still_bumps_the_version(app):
    profile = design.profile()
    before = profile.version
    first = profile.entries[0]
    update_profile(profile, ProfileInput(profile.name, entries=[
        EntryInput(first.competency_id, 9.0, first.target_level)
    ]), version=before)
    db.session.commit()
    assert profile.version == before + 1


def test_a_stale_form_is_refused_and_nothing_changes(app):
    profile = design.profile()
    loaded_at = profile.version
    update_profile(profile, ProfileInput("First save", entries=[
        EntryInput(e.competency_id, e.weight, e.target_level) for e in profile.entries
    ]), version=loaded_at)
    db.session.commit()

    with pytest.raises(EditConflict):
        update_profile(profile, ProfileInput("Second save", entries=[]), version=loaded_at)
    assert profile.name == "First save" and len(profile.entries) == 3


def test_an_archived_profile_cannot_be_edited_until_restored(app):
    profile = design.profile()
    set_archived(profile, True)
    data = ProfileInput("x", entries=[
        EntryInput(e.competency_id, e.weight, e.target_level) for e in profile.entries
    ])
    with pytest.raises(HiringError) as error:
        update_profile(profile, data, version=profile.version)
    assert codes(error.value) == ["profile_archived"]
    set_archived(profile, False)
    update_profile(profile, data, version=profile.version)
    assert profile.name == "x"


def test_archived_profiles_leave_the_active_list(app):
    kept, archived = design.profile(name="Kept"), design.profile(name="Gone")
    set_archived(archived, True)
    assert active_profiles() == [kept]
    assert archived.archived_at is not None


# --- exemplars -------------------------------------------------------------------------


def test_team_members_are_active_csms_only(app):
    ann = design.csm("Ann")
    design.csm("Bob").active = False
    factories.user(Role.MANAGER, name="Meg")
    both = factories.user(Role.CSM, Role.INTERVIEWER, name="Ivy")
    assert team_members() == [ann, both]


def test_save_exemplars_inserts_updates_and_removes_ratings(app):
    a, b = factories.competency("A"), factories.competency("B")
    profile = design.profile((a, 1.0, 3), (b, 1.0, 3))
    ann, bob = design.csm(), design.csm()

    count = save_exemplars(profile, [
        ExemplarInput(ann.id, True, {a.id: 5, b.id: 4}),
        ExemplarInput(bob.id, False, {a.id: None, b.id: None}),  # nothing: no row
    ], actor=None)
    assert count == 1
    assert set(exemplars_of(profile)) == {ann.id}

    save_exemplars(profile, [ExemplarInput(ann.id, False, {a.id: 2, b.id: None})], actor=None)
    member = exemplars_of(profile)[ann.id]
    assert not member.is_high_performer
    assert {r.competency_id: r.rating for r in member.ratings} == {a.id: 2}

    save_exemplars(profile, [ExemplarInput(ann.id, False, {a.id: None})], actor=None)
    assert exemplars_of(profile) == {}
    assert db.session.scalars(select(ExemplarRating)).all() == []


def test_save_exemplars_refuses_bad_ratings_and_saves_nothing(app):
    a = factories.competency("A")
    other = factories.competency("OTHER")
    profile = design.profile((a, 1.0, 3))
    ann, bob = design.csm(), design.csm()
    with pytest.raises(HiringError) as error:
        save_exemplars(profile, [
            ExemplarInput(ann.id, True, {a.id: 4}),
            ExemplarInput(bob.id, False, {a.id: 6}),
            ExemplarInput(bob.id, False, {other.id: 3}),
        ], actor=None)
    assert [(p.code, p.params["row"]) for p in error.value.problems] == [
        ("rating_range", 2), ("rating_not_in_profile", 3)]
    assert exemplars_of(profile) == {}


# Worked example (the same numbers as tests/interviews/test_exemplars.py, derived by
# hand there from Cohen 1988's pooled-SD definition of d):
#   EMP  high 5, 4, 5 vs rest 3, 2, 3 -> d = 2*sqrt(3) = 3.464, weight 4.5, level 5
#   PRD  high 4, 5, 4 vs rest 5, 4, 4 -> d = 0, threshold, weight 1.0, level 4
TEAM = {
    "h1": (True, {"EMP": 5, "PRD": 4}), "h2": (True, {"EMP": 4, "PRD": 5}),
    "h3": (True, {"EMP": 5, "PRD": 4}), "r1": (False, {"EMP": 3, "PRD": 5}),
    "r2": (False, {"EMP": 2, "PRD": 4}), "r3": (False, {"EMP": 3, "PRD": 4}),
}


def rated_profile(team=TEAM):
    emp, prd = factories.competency("EMP"), factories.competency("PRD")
    profile = design.profile((emp, 2.0, 3), (prd, 2.0, 3))
    for name, (high, ratings) in team.items():
        design.rate(profile, design.csm(name), high, ratings)
    return profile


def test_suggestion_from_stored_ratings_matches_the_worked_example(app):
    profile = rated_profile()

    rows = {row.competency.code: row.suggestion for row in suggestion_for(profile)}

    assert rows["EMP"].effect_size == pytest.approx(3.4641, abs=1e-4)
    assert (rows["EMP"].suggested_weight, rows["EMP"].suggested_level) == (4.5, 5)
    assert rows["EMP"].label == DIFFERENTIATING and rows["EMP"].reliable
    assert rows["PRD"].effect_size == pytest.approx(0.0)
    assert (rows["PRD"].label, rows["PRD"].suggested_weight) == (THRESHOLD, 1.0)
    assert (rows["EMP"].n_high, rows["EMP"].n_rest) == (3, 3)


def test_accepting_the_suggestion_applies_levels_and_weights(app):
    profile = rated_profile()

    changed = accept_suggestion(profile, version=profile.version)

    assert changed == 2
    assert entries_of(profile) == {"EMP": (4.5, 5), "PRD": (1.0, 4)}


def test_too_few_ratings_are_flagged_and_keep_the_current_weight(app):
    profile = rated_profile({"h1": (True, {"EMP": 5}), "r1": (False, {"EMP": 3}),
                             "r2": (False, {"EMP": 2})})

    emp = next(r for r in suggestion_for(profile) if r.competency.code == "EMP").suggestion
    assert emp.label == INSUFFICIENT and not emp.reliable
    assert (emp.n_high, emp.n_rest) == (1, 2)
    # d is undefined with one high performer: the level follows the mean, weight stays.
    code_of = {e.competency_id: e.competency.code for e in profile.entries}
    suggested = {code_of[e.competency_id]: (e.weight, e.target_level)
                 for e in suggested_entries(profile)}
    assert suggested["EMP"] == (2.0, 5)
    assert suggested["PRD"] == (2.0, 3)  # nobody rated: unchanged


def test_accepting_needs_ratings_and_a_current_form(app):
    profile = design.profile()
    with pytest.raises(HiringError) as error:
        accept_suggestion(profile, version=profile.version)
    assert codes(error.value) == ["no_ratings"]

    rated = rated_profile()
    with pytest.raises(EditConflict):
        accept_suggestion(rated, version=rated.version - 1)


# --- CSV -------------------------------------------------------------------------------


def csv_profile():
    emp, prd = factories.competency("EMP"), factories.competency("PRD")
    profile = design.profile((emp, 2.0, 3), (prd, 1.0, 3))
    ann = design.csm("Ann", "ann@example.test")
    bob = design.csm("Bob", "bob@example.test")
    return profile, emp, prd, ann, bob


def test_csv_is_parsed_with_any_column_order_and_empty_cells(app):
    profile, emp, prd, ann, bob = csv_profile()
    text = ("\ufeffEmail,IS_HIGH_PERFORMER,prd,EMP\r\n"
            "ANN@example.test,yes,4,5\r\n"
            "\r\n"
            "bob@example.test,0,,3\r\n")

    rows = parse_exemplar_csv(profile, text.encode())

    assert rows == [
        ExemplarInput(ann.id, True, {prd.id: 4, emp.id: 5}),
        ExemplarInput(bob.id, False, {prd.id: None, emp.id: 3}),
    ]


def test_csv_row_errors_carry_the_line_number_and_reason(app):
    profile, *_ = csv_profile()
    for name in ("carl", "dana", "eve"):
        design.csm(name, f"{name}@example.test")
    factories.user(Role.MANAGER, email="boss@example.test")
    text = "\n".join([
        "email,is_high_performer,EMP,PRD",
        "ann@example.test,1,5,4",
        "nobody@example.test,1,5,4",
        "boss@example.test,0,3,3",  # not a CSM
        "ann@example.test,0,3,3",
        "bob@example.test,maybe,3,3",
        "carl@example.test,1,6,x",
        "dana@example.test,1,3,3,3",
        "eve@example.test,1,3,3",
    ])

    with pytest.raises(HiringCsvError) as error:
        parse_exemplar_csv(profile, text.encode())

    assert [(p.line, p.code, p.field) for p in error.value.problems] == [
        (3, "exemplar_unknown_email", "email"), (4, "exemplar_unknown_email", "email"),
        (5, "exemplar_duplicate_email", "email"), (6, "exemplar_flag", "is_high_performer"),
        (7, "exemplar_rating", "EMP"), (7, "exemplar_rating", "PRD"),
        (8, "csv_too_many_values", None),
    ]
    assert error.value.problems[2].params == {"email": "ann@example.test", "first": 2}
    assert error.value.problems[-1].params == {"expected": 4, "found": 5}
    assert error.value.params["count"] == 7
    assert isinstance(error.value, HiringError)  # the one error class of hiring


@pytest.mark.parametrize(("text", "code"), [
    ("", "csv_empty"),
    ("name,high,EMP\nann@example.test,1,3", "csv_header_mismatch"),
    ("email,EMP\nann@example.test,3", "csv_header_missing"),
    ("email,is_high_performer\nann@example.test,1", "exemplar_no_competency_column"),
    ("email,is_high_performer,EMP,NOPE,EMP\nann@example.test,1,3,3,3",
     "csv_header_unexpected"),
])
def test_csv_header_problems_refuse_the_whole_file(app, text, code):
    profile, *_ = csv_profile()
    with pytest.raises(HiringCsvError) as error:
        parse_exemplar_csv(profile, text.encode())
    assert error.value.code == code
    assert error.value.message() != HiringCsvError.text_for("no_such_code", {})


def test_a_csv_header_without_rows_is_refused_on_its_line(app):
    profile, *_ = csv_profile()
    with pytest.raises(HiringCsvError) as error:
        parse_exemplar_csv(profile, b"email,is_high_performer,EMP")
    assert [(p.line, p.code) for p in error.value.problems] == [(1, "csv_no_rows")]


def test_a_shift_jis_csv_is_read(app):
    profile, emp, _prd, ann, _bob = csv_profile()
    body = "email,is_high_performer,EMP\nann@example.test,はい,5\n".encode("cp932")
    assert parse_exemplar_csv(profile, body) == [ExemplarInput(ann.id, True, {emp.id: 5})]


def test_a_competency_without_a_column_keeps_its_stored_ratings(app):
    profile, emp, prd, ann, _bob = csv_profile()
    design.rate(profile, ann, False, {"EMP": 2, "PRD": 4})

    result = import_exemplar_csv(profile, b"email,is_high_performer,EMP\nann@example.test,1,5",
                                 actor=None, max_rows=10)

    assert (result.rows, result.rated) == (1, 1)
    member = exemplars_of(profile)[ann.id]
    assert member.is_high_performer
    assert {r.competency_id: r.rating for r in member.ratings} == {emp.id: 5, prd.id: 4}


def test_a_csv_in_a_temporary_file_is_read_and_left_open(app):
    # Werkzeug keeps an upload over 500 KB in a temporary file, not in memory.
    profile, _emp, _prd, ann, _bob = csv_profile()
    with tempfile.TemporaryFile() as upload:
        upload.write(b"email,is_high_performer,EMP\n" + b"\n" * 600_000
                     + b"ann@example.test,1,4\n")
        upload.seek(0)
        result = import_exemplar_csv(profile, upload, actor=None, max_rows=10)
        assert not upload.closed  # the caller's stream stays the caller's
    assert (result.rows, result.rated) == (1, 1)
    assert exemplars_of(profile)[ann.id].is_high_performer


def test_a_csv_over_the_row_cap_is_refused(app):
    profile, *_ = csv_profile()
    body = "email,is_high_performer,EMP\nann@example.test,1,5\nbob@example.test,0,3\n"
    with pytest.raises(HiringCsvError) as error:
        import_exemplar_csv(profile, body.encode(), actor=None, max_rows=1)
    assert error.value.code == "csv_too_many_rows"
    assert exemplars_of(profile) == {}


def test_csv_template_lists_the_team_and_parses_back(app):
    profile, _, _, ann, bob = csv_profile()
    template = exemplar_csv_template(profile)
    text = template.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel then reads it as UTF-8
    assert text.lstrip("\ufeff").splitlines()[0] == "email,is_high_performer,EMP,PRD"
    assert "ann@example.test,0,," in text
    rows = parse_exemplar_csv(profile, template)
    assert {r.member_id for r in rows} == {ann.id, bob.id}
    assert all(not r.is_high_performer and set(r.ratings.values()) == {None} for r in rows)


def test_archiving_stamps_the_time(app):
    profile = design.profile()
    before = utcnow()
    set_archived(profile, True)
    assert profile.archived_at >= before


# --- the audit trail -------------------------------------------------------------------


def changes(profile) -> list[tuple[str, str, str, str]]:
    """The profile's history oldest first: (field, old, new, reason)."""
    return [(row.field, row.old_value, row.new_value, row.reason)
            for row in reversed(history(profile))]


def test_every_change_to_a_profile_is_recorded_field_by_field(app):
    a, b, c = (factories.competency(code) for code in ("A", "B", "C"))
    manager = factories.user(Role.MANAGER)
    profile = create_profile(ProfileInput("CSM", entries=[
        EntryInput(a.id, 1.0, 3), EntryInput(b.id, 2.0, 4)]), actor=manager)

    update_profile(profile, ProfileInput("CSM high touch", role_title="CSM", entries=[
        EntryInput(a.id, 1.5, 3), EntryInput(c.id, 1.0, 2)]),
        version=profile.version, actor=manager)

    assert sorted(changes(profile)[1:]) == [
        ("A.weight", "1.0", "1.5", ""),
        ("B.target_level", "4", "", ""), ("B.weight", "2.0", "", ""),
        ("C.target_level", "", "2", ""), ("C.weight", "", "1.0", ""),
        ("name", "CSM", "CSM high touch", ""), ("role_title", "", "CSM", ""),
    ]
    assert changes(profile)[0] == ("created", "", "", "")
    assert {row.actor for row in history(profile)} == {manager}


def test_saving_a_profile_unchanged_records_nothing(app):
    profile = design.profile()
    before = len(history(profile))
    update_profile(profile, ProfileInput(profile.name, entries=[
        EntryInput(e.competency_id, e.weight, e.target_level) for e in profile.entries
    ]), version=profile.version)
    assert len(history(profile)) == before


def test_archive_and_restore_are_recorded_once_each(app):
    profile = design.profile()
    set_archived(profile, True)
    set_archived(profile, True)  # already archived: nothing to record
    set_archived(profile, False)
    assert changes(profile) == [("archived", "false", "true", ""),
                                ("archived", "true", "false", "")]


def test_accepting_the_suggestion_is_recorded_with_its_reason(app):
    profile = rated_profile()
    manager = factories.user(Role.MANAGER, name="Mia")

    accept_suggestion(profile, version=profile.version, actor=manager)

    assert set(changes(profile)) == {
        ("EMP.weight", "2.0", "4.5", "accepted suggestion"),
        ("EMP.target_level", "3", "5", "accepted suggestion"),
        ("PRD.weight", "2.0", "1.0", "accepted suggestion"),
        ("PRD.target_level", "3", "4", "accepted suggestion"),
    }


def test_an_edit_conflict_names_who_saved_the_profile_last(app):
    profile = design.profile()
    loaded = profile.version
    mia = factories.user(Role.MANAGER, name="Mia")
    same = ProfileInput("Renamed", entries=[
        EntryInput(e.competency_id, e.weight, e.target_level) for e in profile.entries])
    update_profile(profile, same, version=loaded, actor=mia)
    db.session.commit()

    with pytest.raises(EditConflict) as conflict:
        update_profile(profile, same, version=loaded)
    assert conflict.value.who == "Mia"
    assert conflict.value.current_version == profile.version
