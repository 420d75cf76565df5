"""Published kit versions stay as published when two managers act at the same moment,
with two real database connections (``race_app``: PostgreSQL when TEST_DATABASE_URL is
set, a SQLite file otherwise). A swap, move or publish that comes second changes
nothing — no item text, no position, no ``times_used`` — and its page says what the
first one did; two "Edit (new version)" clicks make one draft. Never a server error.
(test_kits_conflicts.py takes the request that comes second one step at a time.)"""

import re
import threading
from dataclasses import dataclass

import pytest
from flask import Flask
from sqlalchemy import func, select

from cshire.audit import AuditEntry
from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.kits import InterviewKitVersion, KitItem, KitStatus
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.services.kits import publish
from tests import factories
from tests.interviews import factories_design as design

ROUNDS = 5  # races per test: one interleaving may happen to be harmless
PUBLISHED = "Version 1 is published and can no longer change. It was published by Ana"
EDITED = "Someone else saved this while you were editing"
DRAFT_EXISTS = "Version 2 is already a draft of this kit, started by "


@dataclass(frozen=True)
class Draft:
    """A kit's draft version 1 as both managers' pages show it."""

    kit_id: int
    version: int  # the counter the page was loaded at
    first_item: int
    spare: int  # a bank question for the first item that the kit does not hold
    texts: list[str]
    question_ids: list[int]

    def url(self, action: str = "") -> str:
        return f"/hiring/kits/{self.kit_id}/versions/1{action}"


@dataclass(frozen=True)
class Managers:
    ana: str
    ben: str


@pytest.fixture
def managers(race_app: Flask) -> Managers:
    with race_app.app_context():
        ana = factories.user(Role.MANAGER, name="Ana")
        ben = factories.user(Role.MANAGER, name="Ben")
        db.session.commit()
        return Managers(ana.get_id(), ben.get_id())


def _draft(race_app: Flask, *, published: bool = False) -> Draft:
    with race_app.app_context():
        profile = design.profile()
        design.bank_for(profile, 2)
        kit = design.kit(profile, total=3)
        version = kit.versions[0]
        if published:
            publish(version, actor=None)
        db.session.commit()
        used = {item.question_id for item in version.items}
        first = version.items[0]
        spare = next(q for q in db.session.scalars(select(InterviewQuestion))
                     if q.competency_id == first.competency_id and q.id not in used)
        return Draft(kit.id, version.version, first.id, spare.id,
                     [i.text for i in version.items], [i.question_id for i in version.items])


def _at_once(race_app: Flask, *posts: tuple[str, str, dict]) -> list[tuple[int, str]]:
    """POSTs sent at the same moment, each ``(user key, url, form)`` by its own signed-in
    client; after their redirects, each one's status and flashed messages, in order."""
    responses: list[tuple[int, str]] = [(0, "")] * len(posts)
    start = threading.Barrier(len(posts))

    def send(index: int, user_key: str, url: str, data: dict) -> None:
        http = race_app.test_client()
        with http.session_transaction() as session:
            session["_user_id"], session["_fresh"] = user_key, True
        start.wait()
        try:
            response = http.post(url, data=data, follow_redirects=True)
            responses[index] = (response.status_code, response.get_data(as_text=True))
        except Exception as error:  # a server error: the assertion below shows it
            responses[index] = (500, repr(error))

    threads = [threading.Thread(target=send, args=(n, *post)) for n, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in responses] == [200] * len(posts), responses
    return [(status, " | ".join(_flashes(page))) for status, page in responses]


def _flashes(page: str) -> list[str]:
    """The messages a page flashes (what a refused request is told)."""
    return re.findall(r'<p class="flash flash-\w+"[^>]*>(.*?)</p>', page, re.S)


@dataclass(frozen=True)
class Stored:
    status: str
    texts: list[str]
    times_used: dict[int, int]
    publications: int  # audit rows "version 1: draft → published"


