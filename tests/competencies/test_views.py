import re

from cshire.auth.models import Role
from cshire.competencies.models import Competency
from cshire.competencies.services import set_archived
from cshire.extensions import db
from tests import factories
from tests.conftest import assert_fixed_query_count


def _form(**overrides) -> dict:
    data = {"code": "LISTENING", "category": "skill", "name_en": "Listening", "name_ja": "傾聴",
            "description_en": "", "description_ja": ""}
    for n in range(1, 6):
        data[f"level{n}_en"] = f"Level {n} behaviour"
        data[f"level{n}_ja"] = f"レベル{n}"
    data.update(overrides)
    return data


def test_manager_creates_a_competency(app, as_role):
    client = as_role(Role.MANAGER)
    response = client.post("/competencies/new", data=_form())
    assert response.status_code == 302
    created = db.session.scalar(db.select(Competency).where(Competency.code == "LISTENING"))
    assert created.level(5).description_en == "Level 5 behaviour"


def test_invalid_competency_keeps_what_was_typed(app, as_role):
    client = as_role(Role.MANAGER)
    response = client.post("/competencies/new", data=_form(level2_en="", level2_ja="",
                                                           name_en="Kept text"))
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Describe every level in at least one language." in body
    assert 'value="Kept text"' in body


def test_edit_with_a_stale_version_is_refused_and_input_kept(app, as_role):
    client = as_role(Role.MANAGER, name="Mia Manager")
    competency = factories.competency("OLD")
    db.session.commit()
    stale = competency.version
    client.post(f"/competencies/{competency.id}/edit", data=_form(code="OLD", version=stale))
    response = client.post(f"/competencies/{competency.id}/edit",
                           data=_form(code="OLD", name_en="My late edit", version=stale))
    body = response.get_data(as_text=True)
    assert "Someone else saved this while you were editing" in body and "My late edit" in body
    assert "Last saved by Mia Manager" in body


def _edit_page_version(client, competency_id: int) -> str:
    body = client.get(f"/competencies/{competency_id}/edit").get_data(as_text=True)
    return re.search(r'name="version" type="hidden" value="(\d+)"', body).group(1)


def test_second_of_two_forms_loaded_at_the_same_version_is_refused(app, as_role):
    competency = factories.competency("TWO")
    first = as_role(Role.MANAGER, name="First Manager")
    first_version = _edit_page_version(first, competency.id)
    second_version = _edit_page_version(first, competency.id)  # a second tab, same version
    saved = first.post(f"/competencies/{competency.id}/edit",
                       data=_form(code="TWO", name_en="First wins", version=first_version))
    assert saved.status_code == 302
    refused = first.post(f"/competencies/{competency.id}/edit",
                         data=_form(code="TWO", name_en="Second typed", version=second_version))
    body = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "Someone else saved this while you were editing" in body
    assert 'value="Second typed"' in body
    db.session.expire_all()
    assert db.session.get(Competency, competency.id).name_en == "First wins"


def test_saving_again_after_a_conflict_replaces_the_other_save_knowingly(app, as_role):
    competency = factories.competency("AGAIN")
    client = as_role(Role.MANAGER)
    loaded = _edit_page_version(client, competency.id)
    client.post(f"/competencies/{competency.id}/edit",
                data=_form(code="AGAIN", name_en="Other save", version=loaded))
    refused = client.post(f"/competencies/{competency.id}/edit",
                          data=_form(code="AGAIN", name_en="Mine", version=loaded))
    current = re.search(r'name="version" type="hidden" value="(\d+)"',
                        refused.get_data(as_text=True)).group(1)
    assert current != loaded
    again = client.post(f"/competencies/{competency.id}/edit",
                        data=_form(code="AGAIN", name_en="Mine", version=current))
    assert again.status_code == 302
    db.session.expire_all()
    assert db.session.get(Competency, competency.id).name_en == "Mine"


def test_a_taken_code_is_shown_next_to_the_code_field(app, as_role):
    factories.competency("TAKEN")
    client = as_role(Role.MANAGER)
    body = client.post("/competencies/new", data=_form(code="taken")).get_data(as_text=True)
    assert re.search(r'id="code-error"[^>]*>The code TAKEN is already used', body)
    assert 'value="taken"' in body


