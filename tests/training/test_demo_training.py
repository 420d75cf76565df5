"""Training's demo: the journey and curriculum content fits its rules, the demo loads in
both languages and twice without change, and the three demo new hires stand where the
demo promises (half-way and stuck, just started, ready for sign-off)."""

import struct
import zlib
from datetime import date

import pytest
from sqlalchemy import func, select

from cshire.auth.models import Role, User
from cshire.competencies.starter_sets import ARCHETYPES
from cshire.demo import load_demo
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, ApplicationStatus
from cshire.interviews.services.decisions import candidate_scorecard
from cshire.training.demo_content import MULTIPLE, SINGLE, markdown, training_demo
from cshire.training.models.curriculum import ModuleKind, QuizQuestion, TrainingModule
from cshire.training.models.enrolments import Cohort, Enrolment
from cshire.training.models.journey import Journey, JourneyStage, Milestone
from cshire.training.models.sandbox import MilestoneStatus, SandboxRecord, SandboxReflection
from cshire.training.models.work import (
    ModuleProgress,
    ProgressStatus,
    QuizAttempt,
    Submission,
)
from cshire.training.rules.progress import is_overdue, is_ready, unlocked_stages
from cshire.training.services.progress import enrolment_steps
from cshire.uploads import StoredFile, check_upload
from tests.bilingual import CJK

LANGUAGES = ("en", "ja")
TRAINING_TABLES = (Journey, JourneyStage, Milestone, TrainingModule, QuizQuestion, Cohort,
                   Enrolment, ModuleProgress, QuizAttempt, Submission, SandboxRecord,
                   SandboxReflection, StoredFile)


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _enrolment(email: str) -> Enrolment:
    return db.session.scalar(select(Enrolment).join(Enrolment.user).where(User.email == email))


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height of an 8-bit RGB PNG, after checking every chunk's CRC and that
    the pixel data inflates to one filter byte plus three bytes a pixel per row."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, {}
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind, body = data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks[kind] = body
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2) and b"IEND" in chunks
    assert len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width)
    return width, height


def _counts() -> dict[str, int]:
    return {model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
            for model in TRAINING_TABLES}


# --- the content file ----------------------------------------------------------------------


def test_the_journey_has_four_stages_a_dozen_milestones_and_the_domain_handoff_criteria():
    content = training_demo()
    stages = content["stages"]
    assert [s["code"] for s in stages] == ["onboarding", "adoption", "expansion", "renewal"]
    codes = [m["code"] for s in stages for m in s["milestones"]]
    assert len(codes) == len(set(codes)) and 10 <= len(codes) <= 14
    # DOMAIN.md: the onboarding team hands over once the lecture is done, setup is
    # complete and use has started.
    onboarding = stages[0]
    assert set(onboarding["handoff_criteria"]) == {"lecture_done", "setup_complete",
                                                   "first_use"}
    for stage in stages:
        assert set(stage.get("handoff_criteria", ())) <= {m["code"] for m in stage["milestones"]}
    # A playbook for each transition, with links; none after the last stage.
    assert all("](https://" in markdown(s["playbook"], "en") for s in stages[:-1])
    assert "playbook" not in stages[-1]


def test_every_stage_has_lessons_a_quiz_and_an_assignment_and_there_is_one_sandbox():
    content = training_demo()
    modules = content["curriculum"]["modules"]
    required = [m for m in modules if m["requirement"] == "required"]
    for stage in content["stages"]:
        kinds = [m["kind"] for m in required if m["stage"] == stage["code"]]
        assert kinds.count("lesson") >= 1 and kinds.count("quiz") >= 1, stage["code"]
        assert kinds.count("assignment") == 1, stage["code"]
    assert [m["kind"] for m in modules].count("sandbox") == 1
    assert len(content["work"]["answers"]) == sum(m["kind"] == "assignment" for m in modules)
    # Optional modules are tagged, so an interview gap can recommend them.
    assert all(m["competencies"] for m in modules if m["requirement"] == "optional")


def test_quiz_questions_mark_their_right_answers_consistently():
    for module in training_demo()["curriculum"]["modules"]:
        assert ("questions" in module) == (module["kind"] == "quiz"), module["title"]["en"]
        for question in module.get("questions", ()):
            right = question["correct"]
            assert len(set(right)) == len(right)
            assert all(1 <= n <= len(question["choices"]) for n in right)
            assert len(right) < len(question["choices"])
            if question["answer"] == SINGLE:
                assert len(right) == 1, question["prompt"]["en"]
            else:
                assert question["answer"] == MULTIPLE and len(right) >= 2


def test_modules_name_stages_of_the_journey_and_competencies_of_the_starter_sets():
    content = training_demo()
    stages = {s["code"] for s in content["stages"]}
    codes = {entry.code for archetype in ARCHETYPES.values() for entry in archetype.profile}
    for module in content["curriculum"]["modules"]:
        assert module["stage"] in stages
        assert set(module["competencies"]) <= codes, module["title"]["en"]


