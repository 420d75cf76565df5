"""Demo people: the demo sign-ins and a small CS team in two teams.

The first step of the demo (``cshire/demo.py``); idempotent (get-or-create by email).
"""

from functools import cache

from sqlalchemy import select

from cshire.auth.models import OrganisationSettings, Role, Team, User
from cshire.auth.services import create_user, hash_password, set_roles
from cshire.extensions import db

DEMO_PASSWORD = "demo-pass-1234"  # noqa: S105 - published demo credential, demo data only

@cache
def demo_password_hash() -> str:
    """Every demo user shares the published password; hashing is slow on purpose, so
    the demo hashes it once per process."""
    return hash_password(DEMO_PASSWORD)


DEMO_USERS: tuple[tuple[str, dict[str, str], frozenset[Role]], ...] = (
    ("admin@example.com", {"en": "Alex Admin", "ja": "管理 彩"}, frozenset({Role.ADMIN})),
    ("manager@example.com", {"en": "Mia Manager", "ja": "佐藤 美咲"},
     frozenset({Role.MANAGER, Role.INTERVIEWER})),
    ("interviewer@example.com", {"en": "Ivan Interviewer", "ja": "鈴木 一郎"},
     frozenset({Role.INTERVIEWER, Role.CSM})),
    ("interviewer2@example.com", {"en": "Iris Interviewer", "ja": "高橋 いずみ"},
     frozenset({Role.INTERVIEWER, Role.CSM})),
    ("csm@example.com", {"en": "Chris CSM", "ja": "田中 健太"}, frozenset({Role.CSM})),
    ("newhire@example.com", {"en": "Nina Newhire", "ja": "伊藤 菜々"},
     frozenset({Role.NEW_HIRE})),
)

# Further team members, so profiles from exemplars and evaluations have a team to rate.
TEAM_MEMBERS: tuple[tuple[str, dict[str, str]], ...] = (
    ("haruka@example.com", {"en": "Haruka Mori", "ja": "森 遥"}),
    ("kenji@example.com", {"en": "Kenji Ito", "ja": "伊東 健二"}),
    ("sara@example.com", {"en": "Sara Lindqvist", "ja": "サラ・リンドクヴィスト"}),
    ("tomo@example.com", {"en": "Tomoko Abe", "ja": "阿部 智子"}),
    ("daniel@example.com", {"en": "Daniel Okafor", "ja": "ダニエル・オカフォー"}),
    ("yuki@example.com", {"en": "Yuki Nakamura", "ja": "中村 由紀"}),
)

TEAMS = {"en": ("Onboarding", "Success"), "ja": ("オンボーディング", "サクセス")}


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
    users = {email: _get_or_create_user(email, names[lang], roles, lang)
             for email, names, roles in DEMO_USERS}
    members = [_get_or_create_user(email, names[lang], frozenset({Role.CSM}), lang)
               for email, names in TEAM_MEMBERS]
    manager = users["manager@example.com"]
    onboarding, success = (_get_or_create_team(name, manager) for name in TEAMS[lang])
    for user in (users["newhire@example.com"], *members[:2]):
        user.team = user.team or onboarding
    for user in (users["csm@example.com"], users["interviewer@example.com"],
                 users["interviewer2@example.com"], *members[2:]):
        user.team = user.team or success
    return [f"people: {len(users) + len(members)} users in 2 teams"]


STEPS = (("people", load_people),)
