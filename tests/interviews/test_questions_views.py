"""The question bank through HTTP: filters, adding and editing with errors next to their
field, retiring and reactivating."""

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.views.questions import question_filters
from tests import factories
from tests.conftest import assert_fixed_query_count
from tests.interviews import factories_design as design
from tests.interviews.conftest import count, page


def test_the_bank_filters_and_shows_times_used(manager):
    a, b = factories.competency("A"), factories.competency("B")
    design.question(a, text="Angry customer scene", times_used=7)
    design.question(b, text="Renewal at risk", question_type="behavioural")
    db.session.commit()

    everything = page(manager.get("/hiring/questions"))
    assert "Angry customer scene" in everything and ">7<" in everything
    filtered = page(manager.get(f"/hiring/questions?q=renewal&competency={b.id}"
                                "&type=behavioural&language=en&status=active"))
    assert "Renewal at risk" in filtered and "Angry customer" not in filtered
    nothing = page(manager.get("/hiring/questions?q=zzz"))
    assert "No question matches these filters." in nothing


def test_the_empty_bank_invites_a_first_question(manager):
    assert "The bank is empty" in page(manager.get("/hiring/questions"))


def test_new_question_is_saved_and_errors_keep_the_input(manager):
    a = factories.competency()
    db.session.commit()
    fields = {"question_type": "situational", "language": "en", "text": "What do you do?",
              "probes": "Why?\nThen?", "anchor_low": "", "anchor_mid": "", "anchor_high": ""}

    refused = manager.post("/hiring/questions/new", data={**fields, "competency": ""})
    assert refused.status_code == 200
    assert "Choose a competency." in page(refused) and "What do you do?" in page(refused)
    assert count(InterviewQuestion) == 0

    saved = manager.post("/hiring/questions/new", data={**fields, "competency": str(a.id)})
    assert saved.status_code == 302
    assert db.session.scalar(select(InterviewQuestion)).probe_list == ["Why?", "Then?"]


def test_edit_question_form_is_prefilled(manager):
    question = design.question(factories.competency(), text="Original wording")
    db.session.commit()
    html = page(manager.get(f"/hiring/questions/{question.id}/edit"))
    assert "Original wording" in html
    assert f'<option selected value="{question.competency_id}">' in html


def test_retire_and_reactivate_ask_for_confirmation(manager):
    question = design.question(factories.competency())
    db.session.commit()

    assert "Retire this question?" in page(manager.get(f"/hiring/questions/{question.id}/retire"))
    assert manager.post(f"/hiring/questions/{question.id}/retire").status_code == 302
    db.session.expire_all()
    assert not db.session.get(InterviewQuestion, question.id).active

    assert manager.post(f"/hiring/questions/{question.id}/reactivate").status_code == 302
    db.session.expire_all()
    assert db.session.get(InterviewQuestion, question.id).active


# --- fixed query counts ----------------------------------------------------------------


def test_bank_list_queries_do_not_grow_with_rows(manager):
    def grow(n):
        for _ in range(n):
            design.question(factories.competency())

    assert_fixed_query_count(manager, "/hiring/questions", grow)


# --- forms -----------------------------------------------------------------------------


def test_question_filters_ignore_unknown_values(app):
    filters = question_filters(MultiDict({"q": " cancel ", "competency": "x", "type": "odd",
                                          "language": "ja", "status": "retired"}))
    assert (filters.search, filters.competency_id, filters.question_type) == ("cancel", None, "")
    assert (filters.language, filters.status) == ("ja", "retired")




# --- the viewer's language, links, orders ----------------------------------------------------


def test_the_bank_shows_the_viewers_language_unless_all_are_asked_for(app, as_role):
    competency = factories.competency()
    design.question(competency, text="How do you open a renewal call?")
    design.question(competency, language="ja", text="更新の電話をどう始めますか")
    db.session.commit()
    english = page(as_role(Role.MANAGER).get("/hiring/questions"))
    assert "How do you open a renewal call?" in english and "更新の電話" not in english
    japanese = as_role(Role.MANAGER, locale="ja")
    default = page(japanese.get("/hiring/questions"))
    assert "更新の電話をどう始めますか" in default and "renewal call" not in default
    assert '<option value="ja" selected>' in default
    everything = page(japanese.get("/hiring/questions?language="))
    assert "更新の電話" in everything and "renewal call" in everything


def test_a_language_without_questions_offers_all_languages(manager):
    design.question(factories.competency(), language="ja")
    db.session.commit()
    html = page(manager.get("/hiring/questions"))
    assert "No question in English yet." in html
    assert 'href="/hiring/questions?language="' in html


def test_every_question_text_opens_the_question(manager):
    question = design.question(factories.competency(), text="Walk me through a QBR")
    db.session.commit()
    html = page(manager.get("/hiring/questions"))
    assert f'<a href="/hiring/questions/{question.id}/edit">Walk me through a QBR</a>' in html


def test_saving_a_question_returns_to_the_bank_in_its_language(manager):
    competency = factories.competency()
    question = design.question(competency, language="ja")
    db.session.commit()
    response = manager.post(f"/hiring/questions/{question.id}/retire")
    assert response.location.endswith("/hiring/questions?language=ja")


def test_the_bank_sorts_by_times_used_and_keeps_its_filters(manager):
    competency = factories.competency()
    design.question(competency, text="Rarely used", times_used=1)
    design.question(competency, text="Often used", times_used=9)
    db.session.commit()
    html = page(manager.get(f"/hiring/questions?competency={competency.id}&sort=-used"))
    assert html.index("Often used") < html.index("Rarely used")
    assert f'href="/hiring/questions?competency={competency.id}&amp;sort=used"' in html
    ascending = page(manager.get(f"/hiring/questions?competency={competency.id}&sort=used"))
    assert ascending.index("Rarely used") < ascending.index("Often used")
