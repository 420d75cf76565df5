"""Demo people: the demo sign-ins and a small CS organisation in a few teams.

The first step of the demo (``cshire/demo.py``); idempotent (get-or-create by email).
Who they are (names in both languages, roles, team) and who leads each team is content:
``cshire/content/demo_people/team.json``, checked against ``DEMO_TEAM`` below.
"""

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import select

from cshire.auth.models import OrganisationSettings, Role, Team, User
from cshire.auth.services import create_user, hash_password, set_roles
from cshire.content.loader import (
    BILINGUAL,
    Items,
    LazySequence,
    Omittable,
    String,
    load,
    record,
)
from cshire.extensions import db

DEMO_PASSWORD = "demo-pass-1234"  # noqa: S105 - published demo credential, demo data only

_PERSON = record(
    email=String(),
    name=BILINGUAL,
    roles=Items(String(choices=tuple(Role))),
    team=Omittable(String()),  # the code of one of ``teams``; managers have none
)
# One file: the teams, the sign-ins the CLI lists, and further team members (so
# profiles from exemplars and evaluations have a team to rate).
DEMO_TEAM = record(
    # ``manager``: the email of the person (sign-in or member) who leads the team.
    teams=Items(record(code=String(), name=BILINGUAL, manager=String())),
    sign_ins=Items(_PERSON),
    members=Items(_PERSON),
)

DemoPerson = tuple[str, Mapping[str, str], frozenset[Role]]  # email, names, roles


@cache
def demo_team() -> dict[str, Any]:
    """The content file (read once, shared: treat as read-only)."""
    return load("demo_people", DEMO_TEAM)["team"]


def _people(kind: str) -> tuple[DemoPerson, ...]:
    return tuple((p["email"], p["name"], frozenset(Role(r) for r in p["roles"]))
                 for p in demo_team()[kind])


# (email, {"en": name, "ja": name}, roles), built on first use: importing reads no file.
DEMO_USERS: Sequence[DemoPerson] = LazySequence(lambda: _people("sign_ins"))


@cache
def demo_password_hash() -> str:
    """Every demo user shares the published password; hashing is slow on purpose, so
    the demo hashes it once per process."""
    return hash_password(DEMO_PASSWORD)


def _get_or_create_user(email: str, name: str, roles: frozenset[Role], lang: str) -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        return create_user(email=email, display_name=name, password=DEMO_PASSWORD,
                           password_hash=demo_password_hash(), roles=set(roles), locale=lang)
    set_roles(user, set(roles) | user.roles)
    return user


def _get_or_create_team(name: str, manager: User) -> Team:
    team = db.session.scalar(select(Team).where(Team.name == name))
    if team is None:
        team = Team(name=name, manager=manager)
        db.session.add(team)
        db.session.flush()
    return team


# The demo organisation's clock: a Japanese team works in Tokyo time.
DEMO_ZONE = {"en": "UTC", "ja": "Asia/Tokyo"}


def _organisation_settings(lang: str) -> None:
    if db.session.scalar(select(OrganisationSettings.id)) is None:
        db.session.add(OrganisationSettings(default_timezone=DEMO_ZONE[lang]))


def load_people(lang: str) -> list[str]:
    _organisation_settings(lang)
    content = demo_team()
    people = [*content["sign_ins"], *content["members"]]
    users = {p["email"]: _get_or_create_user(p["email"], p["name"][lang],
                                             frozenset(Role(r) for r in p["roles"]), lang)
             for p in people}
    teams = {t["code"]: _get_or_create_team(t["name"][lang], users[t["manager"]])
             for t in content["teams"]}
    for person in people:
        user = users[person["email"]]
        if "team" in person:
            user.team = user.team or teams[person["team"]]
    return [f"people: {len(users)} users in {len(teams)} teams"]


STEPS = (("people", load_people),)
