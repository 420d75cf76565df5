"""Profiles, exemplars, question bank and kits through HTTP: status codes, redirects,
errors shown next to what caused them, input kept, and fixed query counts."""

import io

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.forms.profiles import ProfileForm
from cshire.interviews.models.exemplars import ExemplarMember
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.services.kits import new_version, publish
from cshire.interviews.services.profiles import EntryInput
from cshire.interviews.views.exemplars import parse_exemplar_grid
from cshire.interviews.views.questions import question_filters
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_design as design


@pytest.fixture
def manager(as_role):
    return as_role(Role.MANAGER)


def page(response) -> str:
    return response.get_data(as_text=True)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def entry_form(name: str, rows: list[tuple], version=None) -> dict:
    data = {"name": name, "role_title": "", "description": ""}
    if version is not None:
        data["version"] = str(version)
    for n, (competency_id, weight, level) in enumerate(rows):
        data[f"entries-{n}-competency"] = str(competency_id or "")
        data[f"entries-{n}-weight"] = str(weight)
        data[f"entries-{n}-target_level"] = str(level)
    return data


# --- profiles --------------------------------------------------------------------------


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
    assert "Someone else saved this profile while you were editing" in page(response)
    assert 'value="My late edit"' in page(response)
    db.session.expire_all()
    assert db.session.get(HighPerformerProfile, profile.id).name == "Saved first"


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


# --- exemplars -------------------------------------------------------------------------


def test_the_rating_grid_saves_ratings_and_high_performers(manager):
    profile = design.profile()
    ann, bob = design.csm("Ann"), design.csm("Bob")
    db.session.commit()
    first = profile.entries[0].competency_id

    grid = page(manager.get(f"/hiring/profiles/{profile.id}/exemplars"))
    assert f'<label for="rating-{ann.id}-{first}"' in grid
    assert "Ann" in grid and "Bob" in grid

    response = manager.post(f"/hiring/profiles/{profile.id}/exemplars", data={
        f"rating-{ann.id}-{first}": "5", f"high-{ann.id}": "1", f"rating-{bob.id}-{first}": "",
    })

    assert response.status_code == 302
    member = db.session.scalar(select(ExemplarMember))
    assert (member.member_id, member.is_high_performer) == (ann.id, True)
    assert [r.rating for r in member.ratings] == [5]
    again = page(manager.get(f"/hiring/profiles/{profile.id}/exemplars"))
    assert '<option value="5" selected>5</option>' in again


def csv_upload(client, profile, text: str):
    return client.post(
        f"/hiring/profiles/{profile.id}/exemplars/upload",
        data={"file": (io.BytesIO(text.encode()), "ratings.csv")},
        content_type="multipart/form-data",
    )


def test_a_good_csv_is_saved_and_leads_to_the_suggestion(manager):
    a = factories.competency("EMP")
    profile = design.profile((a, 1.0, 3))
    design.csm("Ann", "ann@example.test")
    db.session.commit()

    response = csv_upload(manager, profile, "email,is_high_performer,EMP\nann@example.test,1,4\n")

    assert response.status_code == 302
    assert response.location.endswith(f"/hiring/profiles/{profile.id}/suggestion")
    assert count(ExemplarMember) == 1


def test_a_bad_csv_lists_its_lines_and_saves_nothing(manager):
    a = factories.competency("EMP")
    profile = design.profile((a, 1.0, 3))
    design.csm("Ann", "ann@example.test")
    db.session.commit()

    response = csv_upload(manager, profile, "email,is_high_performer,EMP\n"
                                            "ann@example.test,1,4\nghost@example.test,1,9\n")

    html = page(response)
    assert response.status_code == 200
    assert "Nothing was saved" in html
    assert "Line 3: ghost@example.test is not an active team member" in html
    assert "Line 3: “9” is not a rating from 1 to 5." in html
    assert count(ExemplarMember) == 0


def test_a_shift_jis_csv_from_excel_is_read(manager):
    a = factories.competency("EMP")
    profile = design.profile((a, 1.0, 3))
    design.csm("森", "mori@example.test")
    db.session.commit()
    body = "email,is_high_performer,EMP\nmori@example.test,はい,5\n".encode("cp932")

    response = manager.post(f"/hiring/profiles/{profile.id}/exemplars/upload",
                            data={"file": (io.BytesIO(body), "r.csv")},
                            content_type="multipart/form-data")

    assert response.status_code == 302
    assert db.session.scalar(select(ExemplarMember)).is_high_performer


def test_the_csv_template_downloads(manager):
    profile = design.profile()
    db.session.commit()
    response = manager.get(f"/hiring/profiles/{profile.id}/exemplars/template.csv")
    assert response.mimetype == "text/csv"
    assert page(response).startswith("email,is_high_performer,")