def _stored(race_app: Flask, draft: Draft) -> Stored:
    with race_app.app_context():
        version = db.session.scalar(select(InterviewKitVersion)
                                    .where(InterviewKitVersion.kit_id == draft.kit_id))
        texts = list(db.session.scalars(select(KitItem.text).where(
            KitItem.kit_version_id == version.id).order_by(KitItem.position)))
        used = dict(db.session.execute(
            select(InterviewQuestion.id, InterviewQuestion.times_used)
            .where(InterviewQuestion.id.in_([*draft.question_ids, draft.spare]))).all())
        publications = db.session.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.entity_type == InterviewKitVersion.__tablename__,
            AuditEntry.entity_id == version.id, AuditEntry.new_value == "published"))
        return Stored(version.status, texts, used, publications)


def _assert_published_as_loaded(stored: Stored, draft: Draft) -> None:
    """Published exactly as both pages showed it, each question counted once."""
    assert stored.texts == draft.texts
    assert stored.times_used == {**dict.fromkeys(draft.question_ids, 1), draft.spare: 0}
    assert stored.publications == 1


def _swap(user: str, draft: Draft) -> tuple[str, str, dict]:
    return (user, draft.url(f"/items/{draft.first_item}/swap"),
            {"version": draft.version, "question": draft.spare})


def _move(user: str, draft: Draft) -> tuple[str, str, dict]:
    return (user, draft.url(f"/items/{draft.first_item}/move"),
            {"version": draft.version, "direction": "down"})


def _publish(user: str, draft: Draft) -> tuple[str, str, dict]:
    return user, draft.url("/publish"), {"version": draft.version}


def _spare_text(race_app: Flask, draft: Draft) -> str:
    with race_app.app_context():
        return db.session.get(InterviewQuestion, draft.spare).text


@pytest.mark.parametrize("change", [_swap, _move], ids=["swap", "move"])
def test_a_change_racing_a_publish_never_reaches_the_published_version(
        race_app, managers, change):
    for _round in range(ROUNDS):
        draft = _draft(race_app)
        (_, changed), (_, published) = _at_once(
            race_app, change(managers.ben, draft), _publish(managers.ana, draft))
        stored = _stored(race_app, draft)
        if stored.status == KitStatus.PUBLISHED.value:
            _assert_published_as_loaded(stored, draft)
            assert PUBLISHED in changed, changed
        else:  # the change came first: the publish was refused, nothing was counted
            expected = ([_spare_text(race_app, draft), *draft.texts[1:]] if change is _swap
                        else [draft.texts[1], draft.texts[0], *draft.texts[2:]])
            assert stored.texts == expected
            assert set(stored.times_used.values()) == {0}
            assert stored.publications == 0
            assert EDITED in published and "Last saved by Ben" in published, published


def test_two_publishes_at_once_publish_once_and_count_each_question_once(race_app, managers):
    for _round in range(ROUNDS):
        draft = _draft(race_app)
        pages = _at_once(race_app, _publish(managers.ana, draft), _publish(managers.ana, draft))
        _assert_published_as_loaded(_stored(race_app, draft), draft)
        refused = [page for _, page in pages if PUBLISHED in page]
        assert len(refused) == 1, pages


def _drafts(race_app: Flask, kit_id: int) -> list[int]:
    with race_app.app_context():
        return list(db.session.scalars(select(InterviewKitVersion.number).where(
            InterviewKitVersion.kit_id == kit_id,
            InterviewKitVersion.status == KitStatus.DRAFT.value)))


def test_two_new_version_clicks_at_once_make_one_draft(race_app, managers):
    for _round in range(ROUNDS):
        kit_id = _draft(race_app, published=True).kit_id
        url = f"/hiring/kits/{kit_id}/new-version"
        pages = [page for _, page in _at_once(race_app, (managers.ana, url, {}),
                                                (managers.ben, url, {}))]
        assert _drafts(race_app, kit_id) == [2]
        made = [page for page in pages if "Version 2 is a draft copy you can edit" in page]
        assert len(made) == 1, pages
        (other,) = [page for page in pages if page is not made[0]]
        assert DRAFT_EXISTS in other and "no second draft was made" in other, other

