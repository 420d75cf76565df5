"""Sign-in, passwords, users and teams. Services never commit: the caller does.

An administrator's changes to a user (name, language, team, roles, activation) leave
rows in the audit trail.
"""

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload
from werkzeug.security import check_password_hash, generate_password_hash

from cshire.audit import Change, diff, record_changes
from cshire.auth.messages import AuthError, role_field
from cshire.auth.models import OrganisationSettings, Role, RoleGrant, Team, User
from cshire.auth.throttle import ThrottlePolicy, count_sign_in_attempt, forgive_sign_in_attempt
from cshire.database import utcnow
from cshire.extensions import db
from cshire.timezones import DEFAULT_ZONE, is_zone

MIN_PASSWORD_LENGTH = 10


def normalise_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return generate_password_hash(password)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError.on_field("password", "password_too_short", length=MIN_PASSWORD_LENGTH)


def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str, policy: ThrottlePolicy, *, client: str,
                 now: datetime | None = None) -> User:
    """Return the user for valid credentials, or raise ``AuthError``.

    ``locked`` while ``email`` is throttled for ``client`` (the sign-in throttle,
    ``cshire/auth/throttle.py``), for known and unknown addresses alike; ``invalid``
    covers wrong email, wrong password and deactivated accounts, so the answer never
    reveals which addresses have accounts.
    """
    now = now or utcnow()
    email = normalise_email(email)
    count_sign_in_attempt(email, client, policy, now)
    user = user_by_email(email)
    # Hash even for unknown emails so response time does not reveal them.
    stored = user.password_hash if user else _DUMMY_HASH
    password_ok = check_password_hash(stored, password)
    if user is None or not password_ok or not user.active:
        raise AuthError("invalid")
    forgive_sign_in_attempt(email, client)
    user.last_login_at = now
    return user


_DUMMY_HASH = generate_password_hash("not-a-real-password-only-for-timing")


def change_password(user: User, current: str, new: str) -> None:
    """Every other session of the user ends; the view signs the current one in again."""
    if not check_password_hash(user.password_hash, current):
        raise AuthError.on_field("current_password", "wrong_current_password")
    check_password_rules(new)
    user.password_hash = hash_password(new)
    user.end_all_sessions()


def set_roles(user: User, roles: set[Role]) -> None:
    """Replace the user's roles with ``roles``."""
    current = {Role(grant.role): grant for grant in user.role_grants}
    for role, grant in current.items():
        if role not in roles:
            user.role_grants.remove(grant)
    for role in roles - current.keys():
        user.role_grants.append(RoleGrant(role=role.value))


def create_user(
    *,
    email: str,
    display_name: str,
    password: str,
    roles: set[Role],
    locale: str = "en",
    team: Team | None = None,
    password_hash: str | None = None,
) -> User:
    """``password_hash`` lets demo and test data hash their one shared password once
    (hashing is deliberately slow); it must be the hash of ``password``."""
    email = normalise_email(email)
    if user_by_email(email) is not None:
        raise AuthError("email_taken")
    check_password_rules(password)
    user = User(
        email=email,
        display_name=display_name.strip(),
        password_hash=password_hash or hash_password(password),
        locale=locale,
        team=team,
    )
    set_roles(user, roles)
    db.session.add(user)
    db.session.flush()
    return user


def update_user(
    user: User, *, actor: User, display_name: str, locale: str, roles: set[Role],
    team: Team | None, active: bool,
) -> None:
    """Edit a user. An admin cannot remove their own admin role or deactivate
    themselves: that is how a team locks itself out of its own settings."""
    if user.id == actor.id and (Role.ADMIN not in roles or not active):
        raise AuthError("cannot_demote_self")
    before = _audited(user)
    user.display_name = display_name.strip()
    user.locale = locale
    user.team = team
    user.active = active
    set_roles(user, roles)
    record_changes(user, diff(before, _audited(user)), actor)


def _audited(user: User) -> dict[str, object]:
    held = user.roles
    return {
        "display_name": user.display_name, "locale": user.locale,
        "team": user.team.name if user.team else None, "active": user.active,
        **{role_field(role): role in held for role in Role},
    }


def set_active(user: User, *, actor: User, active: bool) -> None:
    if user.id == actor.id and not active:
        raise AuthError("cannot_demote_self")
    record_changes(user, {"active": Change(user.active, active)}, actor)
    user.active = active


def set_locale(user: User, locale: str) -> None:
    """The user's own choice of language (not audited: it changes nothing for others)."""
    user.locale = locale


