"""The interviewer's scorecard: drafts, optimistic concurrency, submission, reopening
and the audit trail; "My interviews"."""

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm.exc import StaleDataError

from cshire.audit import history
from cshire.auth.models import Role
from cshire.database import utcnow
from cshire.errors import EditConflict
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.scoring import Scorecard
from cshire.interviews.services.scoring import (
    AnswerInput,
    ScorecardInput,
    answer_field,
    my_interviews,
    reopen_scorecard,
    save_draft,
    submit_scorecard,
)
from tests import factories
from tests.interviews import factories_process as make


@pytest.fixture
def seat(app):
    """An interviewer's empty scorecard on a three-question kit."""
    application = make.application(make.opening(), status="interviewing")
    interview = make.interview(application, [make.interviewer()])
    return interview.scorecards[0]


def _items(scorecard):
    return scorecard.interview.stage.kit_version.items


def _draft(scorecard, answers, recommendation=None, version=None):
    save_draft(scorecard, ScorecardInput(
        scorecard.version if version is None else version, recommendation, answers),
        actor=scorecard.interviewer)


def test_a_partial_draft_is_saved_and_bumps_the_version(seat):
    first = _items(seat)[0]
    _draft(seat, [AnswerInput(first.id, rating=4, note="Named the customer's goal")])
    db.session.commit()
    db.session.expire_all()
    assert seat.version == 2
    assert [(a.kit_item_id, a.rating, a.note) for a in seat.answers] == [
        (first.id, 4, "Named the customer's goal")]
    assert seat.status == "draft"


def test_a_stale_version_is_refused_and_changes_nothing(seat):
    item = _items(seat)[0]
    _draft(seat, [AnswerInput(item.id, rating=2)])
    with pytest.raises(EditConflict) as error:
        _draft(seat, [AnswerInput(item.id, rating=5)], version=1)
    assert error.value.current_version == seat.version == 2
    assert seat.answers[0].rating == 2


def test_a_refused_answer_leaves_the_whole_draft_unchanged(seat):
    """Every answer is checked before any is stored, so a refusal changes nothing."""
    first, second, _third = _items(seat)
    with pytest.raises(HiringError) as error:
        _draft(seat, [AnswerInput(first.id, rating=4), AnswerInput(second.id, rating=9)])
    assert error.value.code == "rating_invalid"
    assert seat.answers == [] and seat.version == 1


def test_the_database_refuses_a_save_when_another_request_saved_first(seat):
    """The UPDATE carries WHERE version = …: even two requests that both passed the
    version check cannot both write."""
    db.session.commit()
    db.session.execute(update(Scorecard).where(Scorecard.id == seat.id).values(version=7)
                       .execution_options(synchronize_session=False))
    with pytest.raises(StaleDataError):
        _draft(seat, [AnswerInput(_items(seat)[0].id, rating=3)], version=1)
    db.session.rollback()


def test_only_the_author_saves_a_scorecard(seat):
    with pytest.raises(HiringError) as error:
        save_draft(seat, ScorecardInput(seat.version, None, []), actor=make.interviewer())
    assert error.value.code == "not_your_scorecard"


def test_ratings_outside_1_to_5_and_foreign_questions_are_refused(seat):
    with pytest.raises(HiringError) as rating:
        _draft(seat, [AnswerInput(_items(seat)[0].id, rating=6)])
    assert rating.value.code == "rating_invalid"
    other_kit_item = make.kit_version().items[0]
    with pytest.raises(HiringError) as foreign:
        _draft(seat, [AnswerInput(other_kit_item.id, rating=3)])
    assert foreign.value.code == "question_unknown"


def test_submitting_lists_what_is_missing(seat):
    first, second, _third = _items(seat)
    _draft(seat, [AnswerInput(first.id, rating=4),
                  AnswerInput(second.id, not_asked=True, not_asked_reason="")])
    with pytest.raises(HiringError) as error:
        submit_scorecard(seat, actor=seat.interviewer)
    assert (error.value.code, error.value.params) == ("incomplete", {"count": 3})
    assert [(p.params.get("position"), p.code) for p in error.value.problems] == [
        (2, "reason_missing"), (3, "rating_missing"), (None, "recommendation_missing")]
    assert seat.status == "draft"


def test_an_opening_can_require_an_evidence_note_with_every_rating(app):
    application = make.application(make.opening(notes_required=True))
    scorecard = make.interview(application, [make.interviewer()]).scorecards[0]
    make.rate(scorecard, [4, None, 3], note="", submit=False)
    with pytest.raises(HiringError) as error:
        submit_scorecard(scorecard, actor=scorecard.interviewer)
    assert [(p.params["position"], p.code) for p in error.value.problems] == [
        (1, "note_missing"), (3, "note_missing")]


