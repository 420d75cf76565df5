"""A crawl of the training pages on the demo data, as each demo user, in both languages:
every page a user can reach answers 200 (or 403 for a new hire's module in a stage not
open yet). This is what catches the demo's data and the pages drifting apart (a
snapshot written in a format the page no longer reads, a link to a page that moved).
"""

import re
from datetime import date

import pytest
from sqlalchemy import select

from bench.generate import generate
from cshire.auth.models import Role, User
from cshire.demo import load_demo
from cshire.extensions import db
from cshire.training.models.curriculum import Curriculum, ModuleKind, TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.training.models.journey import Journey
from cshire.training.models.sandbox import SandboxRecord
from cshire.training.models.work import QuizAttempt, Submission
from cshire.training.services.access import can_supervise_enrolment, can_view_enrolment
from cshire.training.services.curriculum import stage_is_open
from tests.conftest import login

USERS = ("newhire", "newhire2", "newhire3", "csm", "interviewer", "manager", "admin")
DEMO_NEW_HIRES = ("newhire", "newhire2", "newhire3")
MANAGERS = ("manager", "admin")
KIND_PAGES = {ModuleKind.LESSON: "lesson", ModuleKind.QUIZ: "quiz",
              ModuleKind.ASSIGNMENT: "assignment", ModuleKind.SANDBOX: "sandbox"}


def _user(name: str) -> User:
    return db.session.scalar(select(User).where(User.email == f"{name}@example.com"))


def _crawled_enrolments(user: User) -> list[Enrolment]:
    """The demo new hires' enrolments this user may see, and one of an earlier cohort
    (signed off, every round reviewed) when they may see one."""
    demo = db.session.scalars(select(Enrolment).join(Enrolment.user).where(
        User.email.in_([f"{n}@example.com" for n in DEMO_NEW_HIRES]))).all()
    cohort = db.session.scalars(select(Enrolment).where(
        Enrolment.cohort_id.is_not(None), Enrolment.signed_off_on.is_not(None))).all()
    visible = [e for e in demo if can_view_enrolment(user, e)]
    visible += [e for e in cohort if can_view_enrolment(user, e)][:1]
    return visible


def _enrolment_pages(user: User, enrolment: Enrolment) -> list[tuple[str, int]]:
    """(URL, expected status) for every page of one enrolment."""
    base = f"/training/enrolments/{enrolment.id}"
    pages = [(base, 200), (f"{base}/record.pdf", 200)]
    modules = db.session.scalars(select(TrainingModule).where(
        TrainingModule.curriculum_id == enrolment.curriculum_id,
        TrainingModule.archived_at.is_(None)).order_by(TrainingModule.position)).all()
    for module in modules:
        locked = enrolment.user_id == user.id and not stage_is_open(enrolment, module)
        # The dispatcher redirects to the kind's page.
        pages.append((f"{base}/modules/{module.id}", 302))
        kind_page = f"{base}/modules/{module.id}/{KIND_PAGES[ModuleKind(module.kind)]}"
        # Lessons and quizzes answer a new hire's locked stage with 403; the
        # assignment and sandbox pages show it locked.
        pages.append((kind_page, 403 if locked and module.kind in ("lesson", "quiz")
                      else 200))
    for number, module_id in db.session.execute(select(
            QuizAttempt.number, QuizAttempt.module_id).where(
            QuizAttempt.enrolment_id == enrolment.id)):
        pages.append((f"{base}/modules/{module_id}/quiz/attempts/{number}", 200))
    for file_id in db.session.scalars(select(SandboxRecord.evidence_file_id).where(
            SandboxRecord.enrolment_id == enrolment.id,
            SandboxRecord.evidence_file_id.is_not(None))):
        pages.append((f"{base}/evidence/{file_id}", 200))
    if can_supervise_enrolment(user, enrolment):
        for submission_id in db.session.scalars(select(Submission.id).where(
                Submission.enrolment_id == enrolment.id)):
            pages.append((f"/training/submissions/{submission_id}", 200))
    return pages


def _shows_its_content(url: str, html: str) -> bool:
    """A page that renders a stored snapshot shows what is in it (a snapshot in a
    format the page does not read renders as nothing, not as an error)."""
    if "/quiz/attempts/" in url:
        return 'class="kit-question"' in html
    if re.fullmatch(r"/training/enrolments/\d+", url):  # the plan links its modules
        return html.count(f'href="{url}/modules/') >= 10
    if url.startswith("/training/submissions/") and "sandbox-round" in html:
        return "round-milestone" in html and "reflection-answers" in html
    return True


