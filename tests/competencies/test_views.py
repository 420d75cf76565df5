from cshire.auth.models import Role
from cshire.competencies.models import Competency
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
    client = as_role(Role.MANAGER)
    competency = factories.competency("OLD")
    db.session.commit()
    stale = competency.version
    client.post(f"/competencies/{competency.id}/edit", data=_form(code="OLD", version=stale))
    response = client.post(f"/competencies/{competency.id}/edit",
                           data=_form(code="OLD", name_en="My late edit", version=stale))
    body = response.get_data(as_text=True)
    assert "Someone else saved this competency" in body and "My late edit" in body


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
