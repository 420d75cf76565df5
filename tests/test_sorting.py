"""The one sort helper (cshire/sorting.py) and the sortable headers of data_table."""

from html.parser import HTMLParser

import pytest
from flask import render_template_string, url_for
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from cshire.auth.models import Role, Team, User
from cshire.competencies.models import Competency
from cshire.extensions import db
from cshire.sorting import Sort, SortKeys, localized_column
from tests import factories
from tests.conftest import login

KEYS = SortKeys("name", User.id, name=func.lower(User.display_name), email=User.email,
                team=select(Team.name).where(Team.id == User.team_id).scalar_subquery())


# --- reading the query string -------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ({}, Sort("name")),
    ({"sort": "email"}, Sort("email")),
    ({"sort": "-email"}, Sort("email", descending=True)),
    ({"sort": ""}, Sort("name")),
    ({"sort": "-"}, Sort("name")),
    ({"sort": "password_hash"}, Sort("name")),
    ({"sort": "email; DROP TABLE users"}, Sort("name")),
    ({"sort": "--email"}, Sort("name")),
])
def test_only_a_declared_key_is_read_from_the_query_string(query, expected):
    assert KEYS.read(MultiDict(query)) == expected


def test_the_default_may_be_descending_and_must_be_a_key():
    keys = SortKeys("-email", User.id, email=User.email)
    assert keys.read({}) == Sort("email", descending=True)
    assert keys.read({}).param == "-email" and Sort("email").param == "email"
    with pytest.raises(ValueError, match="not one of the keys"):
        SortKeys("age", User.id, email=User.email)


# --- ordering a query --------------------------------------------------------------------------


def _names(sort: Sort) -> list[str]:
    return list(db.session.scalars(KEYS.apply(select(User).order_by(User.email), sort)
                                   .with_only_columns(User.display_name)))


def test_a_sort_replaces_the_query_order_in_both_directions(app):
    for name, email in (("bea", "c@x.org"), ("Ada", "b@x.org"), ("cid", "a@x.org")):
        factories.user(name=name, email=email)
    assert _names(Sort("name")) == ["Ada", "bea", "cid"]
    assert _names(Sort("name", descending=True)) == ["cid", "bea", "Ada"]
    assert _names(Sort("email")) == ["cid", "Ada", "bea"]
    assert _names(Sort("unknown")) == ["Ada", "bea", "cid"], "falls back to the default"


def test_empty_values_come_last_in_both_directions_on_every_database(app):
    factories.user(name="No team")
    factories.user(name="Blue member", team=factories.team("Blue"))
    factories.user(name="Amber member", team=factories.team("Amber"))
    assert _names(Sort("team")) == ["Amber member", "Blue member", "No team"]
    assert _names(Sort("team", descending=True)) == ["Blue member", "Amber member", "No team"]


def test_equal_values_keep_one_order_by_the_tiebreaker(app):
    users = [factories.user(name="Same") for _ in range(3)]
    ids = list(db.session.scalars(KEYS.apply(select(User.id), Sort("name"))))
    assert ids == sorted(u.id for u in users)
    ids = list(db.session.scalars(KEYS.apply(select(User.id), Sort("name", descending=True))))
    assert ids == sorted((u.id for u in users), reverse=True)


def test_a_localized_column_sorts_by_the_name_shown_falling_back_to_the_other_language(app):
    factories.competency("A", name_en="Zeal", name_ja="傾聴")
    factories.competency("B", name_en="Agility", name_ja="")
    factories.competency("C", name_en="Listening", name_ja="熱意")
    by_name = SortKeys("en", Competency.id, en=localized_column(Competency, "name", "en"),
                       ja=localized_column(Competency, "name", "ja"))
    codes = lambda key: list(db.session.scalars(  # noqa: E731
        by_name.apply(select(Competency.code), Sort(key))))
    assert codes("en") == ["B", "C", "A"]
    # B has no Japanese name and sorts as "Agility"; 傾聴 (U+50BE) < 熱意 (U+71B1).
    assert codes("ja") == ["B", "A", "C"]


# --- the header links of data_table ---------------------------------------------------------

TABLE = """{% from "_page.html" import data_table %}
{% set columns = [{"label": "Name", "sort": "name"}, {"label": "Joined", "sort": "-joined"},
                  {"label": "Score", "num": true}, "Plain"] %}
{% call(row) data_table(rows, columns, sort=sort) %}<tr><td>{{ row }}</td></tr>{% endcall %}"""


