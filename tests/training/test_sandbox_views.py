"""The sandbox exercise page: recording milestones, evidence uploads, the reflection,
handing in, and who may read or write."""

import io

import pytest
from flask import render_template, url_for
from sqlalchemy import func, select
from werkzeug.test import EnvironBuilder

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.models.sandbox import SandboxRecord, SandboxReflection
from cshire.training.models.work import ModuleProgress, Submission
from cshire.uploads import MAX_UPLOAD_BYTES, StoredFile
from tests import factories
from tests.conftest import login
from tests.training import sandbox_factories as sb


@pytest.fixture
def world(app):
    w = sb.exercise()
    db.session.commit()
    return w


def _page(w) -> str:
    return url_for("training.sandbox", enrolment_id=w.enrolment.id, module_id=w.module.id)


def _record_url(w, milestone) -> str:
    return url_for("training.sandbox_record", enrolment_id=w.enrolment.id,
                   module_id=w.module.id, milestone_id=milestone.id)


def _post_record(client, w, milestone, file=None, **fields):
    prefix = f"m{milestone.id}-"
    data = {prefix + "status": "done", prefix + "minutes_spent": "12",
            prefix + "difficulty": "3"}
    data.update({prefix + k: v for k, v in fields.items()})
    if file is not None:
        data[prefix + "evidence_file"] = file
    # The environ is built here so its body (spooled to a temporary file when large) is
    # closed afterwards: the test client leaves it open.
    builder = EnvironBuilder(path=_record_url(w, milestone), method="POST", data=data,
                             content_type="multipart/form-data")
    environ = builder.get_environ()
    try:
        return client.open(environ)
    finally:
        environ["wsgi.input"].close()
        builder.close()


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_page_shows_instructions_sandbox_link_and_milestones_by_stage(client, world):
    login(client, world.enrolment.user)
    html = client.get(_page(world)).get_data(as_text=True)
    assert "<strong>carefully</strong>" in html  # the instructions' Markdown
    assert 'href="https://sandbox.example.com"' in html
    assert "Onboarding" in html and "Adoption" in html
    assert html.count("Handoff criterion") >= 2  # milestone 1 of each stage
    assert "1 = easy" in html and "5 = very hard" in html
    assert html.count('enctype="multipart/form-data"') == len(world.milestones)


def test_new_hire_records_a_milestone(client, world):
    login(client, world.enrolment.user)
    milestone = world.milestones[0]
    response = _post_record(client, world, milestone, status="stuck",
                            stuck_note="The CSV import screen rejected my file",
                            evidence_url="https://example.com/shot")
    assert response.status_code == 302
    assert response.location.endswith(f"#milestone-{milestone.id}")
    record = db.session.scalars(select(SandboxRecord)).one()
    assert (record.status, record.minutes_spent, record.difficulty) == ("stuck", 12, 3)
    assert record.stuck_note == "The CSV import screen rejected my file"
    assert db.session.get(ModuleProgress, 1).status == "in_progress"


def test_stuck_needs_where_exactly(client, world):
    login(client, world.enrolment.user)
    response = _post_record(client, world, world.milestones[0], status="stuck", stuck_note=" ")
    assert response.status_code == 422
    assert "Say where exactly you got stuck" in response.get_data(as_text=True)
    assert _count(SandboxRecord) == 0


def test_done_needs_time_and_difficulty_but_skipped_does_not(client, world):
    login(client, world.enrolment.user)
    response = _post_record(client, world, world.milestones[0], minutes_spent="",
                            difficulty="")
    html = response.get_data(as_text=True)
    assert "Give the time you spent" in html and "Choose how hard it was" in html
    assert _post_record(client, world, world.milestones[0], status="skipped",
                        minutes_spent="", difficulty="").status_code == 302


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com/x", "example.com"])
def test_evidence_link_must_be_http(client, world, url):
    login(client, world.enrolment.user)
    response = _post_record(client, world, world.milestones[0], evidence_url=url)
    assert "must be a web address" in response.get_data(as_text=True)
    assert _count(SandboxRecord) == 0


