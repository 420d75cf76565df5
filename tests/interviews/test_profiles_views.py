"""Profiles through HTTP: list, create (from scratch or a starter set), edit with every
problem shown by its row, edit conflicts, archive, and the profile's history."""

from sqlalchemy import select

from cshire.extensions import db
from cshire.interviews.forms.profiles import ProfileForm
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.services.profiles import EntryInput
from tests import factories
from tests.conftest import assert_fixed_query_count
from tests.interviews import factories_design as design
from tests.interviews.conftest import count, page


def entry_form(name: str, rows: list[tuple], version=None) -> dict:
    data = {"name": name, "role_title": "", "description": ""}
    if version is not None:
        data["version"] = str(version)
    for n, (competency_id, weight, level) in enumerate(rows):
        data[f"entries-{n}-competency"] = str(competency_id or "")
        data[f"entries-{n}-weight"] = str(weight)
        data[f"entries-{n}-target_level"] = str(level)
    return data


def test_an_empty_profile_list_offers_a_starter_set(manager):
    response = manager.get("/hiring/profiles")
    assert response.status_code == 200
    assert "There are no profiles yet" in page(response)
    assert "/hiring/profiles/from-starter-set" in page(response)


def test_the_profile_list_is_paginated(manager, app):
    for n in range(30):
        design.profile((factories.competency(), 1.0, 3), name=f"Profile {n:02d}")
    db.session.commit()

    first, second = manager.get("/hiring/profiles"), manager.get("/hiring/profiles?page=2")

    assert "Profile 00" in page(first) and "Profile 29" not in page(first)
    assert "Page 1 of 2" in page(first)
    assert "Profile 29" in page(second)


def test_a_profile_from_scratch_redirects_to_its_page(manager):
    a, b = factories.competency(), factories.competency()
    db.session.commit()

    response = manager.post("/hiring/profiles/new",
                            data=entry_form("CSM high touch", [(a.id, 2, 5), (b.id, 1, 3)]))

    profile = db.session.scalar(select(HighPerformerProfile))
    assert response.status_code == 302
    assert response.location.endswith(f"/hiring/profiles/{profile.id}")
    assert len(profile.entries) == 2


def test_profile_errors_are_shown_by_row_and_the_input_is_kept(manager):
    a = factories.competency()
    db.session.commit()

    response = manager.post("/hiring/profiles/new", data=entry_form(
        "Team lead", [(a.id, 0, 7), (a.id, 1, 3), ("", 2, 3)]))

    html = page(response)
    assert response.status_code == 200
    assert "Row 1: the weight must be a number greater than 0." in html
    assert "Row 1: the target level must be a whole number from 1 to 5." in html
    assert f"Row 2: {a.code} is already in row 1." in html
    assert "Row 3: choose a competency." in html
    assert 'value="Team lead"' in html and 'value="7"' in html
    assert ('aria-describedby="entries-0-weight-error" aria-invalid="true" '
            'id="entries-0-weight"') in html
    assert count(HighPerformerProfile) == 0


def test_a_profile_without_competencies_is_refused_with_one_message(manager):
    response = manager.post("/hiring/profiles/new", data=entry_form("Team lead", []))

    assert response.status_code == 200
    assert page(response).count("Add at least one competency.") == 1
    assert "problems to fix" not in page(response)
    assert count(HighPerformerProfile) == 0


def test_add_rows_shows_more_rows_without_saving(manager):
    a = factories.competency()
    db.session.commit()
    response = manager.post("/hiring/profiles/new",
                            data={**entry_form("", [(a.id, 1, 3)]), "add_rows": "1"})
    assert response.status_code == 200
    assert 'name="entries-3-competency"' in page(response)
    assert "Enter a name" not in page(response)
    assert count(HighPerformerProfile) == 0


def test_a_stale_edit_is_refused_and_the_input_kept(manager):
    profile = design.profile(name="Original")
    db.session.commit()
    loaded = profile.version
    rows = [(e.competency_id, e.weight, e.target_level) for e in profile.entries]
    manager.post(f"/hiring/profiles/{profile.id}/edit",
                 data=entry_form("Saved first", rows, version=loaded))

    response = manager.post(f"/hiring/profiles/{profile.id}/edit",
                            data=entry_form("My late edit", rows, version=loaded))

    assert response.status_code == 200
    assert "Someone else saved this while you were editing" in page(response)
    assert "Last saved by User " in page(response)  # the manager who saved first
    assert 'value="My late edit"' in page(response)
    db.session.expire_all()
    stored = db.session.get(HighPerformerProfile, profile.id)
    assert stored.name == "Saved first"
    # The form now carries the stored version: saving the kept input again replaces it.
    assert f'name="version" type="hidden" value="{stored.version}"' in page(response)