def test_not_asked_clears_a_rating_and_keeps_the_reason(seat):
    item = _items(seat)[0]
    _draft(seat, [AnswerInput(item.id, rating=4)])
    _draft(seat, [AnswerInput(item.id, rating=4, not_asked=True, not_asked_reason="No time")])
    answer = seat.answers[0]
    assert (answer.rating, answer.not_asked, answer.not_asked_reason) == (None, True, "No time")


def test_a_submitted_scorecard_is_locked(seat):
    make.rate(seat, [4, 3, None])
    assert seat.is_submitted and seat.submitted_at is not None
    with pytest.raises(HiringError) as error:
        _draft(seat, [AnswerInput(_items(seat)[0].id, rating=1)])
    assert error.value.code == "locked"
    assert history(seat) == []  # nothing audited until something changes after submission


def test_only_the_hiring_manager_or_an_admin_reopens_and_must_say_why(seat):
    make.rate(seat, [4, 3, 2])
    manager = seat.interview.application.opening.hiring_manager
    for outsider in (seat.interviewer, factories.user(Role.MANAGER)):
        with pytest.raises(HiringError) as error:
            reopen_scorecard(seat, actor=outsider, reason="Typo")
        assert error.value.code == "not_hiring_manager"
    with pytest.raises(HiringError) as missing:
        reopen_scorecard(seat, actor=manager, reason="  ")
    assert missing.value.code == "reason_required"
    reopen_scorecard(seat, actor=factories.user(Role.ADMIN), reason="Wrong candidate noted")
    assert seat.status == "draft"


def test_every_change_after_submission_is_audited_with_who_when_old_and_new(seat):
    make.rate(seat, [4, 3, 2], recommendation="yes")
    manager = seat.interview.application.opening.hiring_manager
    reopen_scorecard(seat, actor=manager, reason="Question 2 was rated for the wrong answer")
    second = _items(seat)[1]
    _draft(seat, [AnswerInput(second.id, rating=5, note="Concrete example.")],
           recommendation="strong_yes")
    submit_scorecard(seat, actor=seat.interviewer)
    trail = [(e.actor, e.entity_type, e.field, e.old_value, e.new_value, e.reason)
             for e in reversed(history(seat))]
    assert trail == [
        (manager, "scorecards", "status", "submitted", "draft",
         "Question 2 was rated for the wrong answer"),
        (seat.interviewer, "scorecards", answer_field(second.id, "rating"), "3", "5", ""),
        (seat.interviewer, "scorecards", "recommendation", "yes", "strong_yes", ""),
        (seat.interviewer, "scorecards", "status", "draft", "submitted", ""),
    ]
    assert all(e.at is not None for e in history(seat))


def test_not_asked_is_audited_as_a_boolean_with_its_reason(seat):
    make.rate(seat, [4, 3, 2])
    reopen_scorecard(seat, actor=seat.interview.application.opening.hiring_manager,
                     reason="Question 1 was not asked")
    first = _items(seat)[0]
    _draft(seat, [AnswerInput(first.id, not_asked=True, not_asked_reason="No time",
                              note="Concrete example.")], recommendation="yes")
    changed = {e.field: (e.old_value, e.new_value) for e in history(seat)
               if e.field.startswith(f"q{first.id}.")}
    assert changed == {answer_field(first.id, "rating"): ("4", ""),
                       answer_field(first.id, "not_asked"): ("false", "true"),
                       answer_field(first.id, "not_asked_reason"): ("", "No time")}


def test_my_interviews_splits_upcoming_waiting_and_submitted(app):
    me = make.interviewer()
    opening = make.opening()
    now = utcnow()
    upcoming = make.interview(make.application(opening), [me], when=now + timedelta(days=1))
    waiting = make.interview(make.application(opening), [me], when=now - timedelta(hours=1))
    done = make.interview(make.application(opening), [me], when=now - timedelta(days=2))
    make.interview(make.application(opening), [make.interviewer()])  # not mine
    make.rate(done.scorecards[0], [3, 3, 3])
    mine = my_interviews(me, now=now)
    assert [s.interview for s in mine.upcoming] == [upcoming]
    assert [s.interview for s in mine.waiting] == [waiting]
    assert [s.interview for s in db.session.scalars(mine.submitted)] == [done]
