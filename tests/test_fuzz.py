"""Crafted input over every route answers 4xx, never 5xx.

The routes, their URL converters, the query parameters the code reads and the fields
of every form are all discovered, not listed: a route, parameter or form added later
is fuzzed without anyone remembering to add it here. Requests are made as a signed-in
admin (who passes every access rule, so the views run to their end) and as a manager,
on SQLite and on PostgreSQL (where an id beyond 2³¹ or a NUL byte in text is an error
of the database itself).
"""

import importlib
import pkgutil
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.routing import IntegerConverter, Rule

import cshire
from cshire.auth.models import Role
from cshire.extensions import db
from tests import factories
from tests.conftest import login
from tests.test_access import build_world

# Beyond PostgreSQL's integer (2³¹) and bigint (2⁶³), and SQLite's 64-bit integers.
BOUNDARY_IDS = (0, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30)
HOSTILE_TEXT = (
    "", " ", "\x00", "a\x00b", "x" * 5000, "-1", "1e400", "NaN", "2147483648",
    "99999999999999999999", "' OR 1=1 --", "<script>alert(1)</script>", "%", "../..",
    "日本語の長い文字列" * 40, "=cmd|' /C calc'!A0", "\t", "\u202e", "\ufeff",
)
CODE_ROOT = Path(cshire.__file__).parent
_ARG_NAMES = re.compile(r"""(?:args\.get(?:list)?|id_arg)\(\s*["']([A-Za-z_]+)["']""")


def query_parameter_names() -> list[str]:
    """Every name the code reads from a query string (``request.args.get("…")``,
    ``id_arg("…")``)."""
    names = set()
    for path in CODE_ROOT.rglob("*.py"):
        names.update(_ARG_NAMES.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


def form_field_names() -> list[str]:
    """The fields of every form class in the app (subforms' names included)."""
    for module in pkgutil.walk_packages([str(CODE_ROOT)], prefix="cshire."):
        importlib.import_module(module.name)
    names: set[str] = set()
    pending = list(FlaskForm.__subclasses__())
    while pending:
        form = pending.pop()
        pending.extend(form.__subclasses__())
        names.update(name for name in dir(form) if _is_field(form, name))
    return sorted(names)


def _is_field(form: type, name: str) -> bool:
    value = getattr(form, name, None)
    return not name.startswith("_") and hasattr(value, "field_class")


def _rules(app: Flask) -> list[Rule]:
    return sorted((r for r in app.url_map.iter_rules() if r.endpoint != "static"),
                  key=lambda r: r.rule)


def _url(rule: Rule, values: dict[str, str]) -> str:
    """The rule's path with every converter replaced by ``values[name]`` (raw text,
    so values a converter would refuse reach the server as they would from a browser)."""
    path = rule.rule
    for name in rule.arguments:
        path = re.sub(r"<(?:[^:<>]+:)?" + name + r">", quote(values[name], safe=""), path)
    return path


def _method(rule: Rule) -> str:
    return "GET" if "GET" in rule.methods else "POST"


def _request(client, rule: Rule, values: dict[str, str], params=None, form=None):
    url = _url(rule, values)
    try:
        if _method(rule) == "GET":
            return client.get(url, query_string=params or {})
        return client.post(url, query_string=params or {}, data=form or {})
    except Exception as error:  # a propagated server error in TESTING mode
        pytest.fail(f"{_method(rule)} {url} {params} {form!r:.200} raised {error!r}")


def _assert_no_server_error(response, rule, detail) -> None:
    assert response.status_code < 500, f"{_method(rule)} {rule.rule} {detail!r:.300}"


@pytest.fixture
def admin_client(app):
    build_world()
    admin = factories.user(Role.ADMIN, Role.MANAGER, Role.INTERVIEWER)
    db.session.commit()
    return login(app.test_client(), admin)


def test_every_route_answers_boundary_ids_without_a_server_error(app, admin_client):
    for rule in _rules(app):
        if not rule.arguments:
            continue
        for value in BOUNDARY_IDS:
            values = {name: str(value) for name in rule.arguments}
            _assert_no_server_error(_request(admin_client, rule, values), rule, values)


def test_every_route_answers_hostile_path_text_without_a_server_error(app, admin_client):
    for rule in _rules(app):
        if not rule.arguments:
            continue
        for text in ("abc", "%00", "-5", "1.5", "x" * 300):
            values = dict.fromkeys(rule.arguments, text)
            _assert_no_server_error(_request(admin_client, rule, values), rule, values)


def test_int_converters_refuse_ids_beyond_the_databases_integers(app):
    """The first line of defence: such a URL matches no route (404)."""
    converters = [c for r in _rules(app) for c in r._converters.values()
                  if isinstance(c, IntegerConverter)]
    assert converters and all(c.max == 2**31 - 1 for c in converters)


@pytest.fixture(scope="module")
def field_names() -> list[str]:
    return form_field_names()


hostile_values = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=40),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_query_strings_and_forms_never_answer_a_server_error(
        app, admin_client, field_names, data):
    rule = data.draw(st.sampled_from(_rules(app)), label="rule")
    ids = {name: data.draw(st.sampled_from(["1", "2", "3"]), label=name)
           for name in rule.arguments}
    names = query_parameter_names()
    params = data.draw(st.dictionaries(st.sampled_from(names), hostile_values, max_size=4),
                       label="query")
    form = data.draw(st.dictionaries(st.sampled_from(field_names), hostile_values,
                                     max_size=6), label="form")
    response = _request(admin_client, rule, ids, params, form)
    _assert_no_server_error(response, rule, (ids, params, form))
    db.session.rollback()


def test_the_fuzzer_finds_the_parameters_and_fields_it_should(field_names):
    """Guards the discovery itself: a regex or import change must not empty the lists."""
    assert {"page", "q", "status", "opening"} <= set(query_parameter_names())
    assert {"email", "password", "name", "file", "answers"} <= set(field_names)


def test_every_page_is_sent_with_no_store_and_static_files_stay_cacheable(app, admin_client):
    """Pages show personal data; no browser or proxy may keep a copy of any of them."""
    answered = 0
    for rule in _rules(app):
        if _method(rule) != "GET":
            continue
        response = _request(admin_client, rule, dict.fromkeys(rule.arguments, "1"))
        if response.status_code == 200:
            answered += 1
            assert response.headers["Cache-Control"] == "no-store", rule.rule
    assert answered > 20
    with admin_client.get("/static/css/app.css") as static:
        assert static.status_code == 200
        assert "no-store" not in static.headers.get("Cache-Control", "")


def test_digits_that_are_not_ascii_never_reach_int(app, client):
    """``"²".isdigit()`` is true but ``int("²")`` fails: such input is ignored or refused."""
    with client.session_transaction() as session:
        session["_user_id"] = "²:token"
    assert client.get("/").status_code in (302, 401)
    admin = factories.user(Role.ADMIN, Role.MANAGER)
    db.session.commit()
    login(client, admin)
    assert client.get("/hiring/questions?competency=²").status_code == 200