def test_edit_removes_a_checked_row(manager):
    profile = design.profile()
    db.session.commit()
    rows = [(e.competency_id, e.weight, e.target_level) for e in profile.entries]
    data = {**entry_form(profile.name, rows, version=profile.version), "entries-2-remove": "y"}

    response = manager.post(f"/hiring/profiles/{profile.id}/edit", data=data)

    assert response.status_code == 302
    db.session.expire_all()
    assert len(db.session.get(HighPerformerProfile, profile.id).entries) == 2


def test_archive_asks_first_then_archives(manager):
    profile = design.profile(name="To archive")
    db.session.commit()

    confirm = manager.get(f"/hiring/profiles/{profile.id}/archive")
    assert confirm.status_code == 200 and "Archive “To archive”?" in page(confirm)
    assert db.session.get(HighPerformerProfile, profile.id).archived_at is None

    response = manager.post(f"/hiring/profiles/{profile.id}/archive")
    assert response.status_code == 302 and response.location.endswith("/hiring/profiles")
    db.session.expire_all()
    assert db.session.get(HighPerformerProfile, profile.id).archived_at is not None
    assert f'href="/hiring/profiles/{profile.id}"' not in page(manager.get("/hiring/profiles"))
    edit = manager.get(f"/hiring/profiles/{profile.id}/edit")
    assert edit.status_code == 302

    manager.post(f"/hiring/profiles/{profile.id}/restore")
    db.session.expire_all()
    assert db.session.get(HighPerformerProfile, profile.id).archived_at is None


def test_a_profile_from_a_starter_set(manager):
    listing = manager.get("/hiring/profiles/from-starter-set")
    assert "Careful support" in page(listing) and "Empathy for the customer" in page(listing)

    response = manager.post("/hiring/profiles/from-starter-set",
                            data={"archetype": "careful_support"})

    profile = db.session.scalar(select(HighPerformerProfile))
    assert response.status_code == 302
    assert response.location.endswith(f"/hiring/profiles/{profile.id}")
    assert len(profile.entries) == 7
    detail = page(manager.get(response.location))
    assert "<svg" in detail and "Empathy for the customer" in detail
    assert "Rate team members" in detail and "Upload CSV" in detail


# --- fixed query counts ----------------------------------------------------------------


def test_profile_list_queries_do_not_grow_with_rows(manager):
    def grow(n):
        for _ in range(n):
            design.profile()

    assert_fixed_query_count(manager, "/hiring/profiles", grow)


def test_profile_page_queries_do_not_grow_with_entries(manager):
    profile = design.profile()
    db.session.commit()
    profile_id = profile.id

    def grow(n):
        target = db.session.get(HighPerformerProfile, profile_id)
        for _ in range(n):
            design.rate(target, design.csm(), False, {})
            target.entries.append(type(target.entries[0])(
                competency=factories.competency(), weight=1.0, target_level=3))

    assert_fixed_query_count(manager, f"/hiring/profiles/{profile_id}", grow)


# --- forms -----------------------------------------------------------------------------


def test_profile_form_turns_removed_rows_into_blank_ones(app):
    with app.test_request_context(method="POST", data={
        "name": "x", "entries-0-competency": "5", "entries-0-weight": "1.5",
        "entries-0-target_level": "4", "entries-1-competency": "6",
        "entries-1-weight": "1", "entries-1-target_level": "3", "entries-1-remove": "y",
    }):
        form = ProfileForm()
        assert form.entry_inputs() == [EntryInput(5, 1.5, 4), EntryInput(None, None, None)]


# --- history ---------------------------------------------------------------------------


def test_the_profile_page_shows_who_changed_what(manager):
    a, b = factories.competency("EMP"), factories.competency("PRD")
    db.session.commit()
    manager.post("/hiring/profiles/new", data=entry_form("CSM", [(a.id, 2, 4), (b.id, 1, 3)]))
    profile = db.session.scalar(select(HighPerformerProfile))
    manager.post(f"/hiring/profiles/{profile.id}/edit", data=entry_form(
        "CSM", [(a.id, 3, 4), (b.id, 1, 3)], version=profile.version))

    html = page(manager.get(f"/hiring/profiles/{profile.id}"))

    assert "History" in html and "Created" in html
    assert "Weight of EMP" in html
    assert "Weight of PRD" not in html  # unchanged: not recorded


def test_the_profile_list_sorts_by_name_role_and_number_of_competencies(manager, app):
    design.profile((factories.competency(), 1.0, 3), name="Beta")
    wide = design.profile(name="Alpha")  # three competencies
    wide.role_title = "Onboarding CSM"
    db.session.commit()

    def order(query: str) -> list[str]:
        html = page(manager.get(f"/hiring/profiles{query}"))
        rows = html[html.index("<tbody"):]
        return sorted(["Alpha", "Beta"], key=rows.index)

    assert order("") == ["Alpha", "Beta"]
    assert order("?sort=-name") == ["Beta", "Alpha"]
    assert order("?sort=competencies") == ["Beta", "Alpha"]
    assert order("?sort=-competencies") == ["Alpha", "Beta"]
    assert order("?sort=role") == ["Beta", "Alpha"], "an empty role title sorts first"