def _pages(name: str, user: User) -> list[tuple[str, int]]:
    pages = [("/training/", 200),
             # The only journey opens at once; managers keep the list (to add one).
             ("/training/journeys", 200 if name in MANAGERS else 302)]
    pages += [(f"/training/journeys/{j}", 200) for j in db.session.scalars(select(Journey.id))]
    if name in MANAGERS:
        pages += [("/training/curricula", 200), ("/training/enrolments/new", 200),
                  ("/training/friction", 200), ("/training/friction.csv", 200),
                  ("/training/reviews", 200)]
        for curriculum in db.session.scalars(select(Curriculum)):
            pages.append((f"/training/curricula/{curriculum.id}", 200))
            pages += [(f"/training/modules/{m.id}", 200) for m in curriculum.modules]
    if name in ("csm", "interviewer"):
        pages.append(("/training/reviews", 200))
    for enrolment in _crawled_enrolments(user):
        pages += _enrolment_pages(user, enrolment)
    return pages


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_training_page_of_the_demo_opens_for_each_demo_user(app, client, lang):
    load_demo(lang)
    db.session.commit()
    failures = []
    for name in USERS:
        user = _user(name)
        pages = _pages(name, user)
        login(client, user)
        for url, expected in pages:
            response = client.get(url)
            if response.status_code != expected:
                failures.append((name, url, expected, response.status_code))
            elif expected == 200 and response.mimetype == "text/html" \
                    and not _shows_its_content(url, response.text):
                failures.append((name, url, "content missing"))
        with client.session_transaction() as session:
            session.clear()
        db.session.expire_all()
    assert failures == [], "\n".join(map(str, failures))


def test_the_crawl_reaches_each_kind_of_page(app):
    """The crawl is worth something only if it sees every kind of module, attempts,
    evidence and rounds of both kinds."""
    load_demo("en")
    db.session.commit()
    manager = _user("manager")
    pages = [url for url, _status in _pages("manager", manager)]
    for part in ("/lesson", "/quiz", "/assignment", "/sandbox", "/quiz/attempts/",
                 "/evidence/", "/training/submissions/", "/record.pdf"):
        assert any(part in url for url in pages), part


def test_the_bench_data_renders_on_the_quiz_result_and_review_pages(app, client):
    """``bench/training.py`` writes attempts and rounds in the pages' snapshot formats."""
    generate(app, "tiny", today=date(2026, 1, 5), echo=lambda _line: None)
    db.session.expire_all()
    attempt = db.session.scalars(select(QuizAttempt).where(
        QuizAttempt.passed.is_(False))).first()
    sandbox_round = db.session.scalars(select(Submission).join(Submission.module).where(
        TrainingModule.kind == ModuleKind.SANDBOX.value)).first()
    assert attempt is not None and sandbox_round is not None
    login(client, attempt.enrolment.user)
    url = (f"/training/enrolments/{attempt.enrolment_id}/modules/{attempt.module_id}"
           f"/quiz/attempts/{attempt.number}")
    response = client.get(url)
    assert response.status_code == 200 and _shows_its_content(url, response.text)
    login(client, sandbox_round.enrolment.mentor)
    url = f"/training/submissions/{sandbox_round.id}"
    response = client.get(url)
    assert response.status_code == 200 and "round-milestone" in response.text


@pytest.mark.parametrize(("roles", "tabs"), [
    ((Role.NEW_HIRE,), ["/training/", "/training/journeys"]),
    ((Role.CSM,), ["/training/", "/training/reviews", "/training/journeys"]),
    ((Role.MANAGER,), ["/training/", "/training/reviews", "/training/enrolments/new",
                       "/training/curricula", "/training/journeys", "/training/friction"]),
])
def test_the_training_tabs_offer_each_role_the_pages_it_may_open(as_role, roles, tabs):
    client = as_role(*roles)
    html = client.get("/training/").text
    nav = html[html.index('class="sub-nav training-tabs"'):]
    nav = nav[:nav.index("</nav>")]
    assert re.findall(r'href="([^"]+)"', nav) == tabs
    for url in tabs:
        assert client.get(url, follow_redirects=True).status_code == 200