def rated(profile, members: int, high: int):
    """``members`` CSMs rated; the first ``high`` stand out on the first competency."""
    first = profile.entries[0].competency.code
    for n in range(members):
        is_high = n < high
        ratings = {e.competency.code: 3 + (n % 2) for e in profile.entries}
        ratings[first] = (5 - n % 2) if is_high else (2 + n % 2)
        design.rate(profile, design.csm(), is_high, ratings)


def test_the_suggestion_shows_n_d_and_a_plain_warning_when_n_is_small(manager):
    profile = design.profile()
    rated(profile, members=4, high=2)
    db.session.commit()

    html = page(manager.get(f"/hiring/profiles/{profile.id}/suggestion"))

    assert "Too few ratings to trust" in html
    assert "2 / 2" in html
    assert "Differentiating" in html and "Accept suggestion" in html
    assert "<svg" in html


def test_accepting_the_suggestion_updates_the_profile(manager):
    profile = design.profile()
    rated(profile, members=6, high=3)
    db.session.commit()
    first = profile.entries[0].competency_id

    response = manager.post(f"/hiring/profiles/{profile.id}/suggestion/accept",
                            data={"version": str(profile.version)})

    assert response.status_code == 302
    db.session.expire_all()
    changed = db.session.get(HighPerformerProfile, profile.id)
    entry = next(e for e in changed.entries if e.competency_id == first)
    assert entry.target_level == 5 and entry.weight > 3


def test_accepting_a_stale_suggestion_is_refused(manager):
    profile = design.profile()
    rated(profile, members=6, high=3)
    db.session.commit()
    response = manager.post(f"/hiring/profiles/{profile.id}/suggestion/accept",
                            data={"version": str(profile.version + 5)}, follow_redirects=True)
    assert "Someone else saved this profile" in page(response)


def test_edit_from_the_suggestion_prefills_the_form_without_saving(manager):
    profile = design.profile()
    rated(profile, members=6, high=3)
    db.session.commit()
    before = [(e.weight, e.target_level) for e in profile.entries]

    html = page(manager.get(f"/hiring/profiles/{profile.id}/edit?from=suggestion"))

    assert "Nothing is saved until you press Save" in html
    assert 'value="5"' in html
    db.session.expire_all()
    assert [(e.weight, e.target_level) for e in
            db.session.get(HighPerformerProfile, profile.id).entries] == before


# --- question bank ---------------------------------------------------------------------


def test_the_bank_filters_and_shows_times_used(manager):
    a, b = factories.competency("A"), factories.competency("B")
    design.question(a, text="Angry customer scene", times_used=7)
    design.question(b, text="Renewal at risk", question_type="behavioural")
    db.session.commit()

    everything = page(manager.get("/hiring/questions"))
    assert "Angry customer scene" in everything and ">7<" in everything
    filtered = page(manager.get(f"/hiring/questions?q=renewal&competency={b.id}"
                                "&type=behavioural&language=en&status=active"))
    assert "Renewal at risk" in filtered and "Angry customer" not in filtered
    nothing = page(manager.get("/hiring/questions?q=zzz"))
    assert "No question matches these filters." in nothing


def test_the_empty_bank_invites_a_first_question(manager):
    assert "The bank is empty" in page(manager.get("/hiring/questions"))


def test_new_question_is_saved_and_errors_keep_the_input(manager):
    a = factories.competency()
    db.session.commit()
    fields = {"question_type": "situational", "language": "en", "text": "What do you do?",
              "probes": "Why?\nThen?", "anchor_low": "", "anchor_mid": "", "anchor_high": ""}

    refused = manager.post("/hiring/questions/new", data={**fields, "competency": ""})
    assert refused.status_code == 200
    assert "Choose a competency." in page(refused) and "What do you do?" in page(refused)
    assert count(InterviewQuestion) == 0

    saved = manager.post("/hiring/questions/new", data={**fields, "competency": str(a.id)})
    assert saved.status_code == 302
    assert db.session.scalar(select(InterviewQuestion)).probe_list == ["Why?", "Then?"]


def test_edit_question_form_is_prefilled(manager):
    question = design.question(factories.competency(), text="Original wording")
    db.session.commit()
    html = page(manager.get(f"/hiring/questions/{question.id}/edit"))
    assert "Original wording" in html
    assert f'<option selected value="{question.competency_id}">' in html


def test_retire_and_reactivate_ask_for_confirmation(manager):
    question = design.question(factories.competency())
    db.session.commit()

    assert "Retire this question?" in page(manager.get(f"/hiring/questions/{question.id}/retire"))
    assert manager.post(f"/hiring/questions/{question.id}/retire").status_code == 302
    db.session.expire_all()
    assert not db.session.get(InterviewQuestion, question.id).active

    assert manager.post(f"/hiring/questions/{question.id}/reactivate").status_code == 302
    db.session.expire_all()
    assert db.session.get(InterviewQuestion, question.id).active


