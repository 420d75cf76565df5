
import pytest

from cshire.audit import history
from cshire.auth.models import Role
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
from cshire.extensions import db
from tests import factories
from tests.factories import PASSWORD


def test_change_password_checks_the_current_one_and_the_length(app):
    user = factories.user()
    with pytest.raises(AuthError, match="wrong_current_password"):
        change_password(user, "not-it-at-all", "a-brand-new-password")
    with pytest.raises(AuthError, match="password_too_short"):
        change_password(user, PASSWORD, "short")
    change_password(user, PASSWORD, "a-brand-new-password")
    assert authenticate(user.email, "a-brand-new-password", ThrottlePolicy(),
                        client="10.0.0.1") is user


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


def test_membership_queries_answer_who_a_manager_manages(app):
    from cshire.auth.services import (
        managed_member_ids,
        manages_member,
        members_with_role_query,
        teams_managed_by,
        users_with_any_role,
    )

    lead, other_lead = factories.user(Role.MANAGER), factories.user(Role.MANAGER)
    mine, theirs = factories.team("Onboarding", lead), factories.team("Renewals", other_lead)
    ana = factories.user(Role.CSM, name="Ana", team=mine)
    ben = factories.user(Role.CSM, Role.INTERVIEWER, name="Ben", team=theirs)
    factories.user(Role.CSM, name="Cy", team=mine, active=False)
    assert teams_managed_by(lead) == [mine]
    assert managed_member_ids(lead) == {ana.id} | {u.id for u in mine.members if not u.active}
    assert manages_member(lead, ana) and not manages_member(lead, ben)
    in_my_team = db.session.scalars(members_with_role_query(Role.CSM, team_ids=[mine.id]))
    assert list(in_my_team) == [ana]
    assert [u.display_name for u in users_with_any_role([Role.INTERVIEWER])] == ["Ben"]