def reset_password(user: User, new: str) -> None:
    """An admin sets a new password: the user's sessions end everywhere."""
    check_password_rules(new)
    user.password_hash = hash_password(new)
    user.end_all_sessions()


def users_page_query(search: str = "", role: Role | None = None):
    """The admin list, by name, optionally filtered by name/email and role."""
    query = select(User).options(selectinload(User.team)).order_by(User.display_name, User.id)
    if search:
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            func.lower(User.display_name).like(pattern) | User.email.like(pattern)
        )
    if role is not None:
        query = query.where(User.role_grants.any(RoleGrant.role == role.value))
    return query


def save_team(team: Team | None, *, name: str, manager: User | None) -> Team:
    name = name.strip()
    clash = db.session.scalar(select(Team).where(func.lower(Team.name) == name.lower()))
    if clash is not None and clash is not team:
        raise AuthError("team_name_taken")
    if team is None:
        team = Team(name=name)
        db.session.add(team)
    team.name = name
    team.manager = manager
    db.session.flush()
    return team


def teams_query() -> Select:
    """Every team by name, with its members and manager loaded."""
    query = select(Team).options(selectinload(Team.members), selectinload(Team.manager))
    return query.order_by(Team.name)


def all_teams() -> list[Team]:
    return list(db.session.scalars(teams_query()))


def users_with_role(role: Role) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.active, User.role_grants.any(RoleGrant.role == role.value))
            .order_by(User.display_name)
        )
    )


def sign_out_everywhere(user: User) -> None:
    """Sign-out ends the user's sessions on every device, remember-me included: a
    copied session cookie stops working with the one it was copied from."""
    user.end_all_sessions()


def organisation_zone() -> str:
    """The organisation's default time zone (UTC until an admin sets one)."""
    return db.session.scalar(select(OrganisationSettings.default_timezone)) or DEFAULT_ZONE


def set_organisation_zone(zone: str, *, actor: User) -> OrganisationSettings:
    if not is_zone(zone):
        raise AuthError.on_field("default_timezone", "zone_unknown", zone=zone)
    settings = db.session.scalar(select(OrganisationSettings)) or OrganisationSettings()
    db.session.add(settings)
    record_changes(settings, {"default_timezone": Change(settings.default_timezone, zone)},
                   actor)
    settings.default_timezone = zone
    db.session.flush()
    return settings


def set_timezone(user: User, zone: str | None) -> None:
    """The user's own zone; None: the organisation's default (not audited: it changes
    nothing for others)."""
    if zone is not None and not is_zone(zone):
        raise AuthError.on_field("timezone", "zone_unknown", zone=zone)
    user.timezone = zone


# --- who belongs where: the membership queries every package asks -----------------------


def users_with_any_role(roles) -> list[User]:
    """Active users holding one of ``roles``, by name (pickers: panels, hiring managers,
    mentors…)."""
    return list(db.session.scalars(
        select(User)
        .where(User.active.is_(True),
               User.id.in_(select(RoleGrant.user_id).where(
                   RoleGrant.role.in_([Role(r).value for r in roles]))))
        .order_by(User.display_name)
    ))


def members_with_role_query(role: Role, *, team_ids=None) -> Select:
    """Active users holding ``role`` (all teams, or those of ``team_ids``), by name —
    e.g. the CSMs a manager rates, evaluates or enrols."""
    query = (
        select(User)
        .join(RoleGrant, RoleGrant.user_id == User.id)
        .where(RoleGrant.role == Role(role).value, User.active.is_(True))
        .order_by(User.display_name, User.id)
    )
    if team_ids is not None:
        query = query.where(User.team_id.in_(list(team_ids)))
    return query


def teams_managed_by(user: User) -> list[Team]:
    """The teams ``user`` manages (an admin manages none by this rule: access rules
    give admins everything on their own)."""
    return list(db.session.scalars(
        select(Team).where(Team.manager_id == user.id).order_by(Team.name)))


def managed_member_ids(user: User) -> set[int]:
    """Ids of the members of the teams ``user`` manages (one query)."""
    return set(db.session.scalars(
        select(User.id).join(Team, User.team_id == Team.id).where(Team.manager_id == user.id)))


def manages_member(manager: User, member: User) -> bool:
    """True when ``member`` is in a team ``manager`` manages."""
    return member.team_id is not None and db.session.scalar(
        select(Team.id).where(Team.id == member.team_id, Team.manager_id == manager.id)
    ) is not None
