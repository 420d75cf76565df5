"""Field readiness: the sign-off once every required module is passed (a sandbox
exercise once approved), the role change to CSM, and the training record PDF in the
viewer's language with the bundled Japanese font."""

import shutil
import subprocess
from datetime import date

import pytest
from flask import url_for

from cshire.audit import history
from cshire.auth.models import Role
from cshire.extensions import db
from cshire.training.messages import TrainingError
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.sandbox import SandboxRecord, SandboxReflection
from cshire.training.models.work import ModuleProgress, ProgressStatus, QuizAttempt
from cshire.training.services.readiness import SignOffInput, sign_off
from cshire.training.services.reviews import ReviewInput, review
from tests import factories
from tests.conftest import login
from tests.training import factories as make
from tests.training.access_enrolments import hand_in_pdf, people

FONT_PROBLEMS = ("cannot be loaded", ".notdef", "No glyph")


def _pass(enrolment, *modules):
    for module in modules:
        db.session.add(ModuleProgress(enrolment=enrolment, module=module,
                                      status=ProgressStatus.PASSED.value))
    db.session.flush()


def _ready(w):
    _pass(w.enrolment1, w.lesson, w.later)
    review(hand_in_pdf(w.enrolment1, w.assignment), ReviewInput("approved"), actor=w.mentor)


def test_sign_off_is_refused_until_every_required_module_is_passed(app):
    w = people()
    sandbox = make.module(w.curriculum, ModuleKind.SANDBOX, stage=2)
    _ready(w)
    hand_in_pdf(w.enrolment1, sandbox)  # handed in, not approved yet
    with pytest.raises(TrainingError) as refused:
        sign_off(w.enrolment1, SignOffInput(date.today()), version=w.enrolment1.version,
                 actor=w.mentor)
    assert refused.value.code == "not_ready"
    db.session.query(ModuleProgress).filter_by(module_id=sandbox.id).one().status = "passed"
    sign_off(w.enrolment1, SignOffInput(date(2026, 6, 1), "Well prepared"),
             version=w.enrolment1.version, actor=w.mentor)
    assert w.enrolment1.is_signed_off and w.enrolment1.signed_off_by == w.mentor
    assert {e.field for e in history(w.enrolment1)} >= {"signed_off_on", "sign_off_note"}


def test_the_new_hire_or_a_stranger_cannot_sign_off(app):
    w = people()
    _ready(w)
    for actor in (w.newhire1, factories.user(Role.CSM)):
        with pytest.raises(TrainingError) as refused:
            sign_off(w.enrolment1, SignOffInput(date.today()), version=w.enrolment1.version,
                     actor=actor)
        assert refused.value.code == "not_a_supervisor"


def test_signing_off_through_the_page_can_make_them_a_csm(app, client):
    w = people()
    _ready(w)
    db.session.commit()
    client = login(client, w.manager)
    page = client.get(url_for("training.enrolment_detail", enrolment_id=w.enrolment1.id))
    assert "Change their role from new hire to CSM" in page.get_data(as_text=True)
    response = client.post(url_for("training.enrolment_sign_off",
                                   enrolment_id=w.enrolment1.id),
                           data={"signed_on": "2026-06-01", "note": "Ready",
                                 "make_csm": "y", "version": w.enrolment1.version})
    assert response.status_code == 302
    db.session.expire_all()
    assert w.newhire1.roles == {Role.CSM}
    assert db.session.get(Enrolment, w.enrolment1.id).promoted_to_csm
    assert {e.field for e in history(w.newhire1)} >= {"role_new_hire", "role_csm"}
    page = client.get(url_for("training.enrolment_detail", enrolment_id=w.enrolment1.id))
    assert "Signed off by Mana Manager" in page.get_data(as_text=True)
    again = client.post(url_for("training.enrolment_sign_off", enrolment_id=w.enrolment1.id),
                        data={"signed_on": "2026-06-02", "version": w.enrolment1.version})
    assert "already signed off" in again.get_data(as_text=True)


def test_a_refused_sign_off_keeps_the_note(app, client):
    w = people()
    _ready(w)
    db.session.commit()
    response = login(client, w.mentor).post(
        url_for("training.enrolment_sign_off", enrolment_id=w.enrolment1.id),
        data={"signed_on": "", "note": "Keep this note", "version": w.enrolment1.version})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Give the date of the sign-off." in page and "Keep this note" in page


def _poppler(tool: str, path) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: install poppler-utils")
    args = [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def test_the_training_record_pdf_prints_japanese_results_sandbox_and_sign_off(
        app, client, tmp_path, weasyprint_warnings):
    w = people()
    w.manager.locale = "ja"
    quiz = make.module(w.curriculum, ModuleKind.QUIZ, stage=1)
    sandbox = make.module(w.curriculum, ModuleKind.SANDBOX, stage=2)
    db.session.add_all([
        QuizAttempt(enrolment=w.enrolment1, module=quiz, number=1, score=40.0,
                    submitted_at=w.enrolment1.created_at, passed=False),
        QuizAttempt(enrolment=w.enrolment1, module=quiz, number=2, score=85.0,
                    submitted_at=w.enrolment1.created_at, passed=True),
        SandboxRecord(enrolment=w.enrolment1, module=sandbox,
                      milestone=w.curriculum.journey.stages[0].milestones[0],
                      status="stuck", minutes_spent=45, difficulty=4,
                      stuck_note="設定画面が見つからない"),
        SandboxReflection(enrolment=w.enrolment1, module=sandbox,
                          what_was_hard="初期設定が難しかった"),
    ])
    _ready(w)
    _pass(w.enrolment1, quiz, sandbox)
    sign_off(w.enrolment1, SignOffInput(date(2026, 6, 1), "現場に出る準備ができています"),
             version=w.enrolment1.version, actor=w.mentor)
    db.session.commit()
    response = login(client, w.manager).get(
        url_for("training.enrolment_record", enrolment_id=w.enrolment1.id))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    path = tmp_path / "record.pdf"
    path.write_bytes(response.data)
    text = _poppler("pdftotext", path).replace("\n", "")  # table cells wrap
    for expected in ("研修記録", "Nao Newhire", "モジュール", "85%", "設定画面が見つからない",
                     "初期設定が難しかった", "現場に出る準備ができています", "承認"):
        assert expected in text, expected
    assert "IPAexGothic" in _poppler("pdffonts", path)
    assert [m for m in weasyprint_warnings if any(p in m for p in FONT_PROBLEMS)] == []


def test_the_record_pdf_follows_the_enrolments_access_rule(app):
    w = people()
    db.session.commit()
    url = url_for("training.enrolment_record", enrolment_id=w.enrolment1.id)
    assert login(app.test_client(), w.newhire2).get(url).status_code == 403
    assert login(app.test_client(), factories.user(Role.CSM)).get(url).status_code == 403
    assert login(app.test_client(), w.newhire1).get(url).status_code == 200
