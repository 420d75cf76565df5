"""Interview kits through HTTP: building, the draft's swaps, moves and publishing (with
edit conflicts), versions, what interviewers see, and the kit's history."""

import re

import pytest
from sqlalchemy import select

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.kits import InterviewKitVersion, KitItem
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.services.kits import new_version, publish
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_design as design
from tests.interviews.conftest import page


def shown_version(client, url: str) -> str:
    """The draft's version its page was loaded at (what its forms send back)."""
    found = re.findall(r'name="version" (?:type="hidden" )?value="(\d+)"', page(client.get(url)))
    assert found and len(set(found)) == 1
    return found[0]


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

    assert manager.post(f"{base}/items/{first.id}/swap", data={
        "question": str(spare.id), "version": shown_version(manager, base)}).status_code == 302
    manager.post(f"{base}/items/{second.id}/move",
                 data={"direction": "up", "version": shown_version(manager, base)})
    assert manager.post(f"{base}/publish",
                        data={"version": shown_version(manager, base)}).status_code == 302

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


def test_edit_new_version_opens_the_draft_someone_started_and_says_whose(manager, weighted):
    kit = design.kit(weighted, total=6, published=True)
    new_version(kit, actor=factories.user(Role.MANAGER, name="Ana"))
    db.session.commit()

    response = manager.post(f"/hiring/kits/{kit.id}/new-version", follow_redirects=True)

    assert "Version 2 is already a draft of this kit, started by Ana at " in page(response)
    assert "no second draft was made" in page(response)
    assert len(db.session.scalars(select(InterviewKitVersion)).all()) == 2


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


@pytest.fixture
def draft(weighted) -> InterviewKitVersion:
    """Version 1 of a 3-question kit, a draft."""
    kit = design.kit(weighted, total=3)
    db.session.commit()
    return kit.versions[0]


def test_kit_version_page_queries_do_not_grow_with_items(manager, draft):
    version_id, kit_id = draft.id, draft.kit_id

    def grow(n):
        version = db.session.get(InterviewKitVersion, version_id)
        for _ in range(n):
            question = design.question(factories.competency())
            design.question(question.competency)  # a swap candidate
            version.items.append(KitItem(
                position=len(version.items) + 1, competency=question.competency,
                question=question, question_type="situational", text=question.text))

    assert_fixed_query_count(manager, f"/hiring/kits/{kit_id}/versions/1", grow)


def test_published_kit_page_queries_do_not_grow_with_items(manager, draft):
    version_id, kit_id = draft.id, draft.kit_id

    def grow(n):
        version = db.session.get(InterviewKitVersion, version_id)
        for _ in range(n):
            competency = factories.competency()
            version.items.append(KitItem(position=len(version.items) + 1,
                                         competency=competency, question_type="behavioural",
                                         text="Tell me about a time"))
        if not version.is_published:
            publish(version, actor=None)

    assert_fixed_query_count(manager, f"/hiring/kits/{kit_id}/versions/1", grow)


# --- edit conflicts and history --------------------------------------------------------


def test_a_draft_page_loaded_before_another_change_cannot_change_the_draft(manager, weighted):
    kit = design.kit(weighted, total=6)
    db.session.commit()
    base = f"/hiring/kits/{kit.id}/versions/1"
    loaded = shown_version(manager, base)
    item, other = kit.versions[0].items[0], kit.versions[0].items[1]
    order = [i.id for i in kit.versions[0].items]
    manager.post(f"{base}/items/{item.id}/move", data={"direction": "down", "version": loaded})

    response = manager.post(f"{base}/items/{other.id}/move",
                            data={"direction": "up", "version": loaded}, follow_redirects=True)

    assert "Someone else saved this while you were editing" in page(response)
    db.session.expire_all()
    version = db.session.get(InterviewKitVersion, kit.versions[0].id)
    assert [i.id for i in version.items] == [order[1], order[0], *order[2:]]  # one move
    published = manager.post(f"{base}/publish", data={"version": loaded},
                             follow_redirects=True)
    assert "Someone else saved this" in page(published)
    db.session.expire_all()
    assert not db.session.get(InterviewKitVersion, version.id).is_published


def test_managers_see_the_kit_history_and_interviewers_do_not(manager, weighted):
    kit = design.kit(weighted, total=3)
    db.session.commit()
    base = f"/hiring/kits/{kit.id}/versions/1"
    manager.post(f"{base}/publish", data={"version": shown_version(manager, base)})

    html = page(manager.get(f"/hiring/kits/{kit.id}"))
    assert "History" in html and "Version 1" in html and "Published" in html
    interviewer = login(manager, factories.user(Role.INTERVIEWER))  # the same client
    reader = page(interviewer.get(f"/hiring/kits/{kit.id}"))
    assert "Version 1" in reader and "History" not in reader