# --- kits ------------------------------------------------------------------------------


@pytest.fixture
def weighted(app):
    a, b, c = (factories.competency(code) for code in ("A", "B", "C"))
    profile = design.profile((a, 3.0, 5), (b, 2.0, 4), (c, 1.0, 3), name="CSM")
    design.bank_for(profile, 4)
    db.session.commit()
    return profile


def test_building_a_kit_shows_the_allocation_and_the_draft(manager, weighted):
    form = page(manager.get(f"/hiring/kits/new?profile={weighted.id}"))
    assert f'<option selected value="{weighted.id}">' in form

    response = manager.post("/hiring/kits/new", data={
        "name": "Stage 1", "profile": str(weighted.id), "language": "en",
        "size_by": "questions", "total_questions": "6", "minutes_per_question": "5"})

    assert response.status_code == 302
    html = page(manager.get(response.location))
    assert "Questions allocated" in html and "50%" in html
    assert "6 questions × 5 min = 30 min" in html
    assert html.count('name="direction" value="up"') == 6
    assert "Publish" in html and "Swap" in html


def test_a_kit_by_interview_minutes(manager, weighted):
    response = manager.post("/hiring/kits/new", data={
        "name": "Short", "profile": str(weighted.id), "language": "en",
        "size_by": "minutes", "total_questions": "", "interview_minutes": "30",
        "minutes_per_question": "10"})
    assert response.status_code == 302
    assert db.session.scalar(select(InterviewKitVersion)).total_questions == 3


def test_kit_errors_are_shown_next_to_the_field(manager, weighted):
    response = manager.post("/hiring/kits/new", data={
        "name": "Too long", "profile": str(weighted.id), "language": "en",
        "size_by": "questions", "total_questions": "99", "minutes_per_question": "5"})
    assert response.status_code == 200
    assert 'id="total_questions-error"' in page(response)
    assert "A kit has from 1 to 40 questions." in page(response)


def test_the_draft_warns_when_the_bank_is_short(manager, app):
    a = factories.competency("A")
    profile = design.profile((a, 1.0, 3))
    design.question(a)
    kit = design.kit(profile, total=3)
    db.session.commit()
    html = page(manager.get(f"/hiring/kits/{kit.id}/versions/1"))
    assert "The bank has fewer questions than allocated" in html
    assert "2 questions missing" in html


def test_swap_move_and_publish_through_the_page(manager, weighted):
    kit = design.kit(weighted, total=6)
    db.session.commit()
    version = kit.versions[0]
    first, second = version.items[0], version.items[1]
    spare = db.session.scalar(select(InterviewQuestion).where(
        InterviewQuestion.competency_id == first.competency_id,
        InterviewQuestion.id.not_in([i.question_id for i in version.items])))
    base = f"/hiring/kits/{kit.id}/versions/1"

    assert manager.post(f"{base}/items/{first.id}/swap",
                        data={"question": str(spare.id)}).status_code == 302
    manager.post(f"{base}/items/{second.id}/move", data={"direction": "up"})
    assert manager.post(f"{base}/publish").status_code == 302

    db.session.expire_all()
    version = db.session.get(InterviewKitVersion, version.id)
    assert version.is_published
    assert version.items[0].id == second.id
    assert db.session.get(KitItem, first.id).question_id == spare.id
    assert db.session.get(InterviewQuestion, spare.id).times_used == 1


def test_a_published_version_refuses_changes_through_the_page(manager, weighted):
    kit = design.kit(weighted, total=6, published=True)
    db.session.commit()
    item = kit.versions[0].items[1]
    before = item.position

    response = manager.post(f"/hiring/kits/{kit.id}/versions/1/items/{item.id}/move",
                            data={"direction": "up"}, follow_redirects=True)

    assert "Version 1 is published and can no longer change." in page(response)
    db.session.expire_all()
    assert db.session.get(KitItem, item.id).position == before
    assert 'value="up"' not in page(response)


def test_edit_new_version_keeps_the_old_one_readable(manager, weighted):
    kit = design.kit(weighted, total=6, published=True)
    db.session.commit()

    response = manager.post(f"/hiring/kits/{kit.id}/new-version")

    assert response.status_code == 302 and response.location.endswith(
        f"/hiring/kits/{kit.id}/versions/2")
    listing = page(manager.get(f"/hiring/kits/{kit.id}"))
    assert "Version 1" in listing and "Version 2" in listing
    assert "Continue draft (version 2)" in listing
    assert manager.get(f"/hiring/kits/{kit.id}/versions/1").status_code == 200


