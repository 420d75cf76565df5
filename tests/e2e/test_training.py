"""Training as its users meet it, in a real Chromium, on the demo data (issue 10, "Done
when"): the demo new hire reads a lesson, fails then passes a quiz, records a sandbox
milestone as stuck with a note and a screenshot, reflects and hands in; the mentor asks
for a change, then approves the second round; the manager finds the stuck milestone in
the friction report, signs off the new hire who is ready and downloads the training
record in English and in Japanese. Another new hire cannot open any of it.

The live server's data is shared by every browser test: this one only moves the demo's
own new hires on, and leaves every user in English.
"""

import json
import struct
import subprocess
import zlib

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import download_pdf, sign_in, switch_language

pytestmark = pytest.mark.e2e

STUCK_NOTE = "The import wizard rejected my CSV without saying which column was wrong."
REVISE_COMMENT = "Please say what you would tell the customer at the import step."
FLASHED = ".flash-success[role=status]"  # the message after a save, not a page's notice


def _png() -> bytes:
    """A 4×4 red PNG, valid to the byte (checked by its bytes on upload)."""
    rows = b"".join(b"\x00" + b"\xd9\x3b\x3b" * 4 for _ in range(4))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class Demo:
    """Reads the live server's database: ids to build URLs from, and a quiz's right
    answers (what the new hire would have learnt from the lessons)."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)

    def rows(self, sql: str, **params) -> list:
        with self.engine.connect() as connection:
            return connection.execute(text(sql), params).all()

    def one(self, sql: str, **params):
        return self.rows(sql, **params)[0][0]

    def name(self, email: str) -> str:
        return self.one("SELECT display_name FROM users WHERE email = :email", email=email)

    def enrolment(self, email: str) -> int:
        return self.one("SELECT e.id FROM training_enrolments e JOIN users u ON u.id = e.user_id"
                        " WHERE u.email = :email", email=email)

    def module(self, kind: str, stage: int) -> tuple[int, str]:
        """The first required module of a kind in a stage: (id, English title)."""
        return self.rows(
            "SELECT m.id, m.title_en FROM training_modules m JOIN journey_stages s"
            " ON s.id = m.stage_id WHERE m.kind = :kind AND s.position = :stage"
            " AND m.required ORDER BY m.position", kind=kind, stage=stage)[0]

    def open_attempt(self, enrolment_id: int, module_id: int) -> list[dict]:
        questions = self.one(
            "SELECT questions FROM quiz_attempts WHERE enrolment_id = :e AND module_id = :m"
            " AND submitted_at IS NULL", e=enrolment_id, m=module_id)
        return json.loads(questions) if isinstance(questions, str) else questions

    def milestones(self) -> list[tuple[int, str]]:
        return self.rows("SELECT m.id, m.name_en FROM journey_milestones m JOIN journey_stages s"
                         " ON s.id = m.stage_id ORDER BY s.position, m.position")

    def recorded(self, enrolment_id: int) -> set[int]:
        return {r[0] for r in self.rows(
            "SELECT milestone_id FROM sandbox_records WHERE enrolment_id = :e", e=enrolment_id)}


@pytest.fixture(scope="module")
def demo(e2e_database_url, live_server) -> Demo:
    demo = Demo(e2e_database_url)
    yield demo
    demo.engine.dispose()


def _take_quiz(page: Page, demo: Demo, enrolment_id: int, module_id: int, *, right: bool):
    """Start an attempt and answer every question: all right, or all wrong."""
    page.get_by_role("button", name="Start").click()
    for question in demo.open_attempt(enrolment_id, module_id):
        ticks = [c["id"] for c in question["choices"] if c["correct"] == right]
        for choice_id in ticks if right else ticks[:1]:
            page.locator(f"#q{question['id']}-c{choice_id}").check()
    page.get_by_role("button", name="Submit answers").click()


def _record(page: Page, milestone_id: int, status: str, note: str = "",
            image: bytes | None = None) -> None:
    record = page.locator(f"#milestone-{milestone_id}")
    if not record.locator("form").is_visible():
        record.locator("summary").click()
    record.get_by_label(status, exact=True).check()
    record.get_by_label("Time spent (minutes)").fill("25")
    record.get_by_label("4", exact=True).check()
    if note:
        record.get_by_label("Where exactly did you get stuck?").fill(note)
    if image:
        record.get_by_label("Evidence file (optional)").set_input_files(
            files=[{"name": "import-error.png", "mimeType": "image/png", "buffer": image}])
    record.get_by_role("button", name="Save this milestone").click()
    expect(page.locator(FLASHED)).to_contain_text("Milestone record saved")


def _review(page: Page, base_url: str, new_hire: str, title: str, outcome: str,
            comment: str = "") -> None:
    page.goto(f"{base_url}/training/")
    page.locator(".training-tabs").get_by_role("link", name="Reviews").click()
    row = page.get_by_role("row").filter(has_text=new_hire).filter(has_text=title)
    row.get_by_role("link", name="Review").click()
    page.get_by_label(outcome).check()
    if comment:
        page.get_by_label("Comment").fill(comment)
    page.get_by_role("button", name="Save review").click()
    expect(page.locator(FLASHED)).to_be_visible()


def test_a_new_hire_works_through_training_and_the_mentor_and_manager_follow(
        page: Page, base_url: str, demo: Demo, tmp_path):
    enrolment = demo.enrolment("newhire@example.com")
    lesson = next(
        title for _id, title in demo.rows(
            "SELECT m.id, m.title_en FROM training_modules m JOIN training_progress p"
            " ON p.module_id = m.id WHERE p.enrolment_id = :e AND m.kind = 'lesson'"
            " AND p.status = 'in_progress' ORDER BY m.position", e=enrolment))
    quiz_id, quiz = demo.module("quiz", 2)
    sandbox_id, sandbox = demo.module("sandbox", 2)

    # The new hire reads a lesson from the plan and marks it read.
    sign_in(page, base_url, "newhire@example.com")
    page.locator(".nav-wide").get_by_role("link", name="Training").click()
    page.get_by_role("link", name="All modules").click()
    page.get_by_role("link", name=lesson, exact=True).click()
    page.get_by_role("button", name="Mark as read").click()
    expect(page.locator(FLASHED)).to_contain_text("Marked as read")

    # Fails the quiz, then passes it.
    page.goto(f"{base_url}/training/enrolments/{enrolment}")
    page.get_by_role("link", name=quiz, exact=True).click()
    _take_quiz(page, demo, enrolment, quiz_id, right=False)
    expect(page.get_by_role("heading", name="Attempt 1: 0 % Not passed")).to_be_visible()
    page.get_by_role("link", name="Back to the quiz").click()
    _take_quiz(page, demo, enrolment, quiz_id, right=True)
    expect(page.get_by_role("heading", name="Attempt 2: 100 % Passed")).to_be_visible()

    # The sandbox exercise: a milestone stuck with a note and a screenshot, the rest done.
    page.goto(f"{base_url}/training/enrolments/{enrolment}")
    page.get_by_role("link", name=sandbox, exact=True).click()
    recorded = demo.recorded(enrolment)
    todo = [m for m, _name in demo.milestones() if m not in recorded]
    stuck_id = todo[0]
    _record(page, stuck_id, "Stuck", STUCK_NOTE, _png())
    stuck = page.locator(f"#milestone-{stuck_id} .record-facts")
    expect(stuck).to_contain_text(STUCK_NOTE)
    expect(stuck.get_by_role("img", name="Evidence: import-error.png")).to_be_visible()
    for milestone_id in todo[1:]:
        _record(page, milestone_id, "Done")
    reflection = {
        "What was hard for you as a customer?": "Connecting the data source.",
        "Where did you get stuck, and how did you get past it?": "The CSV import; support helped.",
        "What will you tell customers at these points?": "Check the column names first.",
        "What should the product or our content improve?": "Name the column that fails.",
    }
    for label, answer in reflection.items():
        page.get_by_label(label).fill(answer)
    page.get_by_role("button", name="Hand in for review").click()
    expect(page.locator(FLASHED)).to_contain_text("Round 1 handed in")

    # Another new hire cannot open any of it.
    sign_in(page, base_url, "newhire2@example.com")
    for path in (f"/training/enrolments/{enrolment}",
                 f"/training/enrolments/{enrolment}/modules/{sandbox_id}/sandbox",
                 f"/training/enrolments/{enrolment}/modules/{quiz_id}/quiz/attempts/1",
                 f"/training/enrolments/{enrolment}/record.pdf"):
        response = page.goto(base_url + path)
        assert response.status in (403, 404), path

    # The mentor asks for a change; the new hire hands in again; the mentor approves.
    sign_in(page, base_url, "csm@example.com")
    _review(page, base_url, demo.name("newhire@example.com"), sandbox, "Ask for changes",
            REVISE_COMMENT)
    sign_in(page, base_url, "newhire@example.com")
    page.goto(f"{base_url}/training/enrolments/{enrolment}/modules/{sandbox_id}/sandbox")
    expect(page.locator(".flash-warning", has_text=REVISE_COMMENT)).to_be_visible()
    page.get_by_label("What will you tell customers at these points?").fill(
        "Check the column names first, and send them our import template.")
    page.get_by_role("button", name="Hand in for review").click()
    expect(page.locator(FLASHED)).to_contain_text("Round 2 handed in")
    sign_in(page, base_url, "csm@example.com")
    _review(page, base_url, demo.name("newhire@example.com"), sandbox, "Approve")

    # The manager: the stuck milestone in the friction report, then the sign-off and
    # the training record.
    sign_in(page, base_url, "manager@example.com")
    page.locator(".nav-wide").get_by_role("link", name="Training").click()
    page.locator(".training-tabs").get_by_role("link", name="Friction report").click()
    expect(page.locator(".friction-table")).to_contain_text(STUCK_NOTE)

    newhire3 = demo.enrolment("newhire3@example.com")
    page.locator(".training-tabs").get_by_role("link", name="Overview").click()
    page.locator("a[href$='#sign-off']", has_text=demo.name("newhire3@example.com")).click()
    expect(page).to_have_url(f"{base_url}/training/enrolments/{newhire3}#sign-off")
    page.get_by_label("Note (optional)").fill("Ready: clear on the customer's side.")
    page.get_by_label("Change their role from new hire to CSM").check()
    page.get_by_role("button", name="Sign off").click()
    expect(page.locator(FLASHED)).to_contain_text("signed off as ready")
    expect(page.locator("#sign-off")).to_contain_text("Their role was changed to CSM")
    roles = {r[0] for r in demo.rows(
        "SELECT g.role FROM role_grants g JOIN users u ON u.id = g.user_id"
        " WHERE u.email = 'newhire3@example.com'")}
    assert "csm" in roles and "new_hire" not in roles

    record = page.get_by_role("button", name="Training record (PDF)")
    english = download_pdf(page, record, tmp_path / "record-en.pdf")
    assert "Training record" in english and "Ready: clear on the customer" in english
    switch_language(page, "ja")
    try:
        pdf = tmp_path / "record-ja.pdf"
        japanese = download_pdf(page, page.locator("a[href$='/record.pdf']"), pdf)
        assert "研修記録" in japanese
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout
        assert "IPAexGothic" in fonts
    finally:
        switch_language(page, "en")
