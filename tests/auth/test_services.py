from datetime import timedelta

import pytest

from cshire.audit import history
from cshire.auth.models import LoginThrottle, Role
from cshire.auth.services import (
    AuthError,
    ThrottlePolicy,
    authenticate,
    change_password,
    create_user,
    save_team,
    set_active,
    update_user,
)
from cshire.database import utcnow
from cshire.extensions import db
from tests import factories
from tests.factories import PASSWORD

POLICY = ThrottlePolicy(max_failures=3, lock_minutes=15)


def test_authenticate_accepts_the_right_password_case_insensitively(app):
    user = factories.user(email="Ana@Example.org")
    assert authenticate(" ANA@example.org ", PASSWORD, POLICY) is user
    assert user.last_login_at is not None


def test_wrong_password_and_unknown_email_give_the_same_error(app):
    factories.user(email="ana@example.org")
    with pytest.raises(AuthError) as wrong:
        authenticate("ana@example.org", "nope-nope-nope", POLICY)
    with pytest.raises(AuthError) as unknown:
        authenticate("nobody@example.org", "nope-nope-nope", POLICY)
    assert wrong.value.code == unknown.value.code == "invalid"


def test_deactivated_user_cannot_sign_in(app):
    factories.user(email="gone@example.org", active=False)
    with pytest.raises(AuthError, match="invalid"):
        authenticate("gone@example.org", PASSWORD, POLICY)


@pytest.mark.parametrize("email", ["ana@example.org", "nobody@example.org"])
def test_repeated_failures_lock_the_email_whether_or_not_it_exists(app, email):
    factories.user(email="ana@example.org")
    now = utcnow()
    for _ in range(POLICY.max_failures):
        with pytest.raises(AuthError, match="invalid"):
            authenticate(email, "wrong-password!", POLICY, now=now)
    with pytest.raises(AuthError) as locked:
        authenticate(email, PASSWORD, POLICY, now=now + timedelta(minutes=1))
    assert locked.value.code == "locked"
    assert locked.value.params["minutes"] == 15


def test_lock_expires_and_success_clears_the_failures(app):
    factories.user(email="ana@example.org")
    start = utcnow()
    for _ in range(POLICY.max_failures):
        with pytest.raises(AuthError):
            authenticate("ana@example.org", "wrong-password!", POLICY, now=start)
    later = start + timedelta(minutes=16)
    assert authenticate("ana@example.org", PASSWORD, POLICY, now=later)
    db.session.flush()
    assert db.session.query(LoginThrottle).count() == 0


def test_failures_outside_the_window_start_a_new_count(app):
    factories.user(email="ana@example.org")
    start = utcnow()
    for minutes in (0, 20, 40):
        with pytest.raises(AuthError, match="invalid"):
            authenticate("ana@example.org", "wrong-password!", POLICY,
                         now=start + timedelta(minutes=minutes))
    assert authenticate("ana@example.org", PASSWORD, POLICY, now=start + timedelta(minutes=41))


def test_change_password_checks_the_current_one_and_the_length(app):
    user = factories.user()
    with pytest.raises(AuthError, match="wrong_current_password"):
        change_password(user, "not-it-at-all", "a-brand-new-password")
    with pytest.raises(AuthError, match="password_too_short"):
        change_password(user, PASSWORD, "short")
    change_password(user, PASSWORD, "a-brand-new-password")
    assert authenticate(user.email, "a-brand-new-password", POLICY) is user


def test_create_user_refuses_a_duplicate_email(app):
    factories.user(email="ana@example.org")
    with pytest.raises(AuthError, match="email_taken"):
        create_user(email="ANA@example.org", display_name="Ana", password=PASSWORD,
                    roles={Role.CSM})


def test_user_may_hold_several_roles(app):
    user = factories.user(Role.INTERVIEWER, Role.CSM)
    assert user.roles == {Role.INTERVIEWER, Role.CSM}
    assert user.has_role(Role.CSM, Role.ADMIN)
    assert not user.has_role(Role.ADMIN)


def test_admin_cannot_remove_own_admin_role_or_deactivate_self(app):
    admin = factories.user(Role.ADMIN)
    with pytest.raises(AuthError, match="cannot_demote_self"):
        update_user(admin, actor=admin, display_name="A", locale="en", roles={Role.MANAGER},
                    team=None, active=True)
    with pytest.raises(AuthError, match="cannot_demote_self"):
        set_active(admin, actor=admin, active=False)


def test_update_user_replaces_roles_and_team(app):
    admin = factories.user(Role.ADMIN)
    team = factories.team()
    user = factories.user(Role.CSM)
    update_user(user, actor=admin, display_name=" Kim ", locale="ja",
                roles={Role.INTERVIEWER, Role.MANAGER}, team=team, active=False)
    assert (user.display_name, user.locale, user.team, user.active) == ("Kim", "ja", team, False)
    assert user.roles == {Role.INTERVIEWER, Role.MANAGER}


def test_an_admins_changes_to_roles_and_activation_are_audited(app):
    admin = factories.user(Role.ADMIN)
    user = factories.user(Role.CSM, name="Kim")
    update_user(user, actor=admin, display_name="Kim", locale="en",
                roles={Role.CSM, Role.MANAGER}, team=None, active=True)
    set_active(user, actor=admin, active=False)
    db.session.flush()
    rows = [(r.field, r.old_value, r.new_value, r.actor_id) for r in history(user)]
    assert rows == [("active", "true", "false", admin.id),
                    ("role_manager", "false", "true", admin.id)]


def test_saving_a_user_unchanged_leaves_no_audit_row(app):
    admin = factories.user(Role.ADMIN)
    user = factories.user(Role.CSM)
    update_user(user, actor=admin, display_name=user.display_name, locale=user.locale,
                roles={Role.CSM}, team=None, active=True)
    set_active(user, actor=admin, active=True)
    db.session.flush()
    assert history(user) == []


def test_team_names_are_unique_ignoring_case(app):
    save_team(None, name="Success", manager=None)
    with pytest.raises(AuthError, match="team_name_taken"):
        save_team(None, name="success", manager=None)