def test_interviewers_see_published_kits_only(client, weighted):
    published = design.kit(weighted, total=3, published=True, name="Ready kit")
    design.kit(weighted, total=3, name="Secret draft")
    draft = new_version(published, actor=None)
    interviewer = factories.user(Role.INTERVIEWER)
    db.session.commit()
    login(client, interviewer)

    listing = page(client.get("/hiring/kits"))
    assert "Ready kit" in listing and "Secret draft" not in listing
    assert "New kit" not in listing
    version = client.get(f"/hiring/kits/{published.id}/versions/1")
    assert version.status_code == 200
    assert "Swap" not in page(version) and "Edit (new version)" not in page(version)
    assert "Interview guide (PDF)" in page(version)
    assert client.get(f"/hiring/kits/{published.id}/versions/{draft.number}").status_code == 404
    assert "Version 2" not in page(client.get(f"/hiring/kits/{published.id}"))
    assert client.get("/hiring/profiles").status_code == 403
    assert client.get(f"/hiring/profiles/{weighted.id}/exemplars").status_code == 403
    assert client.get("/hiring/questions/new").status_code == 403


def test_nobody_gets_a_guide_for_a_draft(manager, weighted):
    kit = design.kit(weighted, total=3)
    db.session.commit()
    assert manager.get(f"/hiring/kits/{kit.id}/versions/1/guide.pdf").status_code == 404


def test_an_interviewer_cannot_reach_a_kit_with_only_a_draft(client, weighted):
    kit = design.kit(weighted, total=3)
    db.session.commit()
    login(client, factories.user(Role.INTERVIEWER))
    assert client.get(f"/hiring/kits/{kit.id}").status_code == 404
    assert client.get(f"/hiring/kits/{kit.id}/versions/1").status_code == 404


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


def test_bank_list_queries_do_not_grow_with_rows(manager):
    def grow(n):
        for _ in range(n):
            design.question(factories.competency())

    assert_fixed_query_count(manager, "/hiring/questions", grow)


def test_kit_version_page_queries_do_not_grow_with_items(manager, weighted):
    kit = design.kit(weighted, total=3)
    db.session.commit()
    version_id = kit.versions[0].id

    def grow(n):
        version = db.session.get(InterviewKitVersion, version_id)
        for _ in range(n):
            question = design.question(factories.competency())
            design.question(question.competency)  # a swap candidate
            version.items.append(KitItem(
                position=len(version.items) + 1, competency=question.competency,
                question=question, question_type="situational", text=question.text))

    assert_fixed_query_count(manager, f"/hiring/kits/{kit.id}/versions/1", grow)


def test_published_kit_page_queries_do_not_grow_with_items(manager, weighted):
    kit = design.kit(weighted, total=3)
    db.session.commit()
    version_id = kit.versions[0].id

    def grow(n):
        version = db.session.get(InterviewKitVersion, version_id)
        for _ in range(n):
            competency = factories.competency()
            version.items.append(KitItem(position=len(version.items) + 1,
                                         competency=competency, question_type="behavioural",
                                         text="Tell me about a time"))
        if not version.is_published:
            publish(version, actor=None)

    assert_fixed_query_count(manager, f"/hiring/kits/{kit.id}/versions/1", grow)


# --- forms -----------------------------------------------------------------------------


def test_the_grid_parser_reads_ratings_and_marks(app):
    rows = parse_exemplar_grid(
        MultiDict({"rating-1-10": "4", "rating-1-11": "", "high-1": "1", "rating-2-10": "x"}),
        [1, 2], [10, 11])
    assert [(r.member_id, r.is_high_performer, r.ratings) for r in rows] == [
        (1, True, {10: 4, 11: None}), (2, False, {10: None, 11: None})]


def test_question_filters_ignore_unknown_values(app):
    filters = question_filters(MultiDict({"q": " cancel ", "competency": "x", "type": "odd",
                                          "language": "ja", "status": "retired"}))
    assert (filters.search, filters.competency_id, filters.question_type) == ("cancel", None, "")
    assert (filters.language, filters.status) == ("ja", "retired")


def test_profile_form_turns_removed_rows_into_blank_ones(app):
    with app.test_request_context(method="POST", data={
        "name": "x", "entries-0-competency": "5", "entries-0-weight": "1.5",
        "entries-0-target_level": "4", "entries-1-competency": "6",
        "entries-1-weight": "1", "entries-1-target_level": "3", "entries-1-remove": "y",
    }):
        form = ProfileForm()
        assert form.entry_inputs() == [EntryInput(5, 1.5, 4), EntryInput(None, None, None)]
