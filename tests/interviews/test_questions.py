"""The question bank: writing, editing, retiring and searching questions."""

import pytest

from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.services.questions import (
    QuestionFilters,
    QuestionInput,
    create_question,
    question_query,
    set_active,
    update_question,
)
from tests import factories
from tests.interviews import factories_design as design


def data(competency, **overrides) -> QuestionInput:
    values = {
        "competency_id": competency.id, "question_type": "situational", "language": "en",
        "text": "  A customer asks to cancel. What do you do?  ",
        "probes": " First probe \n\n  Second probe\n", "anchor_low": " Argues ",
        "anchor_mid": "Asks why", "anchor_high": "Asks why and offers a plan",
    }
    values.update(overrides)
    return QuestionInput(**values)


def test_create_question_trims_text_and_keeps_one_probe_per_line(app):
    competency = factories.competency()

    question = create_question(data(competency))

    assert question.text == "A customer asks to cancel. What do you do?"
    assert question.probes == "First probe\nSecond probe"
    assert question.probe_list == ["First probe", "Second probe"]
    assert question.anchor_low == "Argues"
    assert question.active and question.times_used == 0


@pytest.mark.parametrize(("overrides", "code", "field"), [
    ({"competency_id": None}, "competency_required", "competency"),
    ({"competency_id": 999_999}, "competency_required", "competency"),
    ({"question_type": "trick"}, "type_invalid", "question_type"),
    ({"language": "fr"}, "language_invalid", "language"),
    ({"text": "   "}, "text_required", "text"),
])
def test_invalid_questions_are_refused_on_their_form_field(app, overrides, code, field):
    competency = factories.competency()
    with pytest.raises(HiringError) as error:
        create_question(data(competency, **overrides))
    assert error.value.code == code
    assert [(p.code, p.field) for p in error.value.problems] == [(code, field)]


def test_new_questions_need_an_active_competency_but_old_ones_keep_theirs(app):
    archived = factories.competency(archived=True)
    with pytest.raises(HiringError) as error:
        create_question(data(archived))
    assert error.value.code == "competency_archived"

    competency = factories.competency()
    question = create_question(data(competency))
    competency.archived_at = archived.archived_at
    update_question(question, data(competency, text="Reworded?"))
    assert question.text == "Reworded?"

    other = factories.competency(archived=True)
    with pytest.raises(HiringError):
        update_question(question, data(other))


def test_update_changes_the_bank_row_in_place(app):
    competency, other = factories.competency(), factories.competency()
    question = create_question(data(competency))

    update_question(question, data(other, question_type="behavioural", language="ja",
                                   text="顧客対応の経験を教えてください。"))

    assert question.competency is other
    assert (question.question_type, question.language) == ("behavioural", "ja")


def test_retire_and_reactivate(app):
    question = design.question(factories.competency())
    set_active(question, False)
    assert not question.active
    set_active(question, True)
    assert question.active


def texts(filters: QuestionFilters) -> list[str]:
    return [q.text for q in db.session.scalars(question_query(filters))]


def test_bank_search_and_filters(app):
    empathy, numbers = factories.competency("EMPATHY"), factories.competency("NUMBERS")
    design.question(empathy, text="A customer is ANGRY about an outage")
    design.question(empathy, text="Tell me about a time you calmed a customer",
                    question_type="behavioural")
    design.question(numbers, text="Renewal is at risk", active=False)
    design.question(numbers, text="解約したいと言われたらどうしますか", language="ja")

    assert texts(QuestionFilters(search="angry")) == ["A customer is ANGRY about an outage"]
    assert texts(QuestionFilters(search="解約")) == ["解約したいと言われたらどうしますか"]
    assert len(texts(QuestionFilters(competency_id=empathy.id))) == 2
    assert texts(QuestionFilters(question_type="behavioural")) == [
        "Tell me about a time you calmed a customer"]
    assert texts(QuestionFilters(language="ja")) == ["解約したいと言われたらどうしますか"]
    assert texts(QuestionFilters(status="retired")) == ["Renewal is at risk"]
    assert len(texts(QuestionFilters(status="active"))) == 3
    assert texts(QuestionFilters(search="customer", question_type="situational")) == [
        "A customer is ANGRY about an outage"]
    assert len(texts(QuestionFilters(question_type="bogus", language="xx"))) == 4
    assert QuestionFilters(search="x").any and not QuestionFilters().any


def test_search_also_finds_probes(app):
    question = design.question(factories.competency(), text="Plain question")
    question.probes = "What did the champion say?"
    assert texts(QuestionFilters(search="champion")) == ["Plain question"]
