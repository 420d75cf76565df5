"""The journey pages over HTTP: reading, managers' edits, refusals, import preview."""

import io
import json

import pytest
from flask import url_for

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from cshire.training.services.journey_json import export_json
from tests.conftest import assert_fixed_query_count
from tests.training import factories as make
from tests.training.test_journey_json import SAMPLE


def _text(response) -> str:
    return response.get_data(as_text=True)


def test_everyone_signed_in_reads_the_stages_milestones_and_playbooks(as_role):
    journey = make.journey()
    journey.stages[0].playbook_en = "Send the [setup guide](https://example.com/guide)."
    db.session.commit()
    client = as_role(Role.NEW_HIRE)
    # One journey: the list goes straight to it.
    listing = client.get(url_for("training.journeys"))
    assert listing.status_code == 302 and listing.location.endswith(f"/journeys/{journey.id}")
    page = _text(client.get(url_for("training.journey_detail", journey_id=journey.id)))
    assert page.index("Onboarding") < page.index("Adoption") < page.index("Renewal")
    assert "Handoff criterion" in page
    assert 'href="https://example.com/guide"' in page  # the playbook's Markdown link
    assert "Playbook: Onboarding → Adoption" in page
    assert "Playbook: Renewal" not in page  # the last stage leads nowhere
    assert "Move up" not in page and "Add a stage" not in page and "History" not in page


def test_japanese_readers_see_japanese_names(as_role):
    journey = make.journey()
    db.session.commit()
    client = as_role(Role.CSM, locale="ja")
    page = _text(client.get(url_for("training.journey_detail", journey_id=journey.id)))
    assert "onboarding（日本語）" in page and "Onboarding<" not in page


def test_a_missing_journey_stage_or_milestone_is_a_404(as_role):
    client = as_role(Role.MANAGER)
    assert client.get(url_for("training.journey_detail", journey_id=999)).status_code == 404
    assert client.get(url_for("training.stage_edit", stage_id=999)).status_code == 404
    assert client.get(url_for("training.milestone_delete", milestone_id=999)).status_code == 404


@pytest.mark.parametrize("role", [Role.CSM, Role.NEW_HIRE, Role.INTERVIEWER])
def test_only_managers_and_admins_edit(as_role, role):
    journey = make.journey()
    db.session.commit()
    client = as_role(role)
    stage = journey.stages[0]
    assert client.post(url_for("training.stage_edit", stage_id=stage.id), data={
        "code": "x", "name_en": "X", "version": journey.version}).status_code == 403
    assert client.post(url_for("training.stage_delete", stage_id=stage.id)).status_code == 403
    assert client.get(url_for("training.journey_import")).status_code == 403
    db.session.expire_all()
    assert db.session.get(JourneyStage, stage.id).code == "onboarding"


def test_anonymous_readers_are_sent_to_sign_in(client, app):
    journey = make.journey()
    db.session.commit()
    response = client.get(url_for("training.journey_detail", journey_id=journey.id))
    assert response.status_code == 302 and "/login?next=" in response.location


def test_a_manager_creates_a_journey_and_adds_a_stage_and_a_milestone(as_role):
    client = as_role(Role.MANAGER)
    created = client.post(url_for("training.journey_new"), data={
        "code": "saas", "name_en": "SaaS journey", "name_ja": "SaaSジャーニー"})
    journey = db.session.query(Journey).one()
    assert created.location.endswith(f"/journeys/{journey.id}")
    form = _text(client.get(url_for("training.stage_new", journey_id=journey.id)))
    assert f'name="version" type="hidden" value="{journey.version}"' in form
    client.post(url_for("training.stage_new", journey_id=journey.id), data={
        "code": "onboarding", "name_en": "Onboarding", "playbook_en": "Call them.",
        "version": journey.version})
    stage = db.session.query(JourneyStage).one()
    db.session.refresh(journey)
    client.post(url_for("training.milestone_new", stage_id=stage.id), data={
        "code": "setup", "name_en": "Setup complete", "is_handoff": "y",
        "version": journey.version})
    page = _text(client.get(url_for("training.journey_detail", journey_id=journey.id)))
    assert "Setup complete" in page and "Handoff criterion" in page
    assert "History" in page and "Stage" in page


def test_a_stale_stage_form_is_refused_with_the_input_kept(as_role):
    journey = make.journey()
    db.session.commit()
    client = as_role(Role.ADMIN)
    stale = journey.version
    stage = journey.stages[0]
    data = {"code": "onboarding", "name_en": "First edit", "version": stale}
    assert client.post(url_for("training.stage_edit", stage_id=stage.id),
                       data=data).status_code == 302
    again = client.post(url_for("training.stage_edit", stage_id=stage.id),
                        data={**data, "name_en": "Second edit"})
    assert again.status_code == 200
    assert "Someone else saved this" in _text(again) and 'value="Second edit"' in _text(again)


def test_a_duplicate_stage_code_is_shown_under_the_code_field(as_role):
    journey = make.journey()
    db.session.commit()
    client = as_role(Role.MANAGER)
    response = client.post(url_for("training.stage_new", journey_id=journey.id), data={
        "code": "adoption", "name_en": "Again", "version": journey.version})
    assert response.status_code == 200
    assert "already has a stage with the code adoption" in _text(response)