class _Headers(HTMLParser):
    """Each <th> as (its attributes, the href of its link or None, its text)."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[list] = []
        self._in_th = False

    def handle_starttag(self, tag, attrs):
        if tag == "th":
            self._in_th = True
            self.headers.append([dict(attrs), None, ""])
        elif tag == "a" and self._in_th:
            self.headers[-1][1] = dict(attrs)["href"]

    def handle_endtag(self, tag):
        if tag == "th":
            self._in_th = False

    def handle_data(self, data):
        if self._in_th:
            self.headers[-1][2] += data.strip()


def _headers(app, query: str, sort: Sort | None) -> list[list]:
    with app.test_request_context(f"/hiring/openings?{query}"):
        html = render_template_string(TABLE, rows=["a"], sort=sort)
    parser = _Headers()
    parser.feed(html)
    return parser.headers


def test_sortable_headers_link_to_each_order_keeping_filters_and_page(app):
    name, joined, score, plain = _headers(app, "closed=1&page=2&sort=name", Sort("name"))
    assert name[0]["aria-sort"] == "ascending" and name[2] == "Name▲"
    assert name[1] == "/hiring/openings?closed=1&page=2&sort=-name", "the same column reverses"
    assert "aria-sort" not in joined[0] and joined[2] == "Joined↕"
    assert joined[1] == "/hiring/openings?closed=1&page=2&sort=-joined", "newest first at once"
    assert score[1] is None and plain[1] is None and "aria-sort" not in score[0]


def test_a_descending_column_says_so_and_its_link_turns_it_ascending(app):
    name, joined, *_ = _headers(app, "sort=-joined", Sort("joined", descending=True))
    assert joined[0]["aria-sort"] == "descending" and joined[2] == "Joined▼"
    assert joined[1] == "/hiring/openings?sort=joined"
    assert name[1] == "/hiring/openings?sort=name"


def test_without_a_sort_the_table_has_no_links(app):
    headers = _headers(app, "", None)
    assert [h[1] for h in headers] == [None, None, None, None]
    assert [h[2] for h in headers] == ["Name", "Joined", "Score", "Plain"]


def test_the_filter_bar_keeps_the_order_when_filters_change(app):
    template = """{% from "_page.html" import filter_bar %}{% call filter_bar() %}{% endcall %}"""
    with app.test_request_context("/hiring/openings?sort=-title&page=3"):
        html = render_template_string(template)
    assert '<input type="hidden" name="sort" value="-title">' in html
    assert 'name="page"' not in html, "a new filter starts from the first page"


# --- every list ---------------------------------------------------------------------------------

LISTS = ["auth.users", "auth.teams", "competencies.index", "interviews.profiles",
         "interviews.questions", "interviews.kits", "interviews.openings",
         "interviews.opening_detail", "interviews.candidate_search"]


class _SortLinks(HTMLParser):
    """The hrefs of the header links, the aria-sort of the sorted column and its link."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.sorted: list[str] = []
        self.sorted_link = ""
        self._th: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "th":
            self._th = attrs
            if "aria-sort" in attrs:
                self.sorted.append(attrs["aria-sort"])
        elif tag == "a" and self._th is not None:
            self.links.append(attrs["href"])
            if "aria-sort" in self._th:
                self.sorted_link = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "th":
            self._th = None


def _sort_links(client, url: str) -> _SortLinks:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _SortLinks()
    parser.feed(response.get_data(as_text=True))
    return parser


def _one_of_everything():
    """An admin who sees one row in every list."""
    from tests.interviews import factories_design as design
    from tests.interviews import factories_process as make

    admin = factories.user(Role.ADMIN, team=factories.team())
    profile = design.profile()
    design.bank_for(profile, 2)
    design.kit(profile, total=3, published=True)
    opening = make.opening(admin)
    make.application(opening, name="Sato Aiko")
    db.session.commit()
    return admin, opening


@pytest.mark.parametrize("endpoint", LISTS)
def test_every_list_sorts_both_ways_by_each_of_its_sortable_columns(app, client, endpoint):
    admin, opening = _one_of_everything()
    login(client, admin)
    args = {"opening_id": opening.id} if endpoint == "interviews.opening_detail" else {}
    if endpoint == "interviews.candidate_search":
        args["q"] = "sato"
    first = _sort_links(client, url_for(endpoint, _external=False, **args))
    assert len(first.links) >= 2, f"{endpoint} offers too few orders"
    assert len(first.sorted) <= 1
    for link in first.links:
        once = _sort_links(client, link)
        assert len(once.sorted) == 1, f"{link}: the sorted column is not marked"
        twice = _sort_links(client, once.sorted_link)
        assert {once.sorted[0], twice.sorted[0]} == {"ascending", "descending"}, link
