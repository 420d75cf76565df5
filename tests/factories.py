"""Plain builder functions for test data. Each flushes, none commits."""

from itertools import count

from werkzeug.security import generate_password_hash

from cshire.auth.models import Role, Team, User
from cshire.auth.services import create_user
from cshire.competencies.models import LEVELS, Competency, CompetencyLevel
from cshire.extensions import db

PASSWORD = "correct-horse-battery"
# Hashing is slow on purpose; every test user shares one hash of the one password, made
# with a cheap method (tests only) so that checking it at sign-in is cheap too.
PASSWORD_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
_sequence = count(1)


def user(*roles: Role, email: str | None = None, name: str | None = None,
         locale: str = "en", team: Team | None = None, active: bool = True) -> User:
    n = next(_sequence)
    created = create_user(
        email=email or f"user{n}@example.org",
        display_name=name or f"User {n}",
        password=PASSWORD,
        password_hash=PASSWORD_HASH,
        roles=set(roles),
        locale=locale,
        team=team,
    )
    created.active = active
    db.session.flush()
    return created


def team(name: str | None = None, manager: User | None = None) -> Team:
    created = Team(name=name or f"Team {next(_sequence)}", manager=manager)
    db.session.add(created)
    db.session.flush()
    return created


def competency(code: str | None = None, *, name_en: str = "", name_ja: str = "",
               category: str = "skill", archived: bool = False) -> Competency:
    n = next(_sequence)
    code = code or f"COMP-{n}"
    created = Competency(
        code=code,
        category=category,
        name_en=name_en or f"Competency {n}",
        name_ja=name_ja or f"コンピテンシー{n}",
        description_en=f"What {code} means.",
        description_ja=f"{code}の説明です。",
        levels=[
            CompetencyLevel(level=lvl, description_en=f"Level {lvl} behaviour",
                            description_ja=f"レベル{lvl}の行動")
            for lvl in LEVELS
        ],
    )
    if archived:
        from cshire.database import utcnow

        created.archived_at = utcnow()
    db.session.add(created)
    db.session.flush()
    return created
