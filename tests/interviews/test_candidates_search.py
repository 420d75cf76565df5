"""Finding a candidate by name or email: who finds whom (object-level rules), where a
result leads, and the search page."""

import re

import pytest
from flask import url_for
from sqlalchemy import select

from cshire.auth.models import Role
from cshire.extensions import db
from cshire.interviews.models.candidates import Application
from cshire.interviews.services.candidates import search_matches, search_query
from cshire.interviews.services.privacy import anonymise
from tests import factories
from tests.conftest import assert_fixed_query_count, login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text


def _found(viewer, text: str) -> list[str]:
    return [a.candidate.name for a in db.session.scalars(search_query(viewer, text)).unique()]


# --- who finds whom ------------------------------------------------------------------------


def test_a_hiring_manager_finds_the_candidates_of_their_openings_by_name_or_email(app):
    mine, theirs = make.opening(), make.opening()
    make.application(mine, name="Sato Aiko", email="aiko@example.test")
    make.application(theirs, name="Sato Ken", email="ken@example.test")
    manager = mine.hiring_manager
    assert _found(manager, "sato") == ["Sato Aiko"]
    assert _found(manager, "AIKO@EXAMPLE") == ["Sato Aiko"]
    assert _found(manager, "ken") == [], "another manager's opening stays hidden"


def test_an_admin_finds_the_candidates_of_every_opening(app):
    make.application(make.opening(), name="Sato Aiko")
    make.application(make.opening(), name="Sato Ken", email="ken@example.test")
    admin = factories.user(Role.ADMIN)
    assert _found(admin, "sato") == ["Sato Aiko", "Sato Ken"]
    assert _found(admin, "ken@") == ["Sato Ken"]


def test_an_interviewer_finds_only_the_candidates_they_interview_and_only_by_name(app):
    opening = make.opening()
    met = make.application(opening, name="Sato Aiko", email="aiko@example.test")
    make.application(opening, name="Sato Ken")
    ivan = make.interviewer("Ivan")
    make.interview(met, [ivan])
    assert _found(ivan, "sato") == ["Sato Aiko"]
    # The interview page shows no email, so searching by one must not reveal it.
    assert _found(ivan, "aiko@example") == []


def test_a_manager_on_another_managers_panel_finds_that_candidate_by_name_only(app):
    opening = make.opening()
    application = make.application(opening, name="Sato Aiko", email="aiko@example.test")
    colleague = factories.user(Role.MANAGER)
    make.interview(application, [colleague])
    assert _found(colleague, "sato") == ["Sato Aiko"]
    assert _found(colleague, "aiko@") == []


def test_a_candidate_is_found_per_opening_record(app):
    first, second = make.opening(), make.opening(second_manager := factories.user(Role.MANAGER))
    make.application(first, name="Sato Aiko", email="aiko@example.test")
    make.application(second, name="Aiko Sato", email="aiko@example.test")
    assert _found(second_manager, "aiko@example.test") == ["Aiko Sato"]
    assert _found(first.hiring_manager, "aiko@example.test") == ["Sato Aiko"]


def test_anonymised_candidates_are_never_found(app):
    opening = make.opening()
    application = make.application(opening, name="Sato Aiko", status="rejected")
    anonymise([application.candidate])
    db.session.expire_all()
    admin = factories.user(Role.ADMIN)
    assert _found(admin, "sato") == []
    assert _found(admin, "anonymi") == [], "not even by the placeholder name or address"


@pytest.mark.parametrize(("text", "found"), [
    ("100%", ["Team 100% Aiko"]), ("%", ["Team 100% Aiko"]), ("_", ["Under_score"]),
    ("佐藤", ["佐藤 愛子"]), ("  佐藤  ", ["佐藤 愛子"]), ("\\", []),
])
def test_the_search_text_is_taken_literally(app, text, found):
    opening = make.opening()
    for name in ("Team 100% Aiko", "Under_score", "佐藤 愛子", "Plain"):
        make.application(opening, name=name)
    assert _found(opening.hiring_manager, text) == found


# --- where a result leads ----------------------------------------------------------------------


def test_a_result_opens_the_scorecard_or_the_viewers_latest_interview(app):
    opening = make.opening(stages=2)
    application = make.application(opening, name="Sato Aiko", status="interviewing")
    ivan = make.interviewer("Ivan")
    make.interview(application, [ivan], stage=opening.stages[0])
    later = make.interview(application, [ivan], stage=opening.stages[1])
    [as_interviewer] = search_matches(ivan, [application])
    assert (as_interviewer.managed, as_interviewer.interview_id) == (False, later.id)
    [as_manager] = search_matches(opening.hiring_manager, [application])
    assert (as_manager.managed, as_manager.interview_id) == (True, None)