def test_moving_and_deleting_a_stage_asks_first(as_role):
    journey = make.journey()
    db.session.commit()
    client = as_role(Role.MANAGER)
    second = journey.stages[1]
    client.post(url_for("training.stage_move", stage_id=second.id, direction="up"))
    db.session.expire_all()
    assert [s.code for s in db.session.get(Journey, journey.id).stages][:2] == [
        "adoption", "onboarding"]
    question = client.get(url_for("training.stage_delete", stage_id=second.id))
    assert "Delete the stage Adoption?" in _text(question) and "2 milestones" in _text(question)
    assert db.session.get(JourneyStage, second.id) is not None  # nothing deleted yet
    client.post(url_for("training.stage_delete", stage_id=second.id))
    assert db.session.get(JourneyStage, second.id) is None


def test_deleting_a_stage_in_use_is_refused_with_the_reason(as_role):
    curriculum = make.curriculum()
    make.module(curriculum, stage=1)
    db.session.commit()
    stage = curriculum.journey.stages[0]
    client = as_role(Role.MANAGER)
    page = _text(client.get(url_for("training.stage_delete", stage_id=stage.id)))
    assert "cannot be deleted" in page and "1 training module" in page
    assert 'type="submit"' not in page.split("<main", 1)[1]
    refused = client.post(url_for("training.stage_delete", stage_id=stage.id),
                          follow_redirects=True)
    assert "is in use (1 training module)" in _text(refused)
    assert db.session.get(JourneyStage, stage.id) is not None


def test_import_shows_a_preview_and_saves_only_on_confirm(as_role):
    client = as_role(Role.MANAGER)
    raw = json.dumps(SAMPLE, ensure_ascii=False).encode()
    preview = client.post(url_for("training.journey_import"), data={
        "file": (io.BytesIO(raw), "journey.json")}, content_type="multipart/form-data")
    page = _text(preview)
    assert preview.status_code == 200 and "A new journey saas will be created." in page
    assert "onboarding" in page and "Added" in page
    assert db.session.query(Journey).count() == 0
    content = page.split('name="content" type="hidden" value="', 1)[1].split('"', 1)[0]
    assert "SaaSのジャーニー" in content
    saved = client.post(url_for("training.journey_import_confirm"),
                        data={"content": json.dumps(SAMPLE)})
    journey = db.session.query(Journey).one()
    assert saved.location.endswith(f"/journeys/{journey.id}")
    assert [s.code for s in journey.stages] == ["onboarding", "adoption"]


def test_a_bad_import_file_lists_every_problem_with_its_path(as_role):
    client = as_role(Role.MANAGER)
    raw = json.dumps({"code": "x", "name": "X", "stages": [{"name": "A"}, {"code": "b"}]})
    response = client.post(url_for("training.journey_import"), data={
        "file": (io.BytesIO(raw.encode()), "bad.json")}, content_type="multipart/form-data")
    page = _text(response)
    assert "stages[0].code: missing" in page and "stages[1].name: missing" in page
    assert db.session.query(Journey).count() == 0


def test_the_export_downloads_the_journey_as_json(as_role):
    journey = make.journey(code="saas")
    db.session.commit()
    response = as_role(Role.NEW_HIRE).get(
        url_for("training.journey_export", journey_id=journey.id))
    assert response.mimetype == "application/json"
    assert 'filename="journey-saas.json"' in response.headers["Content-Disposition"]
    assert json.loads(response.data)["code"] == "saas"


def test_the_journey_page_issues_a_fixed_number_of_queries(as_role):
    journey = make.journey(stages=("a",))
    db.session.commit()
    client = as_role(Role.MANAGER)

    def grow(size: int) -> None:
        for n in range(len(journey.stages), size + 1):
            journey.stages.append(JourneyStage(
                code=f"s{n}", position=n + 1, name_en=f"S{n}", playbook_en="**Go**",
                milestones=[Milestone(code="m", position=1, name_en="M", is_handoff=True)]))

    assert_fixed_query_count(
        client, url_for("training.journey_detail", journey_id=journey.id), grow)


def test_managers_see_the_list_of_journeys_with_their_stage_counts(as_role):
    first = make.journey(stages=("a", "b"))
    make.journey(stages=("c",))
    db.session.commit()
    page = _text(as_role(Role.MANAGER).get(url_for("training.journeys")))
    assert first.name_en in page
    assert '<td class="num">2</td>' in page and '<td class="num">1</td>' in page
    assert "Import from JSON" in page and "New journey" in page


def test_with_no_journey_a_new_hire_sees_an_empty_state(as_role):
    page = _text(as_role(Role.NEW_HIRE).get(url_for("training.journeys")))
    assert "Your managers will set it up." in page


def test_the_preview_of_an_update_names_what_changes(as_role):
    journey = make.journey(code="saas")
    db.session.commit()
    data = json.loads(as_role(Role.MANAGER).get(
        url_for("training.journey_export", journey_id=journey.id)).data)
    data["stages"][0]["playbook"] = "New playbook"
    del data["stages"][3]
    client = as_role(Role.ADMIN)
    page = _text(client.post(url_for("training.journey_import"), data={
        "file": (io.BytesIO(json.dumps(data).encode()), "journey.json")},
        content_type="multipart/form-data"))
    assert "The journey saas will be updated." in page
    assert "Changed: Playbook to the next stage (English), Playbook to the next stage " \
           "(Japanese)" in page
    assert "<strong>Renewal</strong> <code>renewal</code>" in page and "Removed" in page
    same = _text(client.post(url_for("training.journey_import"), data={
        "file": (io.BytesIO(export_json(journey).encode()), "journey.json")},
        content_type="multipart/form-data"))
    assert "nothing will change" in same and "Import the journey" not in same
