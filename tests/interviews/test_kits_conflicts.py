"""What a kit change that comes second gets, one step at a time (services, no HTTP):
what the other request committed is written behind the session's back, so the session
still holds the draft as it read it — as the later of two requests at once does (the
same races over HTTP on two connections: test_kits_races.py)."""

import pytest
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from cshire.audit import AuditEntry
from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.messages import VersionPublished
from cshire.interviews.models.kits import InterviewKitVersion, KitStatus
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.services.kits import (
    draft_of,
    move_item,
    open_draft,
    publish,
    swap_item,
)
from tests import factories
from tests.interviews import factories_design as design

PUBLISHED = "Version 1 is published and can no longer change. It was published by Ana"


@pytest.fixture
def ana(app):
    return factories.user(Role.MANAGER, name="Ana")


@pytest.fixture
def read_draft(app) -> InterviewKitVersion:
    profile = design.profile()
    design.bank_for(profile, 2)
    version = design.kit(profile, total=3).versions[0]
    db.session.commit()
    return version


def _published_meanwhile(version: InterviewKitVersion, by) -> None:
    db.session.execute(
        update(InterviewKitVersion).where(InterviewKitVersion.id == version.id)
        .values(status=KitStatus.PUBLISHED.value, published_by_id=by.id,
                published_at=utcnow(), version=version.version + 1)
        .execution_options(synchronize_session=False))


CHANGES = {
    "swap": lambda version, item, spare: swap_item(version, item.id, spare.id),
    "move": lambda version, item, spare: move_item(version, item.id, "down"),
    "publish": lambda version, item, spare: publish(version, actor=None),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_a_draft_published_meanwhile_changes_nothing_and_says_by_whom(
        read_draft, ana, change):
    version = read_draft
    item = version.items[0]
    spare = design.question(item.competency)
    before = [(i.id, i.position, i.question_id, i.text) for i in version.items]
    _published_meanwhile(version, ana)
    assert not version.is_published  # as this request read it

    with pytest.raises(VersionPublished) as refused:
        CHANGES[change](version, item, spare)

    assert PUBLISHED in refused.value.message()
    db.session.expire_all()
    assert [(i.id, i.position, i.question_id, i.text) for i in version.items] == before
    assert {q.times_used for q in db.session.scalars(select(InterviewQuestion))} == {0}


def test_a_second_new_version_opens_the_draft_made_meanwhile(read_draft, ana):
    kit = read_draft.kit
    publish(read_draft, actor=None)
    db.session.commit()
    assert draft_of(kit) is None  # as this request read the kit
    made = db.session.execute(insert(InterviewKitVersion.__table__).values(
        kit_id=kit.id, number=2, status=KitStatus.DRAFT.value, total_questions=3))
    db.session.execute(insert(AuditEntry.__table__).values(
        entity_type=InterviewKitVersion.__tablename__, entity_id=made.inserted_primary_key[0],
        field="v2.status", old_value="", new_value=KitStatus.DRAFT.value, actor_id=ana.id))

    opened = open_draft(kit, actor=None)

    assert (opened.draft.number, opened.made, opened.started_by) == (2, False, "Ana")
    assert list(db.session.scalars(select(InterviewKitVersion.number).where(
        InterviewKitVersion.kit_id == kit.id,
        InterviewKitVersion.status == KitStatus.DRAFT.value))) == [2]


def test_a_kit_holds_one_draft_at_most_in_the_database(read_draft):
    read_draft.kit.versions.append(InterviewKitVersion(number=2, total_questions=3))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
