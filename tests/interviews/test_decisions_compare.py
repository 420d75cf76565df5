"""The comparison page: a column per competency, sorting by any column (allowed keys
only), closed applications hidden by default, and the tiers explained."""

import re

from flask import url_for

from cshire.extensions import db
from tests.conftest import login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text


def _opening_with_three():
    opening = make.opening()
    ana, ben = make.interviewer("Ana"), make.interviewer("Ben")
    for name, ratings, status in (("Aoki", [2, 2, 2], "interviewing"),
                                  ("Baba", [5, 1, 4], "interviewing"),
                                  ("Chiba", [4, 4, 4], "hired")):
        application = make.application(opening, name=name, status=status)
        interview = make.interview(application, [ana, ben])
        for user in (ana, ben):
            make.rate(make.seat(interview, user), ratings)
    db.session.commit()
    return opening


def _names(body: str) -> list[str]:
    return re.findall(r'/applications/\d+">([^<]+)</a>', body)


def _page(client, opening, **args) -> str:
    return _text(client.get(url_for("interviews.opening_compare", opening_id=opening.id, **args)))


def test_closed_applications_are_hidden_until_asked_for(client, app):
    opening = _opening_with_three()
    login(client, opening.hiring_manager)
    assert _names(_page(client, opening)) == ["Baba", "Aoki"]
    assert "1 closed application is not shown." in _page(client, opening)
    assert _names(_page(client, opening, closed="1")) == ["Chiba", "Baba", "Aoki"]


def test_every_competency_has_a_column_and_any_column_sorts(client, app):
    opening = _opening_with_three()
    login(client, opening.hiring_manager)
    first = opening.profile.entries[0].competency
    body = _page(client, opening)
    assert f">{first.name_en}<" in body and "<td class=\"num\">5.0</td>" in body
    assert _names(_page(client, opening, sort="name")) == ["Aoki", "Baba"]
    assert _names(_page(client, opening, sort="-name")) == ["Baba", "Aoki"]
    # Baba rated 5 on the first competency, Aoki 2; the second column turns it round.
    assert _names(_page(client, opening, sort=f"-c{first.id}")) == ["Baba", "Aoki"]
    second = opening.profile.entries[1].competency
    assert _names(_page(client, opening, sort=f"-c{second.id}")) == ["Aoki", "Baba"]
    # The sorted column says so and its link reverses the order.
    sorted_by_name = _page(client, opening, sort="name")
    assert 'aria-sort="ascending"' in sorted_by_name and "sort=-name" in sorted_by_name


def test_an_unknown_sort_key_falls_back_to_the_ranking(client, app):
    opening = _opening_with_three()
    login(client, opening.hiring_manager)
    assert _names(_page(client, opening, sort="password")) == ["Baba", "Aoki"]
    assert 'aria-sort="descending"' in _page(client, opening, sort="password")


def test_the_page_explains_the_tiers_instead_of_marking_pairs(client, app):
    opening = _opening_with_three()
    login(client, opening.hiring_manager)
    body = _page(client, opening)
    assert "Candidates in the same tier cannot be told apart on fit alone" in body
    assert "Within the noise of the next" not in body