def test_managers_see_who_changed_what_on_the_detail_page(app, as_role):
    client = as_role(Role.MANAGER, name="Mia Manager")
    client.post("/competencies/new", data=_form())
    competency = db.session.scalar(db.select(Competency).where(Competency.code == "LISTENING"))
    client.post(f"/competencies/{competency.id}/edit",
                data=_form(name_en="Deep listening", version=competency.version))
    client.post(f"/competencies/{competency.id}/archive")
    body = client.get(f"/competencies/{competency.id}").get_data(as_text=True)
    history = body[body.index('id="audit-history-title"'):]
    assert "Mia Manager" in history
    assert "Name (English)" in history and "Listening" in history and "Deep listening" in history
    assert history.index("Archived") < history.index("Name (English)") < history.index("Created")


def test_a_competency_without_changes_shows_the_empty_history(app, as_role):
    competency = factories.competency()
    body = as_role(Role.ADMIN).get(f"/competencies/{competency.id}").get_data(as_text=True)
    assert "No changes recorded yet." in body


def test_other_roles_do_not_see_the_history(app, as_role):
    competency = factories.competency()
    body = as_role(Role.CSM).get(f"/competencies/{competency.id}").get_data(as_text=True)
    assert 'id="audit-history-title"' not in body


def test_competency_history_is_shown_in_a_fixed_number_of_queries(app, as_role):
    client = as_role(Role.MANAGER)
    competency = factories.competency()

    def edits(n: int) -> None:
        for i in range(n):
            actor = factories.user(Role.MANAGER)
            set_archived(competency, i % 2 == 0, actor=actor)

    assert_fixed_query_count(client, f"/competencies/{competency.id}", edits)


def test_archive_asks_for_confirmation_first(app, as_role):
    client = as_role(Role.MANAGER)
    competency = factories.competency()
    db.session.commit()
    page = client.get(f"/competencies/{competency.id}/archive")
    assert "Everything that already uses it keeps it" in page.get_data(as_text=True)
    assert db.session.get(Competency, competency.id).archived_at is None
    client.post(f"/competencies/{competency.id}/archive")
    db.session.expire_all()
    assert db.session.get(Competency, competency.id).archived_at is not None


def test_one_click_import_of_a_starter_set(app, as_role):
    client = as_role(Role.MANAGER)
    response = client.post("/competencies/import", data={"archetype": "target_driven"},
                           follow_redirects=True)
    assert "7 competencies imported" in response.get_data(as_text=True)


def test_catalogue_list_shows_the_viewers_language(app, as_role):
    factories.competency("EMPATHY", name_en="Customer empathy", name_ja="顧客への共感")
    client = as_role(Role.CSM, locale="ja")
    body = client.get("/competencies/").get_data(as_text=True)
    assert "顧客への共感" in body and "Customer empathy" not in body


def test_empty_catalogue_invites_managers_to_import(app, as_role):
    body = as_role(Role.MANAGER).get("/competencies/").get_data(as_text=True)
    assert "Import a starter set" in body and "There are no competencies yet" in body


def test_non_managers_do_not_see_archived_competencies(app, as_role):
    factories.competency("HIDDEN", archived=True)
    body = as_role(Role.CSM).get("/competencies/?archived=1").get_data(as_text=True)
    assert "HIDDEN" not in body


def test_competency_list_issues_a_fixed_number_of_queries(app, as_role):
    client = as_role(Role.MANAGER)
    assert_fixed_query_count(client, "/competencies/", lambda n: [
        factories.competency() for _ in range(n)])


def test_the_catalogue_sorts_by_the_name_in_the_viewers_language(app, as_role):
    factories.competency("A-1", name_en="Zeal", name_ja="傾聴の姿勢")
    factories.competency("B-1", name_en="Agility", name_ja="熱意")
    db.session.commit()
    english = as_role(Role.CSM).get("/competencies/?sort=name").get_data(as_text=True)
    assert english.index("Agility") < english.index("Zeal")
    japanese = as_role(Role.CSM, locale="ja").get("/competencies/?sort=name")
    html = japanese.get_data(as_text=True)
    assert html.index("傾聴の姿勢") < html.index("熱意")
    assert 'aria-sort="ascending"' in html