BAD_FILES = {
    "too big": (sb.PNG + b"\x00" * MAX_UPLOAD_BYTES, "big.png", "larger than 5 MB"),
    "wrong type": (b"just some text, not an image", "notes.png", "is not an image"),
    "renamed executable": (sb.EXE, "screenshot.png", "is not an image"),
    "empty": (b"", "empty.png", "The file is empty"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_refused_under_its_field_input_kept_nothing_stored(client, world, case):
    data, name, message = BAD_FILES[case]
    login(client, world.enrolment.user)
    response = _post_record(client, world, world.milestones[0],
                            file=(io.BytesIO(data), name), status="stuck",
                            stuck_note="Stuck on the billing page")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    field_error = html.split(f'id="m{world.milestones[0].id}-evidence_file-error"')[1][:400]
    assert message in field_error
    assert "Stuck on the billing page" in html  # what they typed is kept
    assert _count(SandboxRecord) == 0 and _count(StoredFile) == 0


def test_a_good_file_is_stored_and_replacing_it_leaves_no_orphan(client, world):
    login(client, world.enrolment.user)
    milestone = world.milestones[0]
    assert _post_record(client, world, milestone,
                        file=(io.BytesIO(sb.PNG), "first.png")).status_code == 302
    first = db.session.scalars(select(StoredFile)).one()
    assert (first.content_type, first.filename) == ("image/png", "first.png")
    version = db.session.scalars(select(SandboxRecord)).one().version
    assert _post_record(client, world, milestone, version=str(version),
                        file=(io.BytesIO(sb.PDF), "second.pdf")).status_code == 302
    db.session.expire_all()
    files = db.session.scalars(select(StoredFile)).all()
    assert [f.filename for f in files] == ["second.pdf"]  # the first is gone
    record = db.session.scalars(select(SandboxRecord)).one()
    assert _post_record(client, world, milestone, version=str(record.version),
                        remove_file="y").status_code == 302
    db.session.expire_all()
    assert _count(StoredFile) == 0


def test_a_file_shown_by_a_handed_in_round_is_kept_when_replaced(client, world):
    owner = world.enrolment.user
    shot = sb.stored(owner=owner)
    record = sb.record(world.enrolment, world.module, world.milestones[0], file=shot)
    db.session.add(Submission(enrolment_id=world.enrolment.id, module_id=world.module.id,
                              round=1, outcome="revise", reviewed_at=record.recorded_at,
                              snapshot={"stages": [{"milestones": [{"evidence_file": {
                                  "id": shot.id, "filename": "shot.png",
                                  "content_type": "image/png"}}]}]}))
    sb.set_status(world.enrolment, world.module, "revise")
    db.session.commit()
    login(client, owner)
    assert _post_record(client, world, world.milestones[0], version=str(record.version),
                        file=(io.BytesIO(sb.PDF), "new.pdf")).status_code == 302
    assert _count(StoredFile) == 2
    evidence = url_for("training.evidence", enrolment_id=world.enrolment.id, file_id=shot.id)
    assert client.get(evidence).status_code == 200  # still reachable through round 1


def _reflection(**overrides) -> dict:
    answers = {"what_was_hard": "Setting up the tracking tag.",
               "where_stuck": "The DNS step; the help article was out of date.",
               "tell_customers": "Send the DNS steps before the kickoff.",
               "improvement": "A checker for the tag."}
    answers.update(overrides)
    return answers


def _hand_in(client, w, **answers):
    return client.post(url_for("training.sandbox_hand_in", enrolment_id=w.enrolment.id,
                               module_id=w.module.id), data=_reflection(**answers))


def test_hand_in_names_what_is_missing(client, world):
    sb.record(world.enrolment, world.module, world.milestones[0])
    db.session.commit()
    login(client, world.enrolment.user)
    response = _hand_in(client, world, improvement="")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "3 milestones are not recorded yet" in html
    for milestone in world.milestones[1:]:
        assert milestone.name_en in html
    assert 'id="improvement-error"' in html
    assert "Setting up the tracking tag." in html  # the answers typed are kept
    assert _count(Submission) == 0 and _count(SandboxReflection) == 0


def _complete(world, file=None):
    for i, milestone in enumerate(world.milestones):
        sb.record(world.enrolment, world.module, milestone,
                  "stuck" if i == 1 else "done", note="Lost on step 2" if i == 1 else "",
                  file=file if i == 0 else None)
    db.session.commit()


def test_hand_in_snapshots_records_and_reflection_then_locks(client, world):
    shot = sb.stored(owner=world.enrolment.user)
    _complete(world, shot)
    login(client, world.enrolment.user)
    assert _hand_in(client, world).status_code == 302
    submission = db.session.scalars(select(Submission)).one()
    assert submission.round == 1
    snapshot = submission.snapshot
    assert snapshot["reflection"] == _reflection()
    milestones = [m for stage in snapshot["stages"] for m in stage["milestones"]]
    assert [m["status"] for m in milestones] == ["done", "stuck", "done", "done"]
    assert milestones[0]["evidence_file"]["id"] == shot.id
    assert milestones[1]["stuck_note"] == "Lost on step 2"
    assert db.session.scalar(select(ModuleProgress.status)) == "submitted"
    # Read-only while awaiting review: no forms, and a POST is refused.
    html = client.get(_page(world)).get_data(as_text=True)
    assert "Save this milestone" not in html and "Hand in for review" not in html
    response = _post_record(client, world, world.milestones[0], status="skipped")
    assert "read-only" in response.get_data(as_text=True)
    assert db.session.scalars(select(SandboxRecord.status)).first() == "done"


def test_after_changes_requested_records_are_editable_and_comments_shown(client, world):
    _complete(world)
    login(client, world.enrolment.user)
    _hand_in(client, world)
    submission = db.session.scalars(select(Submission)).one()
    submission.outcome, submission.comment = "revise", "Add a screenshot of the DNS step."
    submission.reviewed_at = submission.submitted_at
    submission.reviewer = world.enrolment.mentor
    sb.set_status(world.enrolment, world.module, "revise")
    db.session.commit()
    html = client.get(_page(world)).get_data(as_text=True)
    assert "Add a screenshot of the DNS step." in html
    assert "Save this milestone" in html and "Round 1" in html
    assert "Changes requested" in html
    # A second round without the form's version is an edit conflict; with it, it goes in.
    assert _hand_in(client, world).status_code == 422
    version = db.session.scalar(select(SandboxReflection.version))
    assert _hand_in(client, world, version=str(version)).status_code == 302
    assert _count(Submission) == 2


def test_mentor_reads_but_cannot_write(client, world):
    _complete(world)
    login(client, world.enrolment.mentor)
    html = client.get(_page(world)).get_data(as_text=True)
    assert "Lost on step 2" in html and "Save this milestone" not in html
    assert _post_record(client, world, world.milestones[0]).status_code == 403
    assert _hand_in(client, world).status_code == 403


@pytest.mark.parametrize("who", ["other new hire", "other mentor", "other team manager"])
def test_others_cannot_reach_the_exercise(client, world, who):
    other = sb.exercise()
    outsider = {"other new hire": other.enrolment.user, "other mentor": other.enrolment.mentor,
                "other team manager": factories.user(Role.MANAGER)}[who]
    if who == "other team manager":
        factories.team(manager=outsider)
    db.session.commit()
    login(client, outsider)
    assert client.get(_page(world)).status_code == 403
    assert _post_record(client, world, world.milestones[0]).status_code == 403


def test_managing_manager_reads_the_exercise(client, app):
    manager = factories.user(Role.MANAGER)
    team = factories.team(manager=manager)
    w = sb.exercise(new_hire=factories.user(Role.NEW_HIRE, team=team))
    db.session.commit()
    login(client, manager)
    assert client.get(_page(w)).status_code == 200


def test_a_module_of_another_kind_or_curriculum_is_not_found(client, world):
    other = sb.exercise()
    db.session.commit()
    login(client, world.enrolment.user)
    url = url_for("training.sandbox", enrolment_id=world.enrolment.id,
                  module_id=other.module.id)
    assert client.get(url).status_code == 404


def test_review_partial_renders_a_round_from_its_snapshot(client, world):
    shot = sb.stored(owner=world.enrolment.user)
    _complete(world, shot)
    login(client, world.enrolment.user)
    _hand_in(client, world)
    submission = db.session.scalars(select(Submission)).one()
    with client.application.test_request_context():
        html = render_template("training/sandbox_review_part.html", submission=submission)
    evidence = url_for("training.evidence", enrolment_id=world.enrolment.id, file_id=shot.id,
                       _external=False)
    assert f'src="{evidence}"' in html  # the thumbnail
    assert "Lost on step 2" in html and "A checker for the tag." in html
    assert world.milestones[0].name_en in html