# --- the page ------------------------------------------------------------------------------------


def _search(client, **args) -> str:
    response = client.get(url_for("interviews.candidate_search", **args))
    assert response.status_code == 200
    return page_text(response)


def test_the_search_page_lists_links_and_says_when_nothing_matches(client, app):
    opening = make.opening()
    managed = make.application(opening, name="Sato Aiko", email="aiko@example.test")
    db.session.commit()
    login(client, opening.hiring_manager)
    assert "Type a part of a name" in _search(client)
    html = _search(client, q="aiko")
    scorecard = url_for("interviews.application_scorecard", application_id=managed.id,
                        _external=False)
    assert f'href="{scorecard}"' in html and "aiko@example.test" in html
    assert "No candidate you may see matches “nobody”." in _search(client, q="nobody")


def test_an_interviewer_is_led_to_the_interview_and_sees_no_email_or_status(client, app):
    application = make.application(make.opening(), name="Sato Aiko", email="aiko@example.test",
                                   status="interviewing")
    ivan = make.interviewer("Ivan")
    interview = make.interview(application, [ivan])
    db.session.commit()
    html = _search(login(client, ivan), q="sato")
    detail = url_for("interviews.interview_detail", interview_id=interview.id, _external=False)
    assert f'href="{detail}"' in html
    assert "aiko@example.test" not in html and "Interviewing" not in html
    assert "application_scorecard" not in html and "/applications/" not in html


def test_results_are_paginated_and_sortable_by_opening(client, app):
    app.config["PER_PAGE"] = 2
    admin = factories.user(Role.ADMIN)
    for title in ("Charlie", "Alpha", "Bravo"):
        opening = make.opening()
        opening.title = title
        make.application(opening, name=f"Sato at {title}")
    db.session.commit()
    login(client, admin)
    first = _search(client, q="sato", sort="opening")
    assert "Sato at Alpha" in first and "Sato at Bravo" in first and "Charlie" not in first
    assert "Page 1 of 2" in first and 'aria-sort="ascending"' in first
    second = _search(client, q="sato", sort="opening", page=2)
    assert "Sato at Charlie" in second
    assert "sort=opening" in second and "q=sato" in second, "links keep the search"


def test_the_search_page_issues_a_fixed_number_of_queries(client, app):
    opening = make.opening()
    ivan = make.interviewer("Ivan")
    colleague_opening = make.opening()
    db.session.commit()
    login(client, opening.hiring_manager)
    make.interview(make.application(colleague_opening), [opening.hiring_manager])

    def grow(n):
        for _ in range(n):
            make.interview(make.application(opening, status="interviewing"), [ivan])
            make.interview(make.application(colleague_opening, status="interviewing"),
                           [opening.hiring_manager])

    assert_fixed_query_count(client, url_for("interviews.candidate_search", q="candidate"),
                             grow)


@pytest.mark.parametrize(("role", "shown"), [
    (Role.ADMIN, True), (Role.MANAGER, True), (Role.INTERVIEWER, True),
    (Role.CSM, False), (Role.NEW_HIRE, False),
])
def test_the_header_offers_the_search_to_those_who_may_search(as_role, role, shown):
    html = page_text(as_role(role).get("/"))
    search = url_for("interviews.candidate_search", _external=False)
    assert (f'<li class="nav-search"><a href="{search}"' in html) is shown
    assert ('<input id="menu-search" type="search" name="q"' in html) is shown, "phone menu"
    assert (f'action="{search}"' in html) is shown


def test_the_menus_box_keeps_the_search_text_on_the_results_page(as_role):
    html = _search(as_role(Role.MANAGER), q="Sato")
    assert re.search(r'id="menu-search"[^>]*value="Sato"', html)
    assert re.search(r'id="q"[^>]*value="Sato"', html), "and the page's own box"


def test_nobody_without_a_panel_role_reaches_the_search(as_role):
    assert as_role(Role.CSM).get(url_for("interviews.candidate_search", q="x")).status_code == 403


def test_every_application_found_belongs_to_an_opening_the_viewer_may_see(app):
    # A broad search (every candidate matches "@") returns nothing outside the rules.
    mine, other = make.opening(), make.opening()
    for opening in (mine, other):
        for _ in range(3):
            make.application(opening)
    ivan = make.interviewer()
    make.interview(db.session.scalars(select(Application).where(
        Application.opening_id == other.id)).first(), [ivan])
    assert {a.opening_id for a in db.session.scalars(
        search_query(mine.hiring_manager, "candidate")).unique()} == {mine.id}
    assert len(_found(ivan, "candidate")) == 1