def test_markdown_blocks_become_paragraphs_and_tight_lists():
    blocks = [{"en": "## Title"}, {"en": "Text."}, {"en": "- one"}, {"en": "- two"},
              {"en": "1. first"}, {"en": "After."}]
    assert markdown(blocks, "en") == "## Title\n\nText.\n\n- one\n- two\n1. first\n\nAfter."


# --- the demo ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_loads_in_each_language_and_twice_changes_nothing(app, lang):
    load_demo(lang)
    db.session.commit()
    first = _counts()
    assert all(first.values()), first
    load_demo(lang)
    db.session.commit()
    assert _counts() == first
    # Bilingual models carry both languages; what one person wrote is in the demo's.
    module = db.session.scalars(select(TrainingModule)).first()
    assert not CJK.search(module.title_en) and CJK.search(module.title_ja)
    notes = db.session.scalars(select(SandboxRecord.stuck_note).where(
        SandboxRecord.stuck_note != "")).all()
    names = db.session.scalars(select(Cohort.name)).all()
    for text in [*notes, *names, *db.session.scalars(select(Submission.comment)
                                                     .where(Submission.comment != ""))]:
        assert bool(CJK.search(text)) == (lang == "ja"), text


def test_newhire_is_half_way_and_stuck_in_the_sandbox_with_a_screenshot(app):
    load_demo("en")
    enrolment = _enrolment("newhire@example.com")
    assert enrolment.mentor.email == "csm@example.com"
    steps = enrolment_steps(enrolment)
    assert unlocked_stages(steps) == {1, 2}
    assert all(s.passed for s in steps if s.stage_position == 1 and s.required)
    second = [s for s in steps if s.stage_position == 2 and s.required]
    assert any(s.passed for s in second) and not all(s.passed for s in second)
    assert any(is_overdue(s, date.today()) for s in second)  # something to chase
    stuck = db.session.scalars(select(SandboxRecord).where(
        SandboxRecord.enrolment_id == enrolment.id,
        SandboxRecord.status == MilestoneStatus.STUCK.value)).all()
    assert len(stuck) == 1 and stuck[0].stuck_note
    evidence = stuck[0].evidence_file
    # Valid PNG bytes: accepted as an upload would be, and every chunk checks out.
    assert check_upload(evidence.filename, evidence.data).content_type == "image/png"
    assert _png_size(evidence.data) == (48, 32)
    sandbox = db.session.get(TrainingModule, stuck[0].module_id)
    progress = db.session.scalar(select(ModuleProgress).where(
        ModuleProgress.enrolment_id == enrolment.id, ModuleProgress.module_id == sandbox.id))
    assert progress.status == ProgressStatus.IN_PROGRESS.value


def test_newhire2_has_just_started(app):
    load_demo("en")
    enrolment = _enrolment("newhire2@example.com")
    assert enrolment.mentor.email == "csm@example.com"
    steps = enrolment_steps(enrolment)
    assert not any(s.passed for s in steps)
    assert unlocked_stages(steps) == {1}
    assert Role.NEW_HIRE in enrolment.user.roles


def test_newhire3_is_ready_for_sign_off_and_was_hired_through_the_demo_opening(app):
    load_demo("ja")
    enrolment = _enrolment("newhire3@example.com")
    assert enrolment.mentor.email == "interviewer@example.com"
    assert is_ready(enrolment_steps(enrolment)) and not enrolment.is_signed_off
    sandbox = db.session.scalar(select(TrainingModule).where(
        TrainingModule.kind == ModuleKind.SANDBOX.value))
    rounds = db.session.scalars(select(Submission).where(
        Submission.enrolment_id == enrolment.id, Submission.module_id == sandbox.id)).all()
    assert rounds[-1].outcome == "approved" and rounds[-1].snapshot["stages"]
    application = db.session.get(Application, enrolment.application_id)
    assert application.status == ApplicationStatus.HIRED.value
    assert application.candidate.name == enrolment.user.display_name
    # The interviews leave a competency below the profile's target: a gap to train.
    scorecard = candidate_scorecard(application, _user("manager@example.com"))
    assert any(c.gap is not None and c.gap < 0 for c in scorecard.competencies)


def test_every_milestone_has_friction_data_from_the_earlier_cohorts(app):
    load_demo("en")
    milestones = db.session.scalars(select(Milestone.id)).all()
    rows = db.session.execute(
        select(SandboxRecord.milestone_id, SandboxRecord.status, func.count())
        .group_by(SandboxRecord.milestone_id, SandboxRecord.status)).all()
    covered = {milestone for milestone, _status, _n in rows}
    assert covered == set(milestones)
    stuck = {m: n for m, status, n in rows if status == MilestoneStatus.STUCK.value}
    # Some milestones are clearly harder: several people stuck on one, hardly any on others.
    assert max(stuck.values()) >= 5 and len(stuck) < len(milestones)
    cohorts = db.session.scalars(select(Cohort)).all()
    assert len(cohorts) == 2 and all(len(c.enrolments) >= 7 for c in cohorts)
    signed_off = [e for c in cohorts for e in c.enrolments if e.is_signed_off]
    assert signed_off and all(e.promoted_to_csm for e in signed_off)
